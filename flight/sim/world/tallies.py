"""What the world tallies after each step, for the missions and the debrief: touchdowns' sink rates, time in the
air, the speed an aircraft had before it crashed, and the propellers' angles. One kernel over the N aircraft with
the numpy code's bits (a speed adds its squares as np.einsum does: 0 + ((x0 + x2) + x1)). Imports numpy, numba
and flight.sim only."""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.dynamics import DT
from flight.sim.jit import kernel
from flight.sim.world.combat.aiming import norm1

_TWO_PI = 2.0 * np.pi
_F1, _F2, _B1, _I1 = types.float64[::1], types.float64[:, ::1], types.boolean[::1], types.int64[::1]


@kernel(types.void(_B1, _F1, _B1, _B1, _F2, _F2, _F1, _I1, _I1, _F1, _F1))
def tally(was_on_ground, sink, on_ground, crashed, vel, engine_omega, touchdown_sink, airborne_ticks, airborne_run,
          last_speed, propeller_angle):
    """`was_on_ground` and `sink` (the vertical speed) are from before the step; the rest as the step left them."""
    for i in range(on_ground.size):
        if on_ground[i] and not was_on_ground[i]:
            touchdown_sink[i] = sink[i]
        flying = not on_ground[i] and not crashed[i]
        airborne_ticks[i] += 1 if flying else 0
        airborne_run[i] = airborne_run[i] + 1 if flying else 0
        if not crashed[i]:
            last_speed[i] = norm1(vel[i, 0], vel[i, 1], vel[i, 2])
        propeller_angle[i] = (propeller_angle[i] + engine_omega[i, 0] * DT) % _TWO_PI
