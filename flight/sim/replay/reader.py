"""Reading a replay file into a Replay, checking everything on the way: a file this accepts cannot crash the
player or the verifier, and a file it refuses gets one line saying what and where."""
from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from flight.sim.command import arrays_from_ints, ints_in_range
from flight.sim.dynamics import DT
from flight.sim.replay import arrays
from flight.sim.replay.container import Chunk, ReplayFileError, read_chunks
from flight.sim.replay.header import header_problem
from flight.sim.replay.layout import CONTROL_DTYPE, read_tick

_MAX_INFLATED = 16 << 20  # far above any real chunk: a zip bomb is corruption


@dataclass
class Replay:
    path: Path
    header: dict
    controls: np.ndarray  # (T, 6) int64: the recorded ControlFrame integers, one row per tick
    hashes: dict[int, bytes] = field(default_factory=dict)  # tick -> state digest after that tick
    keyframes: dict[int, bytes] = field(default_factory=dict)  # tick -> arrays.to_bytes of the state
    outcome: dict | None = None
    truncated_at: int | None = None  # byte offset of a cut-off last chunk

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
        return best, arrays.from_bytes(self.keyframes[best])


def load_replay(path: Path | str, allow_partial: bool = False) -> Replay:
    """The replay in `path`. An interrupted or cut-off recording (no outcome) is refused unless `allow_partial`,
    which plays whatever whole seconds it has. Every problem is a ReplayFileError; the file is only read."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReplayFileError(f"{path}: cannot read it ({error.strerror or error})") from None
    chunks, truncated_at = read_chunks(data, str(path))
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


def _body(path: Path, header: dict, chunks: list[Chunk]) -> Replay:
    blocks, hashes, keyframes, outcome = [], {}, {}, None
    ticks = 0
    for c in chunks:
        if outcome is not None:
            raise ReplayFileError(f"{path}: corrupt replay (data after the outcome at byte {c.offset})")
        try:
            if c.kind == b"CTRL":
                first, rest = read_tick(c.payload)
                block = _controls(rest)
                if first != ticks:
                    raise ValueError(f"controls for tick {first} where tick {ticks} was due")
                blocks.append(block)
                ticks += len(block)
            elif c.kind == b"HASH":
                tick, rest = read_tick(c.payload)
                if len(rest) != 8 or tick != ticks:
                    raise ValueError("a state hash out of place")
                hashes[tick] = rest
            elif c.kind == b"KEYF":
                tick, rest = read_tick(c.payload)
                state = _inflate(rest)
                arrays.from_bytes(state)
                if tick != ticks:
                    raise ValueError("a keyframe out of place")
                keyframes[tick] = state
            elif c.kind == b"OUTC":
                outcome = _json(c, path)
                if not isinstance(outcome, dict) or outcome.get("ticks") != ticks:
                    raise ValueError("an outcome that does not match the recording")
            # any other kind is from a newer game and only informative: skipped
        except (ValueError, zlib.error) as error:
            raise ReplayFileError(f"{path}: corrupt {c.kind.decode()} chunk at byte {c.offset} ({error})") from None
    if 0 not in keyframes:
        raise ReplayFileError(f"{path}: corrupt replay (no starting keyframe)")
    controls = np.concatenate(blocks) if blocks else np.zeros((0, 6), dtype=np.int64)
    return Replay(path, header, controls, hashes, keyframes, outcome)


def _controls(payload: bytes) -> np.ndarray:
    raw = _inflate(payload)
    if len(raw) % (6 * CONTROL_DTYPE.itemsize):
        raise ValueError("a partial control frame")
    ints = np.cumsum(np.frombuffer(raw, CONTROL_DTYPE).astype(np.int64).reshape(-1, 6), axis=0)
    if not ints_in_range(ints):
        raise ValueError("control values out of range")
    return ints


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    raw = inflater.decompress(data, _MAX_INFLATED)
    if inflater.unconsumed_tail or not inflater.eof:
        raise ValueError("bad compressed data")
    return raw


def _json(c: Chunk, path: Path):
    try:
        return json.loads(c.payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ReplayFileError(f"{path}: corrupt {c.kind.decode()} chunk at byte {c.offset} (not JSON)") from None
