"""What the flight model must do beyond the flight-test figures: fuel, the blip switch, damage, terrain, nose-overs
and ground loops, and the same bits on every CPU."""

import numpy as np
import pytest

from flight.sim.dynamics import DT, Fleet, load_aircraft
from flight.sim.dynamics.aero import ground_effect_relief
from tests.cpu_kernels import outputs_with_and_without_avx512


def fly(fleet: Fleet, seconds: float, controls=None) -> None:
    u = fleet.controls if controls is None else controls
    for _ in range(round(seconds / DT)):
        fleet.step(u, DT)


def cruising(name: str, n: int = 1, throttle: float = 1.0) -> Fleet:
    fleet = Fleet([load_aircraft(name)] * n)
    for i in range(n):
        fleet.reset(i, pos=(0.0, 100.0 * i, -1500.0), speed=45.0, throttle=throttle)
    return fleet


def test_burning_fuel_makes_the_aircraft_lighter_and_an_empty_tank_stops_the_engine():
    fleet = cruising("camel")
    mass = fleet.mass[0]
    fly(fleet, 60.0)
    burnt = mass - fleet.mass[0]
    # 130 hp at about 341 g/kWh burns roughly half a kilogram a minute
    assert 0.3 < burnt < 0.8
    fleet.fuel[0] = 0.001
    fly(fleet, 20.0)
    assert fleet.fuel[0] == 0.0 and fleet.rpm[0] < 900, "windmilling, not driven"


def test_the_blip_switch_cuts_the_engine_and_its_torque():
    fleet = cruising("camel", n=2)
    u = fleet.controls.copy()
    u[1, 5] = 1.0
    fly(fleet, 3.0, u)
    assert fleet.rpm[1] < fleet.rpm[0] - 150
    u[1, 5] = 0.0
    fly(fleet, 10.0, u)
    assert abs(fleet.rpm[1] - fleet.rpm[0]) < 60, "the ignition comes back and the engine picks up"


def test_a_damaged_left_wing_rolls_the_aircraft_left():
    fleet = cruising("fokker_d7", n=2)
    fleet.damage[1, 0] = 0.5
    fly(fleet, 2.0)
    assert fleet.euler[1, 0] < fleet.euler[0, 0] - 0.3


def test_a_dead_engine_gives_no_thrust():
    fleet = cruising("fokker_d7", n=2)
    fleet.damage_engine[1, 0] = 0.0
    fly(fleet, 20.0)
    assert fleet.airspeed[1] < fleet.airspeed[0] - 5.0 or fleet.altitude[1] < fleet.altitude[0] - 50.0
    assert fleet.rpm[1] < 0.8 * fleet.rpm[0]


def test_a_parked_aircraft_sits_on_the_terrain_the_world_passes_in():
    def hill(north, east):
        return 120.0 + 0.01 * north

    fleet = Fleet([load_aircraft("camel")], ground=hill)
    fleet.reset(0, on_ground=True, pos=(500.0, 0.0, 0.0))
    fly(fleet, 10.0)
    assert fleet.on_ground[0] and not fleet.crashed[0]
    assert 124.0 < fleet.altitude[0] < 127.0  # CG about 1.4 m above the 125 m of ground under it


def test_a_hard_nose_down_arrival_noses_over():
    fleet = Fleet([load_aircraft("camel")])
    fleet.reset(0, pos=(0.0, 0.0, -2.5), speed=30.0, pitch=-12.0)
    fly(fleet, 3.0)
    assert fleet.crashed[0] and fleet.crash_cause_name(0) in ("nose_over", "hard_landing", "ground_impact")


def test_full_rudder_at_speed_on_the_ground_ground_loops():
    fleet = Fleet([load_aircraft("camel")])
    fleet.reset(0, on_ground=True)
    u = fleet.controls.copy()
    u[0, 3] = 1.0
    fly(fleet, 6.0, u)
    heading = fleet.euler[0, 2]
    u[0, 2] = -1.0
    fly(fleet, 3.0, u)
    swing = np.degrees((fleet.euler[0, 2] - heading + np.pi) % (2 * np.pi) - np.pi)
    assert swing < -45.0 or fleet.crash_cause_name(0) == "wing_strike"


_SCRIPT = """
import hashlib, numpy as np
from flight.sim.dynamics import DT, Fleet, load_aircraft
from flight.sim.dynamics.aero import ground_effect_relief
fleet = Fleet([load_aircraft(n) for n in ("camel", "fokker_d7", "gotha_g5", "camel")])
for i in range(3):
    fleet.reset(i, pos=(0.0, 50.0 * i, -1200.0), speed=45.0, heading=20.0 * i, roll=10.0 * i, throttle=1.0)
fleet.reset(3, on_ground=True)
u = np.random.default_rng(7).uniform(-1, 1, size=(1200, 4, 6))
u[:, :, 3] = np.abs(u[:, :, 3])
for frame in u:
    fleet.step(frame, DT)
state = [fleet.pos, fleet.vel, fleet.quat, fleet.omega, fleet.engine_omega, fleet.fuel]
print(hashlib.sha256(b"".join(np.ascontiguousarray(x).tobytes() for x in state)).hexdigest())
"""


def test_the_same_bits_with_and_without_numpys_avx512_kernels():
    """numpy picks SIMD kernels by CPU; the per-tick maths must not depend on which (DESIGN.md, Replays)."""
    usual, without = outputs_with_and_without_avx512(_SCRIPT)
    assert usual == without


@pytest.mark.parametrize("rudder", [1.0, -1.0])
def test_a_spin_recovers_with_opposite_rudder_and_stick_forward(rudder):
    fleet = Fleet([load_aircraft("camel")])
    fleet.reset(0, pos=(0.0, 0.0, -2000.0), speed=21.0, pitch=12.0)
    fly(fleet, 8.0, np.array([[0.0, 1.0, rudder, 0.0, 0.0, 0.0]]))
    assert abs(fleet.omega[0, 2]) > np.radians(30), "spinning"
    fly(fleet, 6.0, np.array([[0.0, -0.5, -rudder, 0.0, 0.0, 0.0]]))
    assert abs(fleet.omega[0, 2]) < np.radians(20) and abs(fleet.alpha[0]) < np.radians(15)
    assert fleet.altitude[0] > 1000.0


def test_ground_effect_removes_induced_drag_close_to_the_ground():
    """McCormick: at a tenth of the span above the ground about 28 % of the induced drag is gone, at a span none."""
    fleet = Fleet([load_aircraft("camel")])
    span, factor = fleet.params.span[0], fleet.params.induced_drag_factor[0]
    relief = np.array([ground_effect_relief(fleet.params.aircraft, 0, h) for h in (0.1 * span, span)]) / factor
    assert relief[0] == pytest.approx(0.28, abs=0.01) and relief[1] < 0.004


def test_a_tail_slide_stays_finite_and_falls_through():
    fleet = Fleet([load_aircraft("camel")])
    fleet.reset(0, pos=(0.0, 0.0, -1500.0), speed=2.0, pitch=89.0, throttle=0.0)
    with np.errstate(all="raise", under="ignore"):
        fly(fleet, 15.0)
    assert np.isfinite(fleet.pos).all() and not fleet.crashed[0]
    assert fleet.euler[0, 1] < np.radians(30), "the nose has fallen through"
