"""Named numpy arrays to bytes and back without pickle (a JSON index of name, dtype and shape, then the raw
little-endian data), and the state digest a replay stores every second."""
from __future__ import annotations

import hashlib
import json
import struct
import sys

import numpy as np

# only plain numeric kinds: a replay can describe numbers, never objects
_DTYPES = {"bool": np.bool_, "int8": np.int8, "int16": np.int16, "int32": np.int32, "int64": np.int64,
           "uint8": np.uint8, "uint16": np.uint16, "uint32": np.uint32, "uint64": np.uint64,
           "float32": np.float32, "float64": np.float64}
_LENGTH = struct.Struct("<I")


_NAMES = {np.dtype(kind): name for name, kind in _DTYPES.items()}  # dtype.name is slow: a state has 140 arrays
_LITTLE_ENDIAN = sys.byteorder == "little"


def to_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    index, blobs = [], []
    for name in sorted(arrays):
        a = np.asarray(arrays[name])
        dtype = a.dtype
        index.append([name, _NAMES.get(dtype) or dtype.name, list(a.shape)])
        little = a if _LITTLE_ENDIAN and dtype.isnative else a.astype(dtype.newbyteorder("<"))
        blobs.append(little.tobytes())  # C order, whatever the layout
    head = json.dumps(index, separators=(",", ":")).encode()
    return _LENGTH.pack(len(head)) + head + b"".join(blobs)


def from_bytes(data: bytes) -> dict[str, np.ndarray]:
    """The arrays `to_bytes` wrote; ValueError on anything else."""
    try:
        (length,) = _LENGTH.unpack_from(data, 0)
        index = json.loads(data[_LENGTH.size:_LENGTH.size + length])
        offset, arrays = _LENGTH.size + length, {}
        for name, dtype_name, shape in index:
            dtype = np.dtype(_DTYPES[dtype_name]).newbyteorder("<")
            count = int(np.prod(shape, dtype=np.int64))
            size = count * dtype.itemsize
            if count < 0 or offset + size > len(data):
                raise ValueError("array data runs past the end")
            arrays[str(name)] = np.frombuffer(data, dtype, count, offset).reshape(shape).astype(dtype.newbyteorder("="))
            offset += size
    except (struct.error, KeyError, TypeError, ValueError, UnicodeDecodeError) as error:
        raise ValueError(f"unreadable state ({error})") from None
    if offset != len(data):
        raise ValueError("unreadable state (trailing bytes)")
    return arrays


def digest(arrays: dict[str, np.ndarray]) -> bytes:
    """8 bytes that change when any bit of any array (or a name, dtype or shape) does."""
    return digest_of_bytes(to_bytes(arrays))


def digest_of_bytes(data: bytes) -> bytes:
    """`digest` of the arrays `data` holds (`to_bytes`'s output)."""
    return hashlib.blake2b(data, digest_size=8).digest()
