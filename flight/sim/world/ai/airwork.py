"""The AI pilot's air work besides the circuit, overlaid at the guidance rate on what the circuit behaviours ask:
the chase and the attack run with their gunnery, station keeping (formation, escort), a patrol, the way home, a
practice stall, and, over everything, the break when an enemy is on the tail and a floor over the ground ahead.
Every behaviour is computed for all K aircraft at once and each aircraft's order picks its own (masks).
CPU-stable numpy only. Imports numpy and flight only.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.dynamics.stablemath import atan2, cos, sin
from flight.sim.world.ai.fighting import (BREAK, BREAK_TICKS, ESCORT_ENGAGE, EXTEND, LEAD_RANGE, NEAR_NOSE, OVERTAKE,
                                      PATROL_ENGAGE, PERCH_SPEED, REVERSE_TICKS, RUN, SETUP, chase_point,
                                      chase_speed, engage, next_tactics, perch, threats, to_point)
from flight.sim.world.ai.guidance import bank_for_course, circle_point
from flight.sim.world.ai.loops import Commands
from flight.sim.world.ai.orders import Order, Phase
from flight.sim.world.ai.sensing import Instruments, Track
from flight.sim.world.ai.stations import keep_station
from flight.sim.world.ai.steering import angles_of, ground_ahead, keep_floor, merge, point_nose

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


def plan_air_work(p, i: Instruments, s: Track, c: Commands, ticks: int) -> Commands:
    """The commands of `p` (a Pilot) with its air work overlaid; updates its tactics, threats and trigger."""
    o, t, k, fleet = p.orders, p.tuning, p.skill, p.fleet
    kind, enroute = o.kind, (p.phase == _ENROUTE) & ~i.crashed
    flying = ~fleet.crashed & ~fleet.on_ground
    evading = _evasion(p, i, s, kind, enroute, flying, ticks)
    _engagements(p, kind, enroute, flying)
    target = np.where((kind == _PURSUE) | (kind == _ATTACK), o.target, p.engaged)
    fighting = enroute & (target >= 0)
    p.tactic_ticks += ticks
    solution = np.zeros(len(kind), dtype=bool)
    p.gunnery.misjudge(p.rng, k.aim_error, fighting & ~evading, ticks)
    if fighting.any():
        c, solution = _fight(p, i, s, c, np.maximum(target, 0), fighting, evading)
    p.gunnery.trigger(solution & ~evading, k.reaction_ticks, k.burst_ticks, ticks)
    station = enroute & ((kind == _FORMATION) | ((kind == _ESCORT) & (p.engaged < 0)))
    c = _stations(p, i, s, c, station, ticks)
    patrolling = enroute & (kind == _PATROL) & (p.engaged < 0)
    returning = enroute & (kind == _RETURN)
    if (patrolling | returning).any():
        course = np.where(patrolling, circle_point(s, o.north, o.east, o.radius, t.turn_radius),
                          atan2(o.east - s.east, o.north - s.north))
        c = merge(c, patrolling | returning, dict(
            bank=bank_for_course(s, i.tas, course, t.bank_limit), speed=o.speed,
            climb_rate=np.minimum(np.maximum(0.25 * (o.altitude - s.altitude), -6.0), 10.0)))
    stalling = enroute & (kind == _STALL)
    if stalling.any():
        c = _stall(p, i, s, c, stalling)
    low = s.height < LOW_BREAK_HEIGHT
    c = merge(c, evading, dict(
        bank=p.evade_dir * np.where(low, np.minimum(k.bank_limit, LOW_BREAK_BANK), k.bank_limit),
        climb_rate=np.where(low, 2.0, -3.0), speed=np.nan, throttle=1.0, min_speed=1.1 * t.stall_speed,
        load_max=k.g_limit))
    busy = evading | fighting | station | patrolling
    floor = np.where(busy, np.maximum(o.floor, FIGHT_FLOOR), o.floor)
    floored = (enroute | evading) & (floor > 0.0)
    if floored.any():
        c = keep_floor(c, i, s, ground_ahead(fleet, s, p.index), floor, floored)
    return c


def _evasion(p, i: Instruments, s: Track, kind: np.ndarray, enroute: np.ndarray, flying: np.ndarray,
             ticks: int) -> np.ndarray:
    """Who is breaking: a fighter with an enemy on his tail for his reaction time starts a break towards him (he
    overshoots), another soon after goes the other way. Updates the pilot's threat and break state."""
    able = ((enroute | (p.phase == _DOWNWIND) | (p.phase == _BASE)) & (s.height > EVADE_HEIGHT)
            & (kind != _STALL) & ~i.crashed & p.gunnery.armed)  # a bomber holds on and lets his gunners fight
    if p.any_hostile:
        threatened, side = threats(p.fleet, p.index, p.hostile, flying)
        threatened &= able
    else:
        threatened, side = np.zeros(len(kind), dtype=bool), np.ones(len(kind))
    p.threat_ticks = np.where(threatened, p.threat_ticks + ticks, 0)
    p.evade_ticks = np.maximum(p.evade_ticks - ticks, -REVERSE_TICKS - 1)
    start = threatened & (p.threat_ticks >= p.skill.reaction_ticks) & (p.evade_ticks <= 0)
    p.evade_dir = np.where(start, np.where(p.evade_ticks > -REVERSE_TICKS, -p.evade_dir, side), p.evade_dir)
    p.evade_ticks = np.where(start, BREAK_TICKS, p.evade_ticks)
    return (p.evade_ticks > 0) & able


def _engagements(p, kind: np.ndarray, enroute: np.ndarray, flying: np.ndarray) -> None:
    """Escorts and patrols pick the enemy they go for (-1: none), near the leader or near themselves."""
    looking = enroute & ((kind == _ESCORT) | (kind == _PATROL))
    if not (looking.any() and p.any_hostile):
        p.engaged = np.full_like(p.engaged, -1)
        return
    escorting = kind == _ESCORT
    centre = np.where(escorting[:, None], p.fleet.pos[np.maximum(p.orders.target, 0)], p.fleet.pos[p.index])
    reach = np.minimum(np.where(escorting, ESCORT_ENGAGE, PATROL_ENGAGE), p.sight)
    p.engaged = engage(p.fleet, p.index, p.engaged, centre, reach, p.hostile, flying, looking)


def _stations(p, i: Instruments, s: Track, c: Commands, station: np.ndarray, ticks: int) -> Commands:
    """Formation and escort stations on the leader, with the throttle trim that holds them."""
    if not station.any():
        p.trim = np.full_like(p.trim, -1.0)
        return c
    o, t = p.orders, p.tuning
    slowest = STATION_SPEED * t.stall_speed
    bank, climb, throttle, trim, _ = keep_station(p.fleet, i, s, p.index, np.maximum(o.target, 0), o.forward,
                                                  o.right, o.down, t.roll_authority, slowest, p.trim, ticks * DT)
    p.trim = np.where(station, trim, -1.0)
    return merge(c, station, dict(bank=bank, climb_rate=climb, speed=np.nan, throttle=throttle,
                                  min_speed=slowest))


def _fight(p, i: Instruments, s: Track, c: Commands, target: np.ndarray, fighting: np.ndarray,
           evading: np.ndarray) -> tuple[Commands, np.ndarray]:
    """The chase (pursuit, and an escort's or patrol's engagement) and the attack run's three tactics; and where
    the pilot has a firing solution."""
    o, t, k, fleet = p.orders, p.tuning, p.skill, p.fleet
    lead, distance = p.gunnery.lead(fleet, p.index, target)
    bearing, elevation = angles_of(chase_point(fleet, p.index, target, lead, distance))
    bank, climb, yaw_error, pitch_error = point_nose(i, bearing + p.gunnery.aim_offset[:, 0],
                                                     elevation + p.gunnery.aim_offset[:, 1], k.bank_limit)
    attacking = fighting & (o.kind == _ATTACK)
    offset = fleet.pos[target] - fleet.pos[p.index]
    nose_n, nose_e = cos(i.pitch) * cos(i.heading), cos(i.pitch) * sin(i.heading)
    abaft = offset[:, 0] * nose_n + offset[:, 1] * nose_e - offset[:, 2] * sin(i.pitch) < 0.0
    on_nose = (offset[:, 0] * nose_n + offset[:, 1] * nose_e - offset[:, 2] * sin(i.pitch)
               > NEAR_NOSE * np.maximum(distance, 1.0))
    perch_bank, perch_climb, to_perch = to_point(i, s, perch(fleet, target, p.side), k.bank_limit)
    chase = fighting & ~attacking
    tactic = next_tactics(p.tactic, p.tactic_ticks, attacking, chase, to_perch, distance, abaft, on_nose)
    p.tactic_ticks = np.where((tactic == p.tactic) & ~(chase & on_nose), p.tactic_ticks, 0)
    p.tactic = tactic
    extending = chase & (p.tactic == EXTEND)
    chasing = (chase & ~extending) | (attacking & (p.tactic == RUN))
    setting_up, breaking = attacking & (p.tactic == SETUP), attacking & (p.tactic == BREAK)
    speed = chase_speed(fleet.eas[target], distance, k.fire_range, 1.3 * t.stall_speed)
    c = merge(c, chasing, dict(bank=bank, climb_rate=climb, speed=np.where(o.kind == _ATTACK, np.nan, speed),
                               throttle=1.0, min_speed=1.15 * t.stall_speed, load_max=k.g_limit))
    c = merge(c, setting_up, dict(bank=perch_bank, climb_rate=perch_climb, speed=np.nan, throttle=1.0,
                                  min_speed=np.maximum(PERCH_SPEED * t.stall_speed, fleet.eas[target] + OVERTAKE)))
    away = np.where(offset[:, 0] * nose_e - offset[:, 1] * nose_n > 0.0, 1.0, -1.0)  # the bomber on the left: right
    c = merge(c, breaking, dict(bank=away * k.bank_limit, climb_rate=-4.0, speed=np.nan, throttle=1.0,
                                min_speed=1.15 * t.stall_speed, load_max=k.g_limit))
    c = merge(c, extending, dict(bank=0.0, climb_rate=-2.0, speed=np.nan, throttle=1.0,
                                 min_speed=1.15 * t.stall_speed))
    seen = (distance < p.sight) | p.lit[target]
    c = _search(p, i, s, c, target, fighting & ~seen)
    solution = p.gunnery.solution(yaw_error, pitch_error, distance, fleet.params.span[target], k.fire_range)
    return c, solution & seen & chasing & ~evading & (distance < LEAD_RANGE) & ~fleet.crashed[target]


def _search(p, i: Instruments, s: Track, c: Commands, target: np.ndarray, searching: np.ndarray) -> Commands:
    """At night, chasers that cannot see their target fly to where it was last seen or reported, at full
    throttle and its height; there, finding nothing, they get a fresh report from the ground."""
    fleet = p.fleet
    dn, de = p.sighted[:, 0] - s.north, p.sighted[:, 1] - s.east
    there = dn * dn + de * de < p.sight * p.sight
    p.sighted = np.where((~searching | there)[:, None], fleet.pos[target], p.sighted)
    if not searching.any():
        return c
    bank, climb, _ = to_point(i, s, p.sighted, p.skill.bank_limit)
    return merge(c, searching, dict(bank=bank, climb_rate=climb, speed=np.nan, throttle=1.0,
                                    min_speed=1.15 * p.tuning.stall_speed, load_max=p.skill.g_limit))


def _stall(p, i: Instruments, s: Track, c: Commands, stalling: np.ndarray) -> Commands:
    """A practice stall: throttle closed and the nose held up until she stalls, nose down and full power until
    she flies again, then straight and level at the height of the order."""
    t, o = p.tuning, p.orders
    stalled = (i.alpha > t.stall_alpha + 0.01) | (i.eas < 0.75 * t.stall_speed)
    flying = (i.eas > 1.3 * t.stall_speed) & (i.alpha < t.stall_alpha - 0.05)
    tactic = np.where((p.tactic == SLOW) & stalled, RECOVER,
                      np.where((p.tactic == RECOVER) & flying, LEVEL, p.tactic))
    p.tactic_ticks = np.where(stalling & (tactic != p.tactic), 0, p.tactic_ticks)
    p.tactic = np.where(stalling, tactic, p.tactic).astype(p.tactic.dtype)
    held = stalling & (p.tactic != LEVEL)
    c = merge(c, held, dict(pitch=np.where(p.tactic == SLOW, STALL_PITCH, RECOVER_PITCH), bank=0.0, speed=np.nan,
                            throttle=np.where(p.tactic == SLOW, 0.0, 1.0)))
    level = stalling & (p.tactic == LEVEL)
    return merge(c, level, dict(climb_rate=np.minimum(np.maximum(0.25 * (o.altitude - s.altitude), -6.0), 10.0),
                                speed=o.speed))
