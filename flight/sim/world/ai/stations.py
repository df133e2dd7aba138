"""Station keeping for K aircraft: where each of a flight sits on its leader (vic, echelon, bomber box, an escort's
loose perch above), and the bank, climb rate and speed that hold it. The station is in the frame of the leader's
course over the ground, so a steady wind needs no extra term. The stations are numpy (given with the orders); the
keeping is a scalar kernel the guidance pass calls. CPU-stable arithmetic only. Imports numpy, numba and flight.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics.atmosphere import GRAVITY
from flight.sim.dynamics.stablemath import atan2_1, cos1, maximum, minimum, sin1
from flight.sim.jit import kernel
from flight.sim.world.ai.guidance import saturating_angle1
from flight.sim.world.ai.loops import wrap1
from flight.sim.world.ai.steering import bank_for_rate1

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


@kernel
def keep_station1(pos, vel, quat, applied, n, leader, forward, right, down, north, east, altitude, course, tas, eas,
                  roll_authority, min_speed, trim, dt):
    """Bank, climb rate and throttle that close fleet aircraft n (at north, east, altitude, flying `course` over
    the ground) on its station (forward, right, down) on `leader` and hold it, never slower than `min_speed`
    (EAS); and the throttle's trim after this pass (negative: not yet found, as when far from the station)."""
    ground_speed = np.sqrt(vel[leader, 0] * vel[leader, 0] + vel[leader, 1] * vel[leader, 1])
    w, x, y, z = quat[leader, 0], quat[leader, 1], quat[leader, 2], quat[leader, 3]
    roll = atan2_1(2.0 * (w * x + y * z), 1.0 - 2.0 * (x * x + y * y))  # as Fleet.euler
    heading = atan2_1(2.0 * (w * z + x * y), 1.0 - 2.0 * (y * y + z * z)) % (2.0 * np.pi)
    leader_course = atan2_1(vel[leader, 1], vel[leader, 0]) if ground_speed > 2.0 else heading
    c, s = cos1(leader_course), sin1(leader_course)
    dn = pos[leader, 0] + c * forward - s * right - north
    de = pos[leader, 1] + s * forward + c * right - east
    along, across = dn * c + de * s, de * c - dn * s
    far = np.sqrt(dn * dn + de * de) > CATCH_UP
    agility = minimum(roll_authority * (1.0 / FIGHTER_ROLL), 1.0)
    if far:
        rate = 0.0 + COURSE_GAIN * agility * wrap1(atan2_1(de, dn) - course)
    else:
        # the leader's turn rate, from his bank: the station turns with him
        leader_rate = GRAVITY * sin1(roll) / (maximum(cos1(roll), 0.3) * maximum(ground_speed, 10.0))
        wanted = leader_course + saturating_angle1(across * agility * (1.0 / STATION_LOOK))
        rate = leader_rate + COURSE_GAIN * agility * wrap1(wanted - course)
    bank = bank_for_rate1(tas, rate, STATION_BANK)
    closing = (vel[leader, 0] - vel[n, 0]) * c + (vel[leader, 1] - vel[n, 1]) * s
    lever = ALONG_GAIN * along + CLOSING_GAIN * closing + SLOW_GAIN * maximum(min_speed - eas, 0.0)
    if far:
        trim, throttle = -1.0, 1.0
    else:
        trim = applied[n, 3] - lever if trim < 0.0 else trim + TRIM_GAIN * along * dt
        trim = minimum(maximum(trim, 0.0), 1.0)
        throttle = minimum(maximum(trim + lever, 0.0), 1.0)
    height = -pos[leader, 2] - down - altitude
    climb = minimum(maximum(-vel[leader, 2] + CLIMB_GAIN * height, -8.0), 8.0)
    return bank, climb, throttle, trim
