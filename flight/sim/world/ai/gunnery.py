"""An AI pilot's fixed guns for K aircraft: the lead on a target, his aim error (drawn from the world's generator,
held a second at a time), and trigger discipline (a solution held for his reaction time, then short bursts with
pauses between). `fire` is what the world's combat reads as his trigger. The arithmetic is scalar kernels the
guidance pass calls for each aircraft; the draws stay with the caller (numpy's generator). Imports numpy, numba
and flight only.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT, Fleet
from flight.sim.dynamics.stablemath import maximum
from flight.sim.jit import kernel
from flight.sim.world.combat.aiming import lead1, norm1
from flight.sim.world.combat.guns import guns_of

FIRE_CONE = 0.012  # rad: the nose this close to where he thinks the lead point is, besides the target's size
TARGET_SIZE = 0.35  # of the target's span: the half-width of what he aims at
MUZZLE_SHARE = 0.85  # of the muzzle velocity: the bullets' average speed out to 200-300 m (as gunners reckon)
PAUSE_TICKS = round(1.0 / DT)  # between bursts (half of it after a burst the target slipped out of)
AIM_TICKS = round(1.5 / DT)  # he misjudges afresh this often ...
AIM_DRIFT = 1.0 / round(1.0 / DT)  # ... and his aim drifts to the new error over about a second (per tick)


class Gunnery:
    """Trigger and aim state of K aircraft, (K,) arrays (`aim_offset`, where he aims off the true lead, and
    `aim_goal`, where that is drifting to, (K, 2): rad to the right and up)."""
    STATE = ("solution_ticks", "burst", "pause", "aim_offset", "aim_goal", "aim_ticks", "fire")

    def __init__(self, fleet: Fleet, index: np.ndarray):
        fixed = [[g for g in guns_of(fleet.specs[i]) if g.mount != "flexible"] for i in index]
        self.armed = np.array([bool(g) for g in fixed], dtype=bool)
        self.muzzle_speed = np.array([MUZZLE_SHARE * g[0].muzzle_velocity if g else 700.0 for g in fixed],
                                     dtype=np.float64)
        k = len(index)
        self.solution_ticks = np.zeros(k, dtype=np.int64)
        self.burst = np.zeros(k, dtype=np.int64)
        self.pause = np.zeros(k, dtype=np.int64)
        self.aim_offset = np.zeros((k, 2))
        self.aim_goal = np.zeros((k, 2))
        self.aim_ticks = np.zeros(k, dtype=np.int64)
        self.fire = np.zeros(k, dtype=bool)

    def arrays(self) -> tuple:
        """The state as the guidance pass's kernels take it (GUNNERY's order), all written in place."""
        return (self.armed, self.muzzle_speed, self.solution_ticks, self.burst, self.pause, self.aim_ticks,
                self.aim_offset, self.aim_goal, self.fire)


@kernel
def aim_of1(pos, vel, n, target, muzzle_speed):
    """Where fleet aircraft n points its guns to hit `target` (a unit NED direction: combat.aiming.lead1 at the
    bullets' average speed), and the target's distance (m)."""
    ox, oy, oz = pos[target, 0] - pos[n, 0], pos[target, 1] - pos[n, 1], pos[target, 2] - pos[n, 2]
    aim_n, aim_e, aim_d, _ = lead1(ox, oy, oz, vel[target, 0] - vel[n, 0], vel[target, 1] - vel[n, 1],
                                   vel[target, 2] - vel[n, 2], muzzle_speed)
    return aim_n, aim_e, aim_d, norm1(ox, oy, oz)


@kernel
def drift_aim1(aim_offset, aim_goal, aim_ticks, k, ticks):
    """His aim drifts on towards its error for `ticks`; whether his last error has run its time."""
    share = min(ticks * AIM_DRIFT, 1.0)
    for axis in range(2):
        aim_offset[k, axis] = aim_offset[k, axis] + (aim_goal[k, axis] - aim_offset[k, axis]) * share
    aim_ticks[k] = max(aim_ticks[k] - ticks, 0)
    return aim_ticks[k] == 0


@kernel
def solution1(yaw_error, pitch_error, distance, target_span, fire_range):
    """In range, and the nose within the cone of the (misjudged) lead point."""
    cone = FIRE_CONE + TARGET_SIZE * target_span / maximum(distance, 1.0)
    return distance < fire_range and yaw_error * yaw_error + pitch_error * pitch_error < cone * cone


@kernel
def trigger1(solution, armed, reaction_ticks, burst_ticks, solution_ticks, burst, pause, k, ticks):
    """Whether the k-th fires: a solution held for half the reaction time (he was expecting it), in bursts of
    `burst_ticks` with pauses; his solution, burst and pause counts updated."""
    solution_ticks[k] = solution_ticks[k] + ticks if solution else 0
    ready = solution and armed and 2 * solution_ticks[k] >= reaction_ticks and pause[k] <= 0
    shooting = burst[k] + ticks if ready else 0
    if shooting >= burst_ticks:
        pause[k] = PAUSE_TICKS
    elif not ready and burst[k] > 0:
        pause[k] = PAUSE_TICKS // 2
    else:
        pause[k] = max(pause[k] - ticks, 0)
    burst[k] = 0 if shooting >= burst_ticks else shooting
    return ready
