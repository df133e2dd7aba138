"""KeyboardMouse: turns held keys and the mouse position into one ControlFrame per tick. The app forwards Panda3D's
raw button names and the normalised mouse position as plain strings and floats, so this module imports no panda3d
and runs headless.
"""
from __future__ import annotations

import math
from collections.abc import Mapping

from flight.input.bindings import ACTIONS, DEFAULT_BINDINGS, THROTTLE_SET_PREFIX
from flight.sim.command import BLIP, CLEAR_JAM, FIRE, REAR_GUN, ControlFrame

# the actions that push each keyboard stick axis towards -1 and towards +1
_STICK_ACTIONS = {"aileron": ("roll_left", "roll_right"), "elevator": ("pitch_down", "pitch_up"),
                  "rudder": ("rudder_left", "rudder_right")}
_BUTTON_ACTIONS = {"fire": FIRE, "blip": BLIP, "clear_jam": CLEAR_JAM, "rear_gun": REAR_GUN}  # rear_gun: held
_CENTRING_SPEEDUP = 2.0  # a released stick springs back faster than a held key deflects it


class KeyboardMouse:
    """Keyboard and mouse reader. Keys move the stick gradually, as a player expects from a flight sim, never
    bang-bang: a held key ramps its axis at `axis_rate` (full deflection per second), a released one self-centres
    twice as fast, opposite keys cancel. The throttle moves at `throttle_rate` while +/- is held, number keys set
    it, and it stays where it was left. With `mouse_stick` the mouse position deflects aileron and elevator
    directly (beyond `dead_zone`) and the stick keys add on top.

    Call `update(DT)` once per simulation tick, with DT = 1/120 s from `flight.sim.dynamics`, never with the frame
    time: then the frames, like the simulation, do not depend on the frame rate and a run reproduces exactly. A
    key pressed and released between two ticks still counts for one tick, so a quick tap is never lost.

    Settings are plain attributes (`axis_rate` and `throttle_rate` must be > 0); the app may also set `throttle`
    when it places the aircraft so the lever matches the engine.

        reader = KeyboardMouse()
        reader.press("arrow_right")          # from Panda3D's buttonDownEvent
        frame = reader.update(DT)            # aileron 2.5 * DT, quantised
    """

    def __init__(self, bindings: Mapping[str, str] = DEFAULT_BINDINGS, axis_rate: float = 2.5,
                 throttle_rate: float = 0.5, mouse_stick: bool = False, dead_zone: float = 0.05):
        unknown = sorted(set(bindings.values()) - ACTIONS)
        if unknown:
            raise ValueError(f"unknown control action(s): {', '.join(unknown)}")
        self.bindings = {key.lower(): action for key, action in bindings.items()}
        self.axis_rate = axis_rate
        self.throttle_rate = throttle_rate
        self.mouse_stick = mouse_stick
        self.dead_zone = dead_zone
        self.throttle = 0.0
        self._stick = dict.fromkeys(_STICK_ACTIONS, 0.0)
        self._mouse = (0.0, 0.0)
        self._held: set[str] = set()
        self._tapped: set[str] = set()  # pressed since the last tick

    def press(self, key: str) -> None:
        """A key went down; unbound keys are ignored, key repeats are harmless."""
        key = key.lower()
        action = self.bindings.get(key)
        if action is None:
            return
        self._held.add(key)
        self._tapped.add(key)
        if action.startswith(THROTTLE_SET_PREFIX):
            self.throttle = int(action.removeprefix(THROTTLE_SET_PREFIX)) / 100.0

    def release(self, key: str) -> None:
        self._held.discard(key.lower())

    def release_all(self) -> None:
        """The window lost focus: it will not hear the key-ups, so let go of every key and of the mouse stick."""
        self._held.clear()
        self._tapped.clear()
        self._mouse = (0.0, 0.0)

    def mouse_move(self, x: float, y: float) -> None:
        """Pointer position in window coordinates, -1..1 each way, +y up (Panda3D's `getMouse`)."""
        self._mouse = (_unit(x), _unit(y))

    def update(self, dt: float) -> ControlFrame:
        """Advance the keyboard axes and the throttle by dt and return the quantised frame for this tick."""
        if not dt >= 0.0:
            raise ValueError(f"update needs a time step >= 0, got {dt}")
        actions = {self.bindings[key] for key in self._held | self._tapped}
        self._tapped.clear()
        for axis, (minus, plus) in _STICK_ACTIONS.items():
            target = (plus in actions) - (minus in actions)
            if target or self._stick[axis]:  # (a centred stick with no key held stays put)
                self._stick[axis] = _ramp(self._stick[axis], target, dt, self.axis_rate,
                                          _CENTRING_SPEEDUP * self.axis_rate)
        push = ("throttle_up" in actions) - ("throttle_down" in actions)
        self.throttle = min(max(self.throttle + push * self.throttle_rate * dt, 0.0), 1.0)
        aileron, elevator = self._stick["aileron"], self._stick["elevator"]
        if self.mouse_stick:
            x, y = self._mouse
            aileron += _dead_zone(x, self.dead_zone)
            elevator -= _dead_zone(y, self.dead_zone)  # mouse down (y < 0) is stick back
        buttons = 0
        for action in actions.intersection(_BUTTON_ACTIONS):
            buttons |= _BUTTON_ACTIONS[action]
        # quantised() clips the sum of mouse and keys to the stick's travel
        return ControlFrame.on_steps(aileron, elevator, self._stick["rudder"], self.throttle,
                                     float("brake" in actions), buttons)


def _ramp(value: float, target: int, dt: float, rate: float, centring_rate: float) -> float:
    """Move a keyboard axis towards target (-1, 0 or 1): towards the centre at centring_rate, away from it at
    rate. A step that crosses the centre is split there, so the path does not depend on the step size."""
    if target == 0 or value * target < 0.0:
        to_centre = abs(value) / centring_rate
        if target == 0 or dt <= to_centre:
            return _towards(value, 0.0, centring_rate * dt)
        value, dt = 0.0, dt - to_centre
    return _towards(value, float(target), rate * dt)


def _towards(value: float, target: float, step: float) -> float:
    return min(value + step, target) if value < target else max(value - step, target)


def _dead_zone(x: float, width: float) -> float:
    """0 within width of the centre, then linear to full at the edge, so leaving the dead zone has no jump."""
    return math.copysign(max(abs(x) - width, 0.0) / (1.0 - width), x)


def _unit(x: float) -> float:
    """x clipped to -1..1; a non-finite position reads as the centre."""
    x = float(x)
    return min(max(x, -1.0), 1.0) if math.isfinite(x) else 0.0
