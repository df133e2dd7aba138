"""The prisoners of the breakout (Part 1 of Level 2): they leave the huts in waves and run to the parked bombers,
south to the parade ground, through the gate and along the track, each at his own pace a little off the line of
the others. Counted through the gate and at the bombers; the guards' rifles decide who falls
(flight.sim.world.seats.gate.guards). Imports numpy only."""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.world.combat.aiming import norm
from flight.sim.world.seats.gate.gate_spec import GateSpec

PRISONER_STATES = ("waiting", "running", "arrived", "fallen")
WAITING, RUNNING, ARRIVED, FALLEN = range(len(PRISONER_STATES))
RUN_SPEED = (5.0, 1.0)  # m/s: the slowest man's pace, and up to this much faster
WAVE_SPREAD_S = 6.0  # s over which a wave's men get out of their huts
LINE_SPREAD_M = 1.5  # m either side of the way each man keeps (the gate is 6 m wide)
STATE = ("pos", "state", "leg", "passed", "start", "speed", "offset")


class Prisoners:
    """P men. A man's way is his hut's door, the parade ground due south of it, then the route; `leg` counts the
    points he has reached.

    | field   | shape | unit | meaning                                                                  |
    |---------|-------|------|--------------------------------------------------------------------------|
    | door    | (P,2) | m    | north, east of the door he comes out of                                  |
    | pos     | (P,2) | m    | north, east                                                              |
    | state   | (P,)  | -    | PRISONER_STATES index                                                    |
    | leg     | (P,)  | -    | the point he makes for: 1 the parade ground, 2 + i the route's point i   |
    | passed  | (P,)  | bool | through the gate                                                         |
    | start   | (P,)  | tick | when he comes out                                                        |
    | speed   | (P,)  | m/s  | his pace                                                                 |
    | offset  | (P,2) | m    | north, east: how far off the common way he runs                          |
    """

    def __init__(self, spec: GateSpec, rng: np.random.Generator):
        starts = [s for s, count in spec.waves for _ in range(count)]
        p = len(starts)
        draws = rng.random((p, 4))
        huts = np.array(spec.huts, dtype=float)
        self.door = huts[np.arange(p) % len(huts)]
        self.route = np.array(spec.route, dtype=float)
        self.parade_north = spec.parade_north
        self.gate_leg = 2 + spec.gate_leg
        self.pos = self.door.copy()
        self.state = np.full(p, WAITING, dtype=np.int8)
        self.leg = np.ones(p, dtype=np.int32)
        self.passed = np.zeros(p, dtype=bool)
        self.start = np.round((np.array(starts) + WAVE_SPREAD_S * draws[:, 0]) / DT).astype(np.int64)
        self.speed = RUN_SPEED[0] + RUN_SPEED[1] * draws[:, 1]
        self.offset = (draws[:, 2:] - 0.5) * (2.0 * LINE_SPREAD_M)

    def state_arrays(self) -> dict[str, np.ndarray]:
        return {name: np.array(getattr(self, name), copy=True) for name in STATE}

    def restore(self, state: dict[str, np.ndarray]) -> None:
        for name in STATE:
            setattr(self, name, np.array(state[name], dtype=getattr(self, name).dtype, copy=True))

    def tick(self, tick: int) -> None:
        """Men whose time has come leave their huts; runners go point to point along their way."""
        self.state[(self.state == WAITING) & (tick >= self.start)] = RUNNING
        men = np.flatnonzero(self.state == RUNNING)
        if not men.size:
            return
        leg = self.leg[men]
        on_route = np.minimum(np.maximum(leg - 2, 0), len(self.route) - 1)
        parade = np.stack([np.full(men.size, self.parade_north), self.door[men, 1]], axis=1)
        goal = np.where((leg == 1)[:, None], parade, self.route[on_route]) + self.offset[men]
        way = goal - self.pos[men]
        distance = norm(way)
        step = self.speed[men] * DT
        there = distance <= step
        ahead = self.pos[men] + way * (step / np.maximum(distance, 1e-9))[:, None]
        self.pos[men] = np.where(there[:, None], goal, ahead)
        self.leg[men] += there
        self.passed[men] |= self.leg[men] > self.gate_leg
        self.state[men[self.leg[men] >= 2 + len(self.route)]] = ARRIVED

    def fall(self, men: np.ndarray) -> None:
        self.state[men] = FALLEN

    @property
    def runners(self) -> np.ndarray:
        return np.flatnonzero(self.state == RUNNING)
