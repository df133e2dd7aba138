"""A replay's flight events (flight.sim.run.flight_events), worked out once by flying it headless and kept in memory
for as long as the file is unchanged: the replay bar's markers and the debrief's counts. The pass goes in steps, so
the game can run it a little each frame beside the replay it shows. Imports no panda3d."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from flight.sim.replay.playback import Playback
from flight.sim.replay.reader import Replay
from flight.sim.run.flight_events import SAMPLE_TICKS, EventWatcher, FlightEvent

STEP_TICKS = 50 * SAMPLE_TICKS  # a step of the pass: 5 s of flight, a few milliseconds
_known: dict[tuple[str, int, int], list[FlightEvent]] = {}  # (path, size, mtime) -> its events


def _key(path: Path) -> tuple[str, int, int]:
    info = path.stat()
    return str(path.resolve()), info.st_size, info.st_mtime_ns


def known_events(replay: Replay) -> list[FlightEvent] | None:
    """The events of `replay` if a pass has worked them out in this process, else None."""
    return _known.get(_key(replay.path))


def event_pass(replay: Replay) -> Iterator[int]:
    """Flies `replay` STEP_TICKS at a time, yielding the tick reached, and at the end keeps its events for
    `known_events`."""
    playback = Playback(replay)
    watcher = EventWatcher(playback.sortie)
    while not playback.at_end:
        for _ in range(STEP_TICKS // SAMPLE_TICKS):
            if not playback.step(SAMPLE_TICKS - playback.tick % SAMPLE_TICKS):
                break
            watcher.observe(playback.sortie)
        yield playback.tick
    _known[_key(replay.path)] = sorted(watcher.events, key=lambda event: event.tick)


def flight_events(replay: Replay) -> list[FlightEvent]:
    """The events of `replay`, flown once per file."""
    if known_events(replay) is None:
        for _ in event_pass(replay):
            pass
    return known_events(replay)


def timeline_events(events: list[FlightEvent]) -> list[FlightEvent]:
    """The events a player's timeline marks: his own, and every aircraft downed."""
    return [event for event in events if event.aircraft == 0 or event.kind == "downed"]
