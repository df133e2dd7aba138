"""The briefing before a level: its title and briefing text, then Fly (or Enter) or back to the menu."""
from __future__ import annotations

from typing import TYPE_CHECKING

from direct.gui.DirectGui import DirectButton, OnscreenText

from flight.app.screens.warmup_line import WarmupLine
from flight.sim.world import load_level

if TYPE_CHECKING:
    from flight.app.app import FlightApp


class BriefingScreen:
    def __init__(self, app: FlightApp, level: str):
        self.app = app
        self.level = load_level(level)
        self.nodes = []

    def enter(self) -> None:
        self.app.set_background_color(0.12, 0.11, 0.10, 1)
        self.nodes.append(OnscreenText(text=self.level.title, pos=(0, 0.7), scale=0.1, fg=(0.95, 0.9, 0.75, 1)))
        self.nodes.append(OnscreenText(text=self.level.briefing, pos=(0, 0.45), scale=0.05, fg=(0.9, 0.88, 0.8, 1),
                                       wordwrap=36))
        for row, (label, command) in enumerate((("Fly", self.fly), ("Menu", self.to_menu))):
            self.nodes.append(DirectButton(text=label, scale=0.07, pos=(0, 0, -0.55 - 0.14 * row),
                                           frameSize=(-3, 3, -0.6, 1.1), command=command))
        self.warmup = WarmupLine(self.app, -0.86)  # `flight play LEVEL` on a first start opens here
        self.app.accept("enter", self.fly)

    def fly(self) -> None:
        self.app.router.go("flight", level=self.level.name)

    def to_menu(self) -> None:
        self.app.router.go("menu")

    def exit(self) -> None:
        self.app.ignore("enter")
        self.warmup.destroy()
        for node in self.nodes:
            node.destroy()
        self.nodes.clear()
