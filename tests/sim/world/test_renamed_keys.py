"""Level keys carry their unit (levels/README.md, Units): a key under its old name, in any table of a level.toml or
of the theatre, is refused in one line naming the file, the table and the new name; the guide's table of them is
the code's."""
import re

import pytest

from flight.paths import levels_dir
from flight.sim.map.renamed_keys import RENAMED
from flight.sim.map.theatre import load_theatre
from flight.sim.world import LevelFileError, load_level


def copy_level(tmp_path, monkeypatch, name: str, old: str, new: str) -> None:
    """levels/<name> into tmp_path with the first `old` of its level.toml made `new`; theatre.toml with it."""
    text = (levels_dir() / name / "level.toml").read_text()
    assert old in text
    (tmp_path / name).mkdir()
    (tmp_path / name / "level.toml").write_text(text.replace(old, new, 1))
    (tmp_path / name / "mission.py").write_text((levels_dir() / name / "mission.py").read_text())
    (tmp_path / "theatre.toml").write_text((levels_dir() / "theatre.toml").read_text())
    monkeypatch.setattr("flight.paths.levels_dir", lambda: tmp_path)


@pytest.mark.parametrize("name, old, new, message", [
    ("training", "radius_m = 600.0", "radius = 600.0", "[aerodrome] radius is now radius_m"),
    ("escape", "speed_ms = 45.0", "speed = 45.0", "[[flights]] 3 speed is now speed_ms"),
    ("escape", 'speed_ms = "full"', 'speed = "full"', "[[plan]] 2 speed is now speed_ms"),
    ("escape", "spacing_m = 8.0", "spacing = 8.0", "[[ground_units]] 3 spacing is now spacing_m"),
    ("training", "heading_deg = 270.0", "heading = 270.0", "[start] heading is now heading_deg"),
    ("breakout", "sweep_m = [", "sweep = [", "[gate] sweep is now sweep_m"),
    ("breakout", "start_s = 3.0", "start_s = 3.0\naltitude = 1.0", "[[gate.squads]] 1 altitude is now altitude_m"),
    ("training", "[aerodrome]", "[zones.wood]\nnorth = 0.0\neast = 0.0\nradius = 9.0\n\n[aerodrome]",
     "[zones.wood] radius is now radius_m"),
])
def test_an_old_key_is_one_line_naming_the_file_the_table_and_its_new_name(tmp_path, monkeypatch, name, old,
                                                                           new, message):
    copy_level(tmp_path, monkeypatch, name, old, new)
    with pytest.raises(LevelFileError) as error:
        load_level(name)
    assert str(error.value) == f"{tmp_path / name / 'level.toml'}: {message}"


@pytest.mark.parametrize("old, new, message", [
    ("radius_m = 350.0", "radius = 350.0", "[camp] radius is now radius_m"),
    ("radius_m = 700.0", "radius = 700.0", "[airfields.allied_aerodrome] radius is now radius_m"),
])
def test_the_theatre_refuses_its_old_keys_too(tmp_path, monkeypatch, old, new, message):
    text = (levels_dir() / "theatre.toml").read_text()
    (tmp_path / "old_map.toml").write_text(text.replace(old, new, 1))
    monkeypatch.setattr("flight.paths.levels_dir", lambda: tmp_path)
    with pytest.raises(ValueError) as error:
        load_theatre("old_map")
    assert str(error.value) == f"{tmp_path / 'old_map.toml'}: {message}"


def test_the_levels_and_the_theatre_use_no_old_key():
    for name in ("training", "escape", "breakout"):
        load_level(name)
    load_theatre()


def test_the_guides_table_of_renamed_keys_is_the_codes():
    guide = (levels_dir() / "README.md").read_text()
    rows = re.findall(r"^\| (`.*?) \| (`.*?) \|", guide, re.M)
    listed = {old.strip("`"): new.strip("`") for olds, news in rows
              for old, new in zip(olds.split(", "), news.split(", "), strict=True)}
    assert listed == RENAMED
