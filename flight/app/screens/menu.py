"""The main menu: Training and the two story levels in campaign order (The Breakout locked until Dig's Escape is
won; a level's story scene plays before its briefing the first time), the Story's scenes seen, Replays, Settings
and Quit, with any one-line problem the game has to report."""
from __future__ import annotations

from typing import TYPE_CHECKING

from direct.gui.DirectGui import DirectButton, OnscreenText
from panda3d.core import TextNode

from flight.app.screens.warmup_line import WarmupLine
from flight.campaign import load_progress

if TYPE_CHECKING:
    from flight.app.app import FlightApp

MENU_ENTRIES = (("Training", "training"), ("Dig's Escape", "escape"), ("The Breakout", "breakout"),
                ("Story", "story"), ("Replays", "replays"), ("Settings", "settings"), ("Keys", "keys"))
LOCKED_HINT = {"breakout": "win Dig's Escape to unlock", "story": "its scenes, once reached"}
WARNING = (1, 0.6, 0.4, 1)


class MenuScreen:
    """Every level is open with the app's `all_levels` (`flight play --all-levels`) or the setting. `message` is a
    level that could not be flown; without one the menu shows a broken settings or progress file's line."""

    def __init__(self, app: FlightApp, message: str | None = None):
        self.app = app
        self.message = message
        self.nodes = []

    def enter(self) -> None:
        self.app.set_background_color(0.12, 0.11, 0.10, 1)
        self.nodes.append(OnscreenText(text="Captured!", pos=(0, 0.6), scale=0.14, fg=(0.95, 0.9, 0.75, 1)))
        progress, progress_message = load_progress()
        all_levels = self.app.all_levels or self.app.settings.unlock_all_levels
        for row, (label, entry) in enumerate(MENU_ENTRIES + (("Quit", "quit"),)):
            enabled = bool(progress.story_reached()) if entry == "story" else progress.unlocked(entry, all_levels)
            y = 0.32 - 0.12 * row
            self.nodes.append(DirectButton(
                text=label, scale=0.07, pos=(0, 0, y), frameSize=(-4.5, 4.5, -0.6, 1.1),
                command=self.choose, extraArgs=[entry], state="normal" if enabled else "disabled",
                text_fg=(0.1, 0.1, 0.1, 1) if enabled else (0.5, 0.5, 0.5, 1)))
            if not enabled:
                self.nodes.append(OnscreenText(text=LOCKED_HINT[entry], pos=(0.36, y + 0.01), scale=0.04,
                                               fg=(0.7, 0.68, 0.6, 1), align=TextNode.A_left))
        message = self.message or self.app.settings_message or progress_message
        if message:
            self.nodes.append(OnscreenText(text=message, pos=(0, -0.85), scale=0.04, fg=WARNING, wordwrap=60))
        if self.app.bindings_message:  # a broken bindings.toml, in one line
            self.nodes.append(OnscreenText(text=self.app.bindings_message, pos=(0, -0.72), scale=0.04, fg=WARNING,
                                           wordwrap=60))
        self.warmup = WarmupLine(self.app, -0.62)
        self.progress = progress

    def choose(self, entry: str) -> None:
        """An entry's key: "quit", "replays", "story", "settings", or a level's name (to its briefing, after its
        story scene the first time)."""
        router = self.app.router
        if entry == "quit":
            self.app.userExit()
        elif entry in ("replays", "story"):
            router.go(entry)
        elif entry in ("settings", "keys"):
            router.go(entry, on_close=lambda: router.go("menu"))
        elif (scene := self.progress.scene_before(entry)) is not None:
            router.go("scene", name=scene, then=("briefing", {"level": entry}))
        else:
            router.go("briefing", level=entry)

    def exit(self) -> None:
        self.warmup.destroy()
        for node in self.nodes:
            node.destroy()
        self.nodes.clear()
