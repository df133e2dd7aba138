"""The campaign: the story levels in order, which of them the player has won, and which are open to him. Progress
is a small TOML file in the user's data folder, written atomically after a won debrief. Imports no panda3d.

    won = ["escape"]          # progress.toml: the levels won at least once
    seen = ["prologue"]       # and the story's scenes played (or skipped) at least once

The story runs prologue, Training (optional), Dig's Escape, interlude, The Breakout, ending: a level's scene plays
before its briefing the first time (SCENE_BEFORE), the ending after The Breakout's debrief (SCENE_AFTER), and a
scene seen can be played again from the menu's Story.

A missing file is no progress (a file from before `seen` has seen nothing). A broken one (not TOML, `won` not a
list of installed levels' names, or `seen` not a list of names) is never
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
SCENES = ("prologue", "interlude", "ending")  # the story's scenes (levels/story/<name>.toml) in order
SCENE_BEFORE = {"training": "prologue", "escape": "prologue", "breakout": "interlude"}  # the first time only
SCENE_AFTER = {"breakout": "ending"}  # after every flight of it, from its debrief
NEXT_LEVEL = {"training": "escape", "escape": "breakout"}  # where a won debrief goes on to


@dataclass(frozen=True)
class Progress:
    won: frozenset[str] = frozenset()
    seen: frozenset[str] = frozenset()

    def unlocked(self, level: str, all_levels: bool = False) -> bool:
        """Whether `level` may be flown: always with `all_levels`, else once the level before it is won."""
        needed = UNLOCKED_BY.get(level)
        return all_levels or needed is None or needed in self.won

    def scene_before(self, level: str) -> str | None:
        """The scene to play before `level`'s briefing: its own, the first time."""
        scene = SCENE_BEFORE.get(level)
        return scene if scene is not None and scene not in self.seen else None

    def story_reached(self) -> list[str]:
        """The scenes seen, in the story's order: the menu's Story offers them again."""
        return [scene for scene in SCENES if scene in self.seen]


def after_flight(progress: Progress, level: str, outcome: str) -> tuple[str | None, str | None]:
    """(scene, level) where the story goes after a flight of `level` that ended in `outcome`: the scene to play
    first (or None) and the level whose briefing follows (None: the menu); (None, None) where it does not go on."""
    if level in SCENE_AFTER:
        return SCENE_AFTER[level], None
    following = NEXT_LEVEL.get(level) if outcome == "success" else None
    return (None, None) if following is None else (progress.scene_before(following), following)


def progress_path() -> Path:
    return user_data_dir() / "progress.toml"


def load_progress(path: Path | None = None) -> tuple[Progress, str | None]:
    """The progress in the file and None; no progress and None if there is no file; no progress and a one-line
    message if it is broken (not TOML, or `won` not a list of installed levels' names)."""
    path = path or progress_path()
    try:
        data = load_toml(path)
    except FileNotFoundError:
        return Progress(), None
    except TomlFileError as error:
        return Progress(), f"progress {error}; no level counts as won"
    won, seen = data.get("won", []), data.get("seen", [])
    if not isinstance(seen, list) or not all(isinstance(name, str) for name in seen):
        return Progress(), f"progress {path}: seen: expected a list of scene names; no level counts as won"
    if not isinstance(won, list) or not all(isinstance(name, str) for name in won):
        return Progress(), f"progress {path}: won: expected a list of level names; no level counts as won"
    unknown = [name for name in won if name not in installed_levels()]
    if unknown:
        return Progress(), (f"progress {path}: won: {quoted(unknown[0])} is not an installed level; no level "
                            f"counts as won")
    return Progress(frozenset(won), frozenset(seen)), None


def record_win(level: str, path: Path | None = None) -> str | None:
    """Add `level` to the levels won, atomically and under a lock on the folder (two games winning at once both
    count); None, or a one-line reason it was not recorded (a broken file is left as it was, an unwritable folder
    is reported)."""
    return _record("won", level, path)


def record_seen(scene: str, path: Path | None = None) -> str | None:
    """Add `scene` to the scenes seen, as record_win adds a level."""
    return _record("seen", scene, path)


def _record(key: str, name: str, path: Path | None) -> str | None:
    path = path or progress_path()
    try:
        with folder_lock(path.parent):
            progress, problem = load_progress(path)
            names = getattr(progress, key)
            if problem is not None or name in names:
                return problem
            lists = {"won": progress.won, "seen": progress.seen} | {key: names | {name}}
            write_atomically(path, tomli_w.dumps({k: sorted(v) for k, v in lists.items() if v}).encode("utf-8"))
    except OSError as error:
        return f"progress {path}: could not record {'the win' if key == 'won' else 'the scene'} ({reason(error)})"
    return None
