"""The combat kernels refuse state arrays of another dtype with one clear error instead of compiling again, and
meet NaN and inf without an error or an index out of bounds."""

import numpy as np
import pytest

from flight.sim.jit import KernelArgumentError
from flight.sim.world.combat.machine_guns import fire_small_arms
from tests.sim.world.combat_worlds import CRUISE, flying, ground, run, world


def test_a_condition_array_of_another_dtype_is_refused_in_one_line():
    w = world([flying("player", "camel", "allied", 0.0, 0.0)])
    w.combat.condition.pilot = w.combat.condition.pilot.astype(np.float32)
    with pytest.raises(KernelArgumentError, match="pilot is float32") as e:
        w.tick(CRUISE)
    assert "\n" not in str(e.value)


def test_the_searchlights_kernels_know_the_searchlight_s_kind():
    from flight.sim.world.combat import searchlights
    from flight.sim.world.combat.ground_units import GROUND_KINDS
    assert GROUND_KINDS.index("searchlight") == searchlights.SEARCHLIGHT


def test_an_aircraft_at_nan_neither_crashes_nor_misleads_the_ground_s_kernels():
    """Every ground kernel meets a NaN position and velocity: no error, no index out of bounds, no target at it."""
    w = world([flying("player", "camel", "allied", -300.0, 0.0, 0.0, altitude=400.0, speed=40.0),
               flying("rfc/0", "camel", "allied", -250.0, 0.0, 0.0, altitude=400.0, speed=40.0)],
              [ground("archie", "flak", "german", 0.0, 200.0), ground("maxim", "mg", "german", 0.0, 0.0),
               ground("light", "searchlight", "german", 0.0, -200.0), ground("squad", "guards", "german", 50.0, 0.0,
                                                                               count=4)],
              time_of_day="night")
    run(w, 200)
    c, units = w.combat, w.combat.units
    bad = np.array([[np.nan, 0.0, -400.0], [0.0, np.inf, -400.0]])
    pos, vel = w.fleet.pos.copy(), np.full_like(w.fleet.vel, np.nan)
    pos[1] = bad[0]
    for tick in range(200, 232):
        held = units.held(w.fleet.n)
        units.choose_targets(pos, c.side, c.allegiance, w.fleet.crashed, w.fleet.on_ground,
                             np.full(w.fleet.n, np.nan), held, w.rng)
        units.move_beams(pos)
        fire_small_arms(units, c.small_arms, pos, vel, w.rng, tick, c.bullets)
        c.flak.fire(units, pos, vel, held, w.rng, tick)
        c.flak.burst(tick, pos, ~w.fleet.crashed, c.area, c.engines, c.events, w.rng)
        pos[1] = bad[tick % 2]
    assert not np.isin(units.target, [1]).any(), "nothing aims at an aircraft that is nowhere"
