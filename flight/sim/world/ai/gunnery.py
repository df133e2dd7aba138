"""An AI pilot's fixed guns for K aircraft: the lead on a target, his aim error (drawn from the world's generator,
held a second at a time), and trigger discipline (a solution held for his reaction time, then short bursts with
pauses between). `fire` is what the world's combat reads as his trigger. CPU-stable numpy only; imports numpy and
flight only.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT, Fleet
from flight.sim.world.combat.aiming import lead, norm, normal
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
        self.armed = np.array([bool(g) for g in fixed])
        self.muzzle_speed = np.array([MUZZLE_SHARE * g[0].muzzle_velocity if g else 700.0 for g in fixed])
        k = len(index)
        self.solution_ticks = np.zeros(k, dtype=np.int64)
        self.burst = np.zeros(k, dtype=np.int64)
        self.pause = np.zeros(k, dtype=np.int64)
        self.aim_offset = np.zeros((k, 2))
        self.aim_goal = np.zeros((k, 2))
        self.aim_ticks = np.zeros(k, dtype=np.int64)
        self.fire = np.zeros(k, dtype=bool)

    def lead(self, fleet: Fleet, index: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where to point the guns to hit each target (unit NED rows), and its distance (m)."""
        offset = fleet.pos[target] - fleet.pos[index]
        direction, _ = lead(offset, fleet.vel[target] - fleet.vel[index], self.muzzle_speed)
        return direction, norm(offset)

    def misjudge(self, rng: np.random.Generator | None, aim_error: np.ndarray, fighting: np.ndarray,
                 ticks: int) -> None:
        """His aim drifts on towards its error; fresh errors for those in a fight whose last has run its time
        (none without a generator)."""
        self.aim_offset = self.aim_offset + (self.aim_goal - self.aim_offset) * min(ticks * AIM_DRIFT, 1.0)
        self.aim_ticks = np.maximum(self.aim_ticks - ticks, 0)
        due = fighting & (self.aim_ticks == 0)
        if rng is None or not due.any():
            return
        self.aim_goal[due] = normal(rng, (int(due.sum()), 2)) * aim_error[due][:, None]
        self.aim_ticks[due] = AIM_TICKS

    def trigger(self, solution: np.ndarray, reaction_ticks: np.ndarray, burst_ticks: np.ndarray,
                ticks: int) -> None:
        """Sets `fire`: a solution held for half the reaction time (he was expecting it), in bursts of
        `burst_ticks` with pauses."""
        self.solution_ticks = np.where(solution, self.solution_ticks + ticks, 0)
        ready = solution & self.armed & (2 * self.solution_ticks >= reaction_ticks) & (self.pause <= 0)
        burst = np.where(ready, self.burst + ticks, 0)
        ended = burst >= burst_ticks
        slipped = ~ready & (self.burst > 0)
        self.pause = np.where(ended, PAUSE_TICKS, np.where(slipped, PAUSE_TICKS // 2,
                                                           np.maximum(self.pause - ticks, 0)))
        self.burst = np.where(ended, 0, burst)
        self.fire = ready

    def solution(self, yaw_error: np.ndarray, pitch_error: np.ndarray, distance: np.ndarray,
                 target_span: np.ndarray, fire_range: np.ndarray) -> np.ndarray:
        """In range, and the nose within the cone of the (misjudged) lead point."""
        cone = FIRE_CONE + TARGET_SIZE * target_span / np.maximum(distance, 1.0)
        return (distance < fire_range) & (yaw_error * yaw_error + pitch_error * pitch_error < cone * cone)
