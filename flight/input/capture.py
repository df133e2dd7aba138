""""Move the control you want": which axis or button of the connected controllers the player just moved, for
the settings screen to bind. Pure Python over the Device interface, so tests drive it with fake devices.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from collections.abc import Iterable

from flight.input.curves import AxisShape
from flight.input.device import Connection
from flight.input.profiles import LEVER_TARGETS, Source

CAPTURE_TRAVEL = 0.5  # raw units an axis must move from where it was when the capture began
LEVER_CENTRED_BELOW = -0.1  # a lever seen below this reads -1..1; otherwise 0..1


@dataclass(frozen=True)
class Captured:
    """The control found: on which connection, by which source, and (for an axis) the shape's travel and
    direction worked out from the movement."""
    key: object
    source: Source
    raw_range: tuple[float, float] = (-1.0, 1.0)
    invert: bool = False

    def shape(self, old: AxisShape) -> AxisShape:
        """`old` with the captured travel and direction (its dead zone, curve and trim stay)."""
        return AxisShape(raw_range=self.raw_range, invert=self.invert, dead_zone=old.dead_zone,
                         saturation=old.saturation, expo=old.expo, trim=old.trim)


class AxisCapture:
    """Watches every axis of every controller from the first `update`; the first to move CAPTURE_TRAVEL from
    where it started is the one. The player is asked to move it the way that gives a positive command (stick
    right, pulled back, right rudder, head right or up, towards full throttle or brake), so a movement to lower
    raw values means the axis is inverted. For a lever, a reading below LEVER_CENTRED_BELOW means Panda3D reads
    it -1..1, else 0..1."""

    def __init__(self, target: str):
        self.target = target
        self.start: dict[tuple[object, int], float] = {}

    def update(self, connections: Iterable[Connection]) -> Captured | None:
        for connection in connections:
            device = connection.device
            for index in range(len(device.axis_names)):
                value = float(device.axis(index))
                if not math.isfinite(value):
                    continue
                start = self.start.setdefault((connection.key, index), value)
                if abs(value - start) >= CAPTURE_TRAVEL:
                    return Captured(connection.key, _source(device.axis_names, index), self._range(start, value),
                                    invert=value < start)
        return None

    def _range(self, start: float, value: float) -> tuple[float, float]:
        if self.target not in LEVER_TARGETS or min(start, value) < LEVER_CENTRED_BELOW:
            return (-1.0, 1.0)
        return (0.0, 1.0)


class ButtonCapture:
    """The first button pressed after the capture began (one held down at the start counts once released and
    pressed again)."""

    def __init__(self, action: str):
        self.action = action
        self.was_down: dict[tuple[object, int], bool] = {}

    def update(self, connections: Iterable[Connection]) -> Captured | None:
        for connection in connections:
            device = connection.device
            for index in range(len(device.button_names)):
                down = bool(device.button(index))
                before = self.was_down.setdefault((connection.key, index), down)
                self.was_down[(connection.key, index)] = down
                if down and not before:
                    return Captured(connection.key, _source(device.button_names, index))
        return None


def _source(names: tuple[str, ...], index: int) -> Source:
    """The control's name when the system gives it one no other control of the device has, else its index."""
    name = names[index]
    return name if name and names.count(name) == 1 else index
