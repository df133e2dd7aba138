"""Issue 17's acceptance for the assists (flight.sim.run.assists): a scripted new player on the keyboard
(tests/newcomer.py: key presses of 0.2-1 s after 0.3-0.8 s reactions, no fine control) with the Easy preset takes
off, climbs to 500 m, turns onto north and lands in Training without a crash, over 10 seeds, and gets airborne in
Dig's Escape before the truck blocks the field in 10 of 10; with the assists off the same inputs crash, so the
assists, not the model, made the difference. The assists work on the input side: a recording of an assisted
flight replays exactly without them. Mouse aim flies each type onto the aim, and a stick key overrides it."""
import dataclasses
import math

import pytest

from flight.sim.assist_settings import ASSIST_PRESETS
from flight.sim.command import ControlFrame
from flight.sim.dynamics import DT
from flight.sim.replay import load_replay
from flight.sim.replay.playback import verify
from flight.sim.run.assists import Assisted
from flight.sim.run.driver import Driver
from flight.sim.run.sortie import Sortie
from flight.sim.world import load_level
from tests.newcomer import NewPlayer, fly
from tests.sim.replay.recordings import record

TAKE_OFF = "Take off before the truck blocks the field"


@pytest.mark.parametrize("seed", range(10))
def test_a_newcomer_with_the_easy_assists_takes_off_climbs_turns_north_and_lands(seed):
    flight = fly("training", seed, "easy")
    assert not flight["crashed"] and flight["landed"], flight
    assert flight["top_m"] >= 500 and flight["north_at_deg"] is not None, flight
    assert flight["assisted"] > 0


@pytest.mark.parametrize("seed", range(10))
def test_a_newcomer_with_the_easy_assists_is_airborne_before_the_truck(seed):
    flight = fly("escape", seed, "easy", max_seconds=30.0)
    assert not flight["crashed"] and flight["objectives"][TAKE_OFF] == "done", flight


@pytest.mark.parametrize("seed", range(3))
def test_without_assists_the_same_newcomer_crashes(seed):
    flight = fly("training", seed, "hard", max_seconds=60.0)
    assert flight["crashed"] and flight["assisted"] == 0, flight


def test_an_assisted_flight_replays_exactly_without_the_assists(tmp_path):
    path = record(tmp_path / "assisted.flightreplay", Assisted(NewPlayer(4), ASSIST_PRESETS["easy"]), 30 * 120,
                  seed=4, level="escape")
    result = verify(load_replay(path))
    assert result.ok and result.ticks == 30 * 120, result


def test_the_presets_follow_the_difficulty():
    assert ASSIST_PRESETS["easy"].names() == ["rudder", "stability", "stall", "take-off/landing"]
    assert ASSIST_PRESETS["hard"].names() == [] and not ASSIST_PRESETS["hard"].any


@pytest.mark.parametrize("aircraft", ["camel", "fokker_d7", "gotha_g5"])
def test_mouse_aim_turns_each_type_onto_the_aim_in_a_level_coordinated_turn(aircraft):
    level = dataclasses.replace(load_level("training"), aircraft=aircraft, start_on_ground=False,
                                start_altitude=1000.0)
    sortie = Sortie(level, seed=1)
    fleet, driver = sortie.world.fleet, Driver(sortie)
    assisted = Assisted(lambda s: ControlFrame(throttle=1.0), ASSIST_PRESETS["hard"])  # the aim alone
    assisted.aim = (float(fleet.euler[0, 2]) + math.radians(120.0), 0.0)
    start = float(fleet.pos[0, 2])
    for _ in range(round(30.0 / DT)):
        driver.step(assisted(sortie))
    off = math.remainder(assisted.aim[0] - float(fleet.euler[0, 2]), 2.0 * math.pi)
    assert not fleet.crashed[0] and abs(math.degrees(off)) < 5.0, math.degrees(off)
    assert abs(float(fleet.pos[0, 2]) - start) < 30.0, "the turn holds the height"
    assert assisted.active == ["aim"]


def test_a_stick_key_overrides_the_mouse_aim_on_its_own_axis():
    level = dataclasses.replace(load_level("training"), start_on_ground=False, start_altitude=1000.0)
    sortie = Sortie(level, seed=1)
    assisted = Assisted(lambda s: ControlFrame(aileron=-0.5, throttle=1.0), ASSIST_PRESETS["hard"])
    fleet, driver = sortie.world.fleet, Driver(sortie)
    assisted.aim = (float(fleet.euler[0, 2]) + 1.0, 0.0)  # to the right; the key rolls left
    for _ in range(round(2.0 / DT)):
        frame = assisted(sortie)
        driver.step(frame)
    assert frame.aileron == ControlFrame(aileron=-0.5).quantised().aileron
    assert math.degrees(float(fleet.euler[0, 0])) < -20.0, "banked left, against the aim"
