"""Level files and how a free flight ends."""
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


def fleet_of_a_circuit():
    """(fleet, tick) pairs of a parked fleet turned into: 12 s in the air, then rolling, then stopped."""
    fleet = World(generate_terrain(seed=1)).fleet
    fleet.on_ground[0], fleet.vel[0] = False, (40.0, 0.0, 0.0)
    for tick in range(1, round(12 / DT) + 1):
        yield fleet, tick
    fleet.on_ground[0], fleet.vel[0] = True, (10.0, 0.0, 0.0)
    yield fleet, round(12 / DT) + 1
    fleet.vel[0] = 0.0
    yield fleet, round(12 / DT) + 2


def test_landing_and_stopping_on_the_field_after_a_flight_ends_it():
    watch = LandingWatch((0.0, 0.0, 600.0))
    ends = [e for e in (watch.update(fleet, tick) for fleet, tick in fleet_of_a_circuit()) if e is not None]
    assert len(ends) == 1 and ends[0].outcome == "landed" and ends[0].seconds == pytest.approx(12.0 + 2 * DT)


def test_stopping_without_having_flown_is_not_a_landing():
    watch = LandingWatch((0.0, 0.0, 600.0))
    parked = World(generate_terrain(seed=1)).fleet
    assert watch.update(parked, 1) is None


def test_a_crash_ends_it_with_the_cause_and_the_speed_before():
    watch = LandingWatch((0.0, 0.0, 600.0))
    fleet = World(generate_terrain(seed=1)).fleet
    fleet.on_ground[0], fleet.vel[0] = False, (30.0, 0.0, 40.0)
    assert watch.update(fleet, 1) is None
    fleet.crashed[0], fleet.crash_cause[0] = True, 1
    end = watch.update(fleet, 2)
    assert end.outcome == "crashed" and end.cause == fleet.crash_cause_name(0) and end.speed == pytest.approx(50.0)
