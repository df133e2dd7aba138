"""The player's and the modder's files: reading one safely (a regular file of bounded size, never a FIFO or a
device that would block or never end), TOML parsed into one error type, and writing atomically so that a crash
or a full disk never leaves a half-written file in place; saves from two processes at once are serialised."""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

from flight.text import OneLineError, reason

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; saves stay atomic, only concurrent ones may race
    fcntl = None

MAX_TOML_BYTES = 1 << 20  # settings, bindings, progress, levels and aircraft are a few KB each
STALE_SECONDS = 60  # a temp file this old is left by a killed save (a save takes milliseconds)


class TomlFileError(OneLineError):
    """A TOML file that cannot be read or parsed: `cannot read it (why)` or `not valid TOML (why)`, one line."""


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`, if it holds at most `limit`. A FIFO, a device (/dev/zero) or a folder
    is refused unread (opened non-blocking, so a FIFO without a writer cannot hang). Every problem is an OSError;
    FileNotFoundError for a missing file."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise OSError("not a regular file")
        if info.st_size > limit:
            raise OSError(f"{info.st_size:,} bytes, over the {limit:,} bytes this file may be")
        blocks, size = [], 0
        while size <= limit and (block := os.read(descriptor, 1 << 20)):
            blocks.append(block)
            size += len(block)
        if size > limit:
            raise OSError(f"over the {limit:,} bytes this file may be")
        return b"".join(blocks)
    finally:
        os.close(descriptor)


def load_toml(path: Path, limit: int = MAX_TOML_BYTES) -> dict:
    """The parsed file. FileNotFoundError if it is missing (callers take that for the defaults); any other problem
    is a TomlFileError naming the file: unreadable, too big, not UTF-8, not TOML, a number of over 4,300 digits
    (ValueError from int()) or nesting deeper than Python's recursion limit."""
    try:
        text = read_regular(path, limit).decode("utf-8")
    except FileNotFoundError:
        raise
    except (OSError, ValueError) as error:  # ValueError: an embedded NUL in the name; UnicodeDecodeError
        raise TomlFileError(f"{path}: cannot read it ({reason(error)})") from None
    try:
        return tomllib.loads(text)
    except (ValueError, RecursionError, MemoryError) as error:  # TOMLDecodeError is a ValueError
        raise TomlFileError(f"{path}: not valid TOML ({reason(error)})") from None


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive advisory lock on `folder` (made if missing) for a read-modify-write of a file in it, so that
    two game processes saving at once both count. Locks the folder itself: no lock file is left behind."""
    folder.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        if fcntl is not None:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock


def write_atomically(path: Path, data: bytes) -> Path:
    """Write `data` to a temp file in the same folder, fsync it, then os.replace it over `path` (creating the
    folder): readers see the old file or the new one, never a mix. Temp files of saves killed earlier go."""
    temp = temp_beside(path)
    try:
        temp.write_bytes(data)
        return put_in_place(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def temp_beside(path: Path) -> Path:
    """A new empty `.<name>.*.tmp` in `path`'s folder (made if missing) to write `path`'s next version into, for a
    writer that needs a file name (an encoder); the temp files of saves killed earlier go."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path)
    descriptor, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(descriptor)
    return Path(temp)


def put_in_place(temp: Path, path: Path) -> Path:
    """fsync the finished `temp` and os.replace it over `path`, as the player's ordinary file (mkstemp made it
    private)."""
    descriptor = os.open(temp, os.O_RDWR)  # writable: Windows syncs only a file opened for writing
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.chmod(temp, 0o644)
    os.replace(temp, path)
    return path


def remove_stale_temps(path: Path, now: float | None = None) -> None:
    """Remove `.<name>.*.tmp` beside `path` older than STALE_SECONDS (a younger one may be another process's save
    in flight)."""
    now = time.time() if now is None else now
    for temp in path.parent.glob(f".{glob_escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - temp.lstat().st_mtime > STALE_SECONDS:
                temp.unlink()


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)
