"""What an AI pilot reads from the fleet for the K aircraft it flies: the instruments, every tick, for the inner
loops (`sense`, a kernel over the K aircraft); and where it is over the ground (`tracks`) and how high the ground
ahead rises, at the guidance's slower rate. Read-only; CPU-stable operations only (see
flight.sim.dynamics.stablemath). Imports numpy, numba and flight.sim.dynamics only.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from numba import types

from flight.sim.dynamics import Fleet, quaternion
from flight.sim.dynamics.atmosphere import SEA_LEVEL_DENSITY, density1
from flight.sim.dynamics.heightfield import GIVEN, surface
from flight.sim.dynamics.readings import height1
from flight.sim.dynamics.step import TERRAIN
from flight.sim.jit import kernel
from flight.sim.dynamics.stablemath import atan2_1, maximum

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


TRACK_ROWS = ("north", "east", "altitude", "height", "ground_speed", "course")  # Track as the rows of `tracks`'s table
LOOK_AHEAD = (0.0, 4.0, 8.0, 12.0)  # s: where the ground under the flight path is sampled
INSTRUMENT_ROWS = ("roll", "pitch", "heading", "p", "q", "r", "eas", "tas", "alpha", "beta", "climb_rate",
                   "load_factor")  # the float readings, in the rows of `sense`'s table
_F1, _F2 = types.float64[::1], types.float64[:, ::1]


@kernel
def _reading(quat, vel, pos, omega, specific_force, wind, n):
    """The float readings of fleet aircraft n, in INSTRUMENT_ROWS' order."""
    w, x, y, z = quat[n, 0], quat[n, 1], quat[n, 2], quat[n, 3]
    a0, a1, a2 = vel[n, 0] - wind[0], vel[n, 1] - wind[1], vel[n, 2] - wind[2]
    b0, b1, b2 = quaternion.rotate_back(quaternion.matrix(w, x, y, z), a0, a1, a2)
    roll, pitch, heading = quaternion.euler1(w, x, y, z)
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


@kernel(types.float64(types.intp, _F2, _F2, _F2, _F2, _F2, _F1, TERRAIN, _F2))
def sense_with_height(n, quat, vel, pos, omega, specific_force, wind, terrain, out):
    """Aircraft n's readings into out[:, 0] by INSTRUMENT_ROWS (as `sense`), and returns its CG's height above the
    ground (m, as Fleet.readings has it): the player's assists read both every tick, in one call."""
    reading = _reading(quat, vel, pos, omega, specific_force, wind, n)
    for row in range(12):
        out[row, 0] = reading[row]
    return height1(pos, terrain, n)


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


@kernel
def ground_point1(pos, vel, n, column):
    """Where the ground is read for fleet aircraft n: under it (column 0), and LOOK_AHEAD[column - 1] s ahead."""
    if column == 0:
        return pos[n, 0], pos[n, 1]
    ahead = LOOK_AHEAD[column - 1]
    return pos[n, 0] + ahead * vel[n, 0], pos[n, 1] + ahead * vel[n, 1]


@kernel
def ground_ahead1(terrain, pos, vel, n, k):
    """m: the highest ground under the next LOOK_AHEAD seconds of fleet aircraft n's track (the k-th flown)."""
    highest = 0.0
    for column in range(1, 1 + len(LOOK_AHEAD)):
        north, east = ground_point1(pos, vel, n, column)
        height = surface(terrain, k, column, north, east)
        highest = height if column == 1 else maximum(highest, height)
    return highest


@kernel
def track1(pos, vel, n, heading, ground):
    """Fleet aircraft n's Track (TRACK_ROWS), `ground` m under it; `heading` stands in for the course when
    barely moving."""
    ground_speed = np.sqrt(vel[n, 0] * vel[n, 0] + vel[n, 1] * vel[n, 1])
    course = atan2_1(vel[n, 1], vel[n, 0]) % _TWO_PI if ground_speed > 2.0 else heading
    return pos[n, 0], pos[n, 1], -pos[n, 2], -pos[n, 2] - ground, ground_speed, course


@kernel(types.void(types.intp[::1], _F2, _F2, _F1, TERRAIN, _F2))
def tracks(index, pos, vel, heading, terrain, out):
    """The Track of the aircraft `index` (K,) into `out` (6, K) by TRACK_ROWS; `heading` (K,) as track1's."""
    for k in range(index.size):
        n = index[k]
        north, east = ground_point1(pos, vel, n, 0)
        row = track1(pos, vel, n, heading[k], surface(terrain, k, 0, north, east))
        for r in range(6):
            out[r, k] = row[r]


@kernel(types.void(types.intp[::1], _F2, _F2, _F2, _F2))
def _ground_points(index, pos, vel, north, east):
    for k in range(index.size):
        for column in range(north.shape[1]):
            north[k, column], east[k, column] = ground_point1(pos, vel, index[k], column)


def terrain_of(fleet: Fleet, index: np.ndarray) -> tuple:
    """The fleet's ground as heightfield.surface reads it for the aircraft `index` (K,): a ground function that is
    not a kernel is asked here, under each and at its look-ahead points (ground_point1's columns)."""
    terrain = fleet._terrain  # noqa: SLF001 - the flight model's own view of its ground, shared, not rebuilt
    if terrain[0] != GIVEN:
        return terrain
    north = np.empty((index.size, 1 + len(LOOK_AHEAD)))
    east = np.empty_like(north)
    _ground_points(index, fleet.pos, fleet.vel, north, east)
    heights = np.asarray(fleet.ground(north.ravel(), east.ravel()), dtype=np.float64).reshape(north.shape)
    return GIVEN, terrain[1], 0.0, 0.0, 1.0, np.ascontiguousarray(heights)


def read_track(fleet: Fleet, index: np.ndarray, heading: np.ndarray) -> Track:
    """Position and motion over the ground (when orders are given; `tracks` at every guidance pass)."""
    index = np.ascontiguousarray(index, dtype=np.intp)
    out = np.empty((len(TRACK_ROWS), index.size))
    tracks(index, fleet.pos, fleet.vel, np.ascontiguousarray(heading, dtype=np.float64), terrain_of(fleet, index),
           out)
    return Track(*out)
