"""Aircraft files: every shipped type loads; a broken or unknown file is one line naming the file and the key."""
import numpy as np
import pytest

from flight.sim.dynamics import AircraftFileError, Fleet, known_aircraft, load_aircraft
from flight.paths import aircraft_dir


def test_the_shipped_types_are_there():
    assert {"camel", "fokker_d7", "fokker_dr1", "gotha_g5"} <= set(known_aircraft())


@pytest.mark.parametrize("name", known_aircraft())
def test_every_aircraft_file_loads_with_sane_figures(name):
    spec = load_aircraft(name)
    assert spec.mass > spec.mass_empty > 0
    # span^2 / area of all the wings: a triplane's three on one span (the Dr.I) come to 2.8
    assert 2.5 < spec.span / (spec.wing_area / spec.span) < 12.0, "aspect ratio of a real wing"
    assert spec.aero.alpha[0] == pytest.approx(-np.pi) and spec.aero.alpha[-1] == pytest.approx(np.pi)
    assert max(spec.aero.CL) > 1.0 and min(spec.aero.CD) > 0.0
    assert any(c.kind == "wheel" for c in spec.contacts) and any(c.kind == "skid" for c in spec.contacts)
    Fleet([spec]).step()


def test_unit_suffixes_convert_to_si():
    camel = load_aircraft("camel")
    assert camel.wing_area == pytest.approx(231 * 0.3048 ** 2)
    assert camel.engine.power == pytest.approx(130 * 745.69987)
    assert camel.max_touchdown_speed == pytest.approx(150 / 3.6)


def broken_copy(tmp_path, old: str, new: str):
    text = (aircraft_dir() / "camel.toml").read_text()
    assert old in text
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(old, new, 1))
    return path


@pytest.mark.parametrize("old, new, expected", [
    ("ixx = 1000.0\n", "", "[mass] ixx: missing key"),
    ("span = 8.53", "span = 8.53\nspan_ft = 28.0", "[metrics] span: given twice"),
    ("span = 8.53", 'span = "wide"', "[metrics] span: expected a finite number"),
    ('kind = "rotary"', 'kind = "steam"', "[engine] kind"),
    ('kind = "skid"', 'kind = "ski"', "[[gear.contact]] #3 kind"),
    ("rpm_fraction   = [0.0, 0.1,", "rpm_fraction   = [0.0, 0.0,", "[engine] rpm_fraction: breakpoints must increase"),
    ("Cm_q = -9.0", "Cm_q = nan", "[aero] Cm_q: expected a finite number"),
    ("diameter = 2.59", "diameter = [2.59", "not valid TOML"),
])
def test_a_broken_file_names_the_file_and_the_problem(tmp_path, old, new, expected):
    path = broken_copy(tmp_path, old, new)
    with pytest.raises(AircraftFileError) as error:
        load_aircraft(path)
    message = str(error.value)
    assert message.startswith(str(path)) and expected in message and "\n" not in message


def test_an_unknown_aircraft_lists_the_known_ones():
    with pytest.raises(AircraftFileError, match=r"spad13\.toml: unknown aircraft 'spad13' \(known: camel"):
        load_aircraft("spad13")


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(AircraftFileError, match="cannot read"):
        load_aircraft(tmp_path / "nowhere.toml")
