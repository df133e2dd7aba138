"""The replay header: what a re-simulation needs (level, seed, difficulty) and what explains a divergence (the
versions of the game, numpy and numba, the CPU features numpy picked kernels for, hashes of the level's and the
aircraft's files). The format version counts changes to the file and to the simulation's arithmetic: a replay of
another version is refused, never re-simulated into a different flight."""
from __future__ import annotations

import datetime
import hashlib
import platform
import re
from pathlib import Path

import numba
import numpy as np

from flight import __version__
from flight.sim.dynamics import DT
from flight.paths import aircraft_dir
from flight.sim.world.ai.skill import DIFFICULTY
from flight.sim.world.level import known_levels, level_folder
from flight.text import quoted

# What each version changed, said when a file of an older one is refused. 1: the first files. 2: the same bits on
# every x86-64 CPU (Fleet.step compiled with numba; the atmosphere, the engine lapse, the terrain and the
# trigonometry from stablemath), which are not version 1's bits. 3: keyframes between the minutes' whole ones are
# kept as the changes since the keyframe before (KDIF chunks), which version 2 cannot read.
CHANGES = {2: "the simulation's arithmetic changed", 3: "keyframes are now stored as changes"}
FORMAT_VERSION = max(CHANGES)
# the fields a replay cannot be read without, and their types (any others are informative)
FIELDS = {"format": int, "game_version": str, "numpy_version": str, "numba_version": str, "level": str,
          "level_hash": str, "aircraft_hash": str, "seed": int, "difficulty": str, "tick_rate": int}
MAX_SEED = (1 << 63) - 1  # a world's seed is 0..MAX_SEED (`flight run --seed` takes the same)
MAX_TEXT = 200  # characters of any string field: versions and hashes are short


def files_hash(folder: Path, pattern: str = "*", content=Path.read_bytes) -> str:
    """SHA-256 over the names and `content` of the files in `folder` matching `pattern`, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.glob(pattern) if p.is_file() and not p.name.startswith(".")):
        digest.update(path.name.encode() + b"\0" + content(path) + b"\0")
    return digest.hexdigest()[:16]


_TABLE_HEADER = re.compile(rb"^\s*\[")
_SOUND_HEADER = re.compile(rb"^\s*\[\[?\s*sound\s*[\].]")


def without_sound(path: Path) -> bytes:
    """An aircraft's or a level's TOML file's bytes without its [sound] tables (header lines `[sound]`,
    `[sound.engine]`, ... and everything up to the next other table), so that how an aircraft sounds never
    invalidates a replay of how it flies. A file with no [sound] table is returned byte for byte; one with is
    trimmed to one final newline."""
    data = path.read_bytes()
    lines = data.splitlines(keepends=True)
    kept, in_sound = [], False
    for line in lines:
        if _TABLE_HEADER.match(line):
            in_sound = bool(_SOUND_HEADER.match(line))
        if not in_sound:
            kept.append(line)
    if len(kept) == len(lines):
        return data
    return b"".join(kept).rstrip() + b"\n"


def level_hash(level: str) -> str:
    """The hash of an installed level's files (LevelFileError for any other name), its TOML's [sound] tables left
    out as the aircraft's are."""
    return files_hash(level_folder(level), "*", lambda path: without_sound(path) if path.suffix == ".toml"
                      else path.read_bytes())


def aircraft_hash() -> str:
    return files_hash(aircraft_dir(), "*.toml", without_sound)


def cpu_features() -> list[str]:
    """The SIMD features numpy uses on this CPU (its kernels for exp, log, ... differ in the last bit by them)."""
    try:
        from numpy._core._multiarray_umath import __cpu_features__ as features
    except ImportError:  # numpy 1.x
        from numpy.core._multiarray_umath import __cpu_features__ as features
    return sorted(name for name, on in features.items() if on)


def make_header(level: str, seed: int, difficulty: str, **extra) -> dict:
    return {"format": FORMAT_VERSION, "game_version": __version__, "numpy_version": np.__version__,
            "numba_version": numba.__version__, "python_version": platform.python_version(), "machine": platform.machine(), "cpu_features": cpu_features(),
            "level": level, "level_hash": level_hash(level), "aircraft_hash": aircraft_hash(), "seed": int(seed),
            "difficulty": difficulty, "tick_rate": round(1.0 / DT),
            "recorded_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"), **extra}


def header_problem(header) -> str | None:
    """Why `header` cannot be a replay header this game reads, or None."""
    if not isinstance(header, dict):
        return "the header is not a JSON object"
    version = header.get("format")
    if isinstance(version, int) and not isinstance(version, bool) and version < FORMAT_VERSION:
        why = "; ".join(CHANGES[v] for v in sorted(CHANGES) if v > version)
        return f"recorded with replay format {version}, this game reads {FORMAT_VERSION}: {why}"
    if isinstance(version, int) and version > FORMAT_VERSION:
        return f"replay format version {version} is newer than this game reads (it reads version {FORMAT_VERSION})"
    for key, kind in FIELDS.items():
        if not isinstance(header.get(key), kind) or isinstance(header.get(key), bool):
            return f"header field {key!r} is missing or not a {kind.__name__}"
    for key, value in header.items():
        if isinstance(value, str) and len(value) > MAX_TEXT:
            return f"header field {quoted(key)} is {len(value)} characters long (at most {MAX_TEXT})"
    if header["tick_rate"] != round(1.0 / DT):
        return f"recorded at {quoted(header['tick_rate'])} ticks a second; this game runs {round(1.0 / DT)}"
    if not 0 <= header["seed"] <= MAX_SEED:
        return f"header field 'seed' is {quoted(header['seed'])}, not a seed from 0 to 2**63-1"
    if header["difficulty"] not in DIFFICULTY:
        return f"header field 'difficulty' is {quoted(header['difficulty'])}, not one of {', '.join(DIFFICULTY)}"
    if header["level"] not in known_levels():
        return (f"header field 'level' is {quoted(header['level'])}, not an installed level "
                f"({', '.join(known_levels())})")
    return None
