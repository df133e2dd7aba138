"""A replay's keyframes: kept compressed as the file holds them, a whole state each minute and the changes since
the keyframe before in between (a long recording has hundreds, and a crafted one must not turn a small file into
gigabytes of memory), rebuilt when a seek needs one; and the layout of arrays a
keyframe must have (names, dtypes, shapes), checked once when the file is read and against the level when it is
flown again, so that the rest of the game can restore any keyframe that passed."""
from __future__ import annotations

import bisect
import zlib
from collections.abc import Iterator, MutableMapping

import numpy as np

from flight.sim.replay import arrays
from flight.sim.replay.keyframe_changes import State, applied, changes
from flight.sim.replay.layout import FULL_KEYFRAME_TICKS, MAX_CHUNK_INFLATED

Layout = dict[str, tuple[str, tuple[int, ...]]]  # array name -> (dtype name, shape)


def inflate(data: bytes, limit: int = MAX_CHUNK_INFLATED) -> bytes:
    """zlib data inflated to at most `limit` bytes; ValueError for more, or for anything but one whole stream."""
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(data, limit)
    except zlib.error as error:
        raise ValueError(f"bad compressed data ({error})") from None
    if inflater.unconsumed_tail or not inflater.eof:
        raise ValueError(f"bad compressed data (or over {limit >> 20} MB inflated)")
    return raw


FULL, CHANGES = b"KEYF", b"KDIF"  # the chunk kinds: a whole state, or the changes since the keyframe before


def encoded(tick: int, state: State, previous: State | None) -> tuple[bytes, bytes]:
    """The chunk kind and compressed payload (after the tick) of the keyframe `state` at `tick`: whole at the
    start and every FULL_KEYFRAME_TICKS, so that a seek undoes a bounded chain; else its changes since `previous`."""
    if previous is None or tick % FULL_KEYFRAME_TICKS == 0:
        return FULL, zlib.compress(arrays.to_bytes(state), 6)
    return CHANGES, zlib.compress(arrays.to_bytes(changes(previous, state)), 6)


class Keyframes(MutableMapping):
    """tick -> the state's bytes (flight.sim.replay.arrays), kept compressed as the file holds them (`encoded`),
    added in tick order. `arrays(tick)` rebuilds a state from the whole keyframe before it, or from the last one
    rebuilt when that is nearer (a seek forward or a verification goes on from there)."""

    def __init__(self):
        self._stored: dict[int, tuple[bytes, bytes]] = {}  # tick -> (kind, compressed payload)
        self._ticks: list[int] = []
        self._last: tuple[int, State] | None = None  # the state `arrays` rebuilt last

    def add_stored(self, tick: int, kind: bytes, compressed: bytes, raw: bytes | None = None) -> State:
        """A keyframe as a file holds it, after every one before it; returns its state. `raw`: the payload
        already inflated. ValueError if it cannot be rebuilt."""
        if self._ticks and tick <= self._ticks[-1]:
            raise ValueError("a keyframe out of order")
        if kind == CHANGES and not self._ticks:
            raise ValueError("changes with no keyframe before them")
        read = arrays.from_bytes(inflate(compressed) if raw is None else raw)
        state = read if kind == FULL else applied(self._newest(), read)
        self._stored[tick] = (kind, compressed)
        self._ticks.append(tick)
        self._last = tick, state
        return state

    def stored(self, tick: int) -> tuple[bytes, bytes]:
        """The chunk kind and compressed payload of the keyframe at `tick`, as `encoded` made them."""
        return self._stored[tick]

    def arrays(self, tick: int) -> State:
        """The state at keyframe `tick` (fresh arrays, the caller's to change)."""
        if tick not in self._stored:
            raise KeyError(tick)
        index = bisect.bisect_left(self._ticks, tick)
        start = index
        while self._stored[self._ticks[start]][0] == CHANGES and not self._rebuilt(self._ticks[start]):
            start -= 1
        first = self._ticks[start]
        state = self._last[1] if self._rebuilt(first) else arrays.from_bytes(inflate(self._stored[first][1]))
        for t in self._ticks[start + 1:index + 1]:
            state = applied(state, arrays.from_bytes(inflate(self._stored[t][1])))
        self._last = tick, state
        return {name: a.copy() for name, a in state.items()}

    def _rebuilt(self, tick: int) -> bool:
        return self._last is not None and self._last[0] == tick

    def _newest(self) -> State:
        return self._last[1] if self._rebuilt(self._ticks[-1]) else self.arrays(self._ticks[-1])

    def __getitem__(self, tick: int) -> bytes:
        return arrays.to_bytes(self.arrays(tick))

    def __setitem__(self, tick: int, state: bytes) -> None:
        states = {t: self.arrays(t) for t in self._ticks}
        states[tick] = arrays.from_bytes(state)
        self._encode_all(states)

    def __delitem__(self, tick: int) -> None:
        states = {t: self.arrays(t) for t in self._ticks}
        del states[tick]
        self._encode_all(states)

    def _encode_all(self, states: dict[int, State]) -> None:
        self._stored, self._ticks, self._last, previous = {}, [], None, None
        for tick in sorted(states):
            self.add_stored(tick, *encoded(tick, states[tick], previous))
            previous = states[tick]

    def __iter__(self) -> Iterator[int]:
        return iter(self._ticks)

    def __len__(self) -> int:
        return len(self._ticks)


def layout_of(state: dict[str, np.ndarray]) -> Layout:
    return {name: (a.dtype.name, tuple(a.shape)) for name, a in state.items()}


def _grows(dtype: str, shape: tuple[int, ...]) -> bool:
    """Arrays whose length changes in flight: lists that start empty (bullets, flak bursts, grenades) and byte
    blobs (the mission's state)."""
    return bool(shape) and (shape[0] == 0 or (dtype == "uint8" and len(shape) == 1))


def layout_problem(layout: Layout, expected: Layout) -> str | None:
    """Why arrays of `layout` cannot stand for a state of `expected`'s, or None. Every array must be there, of the
    same dtype and shape; one that grows may have any length, the same as the other arrays of its group."""
    missing, extra = sorted(set(expected) - set(layout)), sorted(set(layout) - set(expected))
    if missing or extra:
        which = f"no {missing[0]!r}" if missing else f"an unknown array {extra[0]!r}"
        return f"{which} ({len(missing)} missing, {len(extra)} unknown)"
    lengths: dict[str, tuple[str, int]] = {}
    for name, (dtype, shape) in sorted(expected.items()):
        got_dtype, got_shape = layout[name]
        if got_dtype != dtype:
            return f"{name} is {got_dtype}, not {dtype}"
        grows = _grows(dtype, shape)
        if len(got_shape) != len(shape) or got_shape[1 if grows else 0:] != shape[1 if grows else 0:]:
            return f"{name} has shape {got_shape}, not {shape}"
        if grows and dtype != "uint8":
            group = name.rsplit("/", 1)[0]
            first = lengths.setdefault(group, (name, got_shape[0]))
            if first[1] != got_shape[0]:
                return f"{name} has {got_shape[0]} rows where {first[0]} has {first[1]}"
    return None
