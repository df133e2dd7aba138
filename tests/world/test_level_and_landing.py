"""Level files and how a free flight ends."""
import dataclasses

import numpy as np
import pytest

from flight.dynamics import DT
from flight.world import LevelFileError, World, generate_terrain, known_levels, load_level
from flight.world import level as level_module
from flight.world.landing import LandingWatch


def test_training_loads():
    assert "training" in known_levels()
    training = load_level("training")
    assert training.aircraft == "camel" and training.start_on_ground and training.briefing


def test_an_unknown_level_lists_the_known_ones():
    with pytest.raises(LevelFileError, match=r"unknown level 'atlantis' \(levels: .*training"):
        load_level("atlantis")


@pytest.mark.parametrize("text, problem", [
    ('title = "x"\n', "missing key 'start'"),
    ("title = [", "not valid TOML"),
])
def test_a_broken_level_file_is_one_line_naming_it(tmp_path, monkeypatch, text, problem):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "level.toml").write_text(text)
    monkeypatch.setattr("flight.paths.levels_dir", lambda: tmp_path)
    with pytest.raises(LevelFileError) as error:
        level_module.load_level("broken")
    assert str(error.value).startswith(str(tmp_path / "broken" / "level.toml")) and problem in str(error.value)


def snapshots_of_a_circuit():
    """A parked snapshot turned into: 12 s in the air, then rolling, then stopped on the field."""
    base = World(generate_terrain(seed=1)).snapshot()
    flying = dataclasses.replace(base, on_ground=np.array([False]), vel=np.array([[40.0, 0.0, 0.0]]))
    rolling = dataclasses.replace(base, vel=np.array([[10.0, 0.0, 0.0]]))
    for tick in range(round(12 / DT)):
        yield dataclasses.replace(flying, tick=tick)
    yield dataclasses.replace(rolling, tick=round(12 / DT))
    yield dataclasses.replace(base, tick=round(13 / DT))


def test_landing_and_stopping_on_the_field_after_a_flight_ends_it():
    watch = LandingWatch((0.0, 0.0, 600.0))
    ends = [e for e in map(watch.update, snapshots_of_a_circuit()) if e is not None]
    assert len(ends) == 1 and ends[0].outcome == "landed" and ends[0].seconds == pytest.approx(13.0)


def test_stopping_without_having_flown_is_not_a_landing():
    watch = LandingWatch((0.0, 0.0, 600.0))
    parked = World(generate_terrain(seed=1)).snapshot()
    assert watch.update(parked) is None
