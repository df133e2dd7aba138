"""The campaign: the story levels in order, which of them the player has won, and which are open to him. Progress
is a small TOML file in the user's data folder, written atomically after a won debrief. Imports no panda3d.

    won = ["escape"]     # progress.toml: the levels won at least once

A missing file is no progress. A broken one (not TOML, or `won` not a list of installed levels' names) is never
touched, not even by a later win: the game carries on as if nothing had been won and says so in one line. A win
is recorded under a lock on the folder, so two games winning at once both count.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import tomli_w

from flight.files import TomlFileError, folder_lock, load_toml, write_atomically
from flight.paths import installed_levels, user_data_dir
from flight.text import quoted, reason

LEVELS = ("training", "escape", "breakout")  # the menu's order
UNLOCKED_BY = {"breakout": "escape"}  # a level opens once this one has been won


@dataclass(frozen=True)
class Progress:
    won: frozenset[str] = frozenset()

    def unlocked(self, level: str, all_levels: bool = False) -> bool:
        """Whether `level` may be flown: always with `all_levels`, else once the level before it is won."""
        needed = UNLOCKED_BY.get(level)
        return all_levels or needed is None or needed in self.won


def progress_path() -> Path:
    return user_data_dir() / "progress.toml"


def load_progress(path: Path | None = None) -> tuple[Progress, str | None]:
    """The progress in the file and None; no progress and None if there is no file; no progress and a one-line
    message if it is broken (not TOML, or `won` not a list of installed levels' names)."""
    path = path or progress_path()
    try:
        won = load_toml(path).get("won", [])
    except FileNotFoundError:
        return Progress(), None
    except TomlFileError as error:
        return Progress(), f"progress {error}; no level counts as won"
    if not isinstance(won, list) or not all(isinstance(name, str) for name in won):
        return Progress(), f"progress {path}: won: expected a list of level names; no level counts as won"
    unknown = [name for name in won if name not in installed_levels()]
    if unknown:
        return Progress(), (f"progress {path}: won: {quoted(unknown[0])} is not an installed level; no level "
                            f"counts as won")
    return Progress(frozenset(won)), None


def record_win(level: str, path: Path | None = None) -> str | None:
    """Add `level` to the levels won, atomically and under a lock on the folder (two games winning at once both
    count); None, or a one-line reason it was not recorded (a broken file is left as it was, an unwritable folder
    is reported)."""
    path = path or progress_path()
    try:
        with folder_lock(path.parent):
            progress, problem = load_progress(path)
            if problem is not None or level in progress.won:
                return problem
            write_atomically(path, tomli_w.dumps({"won": sorted(progress.won | {level})}).encode("utf-8"))
    except OSError as error:
        return f"progress {path}: could not record the win ({reason(error)})"
    return None
