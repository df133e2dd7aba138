"""Properties of Fleet.step that every state and every input must keep: determinism, batch invariance,
finite state with unit quaternions under abuse, and a sane rest state on the ground."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flight.sim.dynamics import DT, Fleet, load_aircraft

TYPES = ("camel", "fokker_d7", "gotha_g5")


@pytest.fixture(scope="module")
def specs():
    return {name: load_aircraft(name) for name in TYPES}


def airborne_fleet(specs, names, altitude=1500.0):
    fleet = Fleet([specs[n] for n in names])
    for i in range(fleet.n):
        fleet.reset(i, pos=(10.0 * i, 0.0, -altitude), speed=45.0, heading=7.0 * i, throttle=1.0)
    return fleet


def random_controls(rng, n, ticks):
    """Stick, rudder, throttle, brake and blip flailing between their limits and beyond, with NaN and inf."""
    u = rng.uniform(-1.5, 1.5, size=(ticks, n, 6))
    holes = rng.random(size=u.shape) < 0.02
    u[holes] = rng.choice([np.nan, np.inf, -np.inf], size=holes.sum())
    return u


def state(fleet):
    return [fleet.pos, fleet.vel, fleet.quat, fleet.omega, fleet.engine_omega, fleet.fuel, fleet.crashed]


def test_same_inputs_give_bit_identical_states(specs):
    names = ["camel", "fokker_d7", "gotha_g5", "camel"]
    u = random_controls(np.random.default_rng(3), len(names), 600)
    a, b = airborne_fleet(specs, names), airborne_fleet(specs, names)
    for frame in u:
        a.step(frame, DT)
        b.step(frame, DT)
    for x, y in zip(state(a), state(b)):
        assert np.array_equal(x, y)


def test_one_fleet_of_n_matches_n_fleets_of_one_bit_for_bit(specs):
    names = ["camel", "gotha_g5", "fokker_d7", "camel", "gotha_g5"]
    u = random_controls(np.random.default_rng(5), len(names), 480)
    together = airborne_fleet(specs, names)
    alone = [airborne_fleet(specs, [n]) for n in names]
    for i, f in enumerate(alone):  # same start as aircraft i of the big fleet
        f.reset(0, pos=(10.0 * i, 0.0, -1500.0), speed=45.0, heading=7.0 * i, throttle=1.0)
    for frame in u:
        together.step(frame, DT)
        for i, f in enumerate(alone):
            f.step(frame[i:i + 1], DT)
    for i, f in enumerate(alone):
        for x, y in zip(state(together), state(f)):
            mine = x[i:i + 1]
            if mine.ndim == 2 and mine.shape[1] > y.shape[1]:  # engine slots a single-engine type does not have
                assert not mine[:, y.shape[1]:].any()
                mine = mine[:, :y.shape[1]]
            assert np.array_equal(mine, y), f"aircraft {i} ({names[i]}) differs"


def test_64_aircraft_under_abuse_for_ten_minutes_stay_finite_and_unit(specs):
    rng = np.random.default_rng(11)
    names = [TYPES[i % 3] for i in range(64)]
    fleet = airborne_fleet(specs, names, altitude=2500.0)
    ticks = int(600 / DT)
    # a new random input every half second, held in between: extreme but flyable sequences, and NaN/inf holes
    schedule = random_controls(rng, fleet.n, ticks // 60 + 1)
    # numpy underflow to zero is harmless (tiny sliding speeds decaying on the ground); everything else raises
    with np.errstate(all="raise", under="ignore"):
        for tick in range(ticks):
            fleet.step(schedule[tick // 60], DT)
            if tick % 600 == 0:
                assert all(np.isfinite(x).all() for x in state(fleet))
    assert all(np.isfinite(x).all() for x in state(fleet))
    assert np.allclose(np.linalg.norm(fleet.quat, axis=1), 1.0, atol=1e-12)
    assert not (fleet.crash_cause == 7).any(), "no aircraft may hit the non-finite guard"


@settings(max_examples=25, deadline=None)
@given(aircraft=st.sampled_from(TYPES), seed=st.integers(0, 2**32 - 1),
       speed=st.floats(0.0, 120.0), pitch=st.floats(-90.0, 90.0), roll=st.floats(-180.0, 180.0))
def test_any_start_and_any_controls_keep_the_state_finite(specs, aircraft, seed, speed, pitch, roll):
    fleet = Fleet([specs[aircraft]])
    fleet.reset(0, pos=(0.0, 0.0, -800.0), speed=speed, pitch=pitch, roll=roll, throttle=0.5)
    u = random_controls(np.random.default_rng(seed), 1, 240)
    with np.errstate(all="raise", under="ignore"):
        for frame in u:
            fleet.step(frame, DT)
            assert abs(np.linalg.norm(fleet.quat[0]) - 1.0) < 1e-12
    assert all(np.isfinite(x).all() for x in state(fleet))
    assert fleet.crash_cause[0] != 7


def test_non_finite_and_out_of_range_controls_never_reach_the_state(specs):
    fleet = airborne_fleet(specs, ["camel"])
    fleet.step(np.array([[0.0, 0.0, 0.0, 0.7, 0.0, 0.0]]), DT)
    fleet.step(np.array([[np.nan, -3.0, np.inf, np.nan, 5.0, 0.7]]), DT)
    assert fleet.applied[0].tolist() == [0.0, -1.0, 0.0, 0.7, 1.0, 1.0]


@pytest.mark.parametrize("aircraft", TYPES)
def test_a_parked_aircraft_stays_put(specs, aircraft):
    fleet = Fleet([specs[aircraft]])
    fleet.reset(0, on_ground=True, pos=(100.0, -50.0, 0.0), heading=30.0)
    start, heading = fleet.pos.copy(), fleet.euler[0, 2]
    for _ in range(int(60 / DT)):
        fleet.step(fleet.controls, DT)
    assert not fleet.crashed[0] and fleet.on_ground[0]
    assert np.linalg.norm(fleet.pos - start) < 0.05
    assert abs(np.degrees(fleet.euler[0, 2] - heading)) < 1.0
    assert fleet.rpm[0] > 200, "the engine keeps idling"


@pytest.mark.parametrize("aircraft", TYPES)
def test_dropped_from_one_metre_it_settles_on_its_gear(specs, aircraft):
    parked = Fleet([specs[aircraft]])
    parked.reset(0, on_ground=True)
    fleet = Fleet([specs[aircraft]])
    pitch = float(np.degrees(parked.euler[0, 1]))
    fleet.reset(0, pos=(0.0, 0.0, parked.pos[0, 2] - 1.0), pitch=pitch)
    for _ in range(int(6 / DT)):
        fleet.step(fleet.controls, DT)
    assert not fleet.crashed[0], fleet.crash_cause_name(0)
    assert fleet.on_ground[0]
    assert abs(fleet.vel[0, 2]) < 0.02
    assert abs(fleet.pos[0, 2] - parked.pos[0, 2]) < 0.05
    assert abs(np.degrees(fleet.euler[0, 1]) - pitch) < 1.0


def test_a_touchdown_far_too_hard_is_a_crash(specs):
    fleet = Fleet([specs["camel"]])
    fleet.reset(0, pos=(0.0, 0.0, -8.0), pitch=12.0)
    for _ in range(int(3 / DT)):
        fleet.step(fleet.controls, DT)
    assert fleet.crashed[0]
    assert fleet.crash_cause_name(0) in ("hard_landing", "ground_impact", "wing_strike", "nose_over")
    frozen = fleet.pos.copy()
    fleet.step(fleet.controls, DT)
    assert np.array_equal(fleet.pos, frozen), "a crashed aircraft stays where it lies"


def test_right_rudder_pushes_the_tail_left(specs):
    fleet = airborne_fleet(specs, ["fokker_d7"])
    fleet.step(fleet.controls, DT)
    straight = fleet.specific_force[0, 1]
    u = fleet.controls.copy()
    u[0, 2] = 1.0
    fleet.step(u, DT)
    assert fleet.specific_force[0, 1] < straight - 0.005


@pytest.mark.parametrize("channel, rate, sign", [(0, 0, +1), (1, 1, +1), (2, 2, +1)])
def test_control_signs_follow_the_convention(specs, channel, rate, sign):
    """Positive aileron rolls right, positive elevator pitches nose up, positive rudder yaws right."""
    fleet = airborne_fleet(specs, ["fokker_d7"])
    u = fleet.controls.copy()
    u[0, channel] = 1.0
    for _ in range(30):
        fleet.step(u, DT)
    assert sign * fleet.omega[0, rate] > 0.1
