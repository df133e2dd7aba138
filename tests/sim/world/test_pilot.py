"""The AI pilot flies every type through the same controls a player's input writes: it holds a bank, turns to a
heading, flies to a point, takes off, flies the circuit, lands and stops on the field undamaged, and does it bit
for bit the same twice. (The training level flown by the auto-pilot: test_ai_plans.py.)"""
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from flight.sim.dynamics import DT, Fleet, load_aircraft
from flight.sim.world.ai import Airfield, Phase, Pilot
from flight.sim.world.ai.loops import Commands, InnerLoops, command_table, wrap
from flight.sim.world.ai.sensing import instrument_table, instruments_of
from flight.sim.world.ai.tuning import tuning_for

from .circuits import fly_circuits

TYPES = ["camel", "fokker_d7", "gotha_g5"]


def air_fleet(types: list[str], altitude: float = 400.0, heading: float = 0.0) -> tuple[Fleet, Pilot]:
    """Aircraft level at their pattern speed over flat ground, 300 m apart, an AI pilot flying them all."""
    specs = [load_aircraft(name) for name in types]
    fleet = Fleet(specs)
    for i, speed in enumerate(tuning_for(specs).pattern_speed):
        fleet.reset(i, pos=(0.0, 300.0 * i, -altitude), speed=float(speed), heading=heading, throttle=0.6)
    return fleet, Pilot(fleet, range(fleet.n))


def test_the_inner_loops_hold_a_bank_level_and_in_balance():
    types = TYPES * 2  # each type right and left at its bank limit
    fleet, pilot = air_fleet(types)
    loops, t = InnerLoops(pilot.tuning), pilot.tuning
    bank = t.bank_limit * np.repeat([1.0, -1.0], 3)
    k = fleet.n
    commands = Commands(bank=bank, climb_rate=np.zeros(k), min_speed=np.zeros(k), pitch=np.full(k, np.nan),
                        pitch_max=np.full(k, np.pi / 2), speed=t.pattern_speed, throttle=np.zeros(k),
                        heading=np.full(k, np.nan), blip=np.zeros(k, bool), brake=np.zeros(k))
    start, worst_bank, worst_beta = fleet.altitude.copy(), np.zeros(k), np.zeros(k)
    table = command_table(commands)
    for tick in range(round(25.0 / DT)):
        readings = instrument_table(fleet, pilot.index)
        instruments = instruments_of(fleet, pilot.index, readings)
        loops.run(pilot.index, readings, table, fleet)
        fleet.step(fleet.controls, DT)
        if tick * DT > 12.0:  # rolled in and settled
            worst_bank = np.maximum(worst_bank, np.abs(instruments.roll - bank))
            worst_beta = np.maximum(worst_beta, np.abs(instruments.beta))
    assert np.degrees(worst_bank).max() < 2.0
    assert np.degrees(worst_beta).max() < 2.0, "the rudder keeps the slip ball in the middle"
    assert np.abs(fleet.altitude - start).max() < 15.0
    assert not fleet.crashed.any()


@pytest.fixture(scope="module")
def turns_and_a_point():
    """Each type turns 100 deg right and left to a new heading (aircraft 0-5), and flies to a point 600 m ahead
    (6-8); 50 s, with every tick's bank and the distance from the point recorded."""
    fleet, pilot = air_fleet(TYPES * 3)
    turn = np.radians([100.0] * 3 + [-100.0] * 3)
    for i in range(6):
        pilot.hold_heading(i, turn[i] % (2 * np.pi), altitude=400.0)
    points = fleet.pos[6:, :2] + (600.0, 0.0)  # each 600 m ahead of where it starts
    for i, (north, east) in zip(range(6, 9), points):
        pilot.fly_to(i, north, east, altitude=450.0)
    banks, distances = [], []
    for _ in range(round(50.0 / DT)):
        pilot.update()
        fleet.step(fleet.controls, DT)
        banks.append(fleet.euler[:, 0])
        distances.append(np.hypot(*(fleet.pos[6:, :2] - points).T))
    return fleet, pilot, turn, np.array(banks), np.array(distances)


def test_turns_to_a_new_heading_within_the_bank_limit_and_holds_height(turns_and_a_point):
    fleet, pilot, turn, banks, _ = turns_and_a_point
    roll, _, heading = fleet.euler[:6].T
    assert np.degrees(np.abs(wrap(heading - turn))).max() < 2.0
    assert np.degrees(np.abs(roll)).max() < 3.0, "wings level again"
    assert np.abs(banks[:, :6]).max(axis=0) == pytest.approx(pilot.tuning.bank_limit[:6], abs=np.radians(4.0))
    assert np.abs(fleet.altitude[:6] - 400.0).max() < 20.0


def test_flies_to_a_point_and_circles_it(turns_and_a_point):
    fleet, pilot, _, _, distances = turns_and_a_point
    last_20s = distances[-round(20.0 / DT):]
    radius = 2.0 * pilot.tuning.turn_radius[6:]
    assert (last_20s < 1.4 * radius).all() and (last_20s > 0.8 * radius).all()
    assert np.abs(fleet.altitude[6:] - 450.0).max() < 20.0


@pytest.fixture(scope="module")
def circuits():
    """Each type from two seeded starts (heading, place on the field), in the wind of seed 0 (3 m/s down the
    landing line, 2.5 m/s across it); all in one fleet, so six circuits cost about one."""
    seeds = [0, 1]
    return fly_circuits([name for name in TYPES for _ in seeds], seeds * len(TYPES), wind_seed=0)


@pytest.mark.parametrize("aircraft, longest_takeoff_m", [("camel", 150.0), ("fokker_d7", 250.0),
                                                          ("gotha_g5", 500.0)])
def test_each_type_takes_off_flies_a_circuit_lands_and_stops_on_the_field(circuits, aircraft, longest_takeoff_m):
    mine = [r for r in circuits if r.aircraft == aircraft]
    assert [r.outcome for r in mine] == ["landed"] * len(mine)
    assert all(r.takeoff_distance < longest_takeoff_m for r in mine)
    assert all(r.touchdown_sink < 2.0 for r in mine), "gently: the gear takes 5 m/s"
    assert all(r.seconds < 300.0 for r in mine)


def test_a_field_is_landed_into_the_wind():
    field = Airfield(north=0.0, east=0.0, landing_heading=1.0, radius=600.0)
    assert np.degrees(field.into_wind(np.array([0.0, 5.0, 0.0])).landing_heading) == pytest.approx(270.0)
    assert np.degrees(field.into_wind(np.array([-3.0, -3.0, 0.0])).landing_heading) == pytest.approx(45.0)
    assert field.into_wind(np.zeros(3)) == field, "calm: as given"


def flown_from_the_ground(seconds: float, keyframe_at: float | None = None) -> tuple[np.ndarray, ...]:
    """The three types take off in a breeze; with `keyframe_at`, the flight is carried on from that moment by a
    new fleet and pilot restored from the old ones' states, as replay seeking does."""
    def start() -> tuple[Fleet, Pilot]:
        fleet = Fleet([load_aircraft(name) for name in TYPES])
        for i in range(fleet.n):
            fleet.reset(i, on_ground=True, pos=(0.0, 30.0 * i, 0.0), heading=265.0)
        fleet.wind[:] = (0.5, 2.0, 0.0)
        return fleet, Pilot(fleet, range(fleet.n))

    fleet, pilot = start()
    pilot.takeoff(range(fleet.n), altitude=300.0)
    for tick in range(round(seconds / DT)):
        if keyframe_at is not None and tick == round(keyframe_at / DT):
            fleet_state, pilot_state = fleet.state(), pilot.state()
            fleet, pilot = start()
            fleet.restore(fleet_state)
            pilot.restore(pilot_state)
        pilot.update()
        fleet.step(fleet.controls, DT)
    return fleet.pos, fleet.vel, fleet.quat, fleet.omega, fleet.applied, pilot.phase


def test_two_runs_are_bit_identical_even_through_a_restored_keyframe():
    first, second = flown_from_the_ground(12.0), flown_from_the_ground(12.0, keyframe_at=6.01)
    assert first[-1][0] == Phase.CLIMB_OUT, "the Camel is flying: both ground and air have been exercised"
    for mine, theirs in zip(first, second):
        assert np.array_equal(mine, theirs)


UNSTABLE = re.compile(r"\b(np|numpy|math)\.(arctan2?|arcsin|arccos|exp|expm1|log\w*|power|tan|atan2?|asin|acos"
                      r"|linalg)\b|\*\*")


def test_the_pilot_uses_only_cpu_stable_math():
    """Replays are exact on every CPU only if nothing the sim runs rounds differently (DESIGN.md, Replays)."""
    sources = sorted((Path(__file__).parents[3] / "flight" / "sim" / "world" / "ai").glob("*.py"))
    offending = [f"{path.name}: {line.strip()}" for path in sources for line in path.read_text().splitlines()
                 if UNSTABLE.search(line.split("#")[0]) and "**{" not in line]
    assert sources and not offending


def test_the_pilot_imports_no_panda3d():
    code = ("import sys, flight.sim.world.ai, flight.sim.run.autopilot; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('panda3d', 'direct')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).parents[3])
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stderr
