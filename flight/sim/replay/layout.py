"""The numbers that shape a replay file, shared by the writer and the reader."""
import struct

import numpy as np

SECOND_TICKS = 120  # one CTRL chunk and one state hash per simulated second
KEYFRAME_TICKS = 5 * SECOND_TICKS  # a full state every 5 s: seeking re-simulates at most this much (~4 KB each)
CONTROL_DTYPE = np.dtype("<i4")  # control deltas span -65535..65535
_TICK = struct.Struct("<I")


def tick_bytes(tick: int) -> bytes:
    return _TICK.pack(tick)


def read_tick(payload: bytes) -> tuple[int, bytes]:
    """The tick at the start of a payload and the rest; ValueError if it is too short."""
    if len(payload) < _TICK.size:
        raise ValueError("chunk too short")
    return _TICK.unpack_from(payload)[0], payload[_TICK.size:]
