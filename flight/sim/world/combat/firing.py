"""The aircraft's guns fire: triggers, stoppages and their clearing, the gunners' choice of target and lead, and
the rounds that leave the muzzles. Two kernels around the Python steps that draw from the world's generator
(`fire_guns`); sums of three products as numpy's einsum adds them (aiming.dot). Imports numpy and numba only (and
flight.sim).
"""
from __future__ import annotations

import math

import numpy as np
from numba import types

from flight.sim.command import CLEAR_JAM, FIRE
from flight.sim.dynamics import DT
from flight.sim.dynamics.atmosphere import SEA_LEVEL_DENSITY, density1
from flight.sim.dynamics.stablemath import argmin, cos1, maximum
from flight.sim.jit import kernel
from flight.sim.world.combat.aiming import dot, lead1, normal1, norm1, unit1
from flight.sim.world.combat.ground_units import TARGET_TICKS

JAM_BASE, JAM_HEAT = 1.0 / 1500.0, 1.0 / 40000.0  # chance per round: and more per round of heat in the barrel
HEAT_COOL = 4.0  # rounds of heat the gun sheds a second
CLEAR_TICKS, CLEAR_CHANCE = 90, 0.6  # one attempt at a stoppage: 0.75 s of work on the cocking handle
SYNC_MIN_OMEGA = 20.0  # rad/s: the interrupter gear needs the engine turning
GUNNER_ERROR = 0.008  # rad, a bomber's gunner's aim on top of his gun's cone of fire
FRIEND_IN_LINE_COS = cos1(math.radians(5.0))  # a friend this near the line of fire blocks it
NIGHT_GUNNER_ERROR = 0.025  # rad: at night he lays on an exhaust flame and a shape against the stars
GUNNER_BURST, GUNNER_CYCLE = 180, 300  # ticks: a gunner fires 1.5 s in every 2.5 s while he has a target
_NO_DRAWS = np.zeros(0)
_NO_INDEX, _NO_FIRE = np.zeros(0, dtype=np.intp), np.zeros(0, dtype=bool)


class GunScratch:
    """Per-gun and per-aircraft work arrays of the kernels, made once: nothing is allocated per tick."""

    def __init__(self, g: int, n: int):
        self.able = np.zeros(g, dtype=bool)
        self.done = np.zeros(g, dtype=bool)
        self.aim = np.zeros((g, 3))
        self.shooters = np.zeros(g, dtype=np.intp)
        self.wish = np.zeros(n, dtype=bool)
        self.distance = np.zeros(n)
        self.along = np.zeros((n, 3))
        self.score = np.zeros(n)
        self.muzzle = np.zeros((g, 3))
        self.velocity = np.zeros((g, 3))
        self.drag = np.zeros(g)
        self.owner = np.zeros(g, dtype=np.int32)
        self.tracer = np.zeros(g, dtype=bool)


def fire_guns(combat, world, buttons: int, tick: int, manned) -> None:
    """One tick of the aircraft's guns: stoppages worked at, gunners aim, the guns whose triggers are pulled fire
    (the rounds join `combat.bullets`). `manned`: (gun, direction in body axes) the player aims, or None."""
    g, f, c, w = combat.guns, combat.fleet, combat, combat.gun_scratch
    pilot = getattr(world, "pilot", None)
    fire = getattr(pilot, "fire", None) if pilot is not None else None
    index, fire = (_NO_INDEX, _NO_FIRE) if fire is None else (pilot.index, np.ascontiguousarray(fire, dtype=bool))
    gun, (d0, d1, d2) = (-1, (0.0, 0.0, 0.0)) if manned is None else (int(manned[0]), manned[1])
    rng = world.rng
    args = (g.owner, g.flexible, g.synchronised, g.position, g.direction, g.interval, g.muzzle_velocity, g.arc_cos,
            g.range, f.pos, f.vel, f.crashed, f.on_ground, f.engine_omega, combat.condition.pilot, combat.allegiance,
            combat.rot, combat.trigger, index, fire, c.rounds, c.cooldown, c.heat, c.jammed, c.clearing, c.target,
            bool(buttons & FIRE), bool(buttons & CLEAR_JAM), gun, float(d0), float(d1), float(d2), tick, w.able,
            w.done, w.aim, w.shooters, w.wish, w.distance, w.along, w.score)
    s = _pull_triggers(*args, _NO_DRAWS, False)
    if s < 0:
        s = _pull_triggers(*args, rng.random(-s), True)
    if not s:
        return
    jams = rng.random(s)
    u = rng.random((4, s, 3)).reshape(4, 3 * s)
    _shoot(w.shooters, s, jams, u, g.owner, g.flexible, g.position, g.direction, g.muzzle_velocity, g.dispersion,
           g.drag, g.tracer_every, combat.gunner_error, f.pos, f.vel, combat.rot, c.rounds, c.heat, c.jammed, c.fired,
           c.last_shot, world.shots_fired, tick, w.aim, w.muzzle, w.velocity, w.drag, w.owner, w.tracer)
    combat.bullets.add(w.muzzle[:s], w.velocity[:s], w.drag[:s], w.owner[:s], tick, w.tracer[:s])


_F1, _F2, _F3, _B1, _I32, _IP = (types.float64[::1], types.float64[:, ::1], types.float64[:, :, ::1],
                                 types.boolean[::1], types.int32[::1], types.intp[::1])


@kernel
def _clear_line(n, o, allegiance, crashed, distance, along):
    """No friend of owner o's crew nearer than aircraft n within FRIEND_IN_LINE_COS of the line to it (a gunner in
    a bomber box holds his fire rather than rake the next bomber)."""
    for m in range(distance.size):
        if (allegiance[m] == allegiance[o] and not crashed[m] and m != o and distance[m] < distance[n]
                and dot(along[n, 0], along[n, 1], along[n, 2], along[m, 0], along[m, 1], along[m, 2])
                > FRIEND_IN_LINE_COS):
            return False
    return True


@kernel
def _gunner(k, o, pivot0, pivot1, pivot2, arc0, arc1, arc2, arc_cos, reach, pos, crashed, on_ground, allegiance,
            target, distance, along, score):
    """Gun k's gunner picks the nearest hostile aircraft in the air in his arc and range with a clear line."""
    n = pos.shape[0]
    for m in range(n):
        o0, o1, o2 = pos[m, 0] - pivot0, pos[m, 1] - pivot1, pos[m, 2] - pivot2
        distance[m] = norm1(o0, o1, o2)
        scale = maximum(distance[m], 1e-6)
        along[m, 0], along[m, 1], along[m, 2] = o0 / scale, o1 / scale, o2 / scale
    for m in range(n):
        o0, o1, o2 = pos[m, 0] - pivot0, pos[m, 1] - pivot1, pos[m, 2] - pivot2
        # only aircraft in the air: a parked one is no threat (and on a field the gunners' own stand between)
        hostile = allegiance[m] != allegiance[o] and not crashed[m] and not on_ground[m]
        able = (hostile and dot(o0, o1, o2, arc0, arc1, arc2) > arc_cos * distance[m] and distance[m] < reach
                and _clear_line(m, o, allegiance, crashed, distance, along))
        score[m] = distance[m] if able else np.inf
    best = argmin(score, n)
    target[k] = best if abs(score[best]) < np.inf else -1


@kernel
def _gunners(owner, flexible, position, direction, muzzle_velocity, arc_cos, reach, pos, vel, crashed, on_ground,
             allegiance, rot, target, manned, tick, able, aim, distance, along, score):
    """Flexible guns: each gunner picks a target (every TARGET_TICKS) and leads it; aim <- the directions (NED;
    zero rows for the fixed guns and the gunners who cannot)."""
    anyone = False
    for k in range(owner.size):
        aim[k, 0] = aim[k, 1] = aim[k, 2] = 0.0
        anyone |= flexible[k] and able[k] and k != manned
    for k in range(owner.size):
        if not flexible[k]:
            continue
        if not anyone:
            target[k] = -1
            continue
        if not able[k] or k == manned:
            continue
        o = owner[k]
        r, p, d = rot[o], position[k], direction[k]
        pivot0 = pos[o, 0] + dot(r[0, 0], r[0, 1], r[0, 2], p[0], p[1], p[2])
        pivot1 = pos[o, 1] + dot(r[1, 0], r[1, 1], r[1, 2], p[0], p[1], p[2])
        pivot2 = pos[o, 2] + dot(r[2, 0], r[2, 1], r[2, 2], p[0], p[1], p[2])
        arc0 = dot(r[0, 0], r[0, 1], r[0, 2], d[0], d[1], d[2])
        arc1 = dot(r[1, 0], r[1, 1], r[1, 2], d[0], d[1], d[2])
        arc2 = dot(r[2, 0], r[2, 1], r[2, 2], d[0], d[1], d[2])
        if tick % TARGET_TICKS == 0:
            _gunner(k, o, pivot0, pivot1, pivot2, arc0, arc1, arc2, arc_cos[k], reach[k], pos, crashed, on_ground,
                    allegiance, target, distance, along, score)
        t = max(target[k], 0)
        a0, a1, a2, _ = lead1(pos[t, 0] - pivot0, pos[t, 1] - pivot1, pos[t, 2] - pivot2, vel[t, 0] - vel[o, 0],
                              vel[t, 1] - vel[o, 1], vel[t, 2] - vel[o, 2], 0.85 * muzzle_velocity[k])
        in_arc = dot(a0, a1, a2, arc0, arc1, arc2) > arc_cos[k]
        if not (target[k] >= 0 and in_arc and not crashed[t]):
            target[k] = -1
        aim[k, 0], aim[k, 1], aim[k, 2] = a0, a1, a2


@kernel(types.intp(_IP, _B1, _B1, _F2, _F2, _F1, _F1, _F1, _F1, _F2, _F2, _B1, _B1, _F2, _F1, types.int8[::1], _F3,
                   _B1, _IP, _B1, _I32, _F1, _F1, _B1, _I32, _I32, types.boolean, types.boolean, types.intp,
                   types.float64, types.float64, types.float64, types.int64, _B1, _B1, _F2, _IP, _B1, _F1, _F2, _F1,
                   _F1, types.boolean))
def _pull_triggers(owner, flexible, synchronised, position, direction, interval, muzzle_velocity, arc_cos, reach,
                   pos, vel, crashed, on_ground, engine_omega, pilot, allegiance, rot, trigger, pilot_index,
                   pilot_fire, rounds, cooldown, heat, jammed, clearing, target, fire, player_clears, manned, m0, m1,
                   m2, tick, able, done, aim, shooters, wish, distance, along, score, clear_draws, resume):
    """Stoppages worked at (returns -k when k attempts end and need their draws: call again with them and
    `resume`), the gunners' aim, and which guns fire: their indices in `shooters`; returns how many."""
    count = owner.size
    if not resume:
        finished = 0
        for k in range(count):
            o = owner[k]
            able[k] = not crashed[o] and pilot[o] > 0.0
            done[k] = False
            if jammed[k] and clearing[k] > 0:
                clearing[k] -= 1
                done[k] = clearing[k] == 0
                finished += 1 if done[k] else 0
            # the player's guns (his own and one he mans) while he holds CLEAR_JAM, the AI's and gunners' always
            wants = ((o > 0 or flexible[k]) and k != manned) or player_clears
            if jammed[k] and clearing[k] == 0 and wants and able[k] and not done[k]:
                clearing[k] = CLEAR_TICKS
        if finished:
            return -finished
    j = 0
    for k in range(count):
        if done[k]:
            jammed[k] = clear_draws[j] >= CLEAR_CHANCE
            j += 1
    _gunners(owner, flexible, position, direction, muzzle_velocity, arc_cos, reach, pos, vel, crashed, on_ground,
             allegiance, rot, target, manned, tick, able, aim, distance, along, score)
    for k in range(wish.size):
        wish[k] = trigger[k] or (k == 0 and fire)
    for k in range(pilot_index.size):
        wish[pilot_index[k]] |= pilot_fire[k]
    s = 0
    for k in range(count):
        o = owner[k]
        if flexible[k]:
            pulled = target[k] >= 0 and ((tick + 37 * k) % GUNNER_CYCLE) < GUNNER_BURST
        else:
            pulled = wish[o]
        if k == manned:
            r = rot[o]
            aim[k, 0] = dot(r[0, 0], r[0, 1], r[0, 2], m0, m1, m2)
            aim[k, 1] = dot(r[1, 0], r[1, 1], r[1, 2], m0, m1, m2)
            aim[k, 2] = dot(r[2, 0], r[2, 1], r[2, 2], m0, m1, m2)
            pulled = fire
            target[k] = -1  # his gunner stands aside
        c = cooldown[k] - DT
        shoot = (pulled and able[k] and not jammed[k] and rounds[k] > 0 and c <= 0.0
                 and (not synchronised[k] or engine_omega[o, 0] > SYNC_MIN_OMEGA))
        cooldown[k] = c + interval[k] if shoot else maximum(c, 0.0)
        heat[k] = maximum(heat[k] - HEAT_COOL * DT, 0.0) + (1.0 if shoot else 0.0)
        if shoot:
            shooters[s] = k
            s += 1
    return s


@kernel(types.void(_IP, types.intp, _F1, _F2, _IP, _B1, _F2, _F2, _F1, _F1, _F1, _I32, types.float64, _F2, _F2, _F3,
                   _I32, _F1, _B1, _I32, types.int64[::1], types.int64[::1], types.int64, _F2, _F2, _F2, _F1, _I32,
                   _B1))
def _shoot(shooters, s, jam_draws, u, owner, flexible, position, direction, muzzle_velocity, dispersion, drag,
           tracer_every, gunner_error, pos, vel, rot, rounds, heat, jammed, fired, last_shot, shots_fired, tick, aim,
           out_pos, out_vel, out_drag, out_owner, out_tracer):
    """The `s` guns in `shooters` fire a round each: its stoppage chance, the belt, and the round at the muzzle
    with the cone of fire (u: `normal`'s (4, 3s) uniforms) into the out_ rows."""
    for j in range(s):
        k = shooters[j]
        o = owner[k]
        jammed[k] = jam_draws[j] < JAM_BASE + JAM_HEAT * heat[k]
        rounds[k] -= 1
        fired[k] += 1
        last_shot[k] = tick
        shots_fired[o] += 1
        r, p, d = rot[o], position[k], direction[k]
        sigma = dispersion[k] + gunner_error if flexible[k] else dispersion[k]
        for i in range(3):
            bore = dot(r[i, 0], r[i, 1], r[i, 2], d[0], d[1], d[2])
            aimed = aim[k, i] if flexible[k] else bore
            out_pos[j, i] = (pos[o, i] + dot(r[i, 0], r[i, 1], r[i, 2], p[0], p[1], p[2])) + (
                1.2 * aimed if flexible[k] else 0.0)
            out_vel[j, i] = aimed + normal1(u, 3 * j + i) * sigma  # the direction, before it is a unit
        d0, d1, d2 = unit1(out_vel[j, 0], out_vel[j, 1], out_vel[j, 2])
        out_vel[j, 0] = vel[o, 0] + d0 * muzzle_velocity[k]
        out_vel[j, 1] = vel[o, 1] + d1 * muzzle_velocity[k]
        out_vel[j, 2] = vel[o, 2] + d2 * muzzle_velocity[k]
        out_drag[j] = drag[k] * density1(-pos[o, 2]) * (1.0 / SEA_LEVEL_DENSITY)
        out_owner[j] = o
        every = tracer_every[k]
        out_tracer[j] = every > 0 and fired[k] % max(every, 1) == 0
