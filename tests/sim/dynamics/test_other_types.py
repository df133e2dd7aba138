"""Flight-test acceptance of the other types (issue "Foundation", section 3), against history only: no JSBSim
model exists for them. Flown by the same test pilot and maneuvers as the Camel."""

import pytest

from flight.tools.flight_test import maneuvers, programme
from flight.tools.flight_test.cards import CARDS
from flight.tools.flight_test.maneuvers import SEA_LEVEL_ALT

FOKKER, GOTHA = CARDS["fokker_d7"].ours(), CARDS["gotha_g5"].ours()
GOTHA_BANDS = CARDS["gotha_g5"].bands


@pytest.fixture(scope="module")
def fokker_top_speed():
    return programme.top_speed(CARDS["fokker_d7"], FOKKER)


@pytest.fixture(scope="module")
def fokker_climb(fokker_top_speed):
    return programme.climb(CARDS["fokker_d7"], FOKKER, None, fokker_top_speed)


@pytest.fixture(scope="module")
def gotha_top_speed():
    return programme.top_speed(CARDS["gotha_g5"], GOTHA)  # sea level, 1,000 m and 3,500 m


@pytest.fixture(scope="module")
def gotha_climb(gotha_top_speed):
    return programme.climb(CARDS["gotha_g5"], GOTHA, None, gotha_top_speed)


@pytest.fixture(scope="module")
def gotha_roll(gotha_top_speed):
    return programme.roll(CARDS["gotha_g5"], GOTHA)


def test_fokker_d7_top_speed(fokker_top_speed, figures):
    ours = fokker_top_speed["tas_kmh"][0]
    band = CARDS["fokker_d7"].bands["top_speed_kmh"][SEA_LEVEL_ALT]
    figures.record("Fokker D.VII", "top speed SL, km/h TAS", ours, band=band)
    assert band[0] <= ours <= band[1]


def test_fokker_d7_climb(fokker_climb, figures):
    ours = fokker_climb["sea_level_m_s"]
    band = CARDS["fokker_d7"].bands["climb_m_s"]
    figures.record("Fokker D.VII", "best climb SL, m/s", ours, band=band)
    assert band[0] <= ours <= band[1]


def test_gotha_g5_top_speed_at_1000m(gotha_top_speed, figures):
    """About 140 km/h in the record (issue "Flight model II"; it had flown 154)."""
    ours = gotha_top_speed["tas_kmh"][1]
    band = GOTHA_BANDS["top_speed_kmh"][1000.0]
    figures.record("Gotha G.V", "top speed 1000 m, km/h TAS", ours, band=band)
    assert band[0] <= ours <= band[1]


def test_gotha_g5_top_speed_falls_with_height(gotha_top_speed, figures):
    """The record's one figure, about 140 km/h, is held at 1,000 m (the issue's reading; fdm-reference.md quotes
    it at 3,658 m). Two unsupercharged Mercedes lose a tenth of their power by 3,500 m, and the speed with it."""
    ours = gotha_top_speed["tas_kmh"][2]
    band = GOTHA_BANDS["top_speed_kmh"][3500.0]
    figures.record("Gotha G.V", "top speed 3500 m, km/h TAS", ours, band=band)
    assert band[0] <= ours <= band[1]
    assert ours < gotha_top_speed["tas_kmh"][1]


def test_gotha_g5_time_to_3000m(gotha_climb, figures):
    ours = gotha_climb["minutes_to_top"]
    band = GOTHA_BANDS["time_to_top_min"]
    figures.record("Gotha G.V", "time to 3000 m, min", ours, band=band)
    assert band[0] <= ours <= band[1]


@pytest.mark.parametrize("side", ["right", "left"])
def test_gotha_g5_roll_rate(gotha_roll, figures, side):
    ours = gotha_roll[f"{side}_deg_s"]
    band = GOTHA_BANDS["roll_deg_s"]
    figures.record("Gotha G.V", f"peak roll rate {side}, deg/s", ours, band=band)
    assert band[0] <= ours <= band[1]


def test_gotha_g5_holds_heading_on_one_engine_with_rudder(gotha_climb, figures):
    engine_out = maneuvers.engine_out(GOTHA, gotha_climb["eas_kmh"], dead_engine=1)
    figures.record("Gotha G.V", "right engine out: max heading dev, deg", engine_out["max_heading_deviation_deg"],
                   band="< 10")
    figures.record("Gotha G.V", "right engine out: drift last 10 s, deg", engine_out["drift_last_10s_deg"],
                   band="< 1")
    figures.record("Gotha G.V", "right engine out: rudder (- left)", engine_out["rudder"])
    assert engine_out["max_heading_deviation_deg"] < 10
    assert engine_out["drift_last_10s_deg"] < 1
    assert engine_out["rudder"] < 0  # the live left engine yaws it right: left rudder holds it


@pytest.mark.parametrize("aircraft", [
    "fokker_d7",   # Dig's stolen fighter must get off the German field (250 m)
    "gotha_g5",    # and the stolen bombers off theirs, loaded (500 m)
])
def test_takes_off_from_grass(figures, aircraft):
    card = CARDS[aircraft]
    longest_m = card.bands["takeoff_roll_m"][1]
    name = card.title
    result = programme.takeoff(card, card.ours())
    figures.record(name, "takeoff roll, m", result["ground_roll_m"], None, f"< {longest_m:.0f}")
    figures.record(name, "takeoff time, s", result["time_s"], None)
    assert result["status"] == "ok"
    assert result["ground_roll_m"] < longest_m
    assert result["max_heading_deviation_deg"] < 10.0
