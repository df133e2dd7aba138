"""The replay file's container: a magic line, then chunks of `kind (4 ASCII bytes) | length (u32) | payload |
CRC-32 of kind and payload (u32)`, little-endian. Appending whole chunks keeps a file readable up to its last
complete chunk when the game is killed mid-write; the CRC catches flipped bytes. Nothing in it is executable.

    HEAD  JSON header (always first)           CTRL  first tick (u32), then zlib'd control deltas
    HASH  tick (u32) + 8-byte state digest     KEYF  tick (u32), then a zlib'd state (see arrays.py)
    KDIF  tick (u32), then the zlib'd changes since the keyframe before (see keyframe_changes.py)
    OUTC  JSON outcome (last: the file is complete)
"""
from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from flight.sim.replay.layout import MAX_CHUNKS
from flight.text import OneLineError

MAGIC = b"CAPTURED-REPLAY\n"
_CHUNK_HEAD = struct.Struct("<4sI")
_CRC = struct.Struct("<I")
MAX_CHUNK = 64 << 20  # no real chunk is near this; a larger length is corruption, not a reason to allocate


class ReplayFileError(OneLineError):
    """A file that cannot be read as a replay; the message is one line naming the file and the problem."""


def chunk(kind: bytes, payload: bytes) -> bytes:
    """One chunk, ready to append."""
    return _CHUNK_HEAD.pack(kind, len(payload)) + payload + _CRC.pack(zlib.crc32(kind + payload))


@dataclass(frozen=True)
class Chunk:
    kind: bytes
    payload: bytes
    offset: int  # where it starts in the file


def read_chunks(data: bytes, name: str) -> tuple[list[Chunk], int | None]:
    """The file's chunks and, if it ends inside a chunk, the byte offset where the truncated chunk starts
    (None when it ends cleanly). A bad magic or a checksum mismatch raises ReplayFileError."""
    if not data:
        raise ReplayFileError(f"{name}: empty file, not a replay")
    if not data.startswith(MAGIC):
        if MAGIC.startswith(data):
            raise ReplayFileError(f"{name}: truncated replay (ends in the first {len(data)} bytes)")
        raise ReplayFileError(f"{name}: not a Captured! replay (no replay header)")
    chunks = list(_chunks(data, name))
    truncated_at = chunks.pop() if chunks and isinstance(chunks[-1], int) else None
    return chunks, truncated_at


def _chunks(data: bytes, name: str) -> Iterator[Chunk | int]:
    offset, count = len(MAGIC), 0
    while offset < len(data):
        count += 1
        if count > MAX_CHUNKS:
            raise ReplayFileError(f"{name}: over {MAX_CHUNKS:,} chunks, more than a replay may hold")
        if offset + _CHUNK_HEAD.size > len(data):
            yield offset
            return
        kind, length = _CHUNK_HEAD.unpack_from(data, offset)
        if length > MAX_CHUNK or not kind.isalpha():
            raise ReplayFileError(f"{name}: corrupt chunk at byte {offset}")
        end = offset + _CHUNK_HEAD.size + length + _CRC.size
        if end > len(data):
            yield offset
            return
        payload = data[offset + _CHUNK_HEAD.size:end - _CRC.size]
        if _CRC.unpack_from(data, end - _CRC.size)[0] != zlib.crc32(kind + payload):
            raise ReplayFileError(f"{name}: corrupt chunk at byte {offset} (checksum mismatch)")
        yield Chunk(kind, payload, offset)
        offset = end
