"""An aircraft file with a value that is not physical (zero or negative mass, fuel, areas, lengths, power, rpm,
inertia, stiffness, diameter; a number of hundreds of digits; 1e30 ft2 of wing) or bytes that are not UTF-8 is
refused in one line naming the file and the key, before a Fleet divides by it or runs off a table."""
import re
import shutil

import pytest

from flight.paths import aircraft_dir
from flight.sim.dynamics import Fleet, load_aircraft
from flight.sim.dynamics.spec import AircraftFileError

CAMEL = (aircraft_dir() / "camel.toml").read_text()


def with_value(key: str, value: str) -> str:
    """camel.toml with the first `key = ...` line given `value`."""
    text, count = re.subn(rf"(?m)^{re.escape(key)} *=.*$", f"{key} = {value}", CAMEL, count=1)
    assert count == 1, key
    return text


@pytest.mark.parametrize("key, value", [
    ("empty", "0"), ("empty", "-421.0"), ("payload", "-1"), ("fuel", "0"), ("fuel", "-72"),
    ("wing_area_ft2", "0"), ("wing_area_ft2", "-231"), ("wing_area_ft2", "1e30"), ("span", "0"), ("chord", "-1.37"),
    ("power_hp", "0"), ("power_hp", "-130"), ("rated_rpm", "0"), ("rated_rpm", "-1250"),
    ("rotating_inertia", "0"), ("diameter", "0"), ("ixx", "1e-300"), ("iyy", "0"), ("izz", "-900"),
    ("stiffness", "0"), ("stiffness", "-40000"), ("span", "9" * 400), ("empty", "inf"), ("fuel", "nan"),
    ("idle_power_fraction", "7"), ("max_sink_rate", "0"),
])
def test_a_value_that_is_not_physical_is_refused_naming_the_key(tmp_path, key, value):
    path = tmp_path / "mytype.toml"
    path.write_text(with_value(key, value))
    with pytest.raises(AircraftFileError) as error:
        load_aircraft(path)
    message = str(error.value)
    assert message.startswith(str(path)) and key in message and "\n" not in message and len(message) < 300, message


def test_bytes_that_are_not_utf8(tmp_path):
    path = tmp_path / "mytype.toml"
    path.write_bytes(CAMEL.encode() + b"\n# \xff\xfe\n")
    with pytest.raises(AircraftFileError, match="cannot read it"):
        load_aircraft(path)


def test_an_aircraft_name_is_never_a_path(tmp_path):
    shutil.copy(aircraft_dir() / "camel.toml", tmp_path / "evil.toml")
    for name in ("../camel", str(tmp_path / "evil"), "camel\n", "c" * 5000):
        with pytest.raises(AircraftFileError, match="unknown aircraft") as error:
            load_aircraft(name)
        assert "\n" not in str(error.value)


def test_what_passes_builds_and_steps_a_fleet(tmp_path):
    """The edges of the ranges still fly without dividing by zero."""
    path = tmp_path / "edge.toml"
    path.write_text(with_value("rated_rpm", "100.0").replace("rotating_inertia = 40.0", "rotating_inertia = 0.01"))
    fleet = Fleet([load_aircraft(path)])
    fleet.reset(0, pos=(0.0, 0.0, -1000.0), speed=40.0, heading=0.0)
    fleet.step(fleet.controls, 1 / 120)
    assert (abs(fleet.pos) < 1e6).all()
