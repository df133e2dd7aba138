"""The ground's small arms: bursts from the machine-gun posts (lead on the target, the gunner's error per burst, the
cone of fire per round) and aimed rifle shots from the guards, as real bullets through the world's bullets. One
kernel in stages, resumed after each Python step that draws from the world's generator. Imports numpy and numba
only (and flight.sim).
"""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.dynamics import DT
from flight.sim.dynamics.stablemath import maximum
from flight.sim.jit import kernel
from flight.sim.world.combat.aiming import lead1, normal1, norm1, unit1
from flight.sim.world.combat.ground_units import (GUARDS, GUN_HEIGHT, MG, MG_DRAG, MG_INTERVAL, MG_MUZZLE_VELOCITY,
                                                  MG_TRACER_EVERY, GroundUnits)

MG_BURST = (1.5, 1.5)  # s of fire: at least, and up to this much more
MG_PAUSE = (1.0, 1.5)  # s between bursts
MG_SPREAD, MG_BIAS = 0.004, 0.006  # rad: cone of fire; the gunner's error in laying the gun, drawn each burst
LEAD_ERROR = 0.3  # of the lead angle: how far out a gunner's judgement of speed and course is, drawn each burst
RIFLE_INTERVAL = 3.5  # s between aimed shots of one guard
RIFLE_SPREAD = 0.012  # rad, each shot's error
RIFLE_MUZZLE_VELOCITY = 870.0
_ROUNDER = 6755399441055744.0  # 1.5 * 2^52: x + this - this rounds x to an integer, half to even (np.round)
START, PAUSE, AIM, FIRED, NOTHING = 1, 2, 3, 4, 0  # the kernel's stages: what it waits for, or what it did
_NONE = np.zeros((0, 0))


class SmallArmsScratch:
    """Per-unit work arrays of the kernel, made once: nothing is allocated per tick."""

    def __init__(self, u: int):
        self.marked = np.zeros(u, dtype=bool)
        self.round = np.zeros(u, dtype=bool)
        self.shooters = np.zeros(u, dtype=np.intp)
        self.origin = np.zeros((u, 3))
        self.velocity = np.zeros((u, 3))
        self.drag = np.full(u, MG_DRAG)
        self.owner = np.zeros(u, dtype=np.int32)
        self.tracer = np.zeros(u, dtype=bool)


def fire_small_arms(units: GroundUnits, w: SmallArmsScratch, pos: np.ndarray, vel: np.ndarray,
                    rng: np.random.Generator, tick: int, bullets) -> None:
    """One tick of the machine guns and rifles of `units` at the aircraft at `pos`, `vel`; their rounds join
    `bullets` (owner: N + the unit's index)."""
    args = (units.kind, units.health, units.target, units.count, units.pos, units.cooldown, units.burst,
            units.shot_timer, units.bias, units.last_shot, pos, vel, tick, w.marked, w.round, w.shooters, w.origin, w.velocity,
            w.owner, w.tracer)
    stage, k = _small_arms(NOTHING, _NONE, _NONE, *args)
    while stage in (START, PAUSE, AIM):
        if stage == START:
            a = rng.random((k, 2))
            b = rng.random((4, k, 3)).reshape(4, 3 * k)
            stage, k = _small_arms(stage, a, b, *args)
        elif stage == PAUSE:
            stage, k = _small_arms(stage, rng.random(k).reshape(1, k), _NONE, *args)
        else:
            stage, k = _small_arms(stage, _NONE, rng.random((4, k, 3)).reshape(4, 3 * k), *args)
    if stage == FIRED:
        bullets.add(w.origin[:k], w.velocity[:k], w.drag[:k], w.owner[:k], tick, w.tracer[:k])


@kernel
def _round(x):
    """np.round of one float (half to even)."""
    return (x + _ROUNDER) - _ROUNDER if abs(x) < 2251799813685248.0 else x  # 2^51: beyond it x is whole


_F1, _F2, _B1, _I32, _IP = types.float64[::1], types.float64[:, ::1], types.boolean[::1], types.int32[::1], types.intp[::1]


@kernel(types.UniTuple(types.intp, 2)(types.intp, _F2, _F2, types.int8[::1], _F1, _I32, _I32, _F2, _F1, _I32, _F1, _F2,
                                      types.int64[::1], _F2, _F2, types.int64, _B1, _B1, _IP, _F2, _F2, _I32,
                                      _B1))
def _small_arms(stage, a, b, kind, health, target, count, unit_pos, cooldown, burst, shot_timer, bias, last_shot,
                pos, vel, tick, marked, round_, shooters, origin, velocity, owner, tracer):
    """The tick's stages in order, each resumed with its draws: (START, k) the k bursts that start want (k, 2)
    uniforms in `a` and `normal`'s (4, 3k) in `b`; (PAUSE, k) the k that end want (1, k) in `a`; (AIM, k) the k
    rounds fired want `normal`'s (4, 3k) in `b`. Ends with (FIRED, k): the rounds in the first k rows of origin,
    velocity, owner (N + unit) and tracer; or (NOTHING, 0)."""
    u_count = kind.size
    if stage == NOTHING:
        k = 0
        for u in range(u_count):
            armed = (kind[u] == MG or kind[u] == GUARDS) and health[u] > 0.0
            if armed:
                cooldown[u] = maximum(cooldown[u] - DT, 0.0)
            marked[u] = (armed and target[u] >= 0 and kind[u] == MG and burst[u] <= 0 and cooldown[u] <= 0.0)
            k += 1 if marked[u] else 0
        if k:
            return START, k
    if stage <= START:
        j = 0
        for u in range(u_count):
            if stage == START and marked[u]:
                burst[u] = np.int32(_round((MG_BURST[0] + MG_BURST[1] * a[j, 0]) / DT))
                for i in range(3):
                    bias[u, i] = normal1(b, 3 * j + i)
                shot_timer[u] = 0.0
                j += 1
        k = 0
        for u in range(u_count):
            engaged = (kind[u] == MG or kind[u] == GUARDS) and health[u] > 0.0 and target[u] >= 0
            marked[u] = round_[u] = False
            if kind[u] == MG and burst[u] > 0:  # firing
                shot_timer[u] -= DT
                round_[u] = shot_timer[u] <= 0.0 and engaged
                if round_[u]:
                    shot_timer[u] += MG_INTERVAL
                marked[u] = burst[u] == 1 or not engaged
                burst[u] = burst[u] - 1 if engaged else 0
            k += 1 if marked[u] else 0
        if k:
            return PAUSE, k
    if stage <= PAUSE:
        j = 0
        s = 0
        for u in range(u_count):
            if stage == PAUSE and marked[u]:
                cooldown[u] = MG_PAUSE[0] + MG_PAUSE[1] * a[0, j]
                j += 1
            engaged = (kind[u] == MG or kind[u] == GUARDS) and health[u] > 0.0 and target[u] >= 0
            rifle = engaged and kind[u] == GUARDS and cooldown[u] <= 0.0
            if rifle:
                cooldown[u] = RIFLE_INTERVAL / max(count[u], 1)
            if round_[u] or rifle:
                shooters[s] = u
                s += 1
        if s == 0:
            return NOTHING, 0
        return AIM, s
    s = b.shape[1] // 3
    n = pos.shape[0]
    for j in range(s):
        u = shooters[j]
        last_shot[u] = tick
        t = target[u]
        is_mg = kind[u] == MG
        speed = MG_MUZZLE_VELOCITY if is_mg else RIFLE_MUZZLE_VELOCITY
        o0, o1, o2 = unit_pos[u, 0] + 0.0, unit_pos[u, 1] + 0.0, unit_pos[u, 2] + -GUN_HEIGHT
        origin[j, 0], origin[j, 1], origin[j, 2] = o0, o1, o2
        d0, d1, d2 = pos[t, 0] - o0, pos[t, 1] - o1, pos[t, 2] - o2
        v0, v1, v2 = vel[t, 0], vel[t, 1], vel[t, 2]
        a0, a1, a2, time = lead1(d0, d1, d2, v0, v1, v2, 0.85 * speed)
        lead_angle = norm1(v0, v1, v2) * time / maximum(norm1(d0, d1, d2), 1.0)
        error = MG_BIAS + LEAD_ERROR * lead_angle if is_mg else 0.0
        a0, a1, a2 = unit1(a0 + bias[u, 0] * error, a1 + bias[u, 1] * error, a2 + bias[u, 2] * error)
        sigma = MG_SPREAD if is_mg else RIFLE_SPREAD
        a0, a1, a2 = unit1(a0 + normal1(b, 3 * j) * sigma, a1 + normal1(b, 3 * j + 1) * sigma,
                           a2 + normal1(b, 3 * j + 2) * sigma)
        velocity[j, 0], velocity[j, 1], velocity[j, 2] = a0 * speed, a1 * speed, a2 * speed
        owner[j] = n + u
        tracer[j] = is_mg and (tick // 12 + u) % MG_TRACER_EVERY == 0
    return FIRED, s
