"""Radio and story lines with the speaker's name, bottom centre: a queue shown one line at a time, each for its
own duration of simulated time (the snapshot's tick * DT), so pausing the sim holds the line on screen."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from panda3d.core import NodePath, TextNode

from flight.hud.widget import SnapshotProvider, TextGauge, styled
from flight.sim.world import WorldSnapshot


@dataclass
class Message:
    speaker: str
    text: str
    seconds: float
    start: float | None = None  # sim seconds when first shown


def line(speaker: str, text: str) -> str:
    return f"{styled('hud_speaker', speaker)}: {text}" if speaker else text


class Messages:
    def __init__(self, parent: NodePath, pos: tuple[float, float], snapshot: SnapshotProvider, task_manager,
                 name: str = "messages"):
        self.name = name
        self.queue: deque[Message] = deque()
        self.gauge = TextGauge(name, parent, pos, snapshot, self._text, task_manager, TextNode.A_center,
                               wordwrap=30)
        self.node = self.gauge.node

    def say(self, speaker: str, text: str, seconds: float = 5.0) -> None:
        """Queue a line; it shows after those before it, for `seconds` of sim time."""
        self.queue.append(Message(speaker, text, float(seconds)))

    def interrupt(self, speaker: str, text: str, seconds: float = 5.0) -> None:
        """Show a line now, ahead of the queue (a controller unplugged mid-flight); the line it cuts into shows
        again, whole, after it."""
        if self.queue:
            self.queue[0].start = None
        self.queue.appendleft(Message(speaker, text, float(seconds)))

    def current(self, now: float) -> Message | None:
        """The line on screen at sim time `now`, dropping those whose time is up."""
        while self.queue:
            message = self.queue[0]
            if message.start is None or now < message.start:  # new, or the sim was restarted
                message.start = now
            if now < message.start + message.seconds:
                return message
            self.queue.popleft()
            if self.queue:
                self.queue[0].start = message.start + message.seconds
        return None

    def _text(self, s: WorldSnapshot) -> str:
        message = self.current(s.seconds)
        return "" if message is None else line(message.speaker, message.text)

    def update(self) -> None:
        self.gauge.update()

    def destroy(self) -> None:
        self.gauge.destroy()
