"""The one driver loop: the player's frame quantised, the sortie ticked with it, the integers recorded (the writer
keeps a state hash every second). The game, `flight run`, replays and the tests all fly a level through here, so
what a replay stores is exactly what the simulation saw. Imports no panda3d."""
from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import numpy as np

from flight.sim.command import ControlFrame, controls_from_ints
from flight.sim.run.sortie import Ending, Sortie

Pilot = Callable[[Sortie], ControlFrame]  # who flies: a program called with the sortie for each tick's frame


class Recorder(Protocol):
    """What a driver records into: flight.sim.replay's ReplayWriter, or the game's LiveRecording around one."""

    def record(self, ints: tuple[int, ...], sortie: Sortie) -> None: ...

    def finish(self, outcome: dict, sortie: Sortie) -> None: ...


class Driver:
    """Ticks `sortie` one frame at a time and records every frame into `recorder` (None: not recorded).

        driver = Driver(sortie, ReplayWriter(path, header, sortie))
        driver.fly(level_autopilot(sortie), max_ticks=120 * 600)
        driver.finish()
    """

    def __init__(self, sortie: Sortie, recorder: Recorder | None = None):
        self.sortie, self.recorder = sortie, recorder

    def step(self, frame: ControlFrame) -> Ending | None:
        """One tick of `frame`, quantised first; returns the Ending on the tick the mission ends."""
        ints = frame.to_ints()
        end = self.sortie.tick(controls_from_ints(ints), ints[5])
        if self.recorder is not None:
            self.recorder.record(ints, self.sortie)
        return end

    def step_recorded(self, controls: np.ndarray, buttons: int) -> Ending | None:
        """One tick of a recorded frame, already on its integer steps (a replay's row: flight.sim.command's
        arrays_from_ints); nothing is recorded."""
        return self.sortie.tick(controls, buttons)

    def fly(self, pilot: Pilot, max_ticks: int) -> Ending | None:
        """Ticks `pilot`'s frames until the mission ends or `max_ticks` have run."""
        for _ in range(max_ticks):
            if self.sortie.end is not None or self.step(pilot(self.sortie)) is not None:
                break
        return self.sortie.end

    def finish(self, result: dict | None = None) -> None:
        """Close the recording with `result` (the sortie's own by default) as its outcome; later frames, if any,
        are not recorded."""
        if self.recorder is not None:
            self.recorder.finish(result or self.sortie.result(), self.sortie)
            self.recorder = None
