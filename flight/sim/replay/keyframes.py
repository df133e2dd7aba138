"""A replay's keyframes: kept compressed as the file holds them (a long recording has hundreds, and a crafted one
must not turn a small file into gigabytes of memory), inflated when a seek needs one; and the layout of arrays a
keyframe must have (names, dtypes, shapes), checked once when the file is read and against the level when it is
flown again, so that the rest of the game can restore any keyframe that passed."""
from __future__ import annotations

import zlib
from collections.abc import Iterator, MutableMapping

import numpy as np

from flight.sim.replay.layout import MAX_CHUNK_INFLATED

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


class Keyframes(MutableMapping):
    """tick -> the state's bytes (flight.sim.replay.arrays), stored compressed."""

    def __init__(self):
        self._compressed: dict[int, bytes] = {}

    def add_compressed(self, tick: int, data: bytes) -> None:
        self._compressed[tick] = data

    def __getitem__(self, tick: int) -> bytes:
        return inflate(self._compressed[tick])

    def __setitem__(self, tick: int, state: bytes) -> None:
        self._compressed[tick] = zlib.compress(state, 6)

    def __delitem__(self, tick: int) -> None:
        del self._compressed[tick]

    def __iter__(self) -> Iterator[int]:
        return iter(self._compressed)

    def __len__(self) -> int:
        return len(self._compressed)


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
