"""A flight's events along a bar (flight.sim.replay.timeline): a coloured mark for each, its time and words shown
while the pointer is on it, a jump there on a click. The replay player lays one under its seek bar, the debrief one
of its own above a count of each kind."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from direct.gui import DirectGuiGlobals as DGG
from direct.gui.DirectGui import DirectButton, DirectFrame, OnscreenText
from panda3d.core import NodePath

from flight.app.screens.replay_files import clock
from flight.sim.run.flight_events import KINDS, FlightEvent

LABELS = dict(zip(KINDS, ("Take-offs", "Landings", "Objectives", "Hits scored", "Hits taken", "Downed", "Stalls",
                          "Spins", "Jams", "Belt changes", "Seat changes", "Crashes")))
COLOURS = dict(zip(KINDS, ((0.55, 0.85, 1.0, 1), (0.35, 0.6, 1.0, 1), (0.55, 0.9, 0.5, 1), (1.0, 0.85, 0.3, 1),
                           (1.0, 0.45, 0.3, 1), (1.0, 1.0, 1.0, 1), (0.85, 0.6, 1.0, 1), (0.7, 0.35, 1.0, 1),
                           (0.75, 0.75, 0.75, 1), (0.6, 0.5, 0.35, 1), (0.95, 0.75, 0.85, 1), (1.0, 0.15, 0.15, 1))))
MARK_HALF_WIDTH = 0.006


def counts(events: list[FlightEvent]) -> dict[str, int]:
    """How many of each kind, in KINDS order (hits counted one by one, not by burst)."""
    tally = Counter()
    for event in events:
        tally[event.kind] += event.count
    return {kind: tally[kind] for kind in KINDS if tally[kind]}


def counts_text(events: list[FlightEvent]) -> str:
    return "    ".join(f"{LABELS[kind]} {n}" for kind, n in counts(events).items()) or "Nothing happened"


class TimelineBar:
    """Marks from `left` to `right` (x in `parent`'s frame) at height `z`, for a flight of `ticks`; a click on one
    calls `on_pick(its tick)`. The words of the one under the pointer show at `words_z`. `track`: a line under the
    marks for the flight's length (where no seek bar stands for it)."""

    def __init__(self, parent: NodePath, left: float, right: float, z: float, ticks: int,
                 events: list[FlightEvent], on_pick: Callable[[int], None], words_z: float, height: float = 0.03,
                 track: bool = False):
        self.events = events
        self.track = DirectFrame(parent=parent, frameColor=(0.6, 0.58, 0.5, 0.8),
                                 frameSize=(left, right, z - 0.004, z + 0.004)) if track else None
        self.words = OnscreenText(parent=parent, text="", pos=((left + right) / 2, words_z), scale=0.04,
                                  fg=(1, 1, 0.9, 1), bg=(0, 0, 0, 0.6), mayChange=True)
        self.marks = []
        for event in events:
            x = left + (right - left) * event.tick / max(ticks, 1)
            mark = DirectButton(parent=parent, pos=(x, 0, z), relief=DGG.FLAT, frameColor=COLOURS[event.kind],
                                frameSize=(-MARK_HALF_WIDTH, MARK_HALF_WIDTH, -height / 2, height / 2),
                                pressEffect=False, command=on_pick, extraArgs=[event.tick])
            mark.bind(DGG.ENTER, lambda _, event=event: self.hover(event))
            mark.bind(DGG.EXIT, lambda _: self.hover(None))
            self.marks.append(mark)

    def hover(self, event: FlightEvent | None) -> None:
        """Show what happened at `event` (None: nothing)."""
        self.words.setText("" if event is None else f"{clock(event.tick)}  {event.text}")

    def pick(self, index: int) -> None:
        """A click on mark `index`."""
        self.marks[index].commandFunc(None)

    def destroy(self) -> None:
        for mark in self.marks:
            mark.destroy()
        self.words.destroy()
        if self.track is not None:
            self.track.destroy()
