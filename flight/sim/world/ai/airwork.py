"""The AI pilot's air work besides the circuit, overlaid at the guidance rate on what the circuit behaviours ask:
the chase and the attack run with their gunnery, station keeping (formation, escort), a patrol, the way home, a
practice stall, and, over everything, the break when an enemy is on the tail and a floor over the ground ahead.
Scalar kernels over one aircraft k, which the guidance pass (planning) calls for each; each writes column k of
the commands table (loops.COMMAND_ROWS), later behaviours over earlier ones. The state comes as the pass's
bundles (planning: FLEET, PILOT, SKILL, gunnery.Gunnery.arrays). Imports numpy, numba and flight only.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.dynamics.stablemath import atan2_1, cos1, maximum, minimum, sin1
from flight.sim.jit import kernel
from flight.sim.world.ai.fighting import (BREAK, BREAK_TICKS, ESCORT_ENGAGE, EXTEND, LEAD_RANGE, NEAR_NOSE,
                                          OVERTAKE, PATROL_ENGAGE, PERCH_SPEED, REVERSE_TICKS, RUN, SETUP,
                                          chase_point1, chase_speed1, eas1, engage1, next_tactic1, perch1, threat1,
                                          to_point1)
from flight.sim.world.ai.guidance import bank_for_course1, circle_point1
from flight.sim.world.ai.gunnery import AIM_TICKS, aim_of1, drift_aim1, solution1, trigger1
from flight.sim.world.ai.orders import Order, Phase
from flight.sim.world.ai.sensing import ground_ahead1
from flight.sim.world.ai.stations import keep_station1
from flight.sim.world.ai.steering import angles_of1, keep_floor1, point_nose1

GUIDANCE_TICKS = 4  # the behaviours and guidance run every 4th tick (30 Hz); the inner loops every tick
FIGHT_FLOOR = 60.0  # m over the ground ahead: nobody fights, breaks or keeps station lower
STALL_PITCH, RECOVER_PITCH = 0.26, -0.12  # rad: nose up until she stalls, then down until she flies again
SLOW, RECOVER, LEVEL = 0, 1, 2  # a practice stall's tactics
STATION_SPEED = 1.25  # of the stall speed: the slowest a wingman flies to keep station
EVADE_HEIGHT = 40.0  # m: lower than this there is no room to break ...
LOW_BREAK_HEIGHT, LOW_BREAK_BANK = 200.0, 1.05  # ... and lower than this a break is flown level at 60 deg of bank
(_PURSUE, _ATTACK, _ESCORT, _FORMATION, _PATROL, _RETURN, _STALL) = (
    int(Order.PURSUE), int(Order.ATTACK), int(Order.ESCORT), int(Order.FORMATION), int(Order.PATROL),
    int(Order.RETURN), int(Order.STALL))
_ENROUTE, _DOWNWIND, _BASE = int(Phase.ENROUTE), int(Phase.DOWNWIND), int(Phase.BASE)
# rows of the tables (sensing.INSTRUMENT_ROWS, TRACK_ROWS, behaviours.TUNING_ROWS, loops.COMMAND_ROWS) and the
# order's fields (orders.ORDER_ROWS) read here
_ROLL, _PITCH, _HEADING, _EAS, _TAS, _ALPHA, _CLIMB_RATE = 0, 1, 2, 6, 7, 8, 10
_NORTH, _EAST, _ALTITUDE, _HEIGHT, _COURSE = 0, 1, 2, 3, 5
_STALL_SPEED, _STALL_ALPHA, _BANK_LIMIT, _ROLL_AUTHORITY, _TURN_RADIUS = 0, 1, 7, 8, 12
_BANK, _CLIMB, _MIN_SPEED, _PITCH_CMD, _SPEED, _THROTTLE, _LOAD_MAX = 0, 1, 2, 3, 5, 6, 10
(_O_NORTH, _O_EAST, _O_ALTITUDE, _O_SPEED, _O_RADIUS, _O_FORWARD, _O_RIGHT, _O_DOWN,
 _O_FLOOR) = 0, 1, 2, 3, 5, 8, 9, 10, 11


@kernel
def _fly(c, k, bank, climb_rate, speed, throttle, min_speed):
    """A behaviour's commands into column k: flight path, bank, and the speed (NaN: the throttle as given)."""
    c[_BANK, k], c[_CLIMB, k], c[_SPEED, k], c[_THROTTLE, k], c[_MIN_SPEED, k] = (bank, climb_rate, speed,
                                                                                 throttle, min_speed)


@kernel
def _target_of(k, kind, target, engaged):
    """Fleet index of whom the k-th chases: his order's target, or the enemy he engaged (-1 none)."""
    return target[k] if kind[k] == _PURSUE or kind[k] == _ATTACK else engaged[k]


@kernel
def before_draws1(k, n, fleet, pilot, orders, skill, gunnery, track, hostile, any_hostile, sight, evading):
    """The k-th's break (threats on his tail), the enemy he engages and his aim's drift, up to his fresh aim
    error: whether he needs one (the caller draws them all, in order, from the world's generator), and whether he
    fights."""
    pos, vel, on_ground, crashed = fleet[0], fleet[1], fleet[3], fleet[4]
    phase, tactic_ticks, engaged, threat_ticks, evade_ticks = (pilot[0][0], pilot[0][3], pilot[0][4], pilot[0][5],
                                                               pilot[0][6])
    evade_dir = pilot[1][1]
    kind, target = orders[0], orders[1]
    armed, aim_ticks, aim_offset, aim_goal = gunnery[0], gunnery[5], gunnery[6], gunnery[7]
    ticks = GUIDANCE_TICKS
    enroute = phase[k] == _ENROUTE and not crashed[n]
    # a fighter with an enemy on his tail for his reaction time starts a break towards him (he overshoots),
    # another soon after goes the other way; a bomber holds on and lets his gunners fight
    able = ((enroute or phase[k] == _DOWNWIND or phase[k] == _BASE) and track[_HEIGHT, k] > EVADE_HEIGHT
            and kind[k] != _STALL and not crashed[n] and armed[k])
    threatened, side = False, 1.0
    if any_hostile and able:
        threatened, side = threat1(pos, vel, on_ground, crashed, hostile, n, k)
    threat_ticks[k] = threat_ticks[k] + ticks if threatened else 0
    evade_ticks[k] = max(evade_ticks[k] - ticks, -REVERSE_TICKS - 1)
    if threatened and threat_ticks[k] >= skill[0][k] and evade_ticks[k] <= 0:
        evade_dir[k] = -evade_dir[k] if evade_ticks[k] > -REVERSE_TICKS else side
        evade_ticks[k] = BREAK_TICKS
    evading[k] = evade_ticks[k] > 0 and able
    # escorts and patrols pick the enemy they go for, near the leader or near themselves
    if enroute and (kind[k] == _ESCORT or kind[k] == _PATROL) and any_hostile:
        centre = max(target[k], 0) if kind[k] == _ESCORT else n
        reach = minimum(ESCORT_ENGAGE if kind[k] == _ESCORT else PATROL_ENGAGE, sight)
        engaged[k] = engage1(pos, on_ground, crashed, hostile, k, engaged[k], pos[centre, 0], pos[centre, 1],
                             pos[centre, 2], reach)
    else:
        engaged[k] = -1
    fighting = enroute and _target_of(k, kind, target, engaged) >= 0
    tactic_ticks[k] += ticks
    stale = drift_aim1(aim_offset, aim_goal, aim_ticks, k, ticks)
    return stale and fighting and not evading[k], fighting


@kernel
def _fight(k, n, target, fighting, evading, fleet, pilot, orders, skill, gunnery, i, s, t, c, sight):
    """The chase (pursuit, and an escort's or patrol's engagement) and the attack run's three tactics of the k-th
    (for every k once anyone fights: a searcher's report is refreshed even so); whether he has a firing solution."""
    pos, vel, wind, span, lit = fleet[0], fleet[1], fleet[6], fleet[7], fleet[8]
    tactic, tactic_ticks = pilot[0][1], pilot[0][3]
    side, sighted = pilot[1][3], pilot[1][5]
    bank_limit, g_limit, fire_range = skill[4][k], skill[3][k], skill[5][k]
    kind = orders[0][k]
    stall = t[_STALL_SPEED, k]
    lead_n, lead_e, lead_d, distance = aim_of1(pos, vel, n, target, gunnery[1][k])
    bearing, elevation = angles_of1(*chase_point1(pos, vel, n, target, lead_n, lead_e, lead_d, distance))
    bank, climb, yaw_error, pitch_error = point_nose1(
        i[_ROLL, k], i[_PITCH, k], i[_HEADING, k], i[_TAS, k], i[_ALPHA, k], bearing + gunnery[6][k, 0],
        elevation + gunnery[6][k, 1], bank_limit)
    attacking = fighting and kind == _ATTACK
    dn, de, dd = pos[target, 0] - pos[n, 0], pos[target, 1] - pos[n, 1], pos[target, 2] - pos[n, 2]
    nose_n, nose_e = cos1(i[_PITCH, k]) * cos1(i[_HEADING, k]), cos1(i[_PITCH, k]) * sin1(i[_HEADING, k])
    into = dn * nose_n + de * nose_e - dd * sin1(i[_PITCH, k])
    abaft, on_nose = into < 0.0, into > NEAR_NOSE * maximum(distance, 1.0)
    perch_n, perch_e, perch_d = perch1(pos, vel, target, side[k])
    perch_bank, perch_climb, to_perch = to_point1(i[_TAS, k], s[_NORTH, k], s[_EAST, k], s[_ALTITUDE, k],
                                                  s[_COURSE, k], perch_n, perch_e, perch_d, bank_limit)
    chase = fighting and not attacking
    new = next_tactic1(tactic[k], tactic_ticks[k], attacking, chase, to_perch, distance, abaft, on_nose)
    if new != tactic[k] or (chase and on_nose):
        tactic_ticks[k] = 0
    tactic[k] = new
    extending = chase and new == EXTEND
    chasing = (chase and not extending) or (attacking and new == RUN)
    target_eas = eas1(pos, vel, wind, target)
    if chasing:
        speed = np.nan if kind == _ATTACK else chase_speed1(target_eas, distance, fire_range, 1.3 * stall)
        _fly(c, k, bank, climb, speed, 1.0, 1.15 * stall)
        c[_LOAD_MAX, k] = g_limit
    if attacking and new == SETUP:
        _fly(c, k, perch_bank, perch_climb, np.nan, 1.0, maximum(PERCH_SPEED * stall, target_eas + OVERTAKE))
    if attacking and new == BREAK:  # the bomber on the left: break right
        away = 1.0 if dn * nose_e - de * nose_n > 0.0 else -1.0
        _fly(c, k, away * bank_limit, -4.0, np.nan, 1.0, 1.15 * stall)
        c[_LOAD_MAX, k] = g_limit
    if extending:
        _fly(c, k, 0.0, -2.0, np.nan, 1.0, 1.15 * stall)
    # at night, a chaser that cannot see his target flies to where it was last seen or reported, at full throttle
    # and its height; there, finding nothing, he gets a fresh report from the ground
    seen = distance < sight or lit[target]
    searching = fighting and not seen
    north, east = sighted[k, 0] - s[_NORTH, k], sighted[k, 1] - s[_EAST, k]
    if not searching or north * north + east * east < sight * sight:
        sighted[k, 0], sighted[k, 1], sighted[k, 2] = pos[target, 0], pos[target, 1], pos[target, 2]
    if searching:
        bank, climb, _ = to_point1(i[_TAS, k], s[_NORTH, k], s[_EAST, k], s[_ALTITUDE, k], s[_COURSE, k],
                                   sighted[k, 0], sighted[k, 1], sighted[k, 2], bank_limit)
        _fly(c, k, bank, climb, np.nan, 1.0, 1.15 * stall)
        c[_LOAD_MAX, k] = g_limit
    solution = solution1(yaw_error, pitch_error, distance, span[target], fire_range)
    return (solution and seen and chasing and not evading and distance < LEAD_RANGE
            and not fleet[4][target])


@kernel
def after_draws1(k, n, fleet, pilot, orders, skill, gunnery, i, s, t, c, terrain, sight, evading, anyone_fights,
                 draws, draw):
    """The rest of the k-th's air work once his fresh aim error (row `draw` of `draws`, rad; -1 none) is in: the
    fight and his trigger, a station, a patrol or the way home, a practice stall, the break, and the floor."""
    pos, vel, quat, crashed, applied = fleet[0], fleet[1], fleet[2], fleet[4], fleet[5]
    phase, tactic, tactic_ticks, engaged = pilot[0][0], pilot[0][1], pilot[0][3], pilot[0][4]
    evade_dir, trim = pilot[1][1], pilot[1][2]
    kind, target, o = orders
    ticks, stall = GUIDANCE_TICKS, t[_STALL_SPEED, k]
    if draw >= 0:
        gunnery[7][k, 0], gunnery[7][k, 1] = draws[draw, 0] * skill[2][k], draws[draw, 1] * skill[2][k]
        gunnery[5][k] = AIM_TICKS
    enroute = phase[k] == _ENROUTE and not crashed[n]
    chased = _target_of(k, kind, target, engaged)
    fighting = enroute and chased >= 0
    solution = False
    if anyone_fights:
        solution = _fight(k, n, max(chased, 0), fighting, evading[k], fleet, pilot, orders, skill, gunnery, i, s, t,
                          c, sight)
    gunnery[8][k] = trigger1(solution and not evading[k], gunnery[0][k], skill[0][k], skill[1][k], gunnery[2],
                             gunnery[3], gunnery[4], k, ticks)
    # formation and escort stations on the leader, with the throttle trim that holds them
    station = enroute and (kind[k] == _FORMATION or (kind[k] == _ESCORT and engaged[k] < 0))
    if station:
        slowest = STATION_SPEED * stall
        bank, climb, throttle, trim[k] = keep_station1(
            pos, vel, quat, applied, n, max(target[k], 0), o[_O_FORWARD, k], o[_O_RIGHT, k], o[_O_DOWN, k],
            s[_NORTH, k], s[_EAST, k], s[_ALTITUDE, k], s[_COURSE, k], i[_TAS, k], i[_EAS, k],
            t[_ROLL_AUTHORITY, k], slowest, trim[k], ticks * DT)
        _fly(c, k, bank, climb, np.nan, throttle, slowest)
    else:
        trim[k] = -1.0
    patrolling = enroute and kind[k] == _PATROL and engaged[k] < 0
    if patrolling or (enroute and kind[k] == _RETURN):
        if patrolling:
            course = circle_point1(s[_NORTH, k], s[_EAST, k], o[_O_NORTH, k], o[_O_EAST, k], o[_O_RADIUS, k],
                                   t[_TURN_RADIUS, k])
        else:
            course = atan2_1(o[_O_EAST, k] - s[_EAST, k], o[_O_NORTH, k] - s[_NORTH, k])
        c[_BANK, k] = bank_for_course1(s[_COURSE, k], i[_TAS, k], course, t[_BANK_LIMIT, k])
        c[_SPEED, k] = o[_O_SPEED, k]
        c[_CLIMB, k] = minimum(maximum(0.25 * (o[_O_ALTITUDE, k] - s[_ALTITUDE, k]), -6.0), 10.0)
    if enroute and kind[k] == _STALL:
        _stall(k, tactic, tactic_ticks, o, i, s, t, c)
    if evading[k]:
        low = s[_HEIGHT, k] < LOW_BREAK_HEIGHT
        bank_limit = skill[4][k]
        _fly(c, k, evade_dir[k] * (minimum(bank_limit, LOW_BREAK_BANK) if low else bank_limit),
             2.0 if low else -3.0, np.nan, 1.0, 1.1 * stall)
        c[_LOAD_MAX, k] = skill[3][k]
    floor = o[_O_FLOOR, k]
    if evading[k] or fighting or station or patrolling:
        floor = maximum(floor, FIGHT_FLOOR)
    if (enroute or evading[k]) and floor > 0.0:
        c[_CLIMB, k], c[_BANK, k] = keep_floor1(c[_CLIMB, k], c[_BANK, k], ground_ahead1(terrain, pos, vel, n, k),
                                                floor, s[_ALTITUDE, k], i[_CLIMB_RATE, k])


@kernel
def _stall(k, tactic, tactic_ticks, o, i, s, t, c):
    """A practice stall: throttle closed and the nose held up until she stalls, nose down and full power until
    she flies again, then straight and level at the height of the order."""
    alpha, eas, stall_speed, stall_alpha = i[_ALPHA, k], i[_EAS, k], t[_STALL_SPEED, k], t[_STALL_ALPHA, k]
    new = tactic[k]
    if tactic[k] == SLOW and (alpha > stall_alpha + 0.01 or eas < 0.75 * stall_speed):
        new = RECOVER
    elif tactic[k] == RECOVER and eas > 1.3 * stall_speed and alpha < stall_alpha - 0.05:
        new = LEVEL
    if new != tactic[k]:
        tactic_ticks[k] = 0
    tactic[k] = new
    if new != LEVEL:
        c[_PITCH_CMD, k] = STALL_PITCH if new == SLOW else RECOVER_PITCH
        c[_BANK, k], c[_SPEED, k] = 0.0, np.nan
        c[_THROTTLE, k] = 0.0 if new == SLOW else 1.0
    else:
        c[_CLIMB, k] = minimum(maximum(0.25 * (o[_O_ALTITUDE, k] - s[_ALTITUDE, k]), -6.0), 10.0)
        c[_SPEED, k] = o[_O_SPEED, k]
