"""What the instruments read of every aircraft, in one kernel call: true and equivalent airspeed, angle of attack
and sideslip, Euler angles and the height above the ground. The Fleet's properties, the world's snapshot (once a
rendered frame) and the missions' unit views all read them here, so there is one implementation, and a frame costs
one call instead of some forty numpy operations. Same arithmetic, in the same order, as the step kernel's air data
(DESIGN.md, Replays). Imports numpy, numba and the dynamics kernels only.
"""
import numpy as np
from numba import types

from flight.sim.dynamics import quaternion
from flight.sim.dynamics.atmosphere import SEA_LEVEL_DENSITY, density1
from flight.sim.dynamics.heightfield import surface
from flight.sim.dynamics.stablemath import atan2_1
from flight.sim.jit import kernel

ROWS = ("airspeed", "eas", "alpha", "beta", "roll", "pitch", "heading", "height")
AIRSPEED, EAS, ALPHA, BETA, ROLL, PITCH, HEADING, HEIGHT = range(len(ROWS))

_F1, _F2 = types.float64[::1], types.float64[:, ::1]
_TERRAIN = types.Tuple((types.int64, _F2, types.float64, types.float64, types.float64, _F2))


@kernel
def height1(pos, terrain, i):
    """m of aircraft i's CG above the ground under it (heightfield.surface's `terrain` tuple)."""
    return -pos[i, 2] - surface(terrain, i, 0, pos[i, 0], pos[i, 1])


@kernel(types.float64(_F2, _TERRAIN, types.intp))
def height_of(pos, terrain, i):
    """height1, called from Python: what a mission asks of one aircraft, without the other readings."""
    return height1(pos, terrain, i)


@kernel(types.void(_F2, _F2, _F2, _F1, _TERRAIN, _F2))
def fleet_readings(pos, vel, quat, wind, terrain, out):
    """out[k, i] = reading ROWS[k] of aircraft i (a row is contiguous, as kernels take it): m/s, rad (heading
    0..2pi), and m of the CG above the ground."""
    for i in range(pos.shape[0]):
        v0, v1, v2 = vel[i, 0] - wind[0], vel[i, 1] - wind[1], vel[i, 2] - wind[2]
        speed = np.sqrt((v0 * v0 + v2 * v2) + v1 * v1)  # numpy's einsum order, as before
        rot = quaternion.matrix(quat[i, 0], quat[i, 1], quat[i, 2], quat[i, 3])
        b0, b1, b2 = quaternion.rotate_back(rot, v0, v1, v2)
        altitude = -pos[i, 2]
        out[AIRSPEED, i] = speed
        out[EAS, i] = speed * np.sqrt(density1(altitude) / SEA_LEVEL_DENSITY)
        out[ALPHA, i] = atan2_1(b2, b0)
        out[BETA, i] = atan2_1(b1, np.sqrt(b0 * b0 + b2 * b2))
        out[ROLL, i], out[PITCH, i], out[HEADING, i] = quaternion.euler1(quat[i, 0], quat[i, 1], quat[i, 2],
                                                                         quat[i, 3])
        out[HEIGHT, i] = height1(pos, terrain, i)
