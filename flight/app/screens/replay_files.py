"""The player's replay files as the replay screens list them: newest first, each with one line (level, date,
length, outcome), an unreadable one with its reason; and the m:ss the screens give lengths in."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from flight.paths import replays_dir
from flight.sim.dynamics import DT
from flight.sim.replay import Replay, ReplayFileError, load_replay
from flight.sim.replay.writer import SUFFIX


@dataclass(frozen=True)
class Entry:
    path: Path
    replay: Replay | None  # None when unreadable
    line: str


def clock(ticks: int) -> str:
    """`ticks` of mission time as m:ss."""
    minutes, seconds = divmod(int(ticks * DT), 60)
    return f"{minutes}:{seconds:02d}"


def entries(folder: Path | None = None) -> list[Entry]:
    """Every replay file in the folder (the player's replays by default), newest first."""
    folder = folder or replays_dir()
    paths = sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True) if folder.is_dir() else []
    found = []
    for path in paths:
        try:
            replay = load_replay(path, allow_partial=True)
        except ReplayFileError as error:
            found.append(Entry(path, None, f"{path.name}: unreadable ({str(error).split(': ', 1)[-1]})"))
            continue
        found.append(Entry(path, replay, describe(replay)))
    return found


def describe(replay: Replay) -> str:
    when = datetime.datetime.fromtimestamp(replay.path.stat().st_mtime).strftime("%d %b %H:%M")
    outcome = replay.outcome["outcome"] if replay.outcome else "interrupted"
    taken = "  (taken over)" if "taken_from" in replay.header else ""
    return f"{replay.header['level'].capitalize():<12} {when}   {clock(replay.ticks):>6}   {outcome}{taken}"
