"""The numbers that shape a replay file, shared by the writer and the reader."""
import struct

import numpy as np

SECOND_TICKS = 120  # one CTRL chunk and one state hash per simulated second
KEYFRAME_TICKS = 5 * SECOND_TICKS  # a keyframe every 5 s: seeking re-simulates at most this much
# a whole state every minute (4-17 KB), the changes since the keyframe before between them (0.3-3 KB): a seek
# rebuilds at most 11 sets of changes
FULL_KEYFRAME_TICKS = 60 * SECOND_TICKS
CONTROL_DTYPE = np.dtype("<i4")  # control deltas span -65535..65535
_TICK = struct.Struct("<I")


def tick_bytes(tick: int) -> bytes:
    return _TICK.pack(tick)


def read_tick(payload: bytes) -> tuple[int, bytes]:
    """The tick at the start of a payload and the rest; ValueError if it is too short."""
    if len(payload) < _TICK.size:
        raise ValueError("chunk too short")
    return _TICK.unpack_from(payload)[0], payload[_TICK.size:]

# Limits on what a file may make the reader do, far above any real recording (the game's 10-minute Level 2 replay
# is 0.7 MB on disk, 3.4 MB inflated, 1,323 chunks): a file past one is refused in one line, not read on.
MAX_SECONDS = 4 * 3600  # of flight in one replay; the recorder stops there
MAX_TICKS = MAX_SECONDS * SECOND_TICKS
MAX_FILE_BYTES = 256 << 20
MAX_INFLATED_BYTES = 512 << 20  # all chunks together, inflated
MAX_CHUNK_INFLATED = 16 << 20  # one chunk, inflated
MAX_CHUNKS = 100_000
MAX_JSON_BYTES = 1 << 20  # the header or the outcome (each about 1 KB)
