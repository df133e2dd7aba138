"""Radio and story lines with the speaker's name, bottom centre: the mission's line on screen now (a queue counted in
ticks by the sim, flight.sim.missions.snapshot.line_on_air, so after a seek it is the line straight playback shows)
and above it the game's own notes (the recorder, a controller plugged in, a replay's note), each on screen from the
moment it is said for its seconds of simulated time (the snapshot's tick * DT), so pausing the sim holds it."""
from __future__ import annotations

from dataclasses import dataclass

from panda3d.core import NodePath, TextNode

from flight.hud.widget import SnapshotProvider, TaskWidget, hud_text, styled
from flight.sim.missions.snapshot import Line

MAX_NOTES = 2  # on screen at once, the newest last
NOTES_ABOVE = 0.2  # the notes' first line above the mission's (which wraps to three lines at most)


@dataclass
class Note:
    speaker: str
    text: str
    seconds: float
    start: float  # sim seconds when said


def line(speaker: str, text: str) -> str:
    return f"{styled('hud_speaker', speaker)}: {text}" if speaker else text


class Messages(TaskWidget):
    """Two texts, one task: `text` the mission's line, `notes_text` the notes; setText only when one changes."""

    def __init__(self, parent: NodePath, pos: tuple[float, float], snapshot: SnapshotProvider, task_manager,
                 name: str = "messages"):
        self.name = name
        self.snapshot = snapshot
        self.mission_line: Line | None = None
        self.notes: list[Note] = []
        self.node = parent.attach_new_node(f"hud-{name}")
        self.text = hud_text(self.node, pos, TextNode.A_center, wordwrap=30)
        self.notes_text = hud_text(self.node, (pos[0], pos[1] + NOTES_ABOVE), TextNode.A_center, scale=0.045,
                                   wordwrap=40)
        self.shown = ("", "")  # the mission's line and the notes, as on screen
        self._start(name, task_manager)

    def show_mission_line(self, on_air: Line | None) -> None:
        """The mission's line on screen at the newest tick (its snapshot's `on_air`)."""
        self.mission_line = on_air

    def say(self, speaker: str, text: str, seconds: float = 5.0) -> None:
        """A note of the game's own, on screen at once for `seconds` of sim time."""
        self.notes.append(Note(speaker, text, float(seconds), self.snapshot().seconds))

    def notes_on(self, now: float) -> list[Note]:
        """The notes on screen at sim time `now`, dropping those whose time is up. One said later than `now` (the
        sim was restarted, or a replay seeked back) starts again from `now`."""
        for note in self.notes:
            note.start = min(note.start, now)
        self.notes = [note for note in self.notes if now < note.start + note.seconds]
        return self.notes[-MAX_NOTES:]

    def update(self) -> None:
        on_air = self.mission_line
        shown = ("" if on_air is None else line(on_air.speaker, on_air.text),
                 "\n".join(line(note.speaker, note.text) for note in self.notes_on(self.snapshot().seconds)))
        if shown != self.shown:
            self.text.setText(shown[0])
            self.notes_text.setText(shown[1])
            self.shown = shown
