"""Broken levels and scripts: one line with the file, the line and the problem; `flight run` exits 2 with it, and
the game goes back to the menu showing it."""
import pytest

from flight import cli
from flight.sim.missions import MissionError
from flight.sim.world import LevelFileError, load_level

AT_TICK_500 = """
from flight.sim.missions import phase

@phase
def fine_for_a_while(m):
    yield m.wait(s=500 / 120)
    m.say("Dig", "and now " + 42)
"""


@pytest.mark.parametrize("script, line, problem", [
    ("from flight.sim.missions import phase\n\n@phase\ndef broken(m)\n    pass\n", 4, "expected ':'"),
    ("from flight.sim.missions import phase\nimport no_such_module\n", 2, "ModuleNotFoundError"),
    ("x = 1\n", None, "no phases"),
    ("from flight.sim.missions import phase\n\n@phase\ndef boom(m):\n    m.say('a', 'b')\n    1 / 0\n    yield\n", 6,
     "ZeroDivisionError: division by zero"),
    ("from flight.sim.missions import phase\n\n@phase\ndef lost(m):\n    yield m.until(lambda m: True)\n", 5,
     "m.until needs a condition"),
    ("from flight.sim.missions import *\n\n@phase\ndef who(m):\n    yield m.until(airborne('zeppelin'))\n", 5,
     "no unit 'zeppelin'"),
])
def test_a_broken_script_names_file_and_line(make_sortie, script, line, problem):
    with pytest.raises(MissionError) as error:
        sortie = make_sortie(script)
        for _ in range(10):
            sortie.tick([0.0] * 6)
    message = str(error.value)
    assert "\n" not in message and problem in message
    assert message.startswith(f"{load_level('test').mission_path}:{line}:" if line else str(load_level("test").mission_path))


def test_an_error_at_tick_500_is_reported_then(make_sortie):
    sortie = make_sortie(AT_TICK_500)
    for _ in range(499):
        sortie.tick([0.0] * 6)
    with pytest.raises(MissionError, match=r"mission.py:7: TypeError: can only concatenate str"):
        sortie.tick([0.0] * 6)


def test_a_level_without_a_script_or_with_an_unknown_aircraft(make_sortie):
    with pytest.raises(MissionError):
        make_sortie("from flight.sim.missions import phase\n")  # writes the level; a script with no phases
    folder = load_level("test").folder
    (folder / "mission.py").unlink()
    with pytest.raises(LevelFileError, match="mission.py: missing"):
        load_level("test")
    (folder / "mission.py").write_text("")
    (folder / "level.toml").write_text((folder / "level.toml").read_text().replace('"camel"', '"zeppelin"'))
    with pytest.raises(LevelFileError, match="aircraft 'zeppelin'"):
        load_level("test")


def test_flight_run_exits_2_with_the_line(make_sortie, capsys):
    make_sortie(AT_TICK_500)
    assert cli.main(["run", "test", "--headless", "--pilot", "none"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "mission.py:7: TypeError" in err
