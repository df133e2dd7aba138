"""Reading a table of a TOML file against what each key may hold: its type and its range, checked once where the
file is read so that the rest of the game trusts what passed. One meaning of "a number" for every format (finite,
not a bool, not an integer too large for a float), and every problem a SchemaError naming the key."""
from __future__ import annotations

import math

from flight.text import quoted

REQUIRED = object()
MAX_TEXT = 10_000  # characters of a string value (a briefing is about 1,000)


class SchemaError(ValueError):
    """`where key: problem`, e.g. `[start] heading_deg: expected a number from -360 to 720, got nan`."""


def is_number(value) -> bool:
    """A finite int or float (math.isfinite raises on an int of 309+ digits, so those are refused first)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return abs(value) < 1e300 if isinstance(value, int) else math.isfinite(value)


class Table:
    """One table of a file, read key by key; `where` names it in messages ("[start]", "[[flights]] 2")."""

    def __init__(self, data, where: str):
        if not isinstance(data, dict):
            raise SchemaError(f"{where}: expected a table, got {quoted(data)}")
        self.data, self.where = data, where

    def fail(self, key: str, problem: str):
        raise SchemaError(f"{self.where} {key}: {problem}".strip())

    def get(self, key: str, default=REQUIRED):
        """The raw value (checked by the caller); `default` if missing, or a SchemaError if required."""
        if key in self.data:
            return self.data[key]
        if default is REQUIRED:
            raise SchemaError(f"{self.where}: missing key {quoted(key)}".lstrip(": "))
        return default

    def number(self, key: str, low: float, high: float, default=REQUIRED) -> float:
        value = self.get(key, default)
        if not is_number(value) or not low <= value <= high:
            self.fail(key, f"expected a number from {low:g} to {high:g}, got {quoted(value)}")
        return float(value)

    def integer(self, key: str, low: int, high: int, default=REQUIRED) -> int:
        value = self.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(key, f"expected a whole number from {low:,} to {high:,}, got {quoted(value)}")
        return value

    def text(self, key: str, choices: tuple[str, ...] | None = None, default=REQUIRED) -> str:
        value = self.get(key, default)
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            self.fail(key, f"expected a string, got {quoted(value)}")
        if choices is not None and value not in choices:
            self.fail(key, f"{quoted(value)} is not one of {', '.join(choices)}")
        return value

    def flag(self, key: str, default=REQUIRED) -> bool:
        value = self.get(key, default)
        if not isinstance(value, bool):
            self.fail(key, f"expected true or false, got {quoted(value)}")
        return value

    def table(self, key: str, default=REQUIRED) -> Table:
        return Table(self.get(key, default), f"{self.where} [{key}]".strip())

    def tables(self, key: str, most: int) -> list[Table]:
        """An array of tables, [[key]], of at most `most` entries (none if missing)."""
        value = self.get(key, [])
        if not isinstance(value, list):
            self.fail(f"[[{key}]]", f"expected an array of tables, got {quoted(value)}")
        if len(value) > most:
            self.fail(f"[[{key}]]", f"{len(value):,} of them, more than the {most:,} a level may have")
        return [Table(entry, f"[[{key}]] {n + 1}") for n, entry in enumerate(value)]

    def points(self, key: str, most: int, limit: float) -> tuple[tuple[float, float], ...]:
        """A list of [north, east] pairs in metres, each within ±`limit` (none if missing)."""
        value = self.get(key, [])
        if (not isinstance(value, list) or len(value) > most
                or not all(isinstance(p, list) and len(p) == 2 and all(is_number(v) and abs(v) <= limit for v in p)
                           for p in value)):
            self.fail(key, f"expected at most {most} [north, east] points within {limit:g} m, got {quoted(value)}")
        return tuple((float(n), float(e)) for n, e in value)
