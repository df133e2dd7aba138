"""Flying a level: the flight view, Esc (or P) pausing it under a menu of Resume, Settings, Controls, Restart and
Menu, and the end of the flight going to the debrief; a broken level or mission goes back to the menu with its line."""
from __future__ import annotations

from typing import TYPE_CHECKING

from direct.gui.DirectGui import DirectButton, DirectFrame, OnscreenText
from panda3d.core import TextNode

from flight.app.flight.flight_view import FlightView
from flight.sim.missions import MissionError
from flight.sim.world import LevelFileError

if TYPE_CHECKING:
    from flight.app.app import FlightApp
    from flight.sim.replay import Replay

END_TASK_SORT = 12  # after the flight view has ticked (10) and drawn (11)


class FlightScreen:
    """`ghost` is a replay of the level to fly against; `view` a replay's FlightView handed over when the player takes
    control (it is flown on, not rebuilt). Settings and Controls open as an `overlay` over the paused flight, which
    stays this screen; Esc or Cancel there goes back to the pause menu."""

    def __init__(self, app: FlightApp, level: str, view: FlightView | None = None, ghost: Replay | None = None):
        self.app = app
        self.level = level
        self.view = view
        self.ghost = ghost
        self.pause_frame = None
        self.overlay = None  # the settings or controls screen over the paused flight

    def enter(self) -> None:
        if self.view is None:
            try:
                self.view = FlightView(self.app, self.level, ghost=self.ghost, record=self.app.record_replays)
            except (LevelFileError, MissionError) as error:
                self.app.router.go("menu", message=str(error))
                return
        self.app.accept("escape", self.toggle_pause)
        self.app.accept("p", self.toggle_pause)
        self.app.task_mgr.add(self._watch_end, "flight-end", sort=END_TASK_SORT)

    def _watch_end(self, task):
        if self.view.error is not None:
            self.app.router.go("menu", message=self.view.error)
            return task.done
        if self.view.end is not None:
            self.app.router.go("debrief", level=self.level, end=self.view.end, result=self.view.result(),
                               replay_path=self.view.recording_path)
            return task.done
        return task.cont

    def toggle_pause(self) -> None:
        if self.overlay is not None:
            self.overlay.cancel()
        elif self.pause_frame is None:
            self.view.paused = True
            self.pause_frame = DirectFrame(frameColor=(0, 0, 0, 0.5), frameSize=(-0.5, 0.5, -0.57, 0.35))
            OnscreenText(text="Paused", parent=self.pause_frame, pos=(0, 0.22), scale=0.08, fg=(1, 1, 1, 1),
                         align=TextNode.A_center)
            for row, (label, command) in enumerate((("Resume", self.toggle_pause), ("Settings", self.open_settings),
                                                    ("Controls", self.open_controls), ("Keys", self.open_keys),
                                                    ("Restart", self.restart),
                                                    ("Menu", self.to_menu))):
                DirectButton(parent=self.pause_frame, text=label, scale=0.06, pos=(0, 0, 0.08 - 0.11 * row),
                             frameSize=(-3, 3, -0.6, 1.1), command=command)
        else:
            self.pause_frame.destroy()
            self.pause_frame = None
            self.view.paused = False

    def open_settings(self) -> None:
        """The settings over the paused flight; closing them shows the pause menu again."""
        self._open("settings")

    def open_controls(self) -> None:
        """The controllers' screen over the paused flight; closing it shows the pause menu again."""
        self._open("controls")

    def open_keys(self) -> None:
        """The controls card over the paused flight."""
        self._open("keys")

    def _open(self, key: str) -> None:
        self.pause_frame.hide()
        self.overlay = self.app.router.make(key, on_close=self.close_overlay)
        self.overlay.enter()

    def close_overlay(self) -> None:
        self.overlay.exit()
        self.overlay = None
        self.pause_frame.show()
        self.view.apply_settings(self.app.settings)  # stick speed, mouse stick, units mid-flight

    def restart(self) -> None:
        self.app.router.go("flight", level=self.level, ghost=self.ghost)

    def to_menu(self) -> None:
        self.app.router.go("menu")

    def exit(self) -> None:
        if self.overlay is not None:
            self.overlay.exit()
            self.overlay = None
        self.app.task_mgr.remove("flight-end")
        self.app.ignore("escape")
        self.app.ignore("p")
        if self.pause_frame is not None:
            self.pause_frame.destroy()
        if self.view is not None:
            self.view.destroy()
