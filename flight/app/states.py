"""Game states: the main menu and flight (with its pause overlay). Each builds its nodes on enter and removes
them on exit; the app only switches between them."""
from __future__ import annotations

from direct.gui.DirectGui import DirectButton, DirectFrame, OnscreenText
from panda3d.core import TextNode

from flight.app.flight_view import FlightView

MENU_ENTRIES = (("Training", "training"), ("Dig's Escape", None), ("The Breakout", None), ("Replays", None),
                ("Settings", None))


class MenuState:
    """Training, the two story levels (disabled until they exist), replays, settings, quit."""

    def __init__(self, app):
        self.app = app
        self.nodes = []

    def enter(self) -> None:
        self.app.set_background_color(0.12, 0.11, 0.10, 1)
        self.nodes.append(OnscreenText(text="Captured!", pos=(0, 0.6), scale=0.14, fg=(0.95, 0.9, 0.75, 1)))
        for row, (label, level) in enumerate(MENU_ENTRIES + (("Quit", "quit"),)):
            enabled = level is not None
            self.nodes.append(DirectButton(
                text=label, scale=0.07, pos=(0, 0, 0.3 - 0.14 * row), frameSize=(-4.5, 4.5, -0.6, 1.1),
                command=self.choose, extraArgs=[level], state="normal" if enabled else "disabled",
                text_fg=(0.1, 0.1, 0.1, 1) if enabled else (0.5, 0.5, 0.5, 1)))

    def choose(self, level: str | None) -> None:
        if level == "quit":
            self.app.userExit()
        elif level is not None:
            self.app.go(FlightState(self.app, level))

    def exit(self) -> None:
        for node in self.nodes:
            node.destroy()
        self.nodes.clear()


class FlightState:
    """Flying a level; Esc pauses with Resume, Restart and Menu."""

    def __init__(self, app, level: str):
        self.app = app
        self.level = level
        self.view: FlightView | None = None
        self.pause_frame = None

    def enter(self) -> None:
        self.view = FlightView(self.app, self.level)
        self.app.accept("escape", self.toggle_pause)
        self.app.accept("p", self.toggle_pause)

    def toggle_pause(self) -> None:
        if self.pause_frame is None:
            self.view.paused = True
            self.pause_frame = DirectFrame(frameColor=(0, 0, 0, 0.5), frameSize=(-0.5, 0.5, -0.35, 0.35))
            OnscreenText(text="Paused", parent=self.pause_frame, pos=(0, 0.22), scale=0.08, fg=(1, 1, 1, 1),
                         align=TextNode.A_center)
            for row, (label, command) in enumerate((("Resume", self.toggle_pause), ("Restart", self.restart),
                                                    ("Menu", self.to_menu))):
                DirectButton(parent=self.pause_frame, text=label, scale=0.06, pos=(0, 0, 0.05 - 0.13 * row),
                             frameSize=(-3, 3, -0.6, 1.1), command=command)
        else:
            self.pause_frame.destroy()
            self.pause_frame = None
            self.view.paused = False

    def restart(self) -> None:
        self.app.go(FlightState(self.app, self.level))

    def to_menu(self) -> None:
        self.app.go(MenuState(self.app))

    def exit(self) -> None:
        self.app.ignore("escape")
        self.app.ignore("p")
        if self.pause_frame is not None:
            self.pause_frame.destroy()
        self.view.destroy()
