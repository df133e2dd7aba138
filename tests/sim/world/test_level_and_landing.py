"""Level files and how a free flight ends."""
import pytest

from flight.sim.world import LevelFileError, known_levels, load_level
from flight.sim.world import level as level_module


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
