"""What the app draws of the fighting after a tick: copies of the guns', bullets', ground units' and effects' arrays
in one frozen record (WorldSnapshot.combat). Taken once a rendered frame, so what it derives (the burning tracers,
the recent events, the per-aircraft gun tables...) comes from one kernel call instead of some thirty small numpy
operations. Imports numpy and numba only."""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from numba import types

from flight.sim.jit import kernel
from flight.sim.world.combat.searchlights import SEARCHLIGHT
from flight.sim.world.records import made

TRACER_BURN_TICKS = 180  # a tracer's pellet burns out after about 1.5 s (some 800 m)
EVENT_TICKS = 2400  # events up to 20 s old: long enough for a flak burst's smoke to drift away
FLASH_TICKS = 3  # a muzzle flash shows for the ticks after the round
NEVER_FIRED = -1000  # the shot tick of a gun that has not fired (Combat.last_shot, GroundUnits.last_shot)
PER_AIRCRAFT = ("gun_position", "gun_flash", "gun_shot_tick", "pilot", "burning", "leaking", "smoke", "downed")


@dataclass(frozen=True)
class CombatSnapshot:
    """Per aircraft (N, ...), per gun slot (N, G, ...; G the most guns on one aircraft), per bullet shown and per
    ground unit (U, ...). Positions NED m, directions NED unit vectors, ages in ticks."""
    gun_position: np.ndarray  # (N, G, 3) body axes (constant), muzzles / pivots
    gun_flash: np.ndarray  # (N, G) bool: fired in the last FLASH_TICKS
    tracer_pos: np.ndarray  # (T, 3) burning tracers
    tracer_vel: np.ndarray  # (T, 3)
    tracer_age: np.ndarray  # (T,) ticks since it was fired
    pilot: np.ndarray  # (N,) 1 unhurt .. 0 killed
    burning: np.ndarray  # (N,) bool
    leaking: np.ndarray  # (N,) bool: fuel running out of a holed tank
    smoke: np.ndarray  # (N,) 0 .. 1: how badly its worst engine is hit
    downed: np.ndarray  # (N,) bool
    event_kind: np.ndarray  # (E,) events.KINDS index
    event_pos: np.ndarray  # (E, 3)
    event_age: np.ndarray  # (E,) ticks
    ground_kind: np.ndarray  # (U,) GROUND_KINDS index
    ground_pos: np.ndarray  # (U, 3)
    ground_heading: np.ndarray  # (U,) rad
    ground_count: np.ndarray  # (U,) men in a squad of guards, else 1
    ground_health: np.ndarray  # (U,) 1 .. 0 silenced / wrecked
    ground_flash: np.ndarray  # (U,) bool: a gun fired in the last FLASH_TICKS
    ground_target: np.ndarray  # (U,) fleet index a gun engages or a light holds, -1 none
    searchlight_on: np.ndarray  # (U,) bool: a burning searchlight
    searchlight_beam: np.ndarray  # (U, 3) its axis
    searchlight_target: np.ndarray  # (U,) fleet index it holds, -1 none
    # the tick of each gun's latest round, so the sound places every report on its tick (the flash lasts 3)
    gun_shot_tick: np.ndarray | None = None  # (N, G) int, -1000 never fired or no such gun
    ground_shot_tick: np.ndarray | None = None  # (U,) int, -1000 never fired
    # every round in flight, so the sound hears the ones cracking past the listener
    bullet_pos: np.ndarray | None = None  # (B, 3)
    bullet_vel: np.ndarray | None = None  # (B, 3)
    bullet_born: np.ndarray | None = None  # (B,) the tick it was fired on

    def reordered(self, order: list[int]) -> CombatSnapshot:
        """The per-aircraft arrays in fleet order `order` (a view following another aircraft puts it first)."""
        return replace(self, **{name: getattr(self, name)[order] for name in PER_AIRCRAFT})


def combat_snapshot(combat, tick: int) -> tuple[CombatSnapshot, np.ndarray, np.ndarray]:
    """The fighting after `tick`, and the (N, G) tables WorldSnapshot shows beside it: rounds left per gun slot
    (-1 where an aircraft has no such gun, as Combat.ammunition) and jammed guns (as Combat.jammed_guns)."""
    g, b, c, u, f, e = combat.guns, combat.bullets, combat.condition, combat.units, combat.fleet, combat.events
    count = b.count
    pos, vel, _, _, born, tracer, _ = b.buffers  # the rows past `count` are not bullets
    (tracer_pos, tracer_vel, tracer_age, event_kind, event_pos, event_age, gun_flash, gun_shot_tick, ammunition,
     jammed, leaking, smoke, ground_flash, searchlight_on, searchlight_target) = _derived(
        tick, pos, vel, born, tracer, count, e.kind, e.pos, e.tick, combat.last_shot, combat.rounds, combat.jammed,
        g.owner, g.slot, g.n_aircraft, g.width, c.leak, f.params.engine_mask, f.damage_engine, u.kind, u.health,
        u.target, u.last_shot, u.lit)
    # copies of what the next tick changes; an empty array has nothing to change, so it is shared (a world
    # without ground units, a sky without bullets: some ten copies a frame fewer)
    ground = dict(ground_kind=u.kind, ground_pos=u.pos, ground_heading=u.heading, ground_count=u.count,
                  ground_health=u.health, ground_target=u.target, searchlight_beam=u.beam, ground_shot_tick=u.last_shot)
    if len(u):
        ground = {name: value.copy() for name, value in ground.items()}
    bullets = dict(bullet_pos=pos[:count], bullet_vel=vel[:count], bullet_born=born[:count])
    if count:
        bullets = {name: value.copy() for name, value in bullets.items()}
    snapshot = made(CombatSnapshot, dict(
        gun_position=combat.gun_position, gun_flash=gun_flash, tracer_pos=tracer_pos, tracer_vel=tracer_vel,
        tracer_age=tracer_age, pilot=c.pilot.copy(), burning=c.burning.copy(), leaking=leaking, smoke=smoke,
        downed=c.downed.copy(), event_kind=event_kind, event_pos=event_pos, event_age=event_age,
        ground_flash=ground_flash, searchlight_on=searchlight_on, searchlight_target=searchlight_target,
        gun_shot_tick=gun_shot_tick, **ground, **bullets))
    return snapshot, ammunition, jammed


_F1, _F2, _B1, _I8, _I32, _I64, _IP = (types.float64[::1], types.float64[:, ::1], types.boolean[::1],
                                       types.int8[::1], types.int32[::1], types.int64[::1], types.intp[::1])
_B2, _I32_2, _I64_2 = types.boolean[:, ::1], types.int32[:, ::1], types.int64[:, ::1]
_DERIVED = types.Tuple((_F2, _F2, _I64, _I8, _F2, _I64, _B2, _I64_2, _I32_2, _B2, _B1, _F1, _B1, _B1, _I32))


@kernel
def _burning_tracers(tick, pos, vel, born, tracer, count):
    """(pos, vel, age in ticks) of the first `count` bullets that are tracers still burning, in order."""
    t = 0
    for k in range(count):
        if tracer[k] and tick - born[k] < TRACER_BURN_TICKS:
            t += 1
    out_pos, out_vel, age = np.empty((t, 3)), np.empty((t, 3)), np.empty(t, dtype=np.int64)
    t = 0
    for k in range(count):
        if tracer[k] and tick - born[k] < TRACER_BURN_TICKS:
            for i in range(3):  # element by element: a row copy's shape check formats ints with libm's log10
                out_pos[t, i], out_vel[t, i] = pos[k, i], vel[k, i]
            age[t] = tick - born[k]
            t += 1
    return out_pos, out_vel, age


@kernel
def _recent_events(tick, kind, pos, when):
    """(kind, pos, age in ticks) of the ring's events of the last EVENT_TICKS ticks, in ring order (Events.recent)."""
    e = 0
    for k in range(kind.shape[0]):
        if kind[k] >= 0 and 0 <= tick - when[k] < EVENT_TICKS:
            e += 1
    out_kind, out_pos, age = np.empty(e, dtype=np.int8), np.empty((e, 3)), np.empty(e, dtype=np.int64)
    e = 0
    for k in range(kind.shape[0]):
        if kind[k] >= 0 and 0 <= tick - when[k] < EVENT_TICKS:
            for i in range(3):
                out_pos[e, i] = pos[k, i]
            out_kind[e], age[e] = kind[k], tick - when[k]
            e += 1
    return out_kind, out_pos, age


@kernel
def _worst_engine(engine_mask, damage_engine, i):
    """The least health among aircraft i's engines, 1 in an empty slot: np.where(mask > 0, damage, 1).min(axis=1),
    NaN included."""
    worst = damage_engine[i, 0] if engine_mask[i, 0] > 0.0 else 1.0
    for j in range(1, engine_mask.shape[1]):
        health = damage_engine[i, j] if engine_mask[i, j] > 0.0 else 1.0
        if health < worst or health != health:
            worst = health
    return worst


@kernel(_DERIVED(types.int64, _F2, _F2, _I64, _B1, types.intp, _I8, _F2, _I64, _I64, _I32, _B1, _IP, _IP, types.intp,
                 types.intp, _F1, _F2, _F2, _I8, _F1, _I32, _I64, types.boolean))
def _derived(tick, bullet_pos, bullet_vel, bullet_born, bullet_tracer, count, event_kind, event_pos, event_tick,
             last_shot, rounds, jammed, owner, slot, n, width, leak, engine_mask, damage_engine, unit_kind,
             unit_health, unit_target, unit_last_shot, lit):
    """CombatSnapshot's derived fields, in the order `combat_snapshot` unpacks them, as new arrays."""
    tracer_pos, tracer_vel, tracer_age = _burning_tracers(tick, bullet_pos, bullet_vel, bullet_born, bullet_tracer,
                                                          count)
    kind, pos, age = _recent_events(tick, event_kind, event_pos, event_tick)
    flash = np.zeros((n, width), dtype=np.bool_)
    shot_tick = np.full((n, width), NEVER_FIRED, dtype=np.int64)
    ammunition = np.full((n, width), -1, dtype=np.int32)
    stuck = np.zeros((n, width), dtype=np.bool_)
    for k in range(owner.shape[0]):
        i, s = owner[k], slot[k]
        flash[i, s] = tick - last_shot[k] < FLASH_TICKS
        shot_tick[i, s], ammunition[i, s], stuck[i, s] = last_shot[k], rounds[k], jammed[k]
    leaking = np.empty(leak.shape[0], dtype=np.bool_)
    smoke = np.empty(leak.shape[0])
    for i in range(leak.shape[0]):
        leaking[i] = leak[i] > 0.0
        smoke[i] = 1.0 - _worst_engine(engine_mask, damage_engine, i)
    u = unit_kind.shape[0]
    ground_flash, light_on = np.empty(u, dtype=np.bool_), np.empty(u, dtype=np.bool_)
    light_target = np.empty(u, dtype=np.int32)
    for j in range(u):
        ground_flash[j] = tick - unit_last_shot[j] < FLASH_TICKS
        light_on[j] = unit_kind[j] == SEARCHLIGHT and unit_health[j] > 0.0 and lit
        light_target[j] = unit_target[j] if light_on[j] else -1
    return (tracer_pos, tracer_vel, tracer_age, kind, pos, age, flash, shot_tick, ammunition, stuck, leaking, smoke,
            ground_flash, light_on, light_target)
