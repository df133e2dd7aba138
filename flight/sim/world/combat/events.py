"""Things the renderer shows for a while after they happen (a hit's sparks, a bullet's puff of dust, a flak burst's
smoke, a wreck's explosion): a ring of the last CAPACITY, each with its kind, place and tick. The app draws them by
age from any snapshot, so none is lost between two frames. Imports numpy and numba only."""
from __future__ import annotations

import numpy as np

from flight.sim.jit import kernel

KINDS = ("hit", "dust", "flak_burst", "explosion")
HIT, DUST, FLAK_BURST, EXPLOSION = range(len(KINDS))
CAPACITY = 256
FIELDS = ("kind", "pos", "tick", "head")


class Events:
    """`kind` (C,) int8 (-1: empty), `pos` (C, 3) NED m, `tick` (C,), `head` (1,): where the next one goes."""

    def __init__(self):
        self.kind = np.full(CAPACITY, -1, dtype=np.int8)
        self.pos = np.zeros((CAPACITY, 3))
        self.tick = np.zeros(CAPACITY, dtype=np.int64)
        self.head = np.zeros(1, dtype=np.int64)

    def add(self, kind: int, points: np.ndarray, tick: int) -> None:
        k = min(len(points), CAPACITY)
        if k == 0:
            return
        at = (int(self.head[0]) + np.arange(k)) % CAPACITY
        self.kind[at] = kind
        self.pos[at] = points[-k:]
        self.tick[at] = tick
        self.head[0] = (int(self.head[0]) + k) % CAPACITY

    def recent(self, now: int, ticks: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(kind, pos, age in ticks) of the events of the last `ticks` ticks."""
        age = now - self.tick
        mine = (self.kind >= 0) & (age < ticks) & (age >= 0)
        return self.kind[mine], self.pos[mine], age[mine]

    def state(self) -> dict[str, np.ndarray]:
        return {name: getattr(self, name).copy() for name in FIELDS}

    def restore(self, state: dict[str, np.ndarray]) -> None:
        for name in FIELDS:
            setattr(self, name, np.array(state[name], dtype=getattr(self, name).dtype, copy=True))


@kernel
def add1(kind, pos, tick, head, what, x, y, z, when):
    """Events.add of one point, from a kernel (the ring's arrays as Events holds them)."""
    at = head[0] % CAPACITY
    kind[at], tick[at] = what, when
    pos[at, 0], pos[at, 1], pos[at, 2] = x, y, z
    head[0] = (at + 1) % CAPACITY
