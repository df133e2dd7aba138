"""Air fighting for K aircraft at the guidance rate: who has an enemy on his tail (and the break that shakes him
off), whom an escort or a patrol engages, the chase with lead, and attack runs on a bomber (a perch above and
behind, the diving pass, the break away, round again). All masks over the K aircraft, pairs as (K, N) arrays;
CPU-stable numpy only. Imports numpy and flight only.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT, Fleet
from flight.sim.dynamics.stablemath import atan2
from flight.sim.world.ai.loops import wrap
from flight.sim.world.ai.sensing import Instruments, Track
from flight.sim.world.ai.steering import bank_for_rate
from flight.sim.world.combat.aiming import norm

THREAT_RANGE = 300.0  # m: an enemy this close ...
THREAT_TAIL = 0.5  # ... within 60 deg of the tail (cos) ...
THREAT_NOSE = 0.77  # ... his flight path within 40 deg of us (cos): he is on our tail
BREAK_TICKS = round(4.0 / DT)  # a break turn lasts this long, then he looks again
REVERSE_TICKS = round(6.0 / DT)  # another break this soon after the last goes the other way (a scissors)
ESCORT_ENGAGE = 1200.0  # m: an escort goes for enemies this close to its leader
PATROL_ENGAGE = 1500.0  # m: a patrol for enemies this close to itself
DISENGAGE = 3000.0  # m: ... and lets them go beyond this
CHASE_LEAD = 0.5  # far off, aim at where the target will be in this share of the time to reach it
LEAD_RANGE = 600.0  # m: closer than this, aim with the guns' lead
CLOSING_GAIN = 0.1  # m/s faster than the target per m beyond the range he likes to fire from
PERCH = (500.0, 200.0, 150.0)  # m behind the bomber, to one side, above: where an attack run starts
PERCH_REACHED = 250.0  # m
PERCH_CLIMB, PERCH_SPEED = 4.0, 1.7  # m/s: climbing to it gently, at this many stall speeds ...
OVERTAKE = 8.0  # ... and at least this much faster (m/s EAS) than the bomber
SETUP_TICKS, RUN_TICKS = round(90.0 / DT), round(40.0 / DT)  # the longest a setup and a run may take
BREAK_AWAY = 60.0  # m: the run ends this close ...
OVERSHOT = 400.0  # m: ... or within this with the bomber behind the wing
SETUP, RUN, BREAK = 0, 1, 2  # an attack's tactics
CHASE, EXTEND = 0, 3  # a chase's: after the target, or away to come back at him (a circling fight goes nowhere)
STALEMATE_TICKS = round(15.0 / DT)  # this long without the nose near the target, a chaser extends ...
NEAR_NOSE = 0.87  # ... (cos 30 deg) ...
EXTEND_TICKS = round(10.0 / DT)  # ... for this long, or ...
EXTENDED = 800.0  # ... until this far away (m)


def threats(fleet: Fleet, index: np.ndarray, hostile: np.ndarray, flying: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray]:
    """Which of the K aircraft have an enemy on their tail, and on which side he is (+1 right, -1 left)."""
    own, own_vel = fleet.pos[index], fleet.vel[index]
    offset = fleet.pos[None, :, :] - own[:, None, :]
    distance = norm(offset)
    speed = norm(own_vel)
    ahead = np.einsum("kni,ki->kn", offset, own_vel) / np.maximum(speed, 1.0)[:, None]
    towards = -np.einsum("kni,ni->kn", offset, fleet.vel)
    on_tail = (hostile & flying[None, :] & (distance < THREAT_RANGE) & (ahead < -THREAT_TAIL * distance)
               & (towards > THREAT_NOSE * norm(fleet.vel)[None, :] * distance))
    score = np.where(on_tail, distance, np.inf)
    worst = np.argmin(score, axis=1)
    rows = np.arange(len(index))
    threatened = np.isfinite(score[rows, worst])
    across = offset[rows, worst, 1] * own_vel[:, 0] - offset[rows, worst, 0] * own_vel[:, 1]
    return threatened, np.where(across >= 0.0, 1.0, -1.0)


def engage(fleet: Fleet, index: np.ndarray, engaged: np.ndarray, centre: np.ndarray, reach: np.ndarray,
           hostile: np.ndarray, flying: np.ndarray, looking: np.ndarray) -> np.ndarray:
    """The enemy each of the K aircraft fights (-1 none): where `looking`, the one it has while he stays within
    DISENGAGE of `centre` (K, 3), else the nearest within `reach`."""
    distance = norm(fleet.pos[None, :, :] - centre[:, None, :])
    rows = np.arange(len(index))
    current = np.maximum(engaged, 0)
    keep = (engaged >= 0) & flying[current] & (distance[rows, current] < DISENGAGE)
    score = np.where(hostile & flying[None, :] & (distance < reach[:, None]), distance, np.inf)
    nearest = np.argmin(score, axis=1)
    found = np.isfinite(score[rows, nearest])
    return np.where(looking, np.where(keep, engaged, np.where(found, nearest, -1)), -1)


def chase_point(fleet: Fleet, index: np.ndarray, target: np.ndarray, lead_direction: np.ndarray,
                distance: np.ndarray) -> np.ndarray:
    """Unit NED directions to fly at: the guns' lead close in, farther off where the target is going."""
    own_speed = np.maximum(norm(fleet.vel[index]), 20.0)
    ahead = np.minimum(CHASE_LEAD * distance / own_speed, 8.0)
    point = fleet.pos[target] + fleet.vel[target] * ahead[:, None] - fleet.pos[index]
    point = point / np.maximum(norm(point), 1.0)[:, None]
    return np.where((distance < LEAD_RANGE)[:, None], lead_direction, point)


def chase_speed(target_eas: np.ndarray, distance: np.ndarray, fire_range: np.ndarray,
                floor: np.ndarray) -> np.ndarray:
    """EAS: faster than the target while out of range, matching him inside it."""
    return np.maximum(target_eas + CLOSING_GAIN * (distance - 0.6 * fire_range), floor)


def perch(fleet: Fleet, target: np.ndarray, side: np.ndarray) -> np.ndarray:
    """(K, 3) NED: where an attack run on each target starts, behind, to `side` (+-1) of and above it."""
    vel = fleet.vel[target]
    speed = np.maximum(np.sqrt(vel[:, 0] * vel[:, 0] + vel[:, 1] * vel[:, 1]), 1.0)
    c, n = vel[:, 0] / speed, vel[:, 1] / speed
    back, across, up = PERCH
    return fleet.pos[target] + np.stack([-back * c - side * across * n, -back * n + side * across * c,
                                         np.full(len(target), -up)], axis=1)


def to_point(i: Instruments, s: Track, point: np.ndarray, bank_limit: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Bank and climb rate towards a NED point (level turns, a steady climb or descent); its distance (m)."""
    dn, de, up = point[:, 0] - s.north, point[:, 1] - s.east, -point[:, 2] - s.altitude
    bank = bank_for_rate(i.tas, 0.5 * wrap(atan2(de, dn) - s.course), bank_limit)
    climb = np.minimum(np.maximum(0.3 * up, -8.0), PERCH_CLIMB)
    return bank, climb, np.sqrt(dn * dn + de * de + up * up)


def next_tactics(tactic: np.ndarray, ticks: np.ndarray, attacking: np.ndarray, chasing: np.ndarray,
                 to_perch: np.ndarray, distance: np.ndarray, abaft: np.ndarray, on_nose: np.ndarray) -> np.ndarray:
    """Attack runs: SETUP -> RUN at the perch, RUN -> BREAK when close or past, BREAK -> SETUP after a while.
    Chases: CHASE -> EXTEND when the target has not been near the nose for a while, back when far enough."""
    run = (tactic == SETUP) & ((to_perch < PERCH_REACHED) | (ticks > SETUP_TICKS))
    away = (tactic == RUN) & ((distance < BREAK_AWAY) | ((distance < OVERSHOT) & abaft) | (ticks > RUN_TICKS))
    again = (tactic == BREAK) & (ticks > BREAK_TICKS)
    attack = np.where(run, RUN, np.where(away, BREAK, np.where(again, SETUP, tactic)))
    in_chase = tactic != EXTEND
    extend = in_chase & ~on_nose & (ticks > STALEMATE_TICKS)
    back = ~in_chase & ((ticks > EXTEND_TICKS) | (distance > EXTENDED))
    chase = np.where(in_chase, np.where(extend, EXTEND, CHASE), np.where(back, CHASE, EXTEND))
    return np.where(attacking, attack, np.where(chasing, chase, tactic)).astype(tactic.dtype)
