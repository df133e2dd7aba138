"""Bullets in flight: one compacting struct of arrays (newest last), ballistic with gravity and quadratic drag.
Imports numpy only (and flight.sim.dynamics constants).

Each tick `advance` moves every bullet along its arc (the step is exact for constant acceleration: without drag
it is the closed-form parabola); the caller tests the swept segments and `remove`s the bullets that struck.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.dynamics.atmosphere import GRAVITY

LIFETIME_TICKS = 360  # 3 s: by then a rifle-calibre bullet is far out of any useful range
CAPACITY = 6000  # beyond this the oldest bullets go first
FIELDS = ("pos", "vel", "drag", "owner", "born", "tracer", "struck")
_GRAVITY_NED = np.array([0.0, 0.0, GRAVITY])


class Bullets:
    """B bullets, newest last.

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

    def __init__(self):
        self.pos = np.zeros((0, 3))
        self.vel = np.zeros((0, 3))
        self.drag = np.zeros(0)
        self.owner = np.zeros(0, dtype=np.int32)
        self.born = np.zeros(0, dtype=np.int64)
        self.tracer = np.zeros(0, dtype=bool)
        self.struck = np.zeros(0, dtype=np.int32)

    def __len__(self) -> int:
        return len(self.drag)

    def add(self, pos: np.ndarray, vel: np.ndarray, drag: np.ndarray, owner: np.ndarray, born: int,
            tracer: np.ndarray) -> None:
        if len(pos) == 0:
            return
        keep = max(CAPACITY - len(pos), 0)
        old = slice(max(len(self) - keep, 0), None)
        self.pos = np.concatenate([self.pos[old], pos])
        self.vel = np.concatenate([self.vel[old], vel])
        self.drag = np.concatenate([self.drag[old], drag])
        self.owner = np.concatenate([self.owner[old], np.asarray(owner, dtype=np.int32)])
        self.born = np.concatenate([self.born[old], np.full(len(pos), born, dtype=np.int64)])
        self.tracer = np.concatenate([self.tracer[old], np.asarray(tracer, dtype=bool)])
        self.struck = np.concatenate([self.struck[old], np.full(len(pos), -1, dtype=np.int32)])

    def advance(self, dt: float = DT) -> np.ndarray:
        """Move every bullet one step; returns the positions before it."""
        before = self.pos
        v = self.vel
        speed = np.sqrt(np.einsum("ij,ij->i", v, v))
        accel = _GRAVITY_NED - (self.drag * speed)[:, None] * v
        self.pos = before + v * dt + accel * (0.5 * dt * dt)
        self.vel = v + accel * dt
        return before

    def keep(self, mask: np.ndarray) -> None:
        """Keep the bullets where `mask` is True (in order)."""
        for name in FIELDS:
            setattr(self, name, getattr(self, name)[mask])

    def state(self) -> dict[str, np.ndarray]:
        return {name: getattr(self, name).copy() for name in FIELDS}

    def restore(self, state: dict[str, np.ndarray]) -> None:
        for name in FIELDS:
            setattr(self, name, np.array(state[name], dtype=getattr(self, name).dtype, copy=True))
