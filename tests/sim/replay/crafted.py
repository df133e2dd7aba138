"""Replay files made by hand from a real one: its chunks taken apart, one changed, put back with good checksums,
as an attacker or a broken tool would write them."""
from __future__ import annotations

import json

from flight.sim.replay.container import MAGIC, chunk, read_chunks


def chunks_of(data: bytes) -> list[tuple[bytes, bytes]]:
    """(kind, payload) of every chunk of a whole file."""
    return [(c.kind, c.payload) for c in read_chunks(data, "crafted")[0]]


def assembled(chunks: list[tuple[bytes, bytes]]) -> bytes:
    return MAGIC + b"".join(chunk(kind, payload) for kind, payload in chunks)


def with_header(data: bytes, **changes) -> bytes:
    """The file with its header's fields changed (a value of `...` removes the field)."""
    chunks = chunks_of(data)
    header = json.loads(chunks[0][1])
    header.update(changes)
    header = {key: value for key, value in header.items() if value is not ...}
    return assembled([(b"HEAD", json.dumps(header).encode())] + chunks[1:])


def with_raw_header(data: bytes, text: bytes) -> bytes:
    return assembled([(b"HEAD", text)] + chunks_of(data)[1:])


def with_outcome(data: bytes, outcome) -> bytes:
    chunks = chunks_of(data)
    assert chunks[-1][0] == b"OUTC"
    return assembled(chunks[:-1] + [(b"OUTC", json.dumps(outcome).encode())])
