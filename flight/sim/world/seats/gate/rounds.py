"""The gate gun's rounds in flight (Part 1 of Level 2): a compacting struct of arrays with room for every round the
gun can have in the air, flown, tested against the guards, the lamps and the ground by one kernel each tick with
the numpy code's bits (DESIGN.md, Replays). Its state is flight.sim.world.combat.bullets.Bullets' (the same names,
dtypes and shapes), and a round flies by Bullets' own step (advance1). Imports numpy, numba and flight.sim only."""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.dynamics import DT
from flight.sim.dynamics.heightfield import height_on_grid
from flight.sim.jit import kernel
from flight.sim.world.combat.bullets import FIELDS, LIFETIME_TICKS, advance1
from flight.sim.world.combat.events import DUST, HIT, add1
from flight.sim.world.seats.gate.lights import strike_lamps
from flight.sim.world.seats.gate.men import strike

MAX_DUST = 8  # ground strikes a tick that raise a puff
_F1, _F2, _B1, _I8 = types.float64[::1], types.float64[:, ::1], types.boolean[::1], types.int8[::1]
_I32, _I64 = types.int32[::1], types.int64[::1]
EVENTS = (_I8, _F2, _I64, _I64)  # flight.sim.world.combat.events.Events: kind, pos, tick, head
_DTYPES = {"pos": np.float64, "vel": np.float64, "drag": np.float64, "owner": np.int32, "born": np.int64,
           "tracer": np.bool_, "struck": np.int32}


class Rounds:
    """B rounds, newest last, in buffers of `capacity` (the state is their first `count`): `pos` (B, 3) NED m,
    `vel` (B, 3) m/s, `drag` (B,) 1/m, `owner` (B,) 0, `born` (B,) tick, `tracer` (B,) bool, `struck` (B,) -1."""

    def __init__(self, capacity: int):
        self.count = np.zeros(1, dtype=np.int64)
        self.buffers = {name: np.zeros((capacity, 3) if name in ("pos", "vel") else capacity, dtype=dtype)
                        for name, dtype in _DTYPES.items()}
        self.before = np.zeros((capacity, 3))  # scratch: where each round was at the start of the tick
        self.struck_men = np.zeros(capacity, dtype=np.intp)  # scratch: the man each struck, -1 none
        self.arrays = self._arrays()

    def _arrays(self) -> tuple:
        """The kernels' arguments: the fields, the count, then the scratch."""
        return (*(self.buffers[name] for name in FIELDS), self.count, self.before, self.struck_men)

    def __len__(self) -> int:
        return int(self.count[0])

    def __getattr__(self, name: str) -> np.ndarray:
        if name in _DTYPES:
            return self.buffers[name][:self.count[0]]
        raise AttributeError(name)

    def room(self) -> None:
        """Makes room for one more round (never needed at the gun's rate; kept so no round is ever lost)."""
        if len(self) == len(self.buffers["drag"]):
            self.buffers = {name: np.concatenate([a, np.zeros_like(a)]) for name, a in self.buffers.items()}
            self.before = np.zeros_like(self.buffers["pos"])
            self.struck_men = np.zeros(len(self.before), dtype=np.intp)
            self.arrays = self._arrays()

    def state(self) -> dict[str, np.ndarray]:
        return {name: self.buffers[name][:len(self)].copy() for name in FIELDS}

    def restore(self, state: dict[str, np.ndarray]) -> None:
        n = len(state["drag"])
        while len(self.buffers["drag"]) < n:
            self.count[0] = len(self.buffers["drag"])
            self.room()
        for name in FIELDS:
            self.buffers[name][:n] = state[name]
        self.count[0] = n


@kernel(types.void(types.int64, _F2, _F2, _F1, _I32, _I64, _B1, _I32, _I64, _F2, types.intp[::1],
                   _F2, types.int8[::1], _I32, _B1, _F1, _B1, _F2, _B1,
                   _F2, types.float64, types.float64, types.float64, *EVENTS))
def fly(tick, pos, vel, drag, owner, born, tracer, struck, count, before, struck_men,
        men_pos, men_state, men_throw, sheltered, pinned, near, lamps, lamp_on,
        heights, north0, east0, spacing, kind, event_pos, event_tick, head):
    """The rounds fly one tick; those that pass through a man (a hit event at each), or into the ground (a puff of
    dust at the first MAX_DUST), or that have flown LIFETIME_TICKS, stop; any that pass a lamp put it out."""
    n = count[0]
    if n == 0:
        return
    for b in range(n):
        advance1(pos, vel, drag, before, b, DT)
    strike(before, pos, n, men_pos, men_state, men_throw, sheltered, pinned, struck_men, near)
    for b in range(n):
        if struck_men[b] >= 0:
            add1(kind, event_pos, event_tick, head, HIT, pos[b, 0], pos[b, 1], pos[b, 2], tick)
    strike_lamps(before, pos, n, lamps, lamp_on)
    kept, dust = 0, 0
    for b in range(n):
        if struck_men[b] >= 0 or not tick - born[b] < LIFETIME_TICKS:
            continue
        ground = -height_on_grid(heights, north0, east0, spacing, pos[b, 0], pos[b, 1])
        if pos[b, 2] >= ground:
            if dust < MAX_DUST:
                add1(kind, event_pos, event_tick, head, DUST, pos[b, 0], pos[b, 1], ground, tick)
                dust += 1
            continue
        for i in range(3):
            pos[kept, i], vel[kept, i] = pos[b, i], vel[b, i]
        drag[kept], owner[kept], born[kept] = drag[b], owner[b], born[b]
        tracer[kept], struck[kept] = tracer[b], struck[b]
        kept += 1
    count[0] = kept
