"""What an AI pilot reads from the fleet for the K aircraft it flies: the instruments, every tick, for the inner
loops (`sense`, a kernel over the K aircraft); and where it is over the ground, at the guidance's slower rate.
Read-only; CPU-stable operations only (see flight.sim.dynamics.stablemath). Imports numpy, numba and
flight.sim.dynamics only.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from numba import types

from flight.sim.dynamics import Fleet, quaternion
from flight.sim.dynamics.atmosphere import SEA_LEVEL_DENSITY, density1
from flight.sim.jit import kernel
from flight.sim.dynamics.stablemath import atan2, atan2_1, maximum, minimum

_TWO_PI = 2.0 * np.pi


@dataclass(frozen=True)
class Instruments:
    """One tick's readings, each (K,): SI units, angles in rad."""
    roll: np.ndarray
    pitch: np.ndarray
    heading: np.ndarray  # 0..2pi, 0 north
    p: np.ndarray  # body roll, pitch, yaw rates, rad/s
    q: np.ndarray
    r: np.ndarray
    eas: np.ndarray  # equivalent airspeed, m/s
    tas: np.ndarray
    alpha: np.ndarray
    beta: np.ndarray  # sideslip, + air from the right
    climb_rate: np.ndarray  # m/s, up positive
    load_factor: np.ndarray  # g, 1 in level flight
    on_ground: np.ndarray  # bool
    crashed: np.ndarray  # bool


@dataclass(frozen=True)
class Track:
    """Where the aircraft are, each (K,): NED metres, rad."""
    north: np.ndarray
    east: np.ndarray
    altitude: np.ndarray  # m above sea level
    height: np.ndarray  # m of the CG above the ground under it
    ground_speed: np.ndarray  # m/s, horizontal
    course: np.ndarray  # direction of travel over the ground, 0..2pi (the heading when barely moving)


INSTRUMENT_ROWS = ("roll", "pitch", "heading", "p", "q", "r", "eas", "tas", "alpha", "beta", "climb_rate",
                   "load_factor")  # the float readings, in the rows of `sense`'s table
_F1, _F2 = types.float64[::1], types.float64[:, ::1]


@kernel
def _reading(quat, vel, pos, omega, specific_force, wind, n):
    """The float readings of fleet aircraft n, in INSTRUMENT_ROWS' order."""
    w, x, y, z = quat[n, 0], quat[n, 1], quat[n, 2], quat[n, 3]
    a0, a1, a2 = vel[n, 0] - wind[0], vel[n, 1] - wind[1], vel[n, 2] - wind[2]
    b0, b1, b2 = quaternion.rotate_back(quaternion.matrix(w, x, y, z), a0, a1, a2)
    # roll, pitch and heading as quaternion.euler_terms writes them, arcsin x as atan2(x, sqrt(1 - x^2))
    sin_pitch = minimum(maximum(2.0 * (w * y - z * x), -1.0), 1.0)
    roll = atan2_1(2.0 * (w * x + y * z), 1.0 - 2.0 * (x * x + y * y))
    pitch = atan2_1(sin_pitch, np.sqrt(1.0 - sin_pitch * sin_pitch))
    heading = atan2_1(2.0 * (w * z + x * y), 1.0 - 2.0 * (y * y + z * z)) % _TWO_PI
    tas = np.sqrt((a0 * a0 + a1 * a1) + a2 * a2)
    eas = tas * np.sqrt(density1(-pos[n, 2]) * (1.0 / SEA_LEVEL_DENSITY))
    return (roll, pitch, heading, omega[n, 0], omega[n, 1], omega[n, 2], eas, tas, atan2_1(b2, b0),
            atan2_1(b1, np.sqrt(b0 * b0 + b2 * b2)), -vel[n, 2], -specific_force[n, 2])


@kernel(types.void(types.intp[::1], _F2, _F2, _F2, _F2, _F2, _F1, types.boolean[::1], types.int64[::1], _F2))
def sense(index, quat, vel, pos, omega, specific_force, wind, on_ground, airborne_ticks, out):
    """Every tick: the readings of the aircraft `index` (K,) into `out` (12, K) by INSTRUMENT_ROWS, and each one's
    ticks off the ground counted on (0 on it)."""
    for k in range(index.size):
        n = index[k]
        reading = _reading(quat, vel, pos, omega, specific_force, wind, n)
        for row in range(12):
            out[row, k] = reading[row]
        airborne_ticks[k] = 0 if on_ground[n] else airborne_ticks[k] + 1


def instruments_of(fleet: Fleet, index: np.ndarray, table: np.ndarray) -> Instruments:
    """The Instruments of a table `sense` filled (views of its rows)."""
    return Instruments(*table, on_ground=fleet.on_ground[index], crashed=fleet.crashed[index])


def instrument_table(fleet: Fleet, index: np.ndarray) -> np.ndarray:
    """The readings of the aircraft `index` (K,) of the fleet, (12, K) by INSTRUMENT_ROWS (as `sense` fills)."""
    index = np.ascontiguousarray(index, dtype=np.intp)
    table = np.empty((len(INSTRUMENT_ROWS), index.size))
    sense(index, fleet.quat, fleet.vel, fleet.pos, fleet.omega, fleet.specific_force, fleet.wind, fleet.on_ground,
          np.zeros(index.size, dtype=np.int64), table)
    return table


def read_instruments(fleet: Fleet, index: np.ndarray) -> Instruments:
    """The instruments of the aircraft `index` (K,) of the fleet (when orders are given; `sense` every tick)."""
    return instruments_of(fleet, index, instrument_table(fleet, index))


def read_track(fleet: Fleet, index: np.ndarray, heading: np.ndarray) -> Track:
    """Position and motion over the ground; `heading` stands in for the course when barely moving."""
    pos, vel = fleet.pos[index], fleet.vel[index]
    ground_speed = np.sqrt(vel[:, 0] * vel[:, 0] + vel[:, 1] * vel[:, 1])
    course = np.where(ground_speed > 2.0, atan2(vel[:, 1], vel[:, 0]) % _TWO_PI, heading)
    return Track(north=pos[:, 0], east=pos[:, 1], altitude=-pos[:, 2],
                 height=-pos[:, 2] - fleet.ground(pos[:, 0], pos[:, 1]), ground_speed=ground_speed, course=course)
