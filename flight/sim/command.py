"""ControlFrame: the one input the simulation sees each tick, quantised first so a replay stores exactly what the
live game flew (DESIGN.md, "Replays"). Pure Python and numpy: imports no panda3d.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np

FIRE = 1 << 0  # guns
BLIP = 1 << 1  # blip switch: ignition cut while held
CLEAR_JAM = 1 << 2  # work the cocking handles to clear a jammed gun
RELOAD = 1 << 3  # change the belt of a gun the player mans (the camp gate's Maxim)
REAR_GUN = 1 << 4  # held on every tick the player mans his bomber's rear gun (V) while the autopilot flies
BUTTON_MASK = 0xFFFF  # buttons are stored as an unsigned 16-bit field

_STICK_STEPS = 32767  # int16, symmetric about 0 so a centred stick is exactly 0
_LEVER_STEPS = 65535  # uint16
_LIMITS = ((-_STICK_STEPS, _STICK_STEPS),) * 3 + ((0, _LEVER_STEPS),) * 2 + ((0, BUTTON_MASK),)


class ControlFrame(NamedTuple):
    """One tick of pilot input. Axes are commands, not surface positions; `fire` and `blip` are read from the
    button bits so a frame cannot disagree with itself. Immutable; a named tuple because several are made every
    tick (the keyboard's, the mixer's, the assists'), and a tuple is built in a fraction of a frozen dataclass's
    time.

    | field    | type  | range   | meaning                                            |
    |----------|-------|---------|----------------------------------------------------|
    | aileron  | float | -1..1   | + rolls right                                      |
    | elevator | float | -1..1   | + is stick back, nose up                           |
    | rudder   | float | -1..1   | + yaws right                                       |
    | throttle | float | 0..1    | 1 is full power                                    |
    | brake    | float | 0..1    | wheel brakes, or chocks on a type without brakes   |
    | buttons  | int   | 16 bits | FIRE, BLIP, CLEAR_JAM, RELOAD, REAR_GUN            |
    """

    aileron: float = 0.0
    elevator: float = 0.0
    rudder: float = 0.0
    throttle: float = 0.0
    brake: float = 0.0
    buttons: int = 0

    @property
    def fire(self) -> bool:
        return bool(self.buttons & FIRE)

    @property
    def blip(self) -> bool:
        return bool(self.buttons & BLIP)

    def to_ints(self) -> tuple[int, int, int, int, int, int]:
        """Stick axes as int16 steps, throttle and brake as uint16 steps, then the buttons: the replay's record.
        Out-of-range values are clipped; a non-finite value reads as 0 (stick centred, throttle closed, brake
        off), since a frame has no memory of the last good setting."""
        return (_steps(self.aileron, -1.0, _STICK_STEPS), _steps(self.elevator, -1.0, _STICK_STEPS),
                _steps(self.rudder, -1.0, _STICK_STEPS), _steps(self.throttle, 0.0, _LEVER_STEPS),
                _steps(self.brake, 0.0, _LEVER_STEPS), int(self.buttons) & BUTTON_MASK)

    @classmethod
    def from_ints(cls, ints: tuple[int, int, int, int, int, int]) -> ControlFrame:
        """The frame `to_ints` recorded; a value outside its integer range means a corrupt record."""
        values = tuple(int(i) for i in ints)
        if len(values) != len(_LIMITS) or any(not low <= i <= high for i, (low, high) in zip(values, _LIMITS)):
            raise ValueError(f"control frame out of range: {values}")
        aileron, elevator, rudder, throttle, brake, buttons = values
        return cls(aileron / _STICK_STEPS, elevator / _STICK_STEPS, rudder / _STICK_STEPS,
                   throttle / _LEVER_STEPS, brake / _LEVER_STEPS, buttons)

    def quantised(self) -> ControlFrame:
        """The frame the simulation and the replay both use: every axis on its integer step (`from_ints` of
        `to_ints`, whose integers need no range check)."""
        return ControlFrame.on_steps(*self)

    @classmethod
    def on_steps(cls, aileron: float, elevator: float, rudder: float, throttle: float, brake: float,
                 buttons: int) -> ControlFrame:
        """`ControlFrame(...).quantised()` without the frame in between (the input's per-tick path)."""
        return cls(_on_stick(aileron), _on_stick(elevator), _on_stick(rudder), _on_lever(throttle), _on_lever(brake),
                   int(buttons) & BUTTON_MASK)

    def to_array(self) -> np.ndarray:
        """Shape (6,) in the column order of `Fleet.controls`: aileron, elevator, rudder, throttle, brake, blip."""
        return np.array([self.aileron, self.elevator, self.rudder, self.throttle, self.brake, float(self.blip)])


NEUTRAL = ControlFrame()
PARKED = ControlFrame(brake=1.0)  # throttle closed, brakes on: an aircraft left standing while its pilot is elsewhere


def _steps(value: float, low: float, steps: int) -> int:
    value = float(value)
    if not value - value == 0.0:  # inf or NaN (written out: this runs five times a tick)
        return 0
    return round((low if value < low else 1.0 if value > 1.0 else value) * steps)


def _on_stick(value: float) -> float:
    return _steps(value, -1.0, _STICK_STEPS) / _STICK_STEPS


def _on_lever(value: float) -> float:
    return _steps(value, 0.0, _LEVER_STEPS) / _LEVER_STEPS


def controls_from_ints(ints: tuple[int, int, int, int, int, int]) -> np.ndarray:
    """(6,) simulation controls of one frame's integers (`to_ints`), bit for bit `from_ints(ints).to_array()`
    without building the frame: the driver's per-tick path."""
    aileron, elevator, rudder, throttle, brake, buttons = ints
    return np.array([aileron / _STICK_STEPS, elevator / _STICK_STEPS, rudder / _STICK_STEPS, throttle / _LEVER_STEPS,
                     brake / _LEVER_STEPS, 1.0 if buttons & BLIP else 0.0])


def arrays_from_ints(ints: np.ndarray) -> np.ndarray:
    """(T, 6) recorded integers to (T, 6) simulation controls, bit for bit what `from_ints(...).to_array()` gives
    each row (a replay converts a whole recording at once)."""
    ints = np.asarray(ints, dtype=np.int64)
    out = np.empty(ints.shape, dtype=float)
    out[:, :3] = ints[:, :3] / _STICK_STEPS
    out[:, 3:5] = ints[:, 3:5] / _LEVER_STEPS
    out[:, 5] = (ints[:, 5] & BLIP) != 0
    return out


def ints_in_range(ints: np.ndarray) -> bool:
    """Whether every row of a (T, 6) integer array is a frame `to_ints` could have written."""
    low, high = np.array(_LIMITS).T
    return bool(((ints >= low) & (ints <= high)).all())
