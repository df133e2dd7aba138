"""The prisoners of the breakout (Part 1 of Level 2): they leave the huts in waves and run to the parked bombers,
south to the parade ground, through the gate and along the track, each at his own pace a little off the line of
the others. Counted through the gate and at the bombers; the guards' rifles decide who falls
(flight.sim.world.seats.gate.guards). `run` is a kernel with the numpy code's bits (DESIGN.md, Replays). Imports
numpy, numba and flight.sim only."""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.dynamics import DT
from flight.sim.dynamics.stablemath import maximum
from flight.sim.jit import kernel
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
        self.gate_leg = 2 + spec.gate_leg
        self.parade_north = float(spec.parade_north)
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
        run(tick, self.start, self.state, self.leg, self.passed, self.pos, self.door, self.offset, self.speed,
            self.route, self.parade_north, self.gate_leg)


_F1, _F2 = types.float64[::1], types.float64[:, ::1]


@kernel(types.void(types.int64, types.int64[::1], types.int8[::1], types.int32[::1], types.boolean[::1], _F2, _F2, _F2,
                   _F1, _F2, types.float64, types.int64))
def run(tick, start, state, leg, passed, pos, door, offset, speed, route, parade_north, gate_leg):
    """Prisoners.tick: the men whose time has come leave their huts; each runner makes for his next point (the
    parade ground due south of his door, then the route's), a step of his pace a tick, and counts it reached when
    the step would take him there."""
    points = route.shape[0]
    for p in range(state.size):
        if state[p] == WAITING and tick >= start[p]:
            state[p] = RUNNING
        if state[p] != RUNNING:
            continue
        if leg[p] == 1:
            goal0, goal1 = parade_north, door[p, 1]
        else:
            on_route = min(max(leg[p] - 2, 0), points - 1)
            goal0, goal1 = route[on_route, 0], route[on_route, 1]
        goal0, goal1 = goal0 + offset[p, 0], goal1 + offset[p, 1]
        w0, w1 = goal0 - pos[p, 0], goal1 - pos[p, 1]
        distance = np.sqrt(w0 * w0 + w1 * w1)
        step = speed[p] * DT
        if distance <= step:
            pos[p, 0], pos[p, 1] = goal0, goal1
            leg[p] += 1
        else:
            s = step / maximum(distance, 1e-9)
            pos[p, 0], pos[p, 1] = pos[p, 0] + w0 * s, pos[p, 1] + w1 * s
        passed[p] |= leg[p] > gate_leg
        if leg[p] >= 2 + points:
            state[p] = ARRIVED
