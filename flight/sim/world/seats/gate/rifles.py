"""How the guards fight (Part 1 of Level 2): aimed rifle shots at Allison (and at the running prisoners while his
gun is silent), resolved by chance, and stick grenades thrown from close in, in the air and on the ground until
their fuses burn down. Kernels with the numpy code's bits (DESIGN.md, Replays); the caller draws the random numbers
between the kernels that say how many it needs. Imports numpy, numba and flight.sim only."""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.dynamics import DT
from flight.sim.dynamics.atmosphere import GRAVITY
from flight.sim.dynamics.gear import pairwise_sum
from flight.sim.dynamics.heightfield import height_on_grid
from flight.sim.dynamics.stablemath import maximum
from flight.sim.jit import kernel
from flight.sim.world.combat.aiming import SQRT3
from flight.sim.world.combat.events import EXPLOSION, add1
from flight.sim.world.seats.gate.men import COVER
from flight.sim.world.seats.gate.rounds import EVENTS
from flight.sim.world.seats.gate.rushes import F, F1, F2, HEIGHTS, I1, I8, I32, I64, INT, PAUSE_S, \
    in_throwing_range
from flight.sim.world.seats.gate.prisoners import FALLEN, RUNNING as PRISONER_RUNNING

RIFLE_INTERVAL = (4.0, 3.0)  # s between a man's aimed shots: at least, and up to this much more
RIFLE_RANGE = 300.0  # m
ALLISON_HIT = 0.05  # chance a shot at point-blank finds Allison behind the post's sandbags (less with range)
HELD_FACTOR = 2.0  # a searchlight on the gate: the guards see what they shoot at
RIFLE_WOUND = 0.04  # of the position's health, a rifle hit
PRISONER_HIT = 0.3  # chance a shot at a running prisoner at point-blank hits him
SILENT_S = 5.0  # s without a round from the gate before the guards raise their heads and shoot the runners too
THROW_S = 1.0  # s up on his knees with the grenade: a standing target
THROW_HEIGHT = 1.8  # m, where the grenade leaves his hand
GRENADE_MISS = (1.5, 0.08)  # m: where it lands, sd: and more per metre thrown
FUSE_S = (4.0, 1.0)  # s of a stick grenade's fuse from the throw: at least, and up to this much more
BLAST_RADIUS = 10.0  # m: the burst wears the position inside this, the more the closer
GRENADE_WOUND = 0.6  # of the position's health, a grenade bursting in the gun pit
THROW_TICKS = round(THROW_S / DT)


@kernel(types.intp(I8, F1, I32, F1, I1))
def shooters(state, pinned, throw, shot_timer, picked):
    """The men in cover with their heads up count down to their next shot. Fills `picked` with those who fire this
    tick and returns how many."""
    count = 0
    for k in range(state.size):
        if state[k] == COVER and pinned[k] <= 0.0 and throw[k] == 0:
            shot_timer[k] -= DT
            if shot_timer[k] <= 0.0:
                picked[count] = k
                count += 1
    return count


@kernel(types.intp(INT, I1, F2, INT, F1, types.boolean, types.boolean, F2, F1, I64, F2, I8, I1))
def shoot(count, men, draws, tick, gun, held, silent, pos, shot_timer, last_shot, prisoner_pos, prisoner_state,
          aimed):
    """men[:count] fire, each with draws[j] = (next interval, at a runner?, hit?): at Allison (more often hit near,
    twice as often when a light holds him) or, while the gun is `silent`, half of them at the nearest running
    prisoner in range. The prisoners hit fall; returns the hits on Allison. `aimed` (M,) is scratch."""
    hits = 0
    for j in range(count):
        k = men[j]
        shot_timer[k] = RIFLE_INTERVAL[0] + RIFLE_INTERVAL[1] * draws[j, 0]
        last_shot[k] = tick
        here0, here1 = pos[k, 0], pos[k, 1]
        d0, d1 = gun[0] - here0, gun[1] - here1
        chance = ALLISON_HIT * maximum(1.0 - np.sqrt(d0 * d0 + d1 * d1) / RIFLE_RANGE, 0.0) * (
            HELD_FACTOR if held else 1.0)
        runner, reach = -1, np.inf
        if silent:
            for p in range(prisoner_state.size):  # np.argmin over the runners: the first nearest, or first NaN
                if prisoner_state[p] != PRISONER_RUNNING:
                    continue
                g0, g1 = prisoner_pos[p, 0] - here0, prisoner_pos[p, 1] - here1
                gap = np.sqrt(g0 * g0 + g1 * g1)
                if runner < 0 or (reach == reach and not gap >= reach):
                    runner, reach = p, gap
            if runner >= 0 and draws[j, 1] < 0.5 and reach < RIFLE_RANGE:
                chance = PRISONER_HIT * (1.0 - reach / RIFLE_RANGE)
            else:
                runner = -1
        hit = draws[j, 2] < chance
        if hit and runner < 0:
            hits += 1
        aimed[j] = runner if hit else -1
    for j in range(count):  # after every shot: each picked his man from the same runners
        if aimed[j] >= 0:
            prisoner_state[aimed[j]] = FALLEN
    return hits


@kernel(types.intp(F, F, I8, F1, I32, F1, I32, F2, I1))
def rise(gun_north, gun_east, state, pinned, throw, timer, grenades, pos, thrown):
    """Grenadiers within GRENADE_RANGE rise to throw when their pause in cover is over; THROW_S later the grenade
    leaves the hand. Fills `thrown` with those who throw this tick and returns how many."""
    count = 0
    for k in range(state.size):
        throw[k] = throw[k] - 1 if throw[k] > 0 else 0
        if (state[k] == COVER and pinned[k] <= 0.0 and throw[k] == 0 and timer[k] <= 0.0
                and in_throwing_range(grenades, pos, gun_north, gun_east, k)):
            throw[k] = THROW_TICKS
        if throw[k] == 1 and state[k] == COVER:
            grenades[k] -= 1
            timer[k] = PAUSE_S[0]
            thrown[count] = k
            count += 1
    return count


@kernel(types.void(INT, I1, types.float64[:, :, ::1], F1, F1, F2, F2, F2, F1, I64))
def lob(count, men, miss, fuse, gun, pos, grenade_pos, grenade_vel, grenade_fuse, grenades_out):
    """men[:count] lob their grenades at 45 degrees to land about the gun, off by GRENADE_MISS times an Irwin-Hall
    normal of the uniforms miss[:, j] (combat.aiming.normal's), with fuses of FUSE_S by fuse[j]."""
    for j in range(count):
        k, g = men[j], grenades_out[0]
        hand0, hand1, hand2 = pos[k, 0] - 0.0, pos[k, 1] - 0.0, pos[k, 2] - THROW_HEIGHT
        d0, d1 = gun[0] - hand0, gun[1] - hand1
        spread = GRENADE_MISS[0] + GRENADE_MISS[1] * np.sqrt(d0 * d0 + d1 * d1)
        normal0 = (miss[0, j, 0] + miss[1, j, 0] + miss[2, j, 0] + miss[3, j, 0] - 2.0) * SQRT3
        normal1 = (miss[0, j, 1] + miss[1, j, 1] + miss[2, j, 1] + miss[3, j, 1] - 2.0) * SQRT3
        way0, way1 = (gun[0] + normal0 * spread) - hand0, (gun[1] + normal1 * spread) - hand1
        reach = maximum(np.sqrt(way0 * way0 + way1 * way1), 1.0)
        speed = np.sqrt(GRAVITY * reach / 2.0)  # each way, horizontal and up: a 45-degree lob to level ground
        grenade_pos[g, 0], grenade_pos[g, 1], grenade_pos[g, 2] = hand0, hand1, hand2
        grenade_vel[g, 0], grenade_vel[g, 1], grenade_vel[g, 2] = way0 * (speed / reach), way1 * (speed / reach), -speed
        grenade_fuse[g] = FUSE_S[0] + FUSE_S[1] * fuse[j]
        grenades_out[0] = g + 1


@kernel(types.float64(INT, F1, F2, F2, F1, I64, *HEIGHTS, *EVENTS, F2))
def fly_grenades(tick, gun, grenade_pos, grenade_vel, grenade_fuse, grenades_out, heights, north0, east0, spacing,
                 kind, event_pos, event_tick, head, wear):
    """The grenades out fly, land and lie; those whose fuse has burnt burst (an explosion event each). Returns the
    wear on the position: each burst within BLAST_RADIUS of the gun wears it, the more the closer, summed as numpy
    sums them. `wear` (G, 1) is scratch."""
    bursts, kept = 0, 0
    for g in range(grenades_out[0]):
        p0 = grenade_pos[g, 0] + grenade_vel[g, 0] * DT + 0.0 * (0.5 * DT * DT)
        p1 = grenade_pos[g, 1] + grenade_vel[g, 1] * DT + 0.0 * (0.5 * DT * DT)
        p2 = grenade_pos[g, 2] + grenade_vel[g, 2] * DT + GRAVITY * (0.5 * DT * DT)
        v0, v1, v2 = grenade_vel[g, 0] + 0.0 * DT, grenade_vel[g, 1] + 0.0 * DT, grenade_vel[g, 2] + GRAVITY * DT
        floor = -height_on_grid(heights, north0, east0, spacing, p0, p1)
        if p2 >= floor:
            p2, v0, v1, v2 = floor, 0.0, 0.0, 0.0
        fuse = grenade_fuse[g] - DT
        if fuse <= 0.0:
            d0, d1, d2 = p0 - gun[0], p1 - gun[1], p2 - gun[2]
            wear[bursts, 0] = maximum(1.0 - np.sqrt((d0 * d0 + d2 * d2) + d1 * d1) / BLAST_RADIUS, 0.0) * GRENADE_WOUND
            add1(kind, event_pos, event_tick, head, EXPLOSION, p0, p1, p2, tick)
            bursts += 1
            continue
        grenade_pos[kept, 0], grenade_pos[kept, 1], grenade_pos[kept, 2] = p0, p1, p2
        grenade_vel[kept, 0], grenade_vel[kept, 1], grenade_vel[kept, 2] = v0, v1, v2
        grenade_fuse[kept] = fuse
        kept += 1
    grenades_out[0] = kept
    return pairwise_sum(wear[:bursts], 0)
