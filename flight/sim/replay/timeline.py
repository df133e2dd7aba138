"""A replay's flight events (flight.sim.run.flight_events), worked out once by flying it headless and kept in memory
for as long as the file is unchanged: the replay bar's markers and the debrief's counts. Imports no panda3d."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flight.sim.replay.playback import Playback
from flight.sim.replay.reader import Replay, load_replay
from flight.sim.run.flight_events import SAMPLE_TICKS, EventWatcher, FlightEvent

_known: dict[tuple[str, int, int], list[FlightEvent]] = {}  # (path, size, mtime) -> its events


def _key(path: Path) -> tuple[str, int, int]:
    info = path.stat()
    return str(path.resolve()), info.st_size, info.st_mtime_ns


def flight_events(replay: Replay, progress: Callable[[int, int], None] | None = None) -> list[FlightEvent]:
    """The events of `replay`, flown once per file."""
    key = _key(replay.path)
    if key not in _known:
        playback = Playback(replay)
        watcher = EventWatcher(playback.sortie)
        while playback.step(SAMPLE_TICKS - playback.tick % SAMPLE_TICKS):
            watcher.observe(playback.sortie)
            if progress is not None and playback.tick % 1200 == 0:
                progress(playback.tick, replay.ticks)
        _known[key] = sorted(watcher.events, key=lambda event: event.tick)
    return _known[key]


def timeline_events(events: list[FlightEvent]) -> list[FlightEvent]:
    """The events a player's timeline marks: his own, and every aircraft downed."""
    return [event for event in events if event.aircraft == 0 or event.kind == "downed"]


def known_events(path: Path) -> list[FlightEvent] | None:
    """The events of the replay in `path` if they have been worked out in this process, else None."""
    return _known.get(_key(path))


def events_of_file(path: str) -> list[FlightEvent]:
    """`flight_events` of the replay in `path` (for a worker process, which gets a name, not a Replay)."""
    return flight_events(load_replay(path))
