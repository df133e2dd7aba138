"""Bullets in flight: one struct of arrays of fixed capacity with a count (newest last, nothing allocated per tick),
ballistic with gravity and quadratic drag. Imports numpy and numba only (and flight.sim.dynamics constants).

Each tick `advance` moves every bullet along its arc (the step is exact for constant acceleration: without drag
it is the closed-form parabola); the caller tests the swept segments and `keep`s the bullets that did not stop.
"""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.dynamics import DT
from flight.sim.dynamics.atmosphere import GRAVITY
from flight.sim.jit import kernel
from flight.sim.world.combat.aiming import norm1

LIFETIME_TICKS = 360  # 3 s: by then a rifle-calibre bullet is far out of any useful range
CAPACITY = 6000  # beyond this the oldest bullets go first
FIELDS = ("pos", "vel", "drag", "owner", "born", "tracer", "struck")
_DTYPES = {"pos": np.float64, "vel": np.float64, "drag": np.float64, "owner": np.int32, "born": np.int64,
           "tracer": np.bool_, "struck": np.int32}
_F1, _F2, _B1, _I1 = types.float64[::1], types.float64[:, ::1], types.boolean[::1], types.int32[::1]


@kernel
def advance1(pos, vel, drag, before, k, dt):
    """One bullet's step (k: its row): before[k] <- pos[k], then pos and vel along the arc."""
    v0, v1, v2 = vel[k, 0], vel[k, 1], vel[k, 2]
    slow = drag[k] * norm1(v0, v1, v2)
    a0, a1, a2 = 0.0 - slow * v0, 0.0 - slow * v1, GRAVITY - slow * v2
    half = 0.5 * dt * dt
    for i, v, a in ((0, v0, a0), (1, v1, a1), (2, v2, a2)):
        before[k, i] = pos[k, i]
        pos[k, i] = pos[k, i] + v * dt + a * half
        vel[k, i] = v + a * dt


@kernel(types.void(_F2, _F2, _F1, _F2, types.intp, types.float64))
def _advance(pos, vel, drag, before, count, dt):
    for k in range(count):
        advance1(pos, vel, drag, before, k, dt)


@kernel
def compact(pos, vel, drag, owner, born, tracer, struck, keep, count):
    """Move the kept bullets (in order) to the front; returns how many there are."""
    n = 0
    for k in range(count):
        if keep[k]:
            if n != k:
                for i in range(3):
                    pos[n, i], vel[n, i] = pos[k, i], vel[k, i]
                drag[n], owner[n], born[n], tracer[n], struck[n] = drag[k], owner[k], born[k], tracer[k], struck[k]
            n += 1
    return n


@kernel(types.intp(_F2, _F2, _F1, _I1, types.int64[::1], _B1, _I1, _B1, types.intp))
def _compact(pos, vel, drag, owner, born, tracer, struck, keep, count):
    return compact(pos, vel, drag, owner, born, tracer, struck, keep, count)


class Bullets:
    """B bullets, newest last, in the first `count` rows of arrays of `capacity` rows (the fields below are views
    of those rows; the kernels take the `buffers`).

    | field  | shape | unit  | frame | meaning                                                        |
    |--------|-------|-------|-------|----------------------------------------------------------------|
    | pos    | (B,3) | m     | NED   | where it is                                                    |
    | vel    | (B,3) | m/s   | NED   |                                                                |
    | drag   | (B,)  | 1/m   | -     | k in dv/dt = g - k |v| v (air density at the muzzle folded in) |
    | owner  | (B,)  | -     | -     | who fired it: a fleet index, or N + ground unit index          |
    | born   | (B,)  | tick  | -     | the world tick it was fired on                                 |
    | tracer | (B,)  | bool  | -     | a tracer round (drawn while it burns)                          |
    | struck | (B,)  | -     | -     | the aircraft it last went through (scored once), -1 none       |
    """

    def __init__(self, capacity: int = CAPACITY):
        self.count = 0
        self._allocate(capacity)

    def _allocate(self, capacity: int) -> None:
        old = getattr(self, "buffers", None)
        self.buffers = tuple(np.zeros((capacity, 3) if name in ("pos", "vel") else capacity, dtype=_DTYPES[name])
                             for name in FIELDS)
        self.before = np.zeros((capacity, 3))
        self.kept = np.zeros(capacity, dtype=bool)  # scratch for the kernels that compact
        if old is not None:
            for new, previous in zip(self.buffers, old):
                new[:self.count] = previous[:self.count]

    @property
    def capacity(self) -> int:
        return len(self.before)

    def __len__(self) -> int:
        return self.count

    def __getattr__(self, name: str) -> np.ndarray:
        if name in FIELDS:
            return self.buffers[FIELDS.index(name)][:self.count]
        raise AttributeError(name)

    def add(self, pos: np.ndarray, vel: np.ndarray, drag: np.ndarray, owner: np.ndarray, born: int,
            tracer: np.ndarray) -> None:
        k = len(pos)
        if k == 0:
            return
        drop = max(self.count + k - CAPACITY, 0) if k <= CAPACITY else self.count
        if drop:
            self.keep(np.arange(self.count) >= drop)
        if self.count + k > self.capacity:
            self._allocate(self.count + k)
        at = slice(self.count, self.count + k)
        for buffer, values in zip(self.buffers, (pos, vel, drag, owner, born, tracer, -1)):
            buffer[at] = values
        self.count += k

    def advance(self, dt: float = DT) -> np.ndarray:
        """Move every bullet one step; returns the positions before it (a view, valid until the next step)."""
        pos, vel, drag = self.buffers[:3]
        _advance(pos, vel, drag, self.before, self.count, dt)
        return self.before[:self.count]

    def keep(self, mask: np.ndarray) -> None:
        """Keep the bullets where `mask` is True (in order)."""
        self.kept[:self.count] = mask
        self.count = _compact(*self.buffers, self.kept, self.count)

    def state(self) -> dict[str, np.ndarray]:
        return {name: getattr(self, name).copy() for name in FIELDS}

    def restore(self, state: dict[str, np.ndarray]) -> None:
        self.count = 0
        k = len(state["drag"])
        if k > self.capacity:
            self._allocate(k)
        for buffer, name in zip(self.buffers, FIELDS):
            buffer[:k] = state[name]
        self.count = k
