"""Helpers for the HUD tests: a snapshot provider the test points at another snapshot, and frame stepping."""
from __future__ import annotations

import dataclasses

from flight.sim.dynamics import DT
from flight.sim.world import WorldSnapshot


class Provider:
    """What a view hands its widgets: the latest snapshot, which the test replaces."""

    def __init__(self, snapshot: WorldSnapshot):
        self.snapshot = snapshot

    def __call__(self) -> WorldSnapshot:
        return self.snapshot

    def set(self, **changes) -> WorldSnapshot:
        self.snapshot = dataclasses.replace(self.snapshot, **changes)
        return self.snapshot

    def at_seconds(self, seconds: float) -> WorldSnapshot:
        return self.set(tick=round(seconds / DT))


def frames(base, n: int = 1) -> None:
    for _ in range(n):
        base.task_mgr.step()
