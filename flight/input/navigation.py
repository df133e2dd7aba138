"""Menus flown with the stick: a controller's primary stick, hat or D-pad moves the focus, its fire button (or a
gamepad's A) activates and its pause button (or B) goes back, each once per press with auto-repeat while held.
Pure Python over the Device interface; the settings screen calls it once a frame with the frame time.
"""
from __future__ import annotations

from collections.abc import Iterable

from flight.input.device import Connection, read_button
from flight.input.device_reading import read

INTENTS = ("up", "down", "left", "right", "activate", "back")
STICK_THRESHOLD = 0.5
REPEAT_DELAY = 0.4  # s held before the first repeat
REPEAT_EVERY = 0.12  # s between repeats
_BUTTONS = {"up": ("dpad_up", "hat_up"), "down": ("dpad_down", "hat_down"), "left": ("dpad_left", "hat_left"),
            "right": ("dpad_right", "hat_right"), "activate": ("face_a",), "back": ("face_b",)}


def intents(connections: Iterable[Connection]) -> set[str]:
    """What the controllers ask of a menu right now: directions from the aileron and elevator axes of their
    profiles (stick forward is up) and from hats and D-pads, activate from fire or A, back from pause or B."""
    wanted = set()
    for connection in connections:
        reading = read(connection)
        aileron, elevator = reading.axes.get("aileron", 0.0), reading.axes.get("elevator", 0.0)
        wanted |= {name for name, on in (("up", elevator < -STICK_THRESHOLD), ("down", elevator > STICK_THRESHOLD),
                                         ("left", aileron < -STICK_THRESHOLD), ("right", aileron > STICK_THRESHOLD),
                                         ("activate", "fire" in reading.held), ("back", "pause" in reading.held))
                   if on}
        wanted |= {name for name, buttons in _BUTTONS.items()
                   if any(read_button(connection.device, button) for button in buttons)}
    return wanted


class MenuNavigator:
    """Turns held intents into menu steps: each on its press, then (directions only) repeated while held."""

    def __init__(self):
        self.next_repeat: dict[str, float] = {}  # held intent -> seconds until it repeats

    def update(self, wanted: set[str], dt: float) -> list[str]:
        steps = []
        for intent in INTENTS:
            if intent not in wanted:
                self.next_repeat.pop(intent, None)
            elif intent not in self.next_repeat:
                steps.append(intent)
                self.next_repeat[intent] = REPEAT_DELAY
            elif intent not in ("activate", "back"):
                self.next_repeat[intent] -= dt
                if self.next_repeat[intent] <= 0.0:
                    steps.append(intent)
                    self.next_repeat[intent] = max(self.next_repeat[intent] + REPEAT_EVERY, 0.0)
        return steps

    def reset(self, wanted: set[str]) -> None:
        """Count what is held now as already acted on (after a capture the stick is still deflected)."""
        self.next_repeat = dict.fromkeys(wanted, REPEAT_DELAY)
