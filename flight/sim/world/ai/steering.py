"""Steering for the AI's air work, K aircraft at a time: the bank and climb rate that put the nose on a direction,
the bank for a turn rate, the climb that keeps a floor over the ground ahead, and a merge of a behaviour's
commands into the others' under a mask. CPU-stable numpy only. Imports numpy and flight only.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from flight.sim.dynamics import Fleet
from flight.sim.dynamics.atmosphere import GRAVITY
from flight.sim.dynamics.stablemath import atan2, cos, sin
from flight.sim.world.ai.guidance import saturating_angle
from flight.sim.world.ai.loops import Commands, wrap
from flight.sim.world.ai.sensing import Instruments, Track

AIM_TURN_RATE = 0.8  # rad/s of turn asked per rad of the nose off the aim: steady on the aim in 1-2 s
MAX_CLIMB, MAX_DIVE = 0.35, 0.5  # rad of flight path: a fighter chases up to 20 deg nose up, 29 deg down
LOOK_AHEAD = (0.0, 4.0, 8.0, 12.0)  # s: where the ground under the flight path is sampled
FLOOR_GAIN = 0.5  # m/s of climb per m below the floor
LOW_BANK = 0.8  # rad: the steepest bank below the floor (a wing low near the ground is how fights end)
PULL_OUT = 4.0  # s of the sink rate: a dive is pulled out of this far above the floor


def angles_of(direction: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Bearing (rad, 0 north, -pi..pi) and elevation (rad, + up) of NED directions (K, 3)."""
    horizontal = np.sqrt(direction[:, 0] * direction[:, 0] + direction[:, 1] * direction[:, 1])
    return atan2(direction[:, 1], direction[:, 0]), atan2(-direction[:, 2], horizontal)


def bank_for_rate(tas: np.ndarray, rate: np.ndarray, bank_limit: np.ndarray) -> np.ndarray:
    """About the coordinated bank for a turn rate (rad/s, + right), within +-bank_limit."""
    bank = saturating_angle(tas * rate * (1.0 / GRAVITY))
    return np.minimum(np.maximum(bank, -bank_limit), bank_limit)


def point_nose(i: Instruments, bearing: np.ndarray, elevation: np.ndarray,
               bank_limit: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Bank and climb rate that swing the nose onto the bearing and elevation; and the nose's errors (rad: to the
    right, and up) for the trigger. The nose sits alpha above the flight path, along the lift."""
    yaw_error = wrap(bearing - i.heading)
    pitch_error = elevation - i.pitch
    bank = bank_for_rate(i.tas, AIM_TURN_RATE * yaw_error, bank_limit)
    path = np.minimum(np.maximum(elevation - i.alpha * cos(i.roll), -MAX_DIVE), MAX_CLIMB)
    return bank, i.tas * sin(path), yaw_error * cos(elevation), pitch_error


def ground_ahead(fleet: Fleet, s: Track, index: np.ndarray) -> np.ndarray:
    """(K,) m: the highest ground under the next LOOK_AHEAD seconds of each aircraft's track."""
    vel = fleet.vel[index]
    north = (s.north[None, :] + np.array(LOOK_AHEAD)[:, None] * vel[None, :, 0]).ravel()
    east = (s.east[None, :] + np.array(LOOK_AHEAD)[:, None] * vel[None, :, 1]).ravel()
    return fleet.ground(north, east).reshape(len(LOOK_AHEAD), -1).max(axis=0)


def keep_floor(c: Commands, i: Instruments, s: Track, ground: np.ndarray, floor: np.ndarray,
               mask: np.ndarray) -> Commands:
    """Where `mask`: at least `floor` m over the ground ahead (0: no floor), climbing to it, the bank eased;
    coming down, the pull-out starts PULL_OUT seconds of the sink rate above it."""
    below = ground + floor - s.altitude - PULL_OUT * np.minimum(i.climb_rate, 0.0)
    on = mask & (floor > 0.0)
    low = on & (below > 0.0)
    climb = np.where(on, np.maximum(c.climb_rate, np.minimum(FLOOR_GAIN * below, 10.0)), c.climb_rate)
    bank = np.where(low, np.minimum(np.maximum(c.bank, -LOW_BANK), LOW_BANK), c.bank)
    return replace(c, climb_rate=climb, bank=bank)


def merge(c: Commands, mask: np.ndarray, new: dict) -> Commands:
    """The commands with `new` values (field name: array or scalar) where `mask`; other fields are kept."""
    if not mask.any():
        return c
    return replace(c, **{name: np.where(mask, value, getattr(c, name)) for name, value in new.items()})

