"""A keyframe kept as what changed since the keyframe before it (Level 2's gate holds 122 men, most of them still
between two keyframes): only the arrays that differ, each either the XOR of its bits with the previous keyframe's
(same dtype and shape: the bits that stayed are zero bytes, which zlib packs to almost nothing) or whole (a list
that grew or shrank). Exact by construction: applying the changes gives back the state's very bits."""
from __future__ import annotations

import numpy as np

State = dict[str, np.ndarray]


def _same_kind(a: np.ndarray, b: np.ndarray) -> bool:
    return a.dtype == b.dtype and a.shape == b.shape


def _xor(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The bitwise XOR of two arrays of one dtype and shape, as that dtype and shape."""
    bits = np.frombuffer(a.tobytes(), np.uint8) ^ np.frombuffer(b.tobytes(), np.uint8)
    return np.frombuffer(bits.tobytes(), a.dtype).reshape(a.shape)


def changes(previous: State, state: State) -> State:
    """The arrays of `state` that differ from `previous`'s (both have the same names)."""
    found = {}
    for name, now in state.items():
        before = previous[name]
        if not _same_kind(before, now):
            found[name] = now
        elif before.tobytes() != now.tobytes():
            found[name] = _xor(before, now)
    return found


def applied(previous: State, changed: State) -> State:
    """`previous` with `changed` (from `changes`) applied; ValueError for a change to an array it does not hold."""
    state = dict(previous)
    for name, change in changed.items():
        before = previous.get(name)
        if before is None:
            raise ValueError(f"a change to an unknown array {name!r}")
        state[name] = _xor(before, change) if _same_kind(before, change) else change
    return state
