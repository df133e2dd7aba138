"""The objective list, top left: one line per objective with a marker and colour for its state."""
from __future__ import annotations

from collections.abc import Sequence

from panda3d.core import NodePath

from flight.hud.widget import SnapshotProvider, TextGauge, styled

MARKERS = {"active": ">", "done": "+", "failed": "x"}
STYLES = {"active": None, "done": "hud_done", "failed": "hud_failed"}


def text(objectives: Sequence[tuple[str, str]]) -> str:
    lines = []
    for description, state in objectives:
        entry = f"{MARKERS[state]} {description}"
        lines.append(entry if STYLES[state] is None else styled(STYLES[state], entry))
    return "\n".join(lines)


class Objectives:
    def __init__(self, parent: NodePath, pos: tuple[float, float], snapshot: SnapshotProvider, task_manager,
                 name: str = "objectives"):
        self.name = name
        self.objectives: tuple[tuple[str, str], ...] = ()
        self.gauge = TextGauge(name, parent, pos, snapshot, lambda s: text(self.objectives), task_manager,
                               wordwrap=24)
        self.node = self.gauge.node

    def set(self, objectives: Sequence[tuple[str, str]]) -> None:
        """Replace the list: (text, state) pairs, state one of "active", "done", "failed"."""
        for description, state in objectives:
            if state not in MARKERS:
                raise ValueError(f"objective {description!r}: state {state!r} is not one of {', '.join(MARKERS)}")
        self.objectives = tuple((str(description), state) for description, state in objectives)

    def update(self) -> None:
        self.gauge.update()

    def set_visible(self, visible: bool) -> None:
        self.gauge.set_visible(visible)

    def refresh(self) -> None:
        self.gauge.refresh()

    def destroy(self) -> None:
        self.gauge.destroy()
