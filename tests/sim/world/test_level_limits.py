"""A level.toml with a value the game cannot fly (inf or NaN where a number is read, a negative terrain seed, a
value of the wrong type), counts past the documented limits (flights, aircraft, ground units, zones, plan steps),
bytes that are not UTF-8, or an unreadable file, is refused in one line naming the file and the key."""
import os
import shutil

import pytest

from flight.paths import levels_dir
from flight.sim.world import LevelFileError, load_level

TRAINING = (levels_dir() / "training" / "level.toml").read_text()
FLIGHT = '[[flights]]\nname = "f{n}"\naircraft = "camel"\nside = "allied"\nnorth = 0.0\neast = 0.0\nheading_deg = 0.0\n'
GROUND = '[[ground_units]]\nname = "g"\nkind = "flak"\nside = "german"\nnorth = 0.0\neast = 0.0\ncount = {count}\n'


@pytest.fixture
def levels(tmp_path, monkeypatch):
    shutil.copytree(levels_dir(), tmp_path / "levels")
    monkeypatch.setattr("flight.paths.levels_dir", lambda: tmp_path / "levels")
    return tmp_path / "levels"


def refused(levels, text: str | bytes, *keys: str) -> str:
    path = levels / "training" / "level.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    with pytest.raises(LevelFileError) as error:
        load_level("training")
    message = str(error.value)
    assert message.startswith(str(path)) and "\n" not in message and len(message) < 400, message
    assert all(key in message for key in keys), message
    return message


@pytest.mark.parametrize("old, new, keys", [
    ("terrain_seed = 1", "terrain_seed = -1", ["terrain_seed"]),
    ("terrain_seed = 1", "terrain_seed = inf", ["terrain_seed"]),
    ("terrain_seed = 1", "terrain_seed = 1.5", ["terrain_seed"]),
    ("terrain_seed = 1", "terrain_seed = " + "9" * 400, ["terrain_seed"]),
    ("north = 0.0", "north = nan", ["[start]", "north"]),
    ("heading_deg = 270.0", "heading_deg = inf", ["[start]", "heading_deg"]),
    ("heading_deg = 270.0", 'heading_deg = "x"', ["[start]", "heading_deg", "'x'"]),
    ("on_ground = true", "on_ground = 1", ["[start]", "on_ground"]),
    ("radius_m = 600.0", "radius_m = -600.0", ["[aerodrome]", "radius_m"]),
    ('time_of_day = "morning"', 'time_of_day = "teatime"', ["time_of_day", "'teatime'"]),
    ('title = "Training"', 'title = ["Training"]', ["title"]),
    ("height_m = 520.0", "height_m = nan", ["[[plan]] 2", "height_m"]),
    ('do = "takeoff"', 'do = ["takeoff"]', ["[[plan]] 1", "do"]),
    ('field = "aerodrome"', "field = 3", ["[[plan]] 6", "field"]),
])
def test_a_bad_value_names_its_key(levels, old, new, keys):
    assert old in TRAINING
    refused(levels, TRAINING.replace(old, new, 1), *keys)


def test_counts_past_the_limits(levels):
    refused(levels, TRAINING + FLIGHT.format(n=0).replace('heading_deg', 'count = 1000\nheading_deg'),
            "[[flights]] 1", "count")
    refused(levels, TRAINING + "".join(FLIGHT.format(n=n) for n in range(1000)), "[[flights]]", "more than the 32")
    refused(levels, TRAINING + "".join(FLIGHT.format(n=n).replace('heading_deg', 'count = 20\nheading_deg')
                                       for n in range(4)), "[[flights]]", "81 aircraft")
    refused(levels, TRAINING + GROUND.format(count=10**7), "[[ground_units]] 1", "count")
    refused(levels, TRAINING + GROUND.format(count=300) * 2, "[[ground_units]]", "600 units")
    refused(levels, TRAINING + "".join(f"[zones.z{n}]\nnorth = 0.0\neast = 0.0\nradius_m = 1.0\n" for n in range(201)),
            "[zones]", "201 zones")
    refused(levels, TRAINING + '[zones.wood]\nnorth = "x"\neast = 0.0\nradius_m = 1.0\n', "[zones.'wood']", "north")
    refused(levels, TRAINING + GROUND.format(count=1) + "route = [[0.0, nan]]\n", "[[ground_units]] 1", "route")
    refused(levels, TRAINING + '[[plan]]\ndo = "stall"\n' * 201, "[[plan]]", "207 steps")


def test_not_utf8_huge_and_deep(levels):
    refused(levels, TRAINING.encode() + b"\n# \xff\n", "cannot read it")
    refused(levels, TRAINING + "x = " + "[" * 5000 + "]" * 5000 + "\n", "not valid TOML")
    refused(levels, TRAINING + "#" * (2 << 20) + "\n", "cannot read it")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_level_file(levels):
    path = levels / "training" / "level.toml"
    path.chmod(0)
    with pytest.raises(LevelFileError, match="cannot read it"):
        load_level("training")
