"""The guards as targets (Part 1 of Level 2): what each man's state is, how much of him shows, and the rounds that
strike him or pass near enough to keep his head down. Kernels over the M men, the numpy code's bits (DESIGN.md,
Replays). Imports numpy, numba, flight.sim.jit and stablemath only."""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.dynamics.stablemath import maximum
from flight.sim.jit import kernel

MAN_STATES = ("waiting", "running", "cover", "down")  # not turned out yet; dashing; lying in cover; hit
WAITING, RUNNING, COVER, DOWN = range(len(MAN_STATES))
MAN_RADIUS = 0.3  # m, a man as an upright cylinder
STANDING, LYING, SHELTERED = 1.75, 0.45, 0.3  # m of him showing: dashing or throwing; lying in the open; behind
#                                              cover (the head and the rifle over a woodpile or a wall)
PIN_RADIUS, PIN_S = 2.5, 2.5  # a round passing this close keeps a man's head down this long


@kernel
def is_out(state, k):
    """Man k is turned out and not hit."""
    return state[k] == RUNNING or state[k] == COVER


@kernel
def showing(state, throw, sheltered, k):
    """m: how tall a target man k makes (0 for one not in the fight)."""
    if state[k] == RUNNING or (state[k] == COVER and throw[k] > 0):
        return STANDING
    if state[k] == COVER:
        return SHELTERED if sheltered[k] else LYING
    return 0.0


@kernel
def clip01(x):
    """np.clip(x, 0.0, 1.0) (NaN stays NaN, -0.0 stays -0.0)."""
    if x < 0.0:
        return 0.0
    if x > 1.0:
        return 1.0
    return x


@kernel
def strike(start, end, count, pos, state, throw, sheltered, pinned, struck, near):
    """The paths of `count` rounds this tick, start[b] to end[b] (NED): struck[b] is the first man (least t along
    the path, then lowest index) whose upright cylinder the path passes through, -1 none. All paths are tested
    against the men as they stood before any falls; then the struck go down and the men a path passed near are
    pinned. `near` (M,) bool is scratch."""
    men = state.size
    for k in range(men):
        near[k] = False
    for b in range(count):
        p0, p1 = end[b, 0] - start[b, 0], end[b, 1] - start[b, 1]
        length2 = maximum(p0 * p0 + p1 * p1, 1e-12)
        first, first_t = -1, np.inf
        for k in range(men):
            if not is_out(state, k):
                continue
            o0, o1 = pos[k, 0] - start[b, 0], pos[k, 1] - start[b, 1]
            t = clip01((o0 * p0 + o1 * p1) / length2)
            m0, m1 = o0 - t * p0, o1 - t * p1
            miss2 = m0 * m0 + m1 * m1
            above = pos[k, 2] - (start[b, 2] + t * (end[b, 2] - start[b, 2]))
            if miss2 < MAN_RADIUS * MAN_RADIUS and above >= 0.0 and above <= showing(state, throw, sheltered, k):
                if t < first_t:
                    first, first_t = k, t
            if miss2 < PIN_RADIUS * PIN_RADIUS and above > -1.0 and above < 3.0:
                near[k] = True
        struck[b] = first
    for k in range(men):
        if near[k]:
            pinned[k] = PIN_S
    for b in range(count):
        if struck[b] >= 0:
            state[struck[b]] = DOWN
            throw[struck[b]] = 0


@kernel(types.void(types.int8[::1], types.int32[::1], types.boolean[::1], types.float64[::1]))
def showing_all(state, throw, sheltered, out):
    """out (M,): `showing` of every man."""
    for k in range(state.size):
        out[k] = showing(state, throw, sheltered, k)
