"""A tick of the bullets in flight: they move, strike aircraft (hits.find_strikes) and the ground (dust, and the
ground units beside the strike), and the ones that stopped or burnt out go. Two kernels around the one Python
step that draws the hits' chances from the world's generator. Imports numpy and numba only (and flight.sim).
"""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.dynamics import DT
from flight.sim.dynamics.heightfield import height_on_grid
from flight.sim.dynamics.quaternion import matrix
from flight.sim.dynamics.stablemath import maximum
from flight.sim.jit import kernel
from flight.sim.world.combat.bullets import LIFETIME_TICKS, advance1, compact
from flight.sim.world.combat.events import DUST, HIT, add1
from flight.sim.world.combat.hits import find_strikes

MAX_DUST = 8  # ground strikes a tick that raise a puff (the rest hit unseen)
GROUND_HIT_RADIUS = 3.0  # m: a bullet striking the ground this near a gun, searchlight or lorry hits it

_F1, _F2, _F3, _B1, _I32 = (types.float64[::1], types.float64[:, ::1], types.float64[:, :, ::1], types.boolean[::1],
                            types.int32[::1])


@kernel(types.void(_F2, _F2, _F1, _F2, types.intp, _F2, _F3))
def advance_all(pos, vel, drag, before, count, quat, rot):
    """Every bullet one step (before <- where it was); rot <- each aircraft's R_ned_from_body."""
    for k in range(count):
        advance1(pos, vel, drag, before, k, DT)
    for n in range(quat.shape[0]):
        m = matrix(quat[n, 0], quat[n, 1], quat[n, 2], quat[n, 3])
        for k in range(9):
            rot[n, k // 3, k % 3] = m[k]


@kernel(types.intp(_F2, _F2, _F1, _I32, types.int64[::1], _B1, _I32, types.intp, types.int64, types.intp[:, ::1],
                   types.intp, types.int8[::1], _F2, types.int64[::1], types.int64[::1],
                   _F2, types.float64, types.float64, types.float64, types.float64, _F2, _F1, _F1, _B1,
                   types.int64[::1]))
def settle(pos, vel, drag, owner, born, tracer, struck, count, tick, rows, h, event_kind, event_pos, event_tick,
           event_head, heights, north0, east0, spacing, terrain_top, unit_pos, unit_loss, unit_health, keep, near):
    """After the hits: each struck bullet remembers the aircraft (a HIT where it is), the ones that stopped and
    the burnt-out go, then those below the ground strike it (DUST for the first few; units beside it lose
    health). Returns the bullets left. `keep` and `near` are scratch."""
    for k in range(count):
        keep[k] = (tick - born[k]) < LIFETIME_TICKS
    pairs = 0
    for r in range(h):
        if r + 1 == h or rows[r + 1, 0] != rows[r, 0] or rows[r + 1, 1] != rows[r, 1]:
            pairs += 1  # the last row of a (bullet, aircraft) pair
    seen = 0
    for r in range(h):
        b = rows[r, 0]
        if rows[r, 6]:
            keep[b] = False
        if r + 1 == h or rows[r + 1, 0] != b or rows[r + 1, 1] != rows[r, 1]:
            struck[b] = rows[r, 1]
            seen += 1
            if pairs - seen < 256:
                add1(event_kind, event_pos, event_tick, event_head, HIT, pos[b, 0], pos[b, 1], pos[b, 2], tick)
    into = 0
    near[:] = 0
    for k in range(count):
        if not (keep[k] and -pos[k, 2] < terrain_top):
            continue
        ground = height_on_grid(heights, north0, east0, spacing, pos[k, 0], pos[k, 1])
        if not -pos[k, 2] <= ground:
            continue
        keep[k] = False
        if into < MAX_DUST:
            add1(event_kind, event_pos, event_tick, event_head, DUST, pos[k, 0], pos[k, 1], -ground, tick)
        into += 1
        for u in range(unit_pos.shape[0]):
            d0, d1 = pos[k, 0] - unit_pos[u, 0], pos[k, 1] - unit_pos[u, 1]
            if d0 * d0 + d1 * d1 < GROUND_HIT_RADIUS * GROUND_HIT_RADIUS:
                near[u] += 1
    if into:
        for u in range(unit_pos.shape[0]):
            unit_health[u] = maximum(unit_health[u] - near[u] * unit_loss[u], 0.0)
    return compact(pos, vel, drag, owner, born, tracer, struck, keep, count)


def fly_bullets(combat, tick: int, rng: np.random.Generator) -> None:
    """One tick of the combat's bullets (`combat.rot` is filled on the way for the guns after)."""
    b, v, f, e, u = combat.bullets, combat.volumes, combat.fleet, combat.events, combat.units
    pos, vel, drag, owner, born, tracer, struck = b.buffers
    advance_all(pos, vel, drag, b.before, b.count, f.quat, combat.rot)
    if not b.count:
        return
    while True:
        h = find_strikes(b.before, pos, owner, struck, b.count, f.pos, f.vel, ~f.crashed, combat.rot, v.reach,
                         v.low, v.high, v.part, v.engine, combat.half_span, DT, combat.cell_keys, combat.start_pos,
                         combat.strike_rows)
        if h >= 0:
            break
        combat.strike_rows = np.zeros((2 * -h, combat.strike_rows.shape[1]), dtype=np.intp)
    rows = combat.strike_rows[:h]
    if h:
        combat.condition.strike(f, rng, rows[:, 1], rows[:, 2], rows[:, 3], rows[:, 4].astype(bool),
                                owner[rows[:, 0]], rows[:, 5].astype(bool))
    heights, north0, east0, spacing = combat.heightfield
    b.count = settle(pos, vel, drag, owner, born, tracer, struck, b.count, tick, combat.strike_rows, h, e.kind,
                     e.pos, e.tick, e.head, heights, north0, east0, spacing, combat.terrain_top, u.pos, u.hit_loss,
                     u.health, b.kept, combat.near)
