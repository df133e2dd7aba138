"""Recording: a sortie's controls appended to a new replay file as it flies, a chunk a second, so a crash or a
kill still leaves a file that plays up to its last whole second. Never overwrites an existing file."""
from __future__ import annotations

import datetime
import errno
import json
import zlib
from pathlib import Path

import numpy as np

from flight.paths import replays_dir
from flight.sim.replay import arrays
from flight.sim.replay.container import MAGIC, chunk
from flight.sim.replay.keyframes import encoded
from flight.sim.replay.layout import CONTROL_DTYPE, KEYFRAME_TICKS, MAX_SECONDS, MAX_TICKS, SECOND_TICKS, tick_bytes

SUFFIX = ".flightreplay"


def new_replay_path(level: str, folder: Path | None = None) -> Path:
    """replays/<level>-<date>-<time>.flightreplay in the user's data folder (a -2, -3 ... suffix if taken)."""
    folder = folder or replays_dir()
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    path, n = folder / f"{level}-{stamp}{SUFFIX}", 2
    while path.exists():
        path, n = folder / f"{level}-{stamp}-{n}{SUFFIX}", n + 1
    return path


def encode_controls(ints: np.ndarray) -> bytes:
    """A block of (T, 6) control integers as zlib'd per-column differences (held keys and still sticks are
    runs of zeros)."""
    ints = np.asarray(ints, dtype=np.int64)
    deltas = np.diff(ints, axis=0, prepend=np.zeros((1, 6), dtype=np.int64))
    return zlib.compress(deltas.astype(CONTROL_DTYPE).tobytes(), 9)


class ReplayWriter:
    """Call `record` after every tick of the sortie with the tick's control integers, and `finish` with the
    outcome at the end (or `close` to stop without one)."""

    def __init__(self, path: Path, header: dict, sortie=None):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._file = open(path, "xb")  # exclusive: a name clash never costs an existing replay
        self._pending: list[tuple[int, ...]] = []
        self._first_pending = 0
        self._keyframe_state = None  # the last keyframe's state: the next is kept as the changes since
        try:
            self._append(MAGIC + chunk(b"HEAD", json.dumps(header, sort_keys=True).encode()))
            if sortie is not None:
                self._keyframe(sortie.tick_count, sortie.state())
        except OSError:  # a full disk: no empty or headless file left behind (it is ours: opened exclusively)
            path.unlink(missing_ok=True)
            try:
                self._file.close()
            except OSError:
                pass  # the same full disk again, flushing what could not be written
            raise

    @classmethod
    def continuing(cls, replay, tick: int, path: Path, **header_extra) -> ReplayWriter:
        """A new recording that starts with `replay`'s first `tick` ticks (its controls, hashes and keyframes up
        to there) and goes on from whatever `record` gets next: "take control" at `tick`."""
        header = dict(replay.header, **header_extra)
        writer = cls(path, header)
        whole = tick - tick % SECOND_TICKS
        for start in range(0, whole + 1, SECOND_TICKS):
            if start in replay.keyframes:
                kind, compressed = replay.keyframes.stored(start)
                writer._append(chunk(kind, tick_bytes(start) + compressed))
                writer._keyframe_state = replay.keyframes.arrays(start)
            if start < whole:
                end = start + SECOND_TICKS
                writer._append(chunk(b"CTRL", tick_bytes(start) + encode_controls(replay.controls[start:end]))
                               + chunk(b"HASH", tick_bytes(end) + replay.hashes[end]))
        writer._pending = [tuple(int(v) for v in row) for row in replay.controls[whole:tick]]
        writer._first_pending = whole
        return writer

    def record(self, ints: tuple[int, ...], sortie) -> None:
        """The controls of the tick the sortie has just run (sortie.tick_count is that tick's number)."""
        tick = sortie.tick_count
        if tick > MAX_TICKS:
            raise OSError(errno.EFBIG, f"a replay holds at most {MAX_SECONDS // 3600} hours; recording stopped")
        self._pending.append(ints)
        if tick % SECOND_TICKS == 0:
            self._flush_second(sortie)
        if tick % KEYFRAME_TICKS == 0:
            self._keyframe(tick, sortie.state())

    def finish(self, outcome: dict, sortie) -> None:
        """The last partial second, its hash and the outcome; the file is then complete."""
        if self._pending:
            self._flush_second(sortie)
        self._append(chunk(b"OUTC", json.dumps(dict(outcome, ticks=sortie.tick_count), sort_keys=True).encode()))
        self.close()

    def close(self) -> None:
        self._file.close()

    @property
    def closed(self) -> bool:
        return self._file.closed

    def _flush_second(self, sortie) -> None:
        block = np.array(self._pending, dtype=np.int64).reshape(-1, 6)
        self._append(chunk(b"CTRL", tick_bytes(self._first_pending) + encode_controls(block))
                     + chunk(b"HASH", tick_bytes(sortie.tick_count) + arrays.digest(sortie.state())))
        self._first_pending = sortie.tick_count
        self._pending = []

    def _keyframe(self, tick: int, state: dict) -> None:
        kind, compressed = encoded(tick, state, self._keyframe_state)
        self._append(chunk(kind, tick_bytes(tick) + compressed))
        self._keyframe_state = state

    def _append(self, data: bytes) -> None:
        self._file.write(data)
        self._file.flush()  # into the OS: a killed game still leaves this on disk
