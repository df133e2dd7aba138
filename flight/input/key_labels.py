"""What the keyboard's actions are called on screen, how their keys read, and a key rebound: shared by the controls
card and the Controls screen, so both name a key the same way."""
from __future__ import annotations

from dataclasses import replace

from flight.input.profiles import Bindings

# the keyboard's actions in the order a pilot reads them, as the screens name them
KEY_LABELS = (("pitch_up", "Stick back (nose up)"), ("pitch_down", "Stick forward"), ("roll_left", "Roll left"),
              ("roll_right", "Roll right"), ("rudder_left", "Rudder left"), ("rudder_right", "Rudder right"),
              ("throttle_up", "Throttle up"), ("throttle_down", "Throttle down"), ("blip", "Blip switch"),
              ("fire", "Fire"), ("clear_jam", "Clear a jam / change the belt"), ("brake", "Brakes (chocks)"),
              ("rear_gun", "Rear gun (take / give back)"), ("trim_up", "Trim nose up"),
              ("trim_down", "Trim nose down"))


def key_names(bindings: Bindings, action: str) -> str:
    """The keys bound to `action`, as a player reads them ("arrow_down, s" -> "Down, S")."""
    keys = sorted(key for key, bound in bindings.keyboard.items() if bound == action)
    return ", ".join(key.replace("arrow_", "").capitalize() if len(key) > 1 else key.upper() for key in keys) or "-"


def with_key(bindings: Bindings, key: str, action: str) -> Bindings:
    """`key` flies `action`, taken from whatever it flew; the keys `action` had are freed."""
    keyboard = {k: a for k, a in bindings.keyboard.items() if k != key and a != action}
    keyboard[key] = action
    return replace(bindings, keyboard=keyboard)
