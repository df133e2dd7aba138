"""The menu's Story: the scenes the player has reached, in the story's order, each to play again; Back to the menu."""
from __future__ import annotations

from typing import TYPE_CHECKING

from direct.gui.DirectGui import DirectButton, OnscreenText

from flight.campaign import load_progress
from flight.story.scenes import SceneFileError, load_scene

if TYPE_CHECKING:
    from flight.app.app import FlightApp


class StoryScreen:
    def __init__(self, app: FlightApp):
        self.app = app
        self.nodes = []

    def enter(self) -> None:
        self.app.set_background_color(0.12, 0.11, 0.10, 1)
        self.nodes.append(OnscreenText(text="The Story", pos=(0, 0.6), scale=0.12, fg=(0.95, 0.9, 0.75, 1)))
        progress, _ = load_progress()
        entries = [(_title(name), name) for name in progress.story_reached()] + [("Back", None)]
        for row, (label, name) in enumerate(entries):
            self.nodes.append(DirectButton(text=label, scale=0.07, pos=(0, 0, 0.3 - 0.14 * row),
                                           frameSize=(-6.0, 6.0, -0.6, 1.1), command=self.choose, extraArgs=[name]))
        self.app.accept("escape", self.choose, [None])

    def choose(self, name: str | None) -> None:
        """A scene played again, back here after it; None: the menu."""
        if name is None:
            self.app.router.go("menu")
        else:
            self.app.router.go("scene", name=name, then=("story", {}))

    def exit(self) -> None:
        self.app.ignore("escape")
        for node in self.nodes:
            node.destroy()
        self.nodes.clear()


def _title(name: str) -> str:
    try:
        return load_scene(name).title
    except SceneFileError:
        return name.title()  # the scene says why when it is chosen
