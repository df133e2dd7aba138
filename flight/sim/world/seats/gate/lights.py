"""The camp towers' searchlights in the gate fight (Part 1 of Level 2): their beams search the yard, swing to the
gun while it fires, light the men in their pools and can be shot out. Kernels over the L lights with the numpy
code's bits (DESIGN.md, Replays). Imports numpy, numba and flight.sim only."""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.dynamics import DT
from flight.sim.dynamics.stablemath import maximum, minimum, sin1
from flight.sim.jit import kernel
from flight.sim.world.seats.gate.men import clip01, is_out

LIGHT_SWEEP = (0.11, 0.07)  # rad/s: the free lights' search pattern, a Lissajous figure over the yard
LIGHT_SLEW = 30.0  # m/s: how fast a beam's spot on the ground moves to the gun or back to its search
LIGHT_ALERT_S = 8.0  # s after the gun's last round the lights hold the gate
LIGHT_HOLD_RADIUS = 5.0  # m: a beam's spot this near the gun lights Allison
LAMP_RADIUS = 0.5  # m: a round passing this close to a lamp puts it out
SPOT_RADIUS = 7.0  # m: the pool of light a beam throws on the ground

_F1, _F2, _B1 = types.float64[::1], types.float64[:, ::1], types.boolean[::1]


@kernel
def search_spot(sweep, tick, k):
    """(north, east) where free light k's search pattern is at `tick`, each light a different part of it; `sweep`
    (3,) is north, east and half-size of the square searched."""
    seconds = tick * DT
    return (sweep[0] + sweep[2] * sin1(LIGHT_SWEEP[0] * seconds + 1.9 * k),
            sweep[1] + sweep[2] * sin1(LIGHT_SWEEP[1] * seconds + 2.7 * k))


@kernel(types.void(types.int64, _F1, _F2))
def search_spots(tick, sweep, aim):
    """aim (L, 2): every light's search spot at `tick`."""
    for k in range(aim.shape[0]):
        aim[k, 0], aim[k, 1] = search_spot(sweep, tick, k)


@kernel(types.void(types.int64, types.boolean, _F1, _F1, _F2, _B1))
def move(tick, alert, sweep, gun, aim, on):
    """The burning beams' spots slew at LIGHT_SLEW toward their search pattern, or to the gun (`gun` (2+,) north,
    east) while `alert`."""
    for k in range(aim.shape[0]):
        goal0, goal1 = (gun[0], gun[1]) if alert else search_spot(sweep, tick, k)
        w0, w1 = goal0 - aim[k, 0], goal1 - aim[k, 1]
        step = minimum(LIGHT_SLEW * DT / maximum(np.sqrt(w0 * w0 + w1 * w1), 1e-9), 1.0)
        if on[k]:
            aim[k, 0] += w0 * step
            aim[k, 1] += w1 * step


@kernel
def holding(gun, aim, on):
    """A burning beam's spot lies on the gun: the guards see Allison."""
    for k in range(aim.shape[0]):
        d0, d1 = aim[k, 0] - gun[0], aim[k, 1] - gun[1]
        if on[k] and np.sqrt(d0 * d0 + d1 * d1) < LIGHT_HOLD_RADIUS:
            return True
    return False


@kernel(types.boolean(_F1, _F2, _B1))
def held(gun, aim, on):
    return holding(gun, aim, on)


@kernel
def in_light(aim, on, pos, k):
    """Man k stands in a burning beam's pool of light."""
    for light in range(aim.shape[0]):
        d0, d1 = pos[k, 0] - aim[light, 0], pos[k, 1] - aim[light, 1]
        if np.sqrt(d0 * d0 + d1 * d1) < SPOT_RADIUS and on[light]:
            return True
    return False


@kernel(types.void(_F2, _B1, _F2, types.int8[::1], _B1))
def lit(aim, on, pos, state, out):
    """out (M,): the men turned out who stand in a burning beam's pool of light."""
    for k in range(state.size):
        out[k] = is_out(state, k) and in_light(aim, on, pos, k)


@kernel
def strike_lamps(start, end, count, lamps, on):
    """Rounds whose paths this tick (start[b] to end[b]) pass within LAMP_RADIUS of a lamp put it out."""
    for b in range(count):
        p0, p1, p2 = end[b, 0] - start[b, 0], end[b, 1] - start[b, 1], end[b, 2] - start[b, 2]
        length2 = maximum((p0 * p0 + p2 * p2) + p1 * p1, 1e-12)  # numpy's einsum over 3: (x0 + x2) + x1
        for k in range(lamps.shape[0]):
            o0, o1, o2 = lamps[k, 0] - start[b, 0], lamps[k, 1] - start[b, 1], lamps[k, 2] - start[b, 2]
            t = clip01(((o0 * p0 + o2 * p2) + o1 * p1) / length2)
            m0, m1, m2 = o0 - t * p0, o1 - t * p1, o2 - t * p2
            if (m0 * m0 + m2 * m2) + m1 * m1 < LAMP_RADIUS * LAMP_RADIUS:
                on[k] = False
