"""Reading a replay file into a Replay, checking everything on the way: a file this accepts cannot crash the
player or the verifier, and a file it refuses gets one line saying what and where. The work a file can ask for
is bounded (layout.py's limits): its size, its chunks, the bytes they inflate to, its length in ticks."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from flight.sim.command import arrays_from_ints, ints_in_range
from flight.sim.dynamics import DT
from flight.sim.replay.container import Chunk, ReplayFileError, read_chunks
from flight.sim.replay.header import header_problem
from flight.sim.replay.keyframes import CHANGES, FULL, Keyframes, Layout, inflate, layout_of, layout_problem
from flight.sim.replay.layout import (CONTROL_DTYPE, MAX_FILE_BYTES, MAX_INFLATED_BYTES, MAX_JSON_BYTES, MAX_SECONDS,
                                      MAX_TICKS, read_tick)
from flight.files import read_regular
from flight.text import quoted, reason

OUTCOME = re.compile(r"[a-z_]{1,32}")  # "success", "failure", "timeout", "abandoned"...


@dataclass
class Replay:
    path: Path
    header: dict
    controls: np.ndarray  # (T, 6) int32: the recorded ControlFrame integers, one row per tick
    hashes: dict[int, bytes] = field(default_factory=dict)  # tick -> state digest after that tick
    keyframes: Keyframes = field(default_factory=Keyframes)  # tick -> the state (see keyframes.py)
    outcome: dict | None = None  # at least {"outcome": str, "ticks": int}
    truncated_at: int | None = None  # byte offset of a cut-off last chunk
    layout: Layout = field(default_factory=dict)  # the arrays every keyframe holds

    @property
    def ticks(self) -> int:
        return len(self.controls)

    @property
    def seconds(self) -> float:
        return self.ticks * DT

    @property
    def complete(self) -> bool:
        return self.outcome is not None and self.truncated_at is None

    def control_arrays(self) -> np.ndarray:
        """(T, 6) controls as the simulation consumes them."""
        return arrays_from_ints(self.controls)

    def keyframe(self, tick: int) -> tuple[int, dict[str, np.ndarray]]:
        """The newest keyframe at or before `tick`."""
        best = max(t for t in self.keyframes if t <= tick)
        return best, self.keyframes.arrays(best)


def load_replay(path: Path | str, allow_partial: bool = False) -> Replay:
    """The replay in `path`. An interrupted or cut-off recording (no outcome) is refused unless `allow_partial`,
    which plays whatever whole seconds it has. Every problem is a ReplayFileError; the file is only read."""
    path = Path(path)
    chunks, truncated_at = read_chunks(_read(path), str(path))
    if not chunks or chunks[0].kind != b"HEAD":
        raise ReplayFileError(f"{path}: truncated replay (no header)" if truncated_at is not None
                              else f"{path}: not a replay (no header chunk)")
    header = _json(chunks[0], path)
    problem = header_problem(header)
    if problem:
        raise ReplayFileError(f"{path}: {problem}")
    replay = _body(path, header, chunks[1:])
    replay.truncated_at = truncated_at
    if not replay.complete and not allow_partial:
        how = f"cut off at byte {truncated_at}" if truncated_at is not None else "no outcome: the recording stopped"
        raise ReplayFileError(f"{path}: incomplete replay ({how}); its first {replay.seconds:.0f} s still play "
                              f"with `flight replay {path.name}`")
    return replay


def _read(path: Path) -> bytes:
    """A regular file's bytes: a FIFO, a device (/dev/zero) or a folder is refused unread."""
    try:
        return read_regular(path, MAX_FILE_BYTES)
    except (OSError, ValueError) as error:  # ValueError: a NUL in the name
        raise ReplayFileError(f"{path}: cannot read it ({reason(error)})") from None


class _Budget:
    """Inflated bytes left for the whole file."""

    def __init__(self):
        self.left = MAX_INFLATED_BYTES

    def inflate(self, data: bytes) -> bytes:
        raw = inflate(data)
        self.left -= len(raw)
        if self.left < 0:
            raise ValueError(f"the file inflates to over {MAX_INFLATED_BYTES >> 20} MB")
        return raw


def _body(path: Path, header: dict, chunks: list[Chunk]) -> Replay:
    replay = Replay(path, header, np.zeros((0, 6), dtype=np.int32))
    blocks, ticks, budget = [], 0, _Budget()
    for c in chunks:
        if replay.outcome is not None:
            raise ReplayFileError(f"{path}: corrupt replay (data after the outcome at byte {c.offset})")
        try:
            if c.kind == b"CTRL":
                first, rest = read_tick(c.payload)
                if first != ticks:
                    raise ValueError(f"controls for tick {first} where tick {ticks} was due")
                blocks.append(_controls(budget.inflate(rest)))
                ticks += len(blocks[-1])
                if ticks > MAX_TICKS:
                    raise ValueError(f"over {MAX_SECONDS // 3600} hours of flight, more than a replay may hold")
            elif c.kind == b"HASH":
                tick, rest = read_tick(c.payload)
                if len(rest) != 8 or tick != ticks:
                    raise ValueError("a state hash out of place")
                replay.hashes[tick] = rest
            elif c.kind in (FULL, CHANGES):
                tick, rest = read_tick(c.payload)
                if tick != ticks or tick in replay.keyframes:
                    raise ValueError("a keyframe out of place")
                _check_keyframe(replay, replay.keyframes.add_stored(tick, c.kind, rest, budget.inflate(rest)))
            elif c.kind == b"OUTC":
                replay.outcome = _outcome(_json(c, path), ticks)
            # any other kind is from a newer game and only informative: skipped
        except ValueError as error:
            raise ReplayFileError(f"{path}: corrupt {c.kind.decode()} chunk at byte {c.offset} "
                                  f"({reason(error)})") from None
    if 0 not in replay.keyframes:
        raise ReplayFileError(f"{path}: corrupt replay (no starting keyframe)")
    if blocks:
        replay.controls = np.concatenate(blocks)
    return replay


def _controls(raw: bytes) -> np.ndarray:
    if len(raw) % (6 * CONTROL_DTYPE.itemsize):
        raise ValueError("a partial control frame")
    ints = np.cumsum(np.frombuffer(raw, CONTROL_DTYPE).astype(np.int64).reshape(-1, 6), axis=0)
    if not ints_in_range(ints):
        raise ValueError("control values out of range")
    return ints.astype(np.int32)


def _check_keyframe(replay: Replay, state: dict[str, np.ndarray]) -> None:
    """Every keyframe holds the arrays the first one does (which flying the replay checks against the level)."""
    layout = layout_of(state)
    if not replay.layout:
        replay.layout = layout
        return
    problem = layout_problem(layout, replay.layout)
    if problem:
        raise ValueError(f"its state does not match the first keyframe's: {problem}")


def _outcome(outcome, ticks: int) -> dict:
    if not isinstance(outcome, dict):
        raise ValueError("the outcome is not a JSON object")
    if not isinstance(outcome.get("outcome"), str) or not OUTCOME.fullmatch(outcome["outcome"]):
        raise ValueError(f"outcome {quoted(outcome.get('outcome'))} is not an outcome's name")
    if outcome.get("ticks") != ticks or isinstance(outcome.get("ticks"), bool):
        raise ValueError(f"an outcome after {quoted(outcome.get('ticks'))} ticks in a recording of {ticks}")
    return outcome


def _json(c: Chunk, path: Path):
    if len(c.payload) > MAX_JSON_BYTES:
        raise ReplayFileError(f"{path}: corrupt {c.kind.decode()} chunk at byte {c.offset} (over "
                              f"{MAX_JSON_BYTES >> 10} KB of JSON)")
    try:
        return json.loads(c.payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:  # ValueError: also an int of 4,300+ digits
        raise ReplayFileError(f"{path}: corrupt {c.kind.decode()} chunk at byte {c.offset} (not JSON: "
                              f"{quoted(reason(error), 80)})") from None
