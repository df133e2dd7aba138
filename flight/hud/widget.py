"""The base of the text gauges: a node, a task, and a format function from snapshot to string."""
from __future__ import annotations

from collections.abc import Callable

from direct.gui.OnscreenText import OnscreenText
from panda3d.core import NodePath, TextNode

from flight.world import WorldSnapshot

Units = str  # "imperial" (mph, ft) or "metric" (km/h, m)


class TextGauge:
    """One line of HUD text at `pos` under `parent`; `format` turns the newest snapshot into its text."""

    def __init__(self, name: str, parent: NodePath, pos: tuple[float, float], snapshot: Callable[[], WorldSnapshot],
                 format: Callable[[WorldSnapshot], str], task_manager, align=TextNode.A_left):
        self.name = name
        self.snapshot = snapshot
        self.format = format
        self.text = OnscreenText(text="", parent=parent, pos=pos, scale=0.055, align=align, fg=(1, 1, 0.9, 1),
                                 shadow=(0, 0, 0, 0.8), mayChange=True)
        self.shown = ""
        self.task_manager = task_manager
        task_manager.add(self._update, f"hud-{name}", sort=60)

    def _update(self, task):
        shown = self.format(self.snapshot())
        if shown != self.shown:
            self.text.setText(shown)
            self.shown = shown
        return task.cont

    def destroy(self) -> None:
        self.task_manager.remove(f"hud-{self.name}")
        self.text.destroy()
