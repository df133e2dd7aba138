"""The replay browser: the player's recordings, newest first, with level, date, length and outcome; Watch, Fly
against its ghost, or Delete (press twice). Unreadable files are listed with the reason and can be deleted."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from direct.gui.DirectGui import DirectButton, OnscreenText
from panda3d.core import TextNode

from flight.app.screens.replay_files import Entry, entries

if TYPE_CHECKING:
    from flight.app.app import FlightApp

PAGE = 8
TEXT = (0.9, 0.88, 0.8, 1)


class ReplayBrowser:
    def __init__(self, app: FlightApp, page: int = 0):
        self.app = app
        self.page = page
        self.nodes = []
        self.armed_delete: Path | None = None

    def enter(self) -> None:
        self.app.set_background_color(0.12, 0.11, 0.10, 1)
        self._build()
        self.app.accept("escape", self.to_menu)

    def _build(self) -> None:
        for node in self.nodes:
            node.destroy()
        self.nodes = [OnscreenText(text="Replays", pos=(0, 0.8), scale=0.1, fg=(0.95, 0.9, 0.75, 1))]
        found = entries()
        if not found:
            self.nodes.append(OnscreenText(text="No replays yet: every flight you fly is recorded.", pos=(0, 0.4),
                                           scale=0.05, fg=TEXT))
        shown = found[self.page * PAGE:(self.page + 1) * PAGE]
        for row, entry in enumerate(shown):
            z = 0.6 - 0.13 * row
            self.nodes.append(OnscreenText(text=entry.line, pos=(-1.25, z), scale=0.042, fg=TEXT,
                                           align=TextNode.A_left, font=None))
            buttons = [("Delete" if self.armed_delete != entry.path else "Sure?", self.delete, entry.path)]
            if entry.replay is not None:
                buttons[:0] = [("Watch", self.watch, entry), ("Ghost", self.ghost, entry)]
            for column, (label, command, arg) in enumerate(reversed(buttons)):
                self.nodes.append(DirectButton(text=label, scale=0.045, pos=(1.15 - 0.24 * column, 0, z),
                                               frameSize=(-2.3, 2.3, -0.6, 1.0), command=command, extraArgs=[arg]))
        pages = max(1, -(-len(found) // PAGE))
        nav = [("Menu", self.to_menu)]
        if self.page > 0:
            nav.append(("Newer", lambda: self.turn(-1)))
        if self.page + 1 < pages:
            nav.append(("Older", lambda: self.turn(1)))
        for column, (label, command) in enumerate(nav):
            self.nodes.append(DirectButton(text=label, scale=0.06, pos=(0.5 * (column - (len(nav) - 1) / 2), 0, -0.85),
                                           frameSize=(-2.5, 2.5, -0.6, 1.1), command=command))

    def turn(self, pages: int) -> None:
        self.page += pages
        self._build()

    def watch(self, entry: Entry) -> None:
        """Play it; closing the player comes back to the list."""
        router = self.app.router
        router.go("replay", replay=entry.replay, on_close=lambda: router.go("replays"))

    def ghost(self, entry: Entry) -> None:
        """Fly its level with it alongside."""
        self.app.router.go("flight", level=entry.replay.header["level"], ghost=entry.replay)

    def delete(self, path: Path) -> None:
        """The first press arms, the second deletes."""
        if self.armed_delete == path:
            path.unlink(missing_ok=True)
            self.armed_delete = None
        else:
            self.armed_delete = path
        self._build()

    def to_menu(self) -> None:
        self.app.router.go("menu")

    def exit(self) -> None:
        self.app.ignore("escape")
        for node in self.nodes:
            node.destroy()
        self.nodes.clear()
