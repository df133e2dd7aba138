"""How the guards move (Part 1 of Level 2): they turn out by squads, rush from cover to cover towards the gun and
lie in cover between rushes. Kernels over the M men with the numpy code's bits (DESIGN.md, Replays); the random
numbers are drawn by the caller (flight.sim.world.seats.gate.guards) between the kernels that say how many it needs.
Imports numpy, numba and flight.sim only."""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.dynamics import DT
from flight.sim.dynamics.heightfield import height_on_grid
from flight.sim.dynamics.stablemath import argmin, atan2_1, maximum, minimum
from flight.sim.jit import kernel
from flight.sim.world.seats.gate.men import COVER, RUNNING, WAITING

TURN_OUT_S = 0.5  # s between the men of a squad coming out of the door
RUSH_SPEED = 4.5  # m/s, a dash with a rifle
RUSH_MAX = 25.0  # m: the longest dash from cover to cover (3 to 5 s: up, seen, down)
RUSH_GAIN = 8.0  # m nearer the gun a rush must bring a man
CLOSEST = 12.0  # m: nobody makes for cover nearer the gun than this
OPEN_RUSH, OPEN_STOP = 20.0, 45.0  # m: with no cover nearer, a dash this long to drop in the open, if still this far
PAUSE_S = (3.0, 4.0)  # s in cover between rushes: at least, and up to this much more
SPREAD_M = 1.5  # men making for one cover point drop about this far apart
GRENADE_RANGE = 30.0  # m: a grenadier throws from this close to the gun

F1, F2, I1 = types.float64[::1], types.float64[:, ::1], types.intp[::1]
I8, I32, I64, B1 = types.int8[::1], types.int32[::1], types.int64[::1], types.boolean[::1]
F, INT = types.float64, types.int64
HEIGHTS = (F2, F, F, F)  # the terrain's heightfield: heights, north0, east0, spacing


@kernel
def in_throwing_range(grenades, pos, gun_north, gun_east, k):
    """Man k is a grenadier with a grenade left close enough to throw it: he stays to throw, not dash."""
    d0, d1 = gun_north - pos[k, 0], gun_east - pos[k, 1]
    return grenades[k] > 0 and np.sqrt(d0 * d0 + d1 * d1) < GRENADE_RANGE


@kernel(types.intp(INT, F, F, I64, I8, F1, F1, I32, I32, F2, I1))
def turn_out(tick, gun_north, gun_east, start, state, pinned, timer, throw, grenades, pos, ready):
    """Men whose time has come turn out; pins and pauses run down. Fills `ready` with the men ready to dash (in
    cover, rested, head up, not about to throw) and returns how many."""
    count = 0
    for k in range(state.size):
        if state[k] == WAITING and tick >= start[k]:
            state[k] = COVER
        pinned[k] = maximum(pinned[k] - DT, 0.0)
        lying = state[k] == COVER
        if lying and pinned[k] <= 0.0:
            timer[k] = maximum(timer[k] - DT, 0.0)
        if (lying and timer[k] <= 0.0 and pinned[k] <= 0.0 and throw[k] == 0
                and not in_throwing_range(grenades, pos, gun_north, gun_east, k)):
            ready[count] = k
            count += 1
    return count


@kernel(types.void(INT, I1, F2, F, F, F2, F2, F2, B1, F1, I8, F1, F1))
def dash(count, men, draws, gun_north, gun_east, cover, pos, run_to, sheltered, heading, state, timer, score):
    """Each of men[:count] picks the cover nearest the gun that a dash of RUSH_MAX reaches and that brings him
    RUSH_GAIN nearer (draws[j, :C] spread a squad's choice); with none, and still far off, he dashes into the open;
    close in, he stays and fires, pausing PAUSE_S by draws[j, C]. draws[j, C + 1:] spread where he drops.
    `score` (C,) is scratch."""
    covers = cover.shape[0]
    for j in range(count):
        k = men[j]
        here0, here1 = pos[k, 0], pos[k, 1]
        d0, d1 = gun_north - here0, gun_east - here1
        to_gun = np.sqrt(d0 * d0 + d1 * d1)
        for c in range(covers):
            g0, g1 = cover[c, 0] - gun_north, cover[c, 1] - gun_east
            r0, r1 = cover[c, 0] - here0, cover[c, 1] - here1
            cover_to_gun = np.sqrt(g0 * g0 + g1 * g1)
            fits = (np.sqrt(r0 * r0 + r1 * r1) <= RUSH_MAX and cover_to_gun <= to_gun - RUSH_GAIN
                    and cover_to_gun >= CLOSEST)
            score[c] = cover_to_gun + 6.0 * draws[j, c] if fits else np.inf
        best = argmin(score, covers) if covers else 0
        found = covers > 0 and abs(score[best]) < np.inf
        open_dash = minimum(OPEN_RUSH, to_gun - OPEN_STOP)
        if found:
            goal0, goal1 = cover[best, 0], cover[best, 1]
        else:
            s = open_dash / maximum(to_gun, 1e-9)
            goal0, goal1 = here0 + (gun_north - here0) * s, here1 + (gun_east - here1) * s
        goal0 = goal0 + (draws[j, covers + 1] - 0.5) * (2.0 * SPREAD_M)
        goal1 = goal1 + (draws[j, covers + 2] - 0.5) * (2.0 * SPREAD_M)
        if found or open_dash > 5.0:
            run_to[k, 0], run_to[k, 1] = goal0, goal1
            sheltered[k] = found
            heading[k] = atan2_1(goal1 - here1, goal0 - here0)
            state[k] = RUNNING
        else:
            timer[k] = PAUSE_S[0] + PAUSE_S[1] * draws[j, covers]


@kernel(types.intp(F2, F2, I8, *HEIGHTS, I1))
def run(pos, run_to, state, heights, north0, east0, spacing, there):
    """Running men go straight for their cover over the ground. Fills `there` with those who reach it this tick
    and returns how many."""
    count = 0
    for k in range(state.size):
        if state[k] != RUNNING:
            continue
        w0, w1 = run_to[k, 0] - pos[k, 0], run_to[k, 1] - pos[k, 1]
        distance = np.sqrt(w0 * w0 + w1 * w1)
        s = minimum(RUSH_SPEED * DT, distance) / maximum(distance, 1e-9)
        pos[k, 0] += w0 * s
        pos[k, 1] += w1 * s
        pos[k, 2] = -height_on_grid(heights, north0, east0, spacing, pos[k, 0], pos[k, 1])
        if distance <= RUSH_SPEED * DT:
            there[count] = k
            count += 1
    return count


@kernel(types.void(INT, I1, F1, F, F, F2, I8, F1, F1))
def drop(count, men, draws, gun_north, gun_east, pos, state, timer, heading):
    """men[:count] drop into their cover facing the gun, to pause there PAUSE_S by draws[j]."""
    for j in range(count):
        k = men[j]
        state[k] = COVER
        timer[k] = PAUSE_S[0] + PAUSE_S[1] * draws[j]
        heading[k] = atan2_1(gun_east - pos[k, 1], gun_north - pos[k, 0])
