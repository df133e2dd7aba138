"""The kernels' progress line on a first start ("Preparing the flight model... 15 of 70"), on whichever still
screen is up while they compile: the menu, or the briefing `flight play LEVEL` opens at."""
from __future__ import annotations

from typing import TYPE_CHECKING

from direct.gui.OnscreenText import OnscreenText

if TYPE_CHECKING:
    from flight.app.app import FlightApp

COLOUR = (0.85, 0.82, 0.7, 1)


class WarmupLine:
    """Shown at `y` until the kernels are ready (nothing at all when they were ready already); `destroy` on exit."""

    def __init__(self, app: FlightApp, y: float):
        self.app, self.text = app, None
        self.task_name = f"warmup-line-{id(self)}"
        if app.kernels.line() is not None:
            self.text = OnscreenText(text="", pos=(0, y), scale=0.04, fg=COLOUR, mayChange=True)
            app.task_mgr.add(self._update, self.task_name)

    def _update(self, task):
        line = self.app.kernels.line()
        self.text.setText(line or "")
        return task.cont if line is not None else task.done

    def destroy(self) -> None:
        self.app.task_mgr.remove(self.task_name)
        if self.text is not None:
            self.text.destroy()
            self.text = None
