"""Station keeping for K aircraft: where each of a flight sits on its leader (vic, echelon, bomber box, an escort's
loose perch above), and the bank, climb rate and speed that hold it. The station is in the frame of the leader's
course over the ground, so a steady wind needs no extra term. CPU-stable numpy only. Imports numpy and flight.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import Fleet
from flight.sim.dynamics.atmosphere import GRAVITY
from flight.sim.dynamics.stablemath import atan2, cos, sin
from flight.sim.world.ai.guidance import saturating_angle
from flight.sim.world.ai.loops import wrap
from flight.sim.world.ai.sensing import Instruments, Track
from flight.sim.world.ai.steering import bank_for_rate

SHAPES = ("vic", "echelon", "box")
STATION_LOOK = 120.0  # m: the across-track error is closed over about this distance ...
COURSE_GAIN = 0.6  # ... turning at this rad/s per rad of course error, on top of the leader's own turn rate,
FIGHTER_ROLL = 0.02  # for a fighter's roll authority (tuning); a bomber that rolls slower closes more gently
# the throttle, from the distance behind the station (per m), the speed the leader draws away at (per m/s) and
# the trim that holds his speed (integrated, per m.s): slow enough for a rotary, whose engine lags 2-3 s
ALONG_GAIN, CLOSING_GAIN, TRIM_GAIN = 0.02, 0.2, 0.002
SLOW_GAIN = 0.3  # throttle per m/s below the slowest a wingman will fly (a bomber near the stall cannot catch up)
CLIMB_GAIN = 0.3  # m/s per m below the station
CATCH_UP = 500.0  # m: farther than this from the station, fly straight at it at full throttle
STATION_BANK = 1.0  # rad: the most a wingman banks to hold his place (the leader turns at 30-35 deg)
ESCORT = (-80.0, 70.0, -100.0)  # m behind, to the side (alternating), above: an escort's loose perch


def formation_offsets(shape: str, count: int, spacing: float) -> np.ndarray:
    """(count, 3) stations (forward, right, down) in m for the 1st..count-th aircraft behind a leader: a vic
    (alternately right and left, each pair a step back), echelon right, or a bomber box (two wingmen, a third
    in the slot behind and below the leader, then again behind)."""
    k = np.arange(1, count + 1)
    if shape == "vic":
        rank, side = (k + 1) // 2, np.where(k % 2 == 1, 1.0, -1.0)
        return np.stack([-rank * spacing, side * rank * spacing, np.zeros(count)], axis=1)
    if shape == "echelon":
        return np.stack([-k * spacing, k * spacing, np.zeros(count)], axis=1)
    if shape == "box":
        group, place = (k - 1) // 3, (k - 1) % 3
        forward = -spacing * (np.where(place == 2, 2.0, 1.0) + 2.0 * group)
        right = np.choose(place, [-spacing, spacing, 0.0])
        down = np.where(place == 2, 0.3 * spacing, 0.0)
        return np.stack([forward, right, down], axis=1)
    raise ValueError(f"unknown formation shape {shape!r} (shapes: {', '.join(SHAPES)})")


def escort_offsets(count: int) -> np.ndarray:
    """(count, 3) loose stations above and behind the leader, alternately right and left."""
    k = np.arange(1, count + 1)
    rank, side = (k + 1) // 2, np.where(k % 2 == 1, 1.0, -1.0)
    back, across, up = ESCORT
    return np.stack([back * rank, side * across * rank, np.full(count, up)], axis=1)


def keep_station(fleet: Fleet, i: Instruments, s: Track, index: np.ndarray, leader: np.ndarray,
                 forward: np.ndarray, right: np.ndarray, down: np.ndarray, roll_authority: np.ndarray,
                 min_speed: np.ndarray, trim: np.ndarray, dt: float) -> tuple[np.ndarray, ...]:
    """Bank, climb rate and throttle that close on and hold each station, never slower than `min_speed` (EAS);
    the throttle's trim after this pass (negative: not yet found, as when far from the station); the distance
    from the station (m)."""
    pos, vel = fleet.pos[leader], fleet.vel[leader]
    ground_speed = np.sqrt(vel[:, 0] * vel[:, 0] + vel[:, 1] * vel[:, 1])
    roll, _, heading = fleet.euler[leader].T
    course = np.where(ground_speed > 2.0, atan2(vel[:, 1], vel[:, 0]), heading)
    c, n = cos(course), sin(course)
    dn = pos[:, 0] + c * forward - n * right - s.north
    de = pos[:, 1] + n * forward + c * right - s.east
    along, across = dn * c + de * n, de * c - dn * n
    distance = np.sqrt(dn * dn + de * de)
    far = distance > CATCH_UP
    # the leader's turn rate, from his bank: the station turns with him
    leader_rate = GRAVITY * sin(roll) / (np.maximum(cos(roll), 0.3) * np.maximum(ground_speed, 10.0))
    agility = np.minimum(roll_authority * (1.0 / FIGHTER_ROLL), 1.0)
    wanted = np.where(far, atan2(de, dn), course + saturating_angle(across * agility * (1.0 / STATION_LOOK)))
    rate = np.where(far, 0.0, leader_rate) + COURSE_GAIN * agility * wrap(wanted - s.course)
    bank = bank_for_rate(i.tas, rate, np.full(len(index), STATION_BANK))
    own = fleet.vel[index]
    closing = (vel[:, 0] - own[:, 0]) * c + (vel[:, 1] - own[:, 1]) * n
    lever = ALONG_GAIN * along + CLOSING_GAIN * closing + SLOW_GAIN * np.maximum(min_speed - i.eas, 0.0)
    trim = np.where(far, -1.0, np.where(trim < 0.0, fleet.applied[index, 3] - lever, trim + TRIM_GAIN * along * dt))
    trim = np.where(far, trim, np.minimum(np.maximum(trim, 0.0), 1.0))
    throttle = np.where(far, 1.0, np.minimum(np.maximum(trim + lever, 0.0), 1.0))
    height = -pos[:, 2] - down - s.altitude
    climb = np.minimum(np.maximum(-vel[:, 2] + CLIMB_GAIN * height, -8.0), 8.0)
    return bank, climb, throttle, trim, distance
