"""Air fighting, one AI aircraft at a time (scalar kernels the guidance pass calls for each of K): who has an enemy
on his tail (and the break that shakes him off), whom an escort or a patrol engages, the chase with lead, and
attack runs on a bomber (a perch above and behind, the diving pass, the break away, round again). CPU-stable
arithmetic only. Imports numpy, numba and flight only.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.dynamics.atmosphere import SEA_LEVEL_DENSITY, density1
from flight.sim.dynamics.stablemath import atan2_1, maximum, minimum
from flight.sim.jit import kernel
from flight.sim.world.ai.loops import wrap1
from flight.sim.world.ai.steering import bank_for_rate1
from flight.sim.world.combat.aiming import dot, norm1

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


@kernel
def threat1(pos, vel, on_ground, crashed, hostile, n, k):
    """Whether fleet aircraft n (the k-th flown, `hostile` row k) has an enemy (flying) on his tail, and on which
    side the nearest is (+1 right, -1 left)."""
    speed = maximum(norm1(vel[n, 0], vel[n, 1], vel[n, 2]), 1.0)
    worst, nearest = 0, np.inf
    for m in range(pos.shape[0]):
        if not hostile[k, m] or crashed[m] or on_ground[m]:
            continue
        dn, de, dd = pos[m, 0] - pos[n, 0], pos[m, 1] - pos[n, 1], pos[m, 2] - pos[n, 2]
        distance = norm1(dn, de, dd)
        if not distance < THREAT_RANGE:
            continue
        ahead = dot(dn, de, dd, vel[n, 0], vel[n, 1], vel[n, 2]) / speed
        towards = -dot(dn, de, dd, vel[m, 0], vel[m, 1], vel[m, 2])
        on_tail = (ahead < -THREAT_TAIL * distance
                   and towards > THREAT_NOSE * norm1(vel[m, 0], vel[m, 1], vel[m, 2]) * distance)
        if on_tail and distance < nearest:  # the first of the nearest, as argmin
            worst, nearest = m, distance
    across = (pos[worst, 1] - pos[n, 1]) * vel[n, 0] - (pos[worst, 0] - pos[n, 0]) * vel[n, 1]
    return nearest < np.inf, 1.0 if across >= 0.0 else -1.0


@kernel
def engage1(pos, on_ground, crashed, hostile, k, engaged, north, east, down, reach):
    """The enemy the k-th aircraft fights (-1 none): the one it has while he flies within DISENGAGE of the centre
    (north, east, down), else the nearest flying within `reach`."""
    current = max(engaged, 0)
    held = norm1(pos[current, 0] - north, pos[current, 1] - east, pos[current, 2] - down)
    if engaged >= 0 and not crashed[current] and not on_ground[current] and held < DISENGAGE:
        return engaged
    found, nearest = -1, np.inf
    for m in range(pos.shape[0]):
        if not hostile[k, m] or crashed[m] or on_ground[m]:
            continue
        distance = norm1(pos[m, 0] - north, pos[m, 1] - east, pos[m, 2] - down)
        if distance < reach and distance < nearest:
            found, nearest = m, distance
    return found


@kernel
def eas1(pos, vel, wind, n):
    """Fleet aircraft n's equivalent airspeed, m/s, as Fleet.eas gives it."""
    airspeed = norm1(vel[n, 0] - wind[0], vel[n, 1] - wind[1], vel[n, 2] - wind[2])
    return airspeed * np.sqrt(density1(-pos[n, 2]) / SEA_LEVEL_DENSITY)


@kernel
def chase_point1(pos, vel, n, target, lead_n, lead_e, lead_d, distance):
    """The unit NED direction to fly at: the guns' lead close in, farther off where the target is going."""
    if distance < LEAD_RANGE:
        return lead_n, lead_e, lead_d
    own_speed = maximum(norm1(vel[n, 0], vel[n, 1], vel[n, 2]), 20.0)
    ahead = minimum(CHASE_LEAD * distance / own_speed, 8.0)
    pn = pos[target, 0] + vel[target, 0] * ahead - pos[n, 0]
    pe = pos[target, 1] + vel[target, 1] * ahead - pos[n, 1]
    pd = pos[target, 2] + vel[target, 2] * ahead - pos[n, 2]
    size = maximum(norm1(pn, pe, pd), 1.0)
    return pn / size, pe / size, pd / size


@kernel
def chase_speed1(target_eas, distance, fire_range, floor):
    """EAS: faster than the target while out of range, matching him inside it."""
    return maximum(target_eas + CLOSING_GAIN * (distance - 0.6 * fire_range), floor)


@kernel
def perch1(pos, vel, target, side):
    """NED: where an attack run on the target starts, behind, to `side` (+-1) of and above it."""
    speed = maximum(np.sqrt(vel[target, 0] * vel[target, 0] + vel[target, 1] * vel[target, 1]), 1.0)
    c, n = vel[target, 0] / speed, vel[target, 1] / speed
    back, across, up = PERCH
    return (pos[target, 0] + (-back * c - side * across * n), pos[target, 1] + (-back * n + side * across * c),
            pos[target, 2] + -up)


@kernel
def to_point1(tas, north, east, altitude, course, point_n, point_e, point_d, bank_limit):
    """Bank and climb rate towards a NED point (level turns, a steady climb or descent); its distance (m)."""
    dn, de, up = point_n - north, point_e - east, -point_d - altitude
    bank = bank_for_rate1(tas, 0.5 * wrap1(atan2_1(de, dn) - course), bank_limit)
    climb = minimum(maximum(0.3 * up, -8.0), PERCH_CLIMB)
    return bank, climb, np.sqrt(dn * dn + de * de + up * up)


@kernel
def next_tactic1(tactic, ticks, attacking, chasing, to_perch, distance, abaft, on_nose):
    """Attack runs: SETUP -> RUN at the perch, RUN -> BREAK when close or past, BREAK -> SETUP after a while.
    Chases: CHASE -> EXTEND when the target has not been near the nose for a while, back when far enough."""
    if attacking:
        if tactic == SETUP and (to_perch < PERCH_REACHED or ticks > SETUP_TICKS):
            return RUN
        if tactic == RUN and (distance < BREAK_AWAY or (distance < OVERSHOT and abaft) or ticks > RUN_TICKS):
            return BREAK
        if tactic == BREAK and ticks > BREAK_TICKS:
            return SETUP
        return tactic
    if chasing:
        if tactic != EXTEND:
            return EXTEND if not on_nose and ticks > STALEMATE_TICKS else CHASE
        return CHASE if ticks > EXTEND_TICKS or distance > EXTENDED else EXTEND
    return tactic
