"""What an AI pilot reads from the fleet each tick, for the K aircraft it flies: the instruments a pilot has (and
the ground under the wheels). Read-only; only CPU-stable operations (see flight.dynamics.stablemath).
Imports numpy and flight.dynamics only.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.dynamics import Fleet, quaternion
from flight.dynamics.atmosphere import SEA_LEVEL_DENSITY, density
from flight.dynamics.stablemath import atan2


@dataclass(frozen=True)
class Sensed:
    """One tick's readings, each (K,): SI units, angles in rad, NED positions."""
    north: np.ndarray
    east: np.ndarray
    altitude: np.ndarray  # m above sea level
    height: np.ndarray  # m of the CG above the ground under it
    roll: np.ndarray
    pitch: np.ndarray
    heading: np.ndarray  # 0..2pi, 0 north
    p: np.ndarray  # body roll, pitch, yaw rates, rad/s
    q: np.ndarray
    r: np.ndarray
    eas: np.ndarray  # equivalent airspeed, m/s
    tas: np.ndarray
    beta: np.ndarray  # sideslip, + air from the right
    alpha: np.ndarray
    climb_rate: np.ndarray  # m/s, up positive
    load_factor: np.ndarray  # g, 1 in level flight
    ground_speed: np.ndarray  # m/s, horizontal
    course: np.ndarray  # rad, direction of travel over the ground (the heading when barely moving)
    on_ground: np.ndarray  # bool
    crashed: np.ndarray  # bool


def sense(fleet: Fleet, index: np.ndarray) -> Sensed:
    """Readings of the aircraft `index` (K,) of the fleet."""
    pos, vel = fleet.pos[index], fleet.vel[index]
    euler = quaternion.to_euler(fleet.quat[index])
    rot = quaternion.to_matrix(fleet.quat[index])
    air = vel - fleet.wind
    body = np.einsum("nji,nj->ni", rot, air)
    ground_speed = np.sqrt(vel[:, 0] * vel[:, 0] + vel[:, 1] * vel[:, 1])
    rise, run = np.empty((len(index), 3)), np.empty((len(index), 3))  # one atan2 call for three angles
    rise[:, 0], run[:, 0] = body[:, 2], body[:, 0]
    rise[:, 1], run[:, 1] = body[:, 1], np.sqrt(body[:, 0] * body[:, 0] + body[:, 2] * body[:, 2])
    rise[:, 2], run[:, 2] = vel[:, 1], vel[:, 0]
    angles = atan2(rise, run)
    moving = ground_speed > 2.0
    course = np.where(moving, angles[:, 2], euler[:, 2])
    altitude = -pos[:, 2]
    tas = np.sqrt(np.add.reduce(air * air, 1))
    omega = fleet.omega[index]
    return Sensed(
        north=pos[:, 0], east=pos[:, 1], altitude=altitude,
        height=altitude - fleet.ground(pos[:, 0], pos[:, 1]),
        roll=euler[:, 0], pitch=euler[:, 1], heading=euler[:, 2], p=omega[:, 0], q=omega[:, 1], r=omega[:, 2],
        eas=tas * np.sqrt(density(altitude) * (1.0 / SEA_LEVEL_DENSITY)), tas=tas, beta=angles[:, 1],
        alpha=angles[:, 0], climb_rate=-vel[:, 2], load_factor=-fleet.specific_force[index, 2],
        ground_speed=ground_speed, course=course, on_ground=fleet.on_ground[index], crashed=fleet.crashed[index])
