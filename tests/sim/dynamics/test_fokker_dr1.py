"""Flight-test acceptance of our Fokker Dr.I (issue "Flight model II"): climbs and turns better than anything in
the game, slow in level flight, spins both ways and recovers.

Flown by the same test pilot beside JSBSim's dr1 with the pilot's missing mass added (the oracle's dr1_gross),
whose figures are reported, never held to the bands: fdm-reference.md, section 5, finds it unfit as an oracle
except for its climb, which is held to agree with ours within 20%.
"""

import pytest

from flight.tools.flight_test import programme
from flight.tools.flight_test.cards import CARDS

CARD = CARDS["fokker_dr1"]
MODELS = {"ours": CARD.ours(), "jsbsim": CARD.jsbsim()}
JSBSIM_AGREES = 0.2


def test_top_speed_at_1000m(top_speed, figures):
    ours, jsbsim = (top_speed[m]["tas_kmh"][1] for m in MODELS)
    band = CARD.bands["top_speed_kmh"][1000.0]
    figures.record("Fokker Dr.I", "top speed 1000 m, km/h TAS", ours, jsbsim, band)
    figures.record("Fokker Dr.I", "top speed SL, km/h TAS", *(top_speed[m]["tas_kmh"][0] for m in MODELS))
    assert top_speed["ours"]["converged"][1]
    assert band[0] <= ours <= band[1]


def test_slower_in_level_flight_than_the_camel_and_the_d7(top_speed, figures):
    """The record's "slow in level flight": at sea level below both fighters' (their rows above in the table)."""
    others = {name: programme.top_speed(CARDS[name], CARDS[name].ours())["tas_kmh"][0]
              for name in ("camel", "fokker_d7")}
    assert top_speed["ours"]["tas_kmh"][0] < min(others.values()), others


def test_stall_with_ignition_off(stall, figures):
    ours, jsbsim = (stall[m]["eas_kmh"] for m in MODELS)
    figures.record("Fokker Dr.I", "1-g stall, ignition off, km/h EAS", ours, jsbsim, CARD.bands["stall_kmh"])
    assert not stall["ours"]["elevator_limited"]
    assert CARD.bands["stall_kmh"][0] <= ours <= CARD.bands["stall_kmh"][1]


def test_best_climb_at_sea_level(climb, figures):
    ours, jsbsim = (climb[m]["sea_level_m_s"] for m in MODELS)
    figures.check("Fokker Dr.I", "best climb SL, m/s", ours, jsbsim, CARD.bands["climb_m_s"], JSBSIM_AGREES)


def test_time_to_1000m(climb, figures):
    ours, jsbsim = (climb[m]["minutes_to_top"] for m in MODELS)
    figures.check("Fokker Dr.I", "time to 1000 m, min", ours, jsbsim, CARD.bands["time_to_top_min"], JSBSIM_AGREES)


@pytest.mark.parametrize("side", ["right", "left"])
def test_peak_roll_rate(roll, figures, side):
    ours, jsbsim = (roll[m][f"{side}_deg_s"] for m in MODELS)
    figures.record("Fokker Dr.I", f"peak roll rate {side}, deg/s", ours, jsbsim, CARD.bands["roll_deg_s"])
    assert CARD.bands["roll_deg_s"][0] <= ours <= CARD.bands["roll_deg_s"][1]


@pytest.mark.parametrize("side", ["right", "left"])
def test_spins_both_ways_and_recovers(spin, figures, side):
    ours, jsbsim = spin["ours"][side], spin["jsbsim"][side]
    figures.record("Fokker Dr.I", f"spin {side}: spinning", ours["spinning"], jsbsim["spinning"], "yes")
    figures.record("Fokker Dr.I", f"spin {side}: yaw rate deg/s", ours["yaw_rate_deg_s"], jsbsim["yaw_rate_deg_s"])
    figures.record("Fokker Dr.I", f"spin {side}: recovered", ours["recovered"], jsbsim["recovered"], "yes")
    figures.record("Fokker Dr.I", f"spin {side}: recovery s", ours["recovery_s"], jsbsim["recovery_s"], "< 10")
    assert ours["spinning"], ours
    assert ours["recovered"], ours


def test_takeoff(takeoff, figures):
    ours, jsbsim = takeoff["ours"], takeoff["jsbsim"]
    band = CARD.bands["takeoff_roll_m"]
    figures.record("Fokker Dr.I", "takeoff roll, m", ours["ground_roll_m"], jsbsim["ground_roll_m"], band)
    figures.record("Fokker Dr.I", "takeoff time, s", ours["time_s"], jsbsim["time_s"])
    figures.record("Fokker Dr.I", "takeoff peak rudder (+ right)", ours["peak_rudder"], jsbsim["peak_rudder"])
    assert ours["status"] == "ok"
    assert band[0] <= ours["ground_roll_m"] <= band[1]
    assert ours["max_heading_deviation_deg"] < 10.0
