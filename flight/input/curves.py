"""Axis calibration: a controller's raw axis value to a command, through its travel, inversion, dead zone,
saturation, response curve (expo) and trim. Pure numpy: the same function shapes one reading per tick and draws
the curve on the settings screen. Imports no panda3d.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields

import numpy as np

from flight.text import quoted

DEAD_ZONE_MAX = 0.5
TRIM_MAX = 0.5


@dataclass(frozen=True)
class AxisShape:
    """How one raw axis becomes a command; the stages apply in the order of the table.

    | field      | range            | meaning                                                                   |
    |------------|------------------|---------------------------------------------------------------------------|
    | raw_range  | two numbers      | raw values at the two ends of the travel: (-1, 1) for a stick, (0, 1) for |
    |            |                  | a trigger or a lever Panda3D reads 0..1                                   |
    | invert     | bool             | the travel runs the other way (a throttle reading 1..0, a reversed yaw)   |
    | dead_zone  | 0..0.5           | fraction of the travel about the centre (a stick) or at the closed end (a |
    |            |                  | lever) that reads exactly 0                                               |
    | saturation | dead_zone..1     | deflection that already gives the full command                            |
    | expo       | 0..1             | 0 linear, 1 cubic: finer control about the centre, same full deflection   |
    | trim       | -0.5..0.5        | added to the command at the end (an off-centre stick, a lazy pedal)       |

    A stick command runs -1..1 with a raw centre of 0; a lever command (throttle, brake) runs 0..1 from the
    closed end.

        AxisShape(dead_zone=0.1).stick(0.55)   # (0.55 - 0.1) / 0.9 = 0.5
    """

    raw_range: tuple[float, float] = (-1.0, 1.0)
    invert: bool = False
    dead_zone: float = 0.05
    saturation: float = 1.0
    expo: float = 0.0
    trim: float = 0.0

    def __post_init__(self) -> None:
        for field in fields(self):
            problem = shape_problem(field.name, getattr(self, field.name))
            if problem is not None:
                raise ValueError(f"{field.name}: {problem}")
        if not self.saturation > self.dead_zone:
            raise ValueError(f"saturation: expected more than the dead zone ({self.dead_zone:g}), "
                             f"got {quoted(self.saturation)}")

    def stick(self, raw):
        """Command in -1..1 for a raw value (a float, or an array of them)."""
        x = self._travel(raw)
        magnitude = _curve(np.abs(x), self.dead_zone, self.saturation, self.expo)
        return _out(np.clip(np.sign(x) * magnitude + self.trim, -1.0, 1.0), raw)

    def lever(self, raw):
        """Command in 0..1 for a raw value (a float, or an array of them)."""
        t = (self._travel(raw) + 1.0) / 2.0
        return _out(np.clip(_curve(t, self.dead_zone, self.saturation, self.expo) + self.trim, 0.0, 1.0), raw)

    def _travel(self, raw) -> np.ndarray:
        """The raw value as a position along the travel, -1 at its start to 1 at its end (clipped), inverted if
        asked. A non-finite raw value reads as the centre of the travel."""
        low, high = self.raw_range
        raw = np.asarray(raw, dtype=float)
        x = np.clip((2.0 * raw - (low + high)) / (high - low), -1.0, 1.0)  # exact for (-1, 1): x is raw
        x = np.where(np.isfinite(x), x, 0.0)
        return -x if self.invert else x


def _curve(m: np.ndarray, dead_zone: float, saturation: float, expo: float) -> np.ndarray:
    """0..1 deflection to 0..1 command: 0 inside the dead zone, then linear to full at saturation (no jump at
    either edge), then the expo blend (1 - e) m + e m^3, which keeps 0 and 1 and is monotonic for e in 0..1."""
    m = np.clip((m - dead_zone) / (saturation - dead_zone), 0.0, 1.0)
    return (1.0 - expo) * m + expo * m ** 3


def _out(value: np.ndarray, raw):
    return float(value) if np.ndim(raw) == 0 else value


def _number(value) -> bool:
    """A finite number (an int too large for a float is not: math.isfinite would raise on it)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return abs(value) < 1e300 if isinstance(value, int) else math.isfinite(value)


def shape_problem(name: str, value) -> str | None:
    """None if `value` is valid for the AxisShape field `name`, else the problem in a few words (the bindings
    file reports it with the key's path)."""
    if name == "raw_range":
        if (not isinstance(value, (list, tuple)) or len(value) != 2 or not all(_number(v) for v in value)
                or value[0] == value[1]):
            return f"expected two different numbers like [-1, 1] or [0, 1], got {quoted(value)}"
        return None
    if name == "invert":
        return None if isinstance(value, bool) else f"expected true or false, got {quoted(value)}"
    low, high = {"dead_zone": (0.0, DEAD_ZONE_MAX), "saturation": (0.05, 1.0), "expo": (0.0, 1.0),
                 "trim": (-TRIM_MAX, TRIM_MAX)}[name]
    if not _number(value) or not low <= value <= high:
        return f"expected a number from {low:g} to {high:g}, got {quoted(value)}"
    return None
