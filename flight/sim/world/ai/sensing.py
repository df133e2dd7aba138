"""What an AI pilot reads from the fleet for the K aircraft it flies: the instruments, every tick, for the inner
loops; and where it is over the ground, at the guidance's slower rate. Read-only; CPU-stable operations only
(see flight.sim.dynamics.stablemath). Imports numpy and flight.sim.dynamics only.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.sim.dynamics import Fleet, quaternion
from flight.sim.dynamics.atmosphere import SEA_LEVEL_DENSITY, density
from flight.sim.dynamics.stablemath import atan2

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


def read_instruments(fleet: Fleet, index: np.ndarray) -> Instruments:
    """The instruments of the aircraft `index` (K,) of the fleet."""
    quat, vel = fleet.quat[index], fleet.vel[index]
    air = vel - fleet.wind
    body = np.einsum("nji,nj->ni", quaternion.to_matrix(quat), air)
    rise, run = quaternion.euler_terms(quat, extra=2)  # one atan2 call for roll, pitch, heading, alpha, beta
    rise[:, 3], run[:, 3] = body[:, 2], body[:, 0]
    rise[:, 4], run[:, 4] = body[:, 1], np.sqrt(body[:, 0] * body[:, 0] + body[:, 2] * body[:, 2])
    angles = atan2(rise, run)
    altitude = -fleet.pos[index, 2]
    tas = np.sqrt(np.add.reduce(air * air, 1))
    omega = fleet.omega[index]
    return Instruments(
        roll=angles[:, 0], pitch=angles[:, 1], heading=angles[:, 2] % _TWO_PI, p=omega[:, 0], q=omega[:, 1],
        r=omega[:, 2], eas=tas * np.sqrt(density(altitude) * (1.0 / SEA_LEVEL_DENSITY)), tas=tas,
        alpha=angles[:, 3], beta=angles[:, 4], climb_rate=-vel[:, 2], load_factor=-fleet.specific_force[index, 2],
        on_ground=fleet.on_ground[index], crashed=fleet.crashed[index])


def read_track(fleet: Fleet, index: np.ndarray, heading: np.ndarray) -> Track:
    """Position and motion over the ground; `heading` stands in for the course when barely moving."""
    pos, vel = fleet.pos[index], fleet.vel[index]
    ground_speed = np.sqrt(vel[:, 0] * vel[:, 0] + vel[:, 1] * vel[:, 1])
    course = np.where(ground_speed > 2.0, atan2(vel[:, 1], vel[:, 0]) % _TWO_PI, heading)
    return Track(north=pos[:, 0], east=pos[:, 1], altitude=-pos[:, 2],
                 height=-pos[:, 2] - fleet.ground(pos[:, 0], pos[:, 1]), ground_speed=ground_speed, course=course)
