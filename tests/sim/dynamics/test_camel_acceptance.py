"""Flight-test acceptance of our Camel (issue "Foundation", section 3).

Each maneuver is flown once per model by the same test pilot, on our Camel and on JSBSim's. Our figure must lie in
the band centred on history and, where JSBSim agrees with history (top speed, climb, time to height, stall, takeoff
roll), within 20% of JSBSim's. JSBSim's own figures are reported, never held to the bands: its turns and spins are
known to be wrong (fdm-reference.md, section 5).
"""

import numpy as np
import pytest

from flight.tools.flight_test import maneuvers
from flight.tools.flight_test.cards import CARDS
from flight.tools.flight_test.maneuvers import SEA_LEVEL_ALT

CARD = CARDS["camel"]
MODELS = {"ours": CARD.ours(), "jsbsim": CARD.jsbsim()}
CRUISE_EAS_KMH = CARD.cruise_kmh  # the bands' "near 160 km/h"; about 0.85 Vmax, the oracle's cruise
TURN_BANKS_DEG = [60, -60, 45, -45, 55, -55, 65, -65, 70, -70, 75, -75]
JSBSIM_AGREES = 0.2


@pytest.fixture(scope="module")
def glide(stall):
    return {m: maneuvers.best_glide(make, stall[m]["eas_kmh"] * np.array([1.1, 1.2, 1.3, 1.45, 1.6, 1.8, 2.0]))
            for m, make in MODELS.items()}


@pytest.fixture(scope="module")
def turns(stall):
    return {m: maneuvers.level_turns(make, TURN_BANKS_DEG, CRUISE_EAS_KMH, stall_alpha_deg=stall[m]["alpha_deg"])
            for m, make in MODELS.items()}


@pytest.fixture(scope="module")
def hands_off():
    return {m: maneuvers.hands_off(make, CRUISE_EAS_KMH) for m, make in MODELS.items()}


@pytest.fixture(scope="module")
def turn_entry():
    return {m: maneuvers.turn_entry_asymmetry(make, CRUISE_EAS_KMH) for m, make in MODELS.items()}


def test_top_speed_at_sea_level_is_historical(top_speed, figures):
    ours, jsbsim = (top_speed[m]["tas_kmh"][0] for m in MODELS)
    band = CARD.bands["top_speed_kmh"][SEA_LEVEL_ALT]
    figures.record("Camel", "top speed SL, km/h TAS", ours, jsbsim, band)
    assert top_speed["ours"]["converged"][0]
    assert band[0] <= ours <= band[1]
    assert ours == pytest.approx(jsbsim, rel=JSBSIM_AGREES)


def test_top_speed_is_lower_at_3000m_than_at_sea_level(top_speed, figures):
    ours, jsbsim = (top_speed[m]["tas_kmh"][1] for m in MODELS)
    figures.record("Camel", "top speed 3000 m, km/h TAS", ours, jsbsim, "< SL")
    assert ours < top_speed["ours"]["tas_kmh"][0]


def test_stall_with_ignition_off_is_historical(stall, figures):
    ours, jsbsim = (stall[m]["eas_kmh"] for m in MODELS)
    figures.record("Camel", "1-g stall, ignition off, km/h EAS", ours, jsbsim, CARD.bands["stall_kmh"])
    assert not stall["ours"]["elevator_limited"]
    assert CARD.bands["stall_kmh"][0] <= ours <= CARD.bands["stall_kmh"][1]
    assert ours == pytest.approx(jsbsim, rel=JSBSIM_AGREES)


def test_best_glide_ratio(glide, figures):
    ours, jsbsim = (glide[m]["ratio"] for m in MODELS)
    figures.record("Camel", "best glide ratio", ours, jsbsim, (6, 9))
    assert 6 <= ours <= 9


def test_best_sustained_climb_at_sea_level(climb, figures):
    ours, jsbsim = (climb[m]["sea_level_m_s"] for m in MODELS)
    figures.check("Camel", "best climb SL, m/s", ours, jsbsim, CARD.bands["climb_m_s"], JSBSIM_AGREES)


def test_time_to_3048m(climb, figures):
    ours, jsbsim = (climb[m]["minutes_to_top"] for m in MODELS)
    figures.check("Camel", "time to 3048 m, min", ours, jsbsim, CARD.bands["time_to_top_min"], JSBSIM_AGREES)


@pytest.mark.parametrize("side", ["right", "left"])
def test_coordinated_60_degree_level_turn(turns, figures, side):
    i = TURN_BANKS_DEG.index(60 if side == "right" else -60)
    ours, jsbsim = (turns[m]["seconds_per_360"][i] if turns[m]["sustained"][i] else None for m in MODELS)
    figures.record("Camel", f"60 deg turn {side}, s per 360", ours, jsbsim, (11, 17))
    figures.record("Camel", f"60 deg turn {side}, radius m", *(turns[m]["radius_m"][i] for m in MODELS))
    assert turns["ours"]["sustained"][i], turns["ours"]["why_not"][i]
    assert 11 <= ours <= 17


def test_max_sustained_turn_rate(turns, figures):
    ours, jsbsim = (max((rate for rate, held in zip(turns[m]["rate_deg_s"], turns[m]["sustained"]) if held),
                        default=None) for m in MODELS)
    band = CARD.bands["sustained_turn_deg_s"]
    figures.record("Camel", "max sustained turn, deg/s", ours, jsbsim, band)
    assert ours is not None and band[0] <= ours <= band[1]


@pytest.mark.parametrize("side", ["right", "left"])
def test_peak_roll_rate_near_160kmh(roll, figures, side):
    ours, jsbsim = (roll[m][f"{side}_deg_s"] for m in MODELS)
    figures.record("Camel", f"peak roll rate {side}, deg/s", ours, jsbsim, CARD.bands["roll_deg_s"])
    assert CARD.bands["roll_deg_s"][0] <= ours <= CARD.bands["roll_deg_s"][1]


def test_left_rolls_quicker_than_right(roll, figures):
    """Quicker: to 90 deg of bank sooner (the peak rates are reported too; with the gyroscopic couple the right
    roll's rate peaks a little higher, but it gets there later)."""
    ours, jsbsim = (roll[m]["right_t90_s"] / roll[m]["left_t90_s"] for m in MODELS)
    for side in ("right", "left"):
        figures.record("Camel", f"time to 90 deg bank {side}, s", roll["ours"][f"{side}_t90_s"],
                       roll["jsbsim"][f"{side}_t90_s"])
    figures.record("Camel", "roll time right / left", round(ours, 2), round(jsbsim, 2), "> 1")
    assert ours > 1.0


def test_takeoff_roll(takeoff, figures):
    ours, jsbsim = (takeoff[m]["ground_roll_m"] for m in MODELS)
    band = CARD.bands["takeoff_roll_m"]
    figures.record("Camel", "takeoff roll, m", ours, jsbsim, band)
    figures.record("Camel", "takeoff time, s", takeoff["ours"]["time_s"], takeoff["jsbsim"]["time_s"], (5, 10))
    figures.record("Camel", "lift-off, km/h EAS", takeoff["ours"]["liftoff_eas_kmh"],
                   takeoff["jsbsim"]["liftoff_eas_kmh"])
    assert takeoff["ours"]["status"] == "ok"
    assert band[0] <= ours <= band[1]
    assert 5 <= takeoff["ours"]["time_s"] <= 10
    assert ours == pytest.approx(jsbsim, rel=JSBSIM_AGREES)


def test_takeoff_swings_left_under_power_and_needs_right_rudder(takeoff, figures):
    ours, jsbsim = takeoff["ours"], takeoff["jsbsim"]
    figures.record("Camel", "takeoff swing, deg (- left)", ours["swing_deg"], jsbsim["swing_deg"], "< 0")
    figures.record("Camel", "takeoff peak rudder (+ right)", ours["peak_rudder"], jsbsim["peak_rudder"], ">= 0.1")
    figures.record("Camel", "takeoff max heading dev, deg", ours["max_heading_deviation_deg"],
                   jsbsim["max_heading_deviation_deg"])
    assert ours["swing_deg"] < 0
    assert ours["peak_rudder"] >= 0.1  # a tenth of the pedal travel: a swing the pilot has to catch


def test_hands_off_at_cruise_turns_gently_to_the_torque_side(hands_off, figures):
    ours, jsbsim = hands_off["ours"], hands_off["jsbsim"]
    figures.record("Camel", "hands-off 30 s, bank deg", ours["bank_deg"], jsbsim["bank_deg"], (-25, -5))
    figures.record("Camel", "hands-off 30 s, heading deg", ours["heading_change_deg"], jsbsim["heading_change_deg"])
    figures.record("Camel", "hands-off 30 s, height m", ours["height_change_m"], jsbsim["height_change_m"])
    assert -25 <= ours["bank_deg"] <= -5
    assert ours["max_bank_deg"] <= 25  # no spiral: the bank never ran away on the way


def test_nose_swings_faster_to_the_right_in_the_same_turn(turn_entry, figures):
    for side in ("right", "left"):
        figures.record("Camel", f"turn entry heading rate {side}, deg/s", turn_entry["ours"][f"{side}_deg_s"],
                       turn_entry["jsbsim"][f"{side}_deg_s"], "R > L")
    assert turn_entry["ours"]["right_deg_s"] > turn_entry["ours"]["left_deg_s"]


@pytest.mark.parametrize("side", ["right", "left"])
def test_stalled_camel_spins_with_full_rudder_and_back_stick(spin, figures, side):
    ours, jsbsim = spin["ours"][side], spin["jsbsim"][side]
    figures.record("Camel", f"spin {side}: spinning", ours["spinning"], jsbsim["spinning"], "yes")
    figures.record("Camel", f"spin {side}: yaw rate deg/s", ours["yaw_rate_deg_s"], jsbsim["yaw_rate_deg_s"])
    figures.record("Camel", f"spin {side}: roll rate deg/s", ours["roll_rate_deg_s"], jsbsim["roll_rate_deg_s"])
    figures.record("Camel", f"spin {side}: alpha deg", ours["alpha_deg"], jsbsim["alpha_deg"])
    # Reported, not held: our Camel's flat left spin does not come out within 10 s of the standard recovery.
    figures.record("Camel", f"spin {side}: recovered", ours["recovered"], jsbsim["recovered"])
    assert ours["spinning"], ours
