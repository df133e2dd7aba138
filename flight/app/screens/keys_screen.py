"""The controls card ("Keys" in the menu and on the pause menu): the keyboard's, the mouse's and every connected
controller's bindings as they are now (bindings.toml and the settings), read only; Back (or Esc over the paused
flight) closes it. What
the card says is `controls_card`, plain text, so a test reads it without a window."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from direct.gui.DirectGui import DirectButton, DirectFrame, OnscreenText
from panda3d.core import TextNode

from flight.input.bindings import THROTTLE_SET_PREFIX
from flight.input.device import Connection, device_id, source_label
from flight.input.key_labels import KEY_LABELS, key_names
from flight.input.profiles import Bindings

if TYPE_CHECKING:
    from flight.app.app import FlightApp

VIEW_KEYS = (("F1-F5, C", "Cameras: cockpit, chase, orbit, free, fly-by; C cycles"), ("H", "HUD detail"),
             ("Esc or P", "Pause menu"), ("Wheel", "Zoom the orbit camera"))
TEXT = (0.9, 0.88, 0.8, 1)
LINE = 0.043  # the card's text height: 22 lines of keys fit above Back
TITLE = (0.95, 0.9, 0.75, 1)


def controls_card(bindings: Bindings, settings, connections: list[Connection]) -> list[tuple[str, list[str]]]:
    """The card's columns: (title, lines) for the keyboard, the mouse and each connected controller."""
    keyboard = [f"{label}: {key_names(bindings, action)}" for action, label in KEY_LABELS]
    throttle_keys = sorted(key for key, action in bindings.keyboard.items() if action.startswith(THROTTLE_SET_PREFIX))
    keyboard.append(f"Throttle 10-100 %: {', '.join(throttle_keys) or '-'}")
    keyboard += [f"{keys}: {what}" for keys, what in VIEW_KEYS]
    if settings.mouse_aim:
        mouse = ["Point to fly: the ring is the aim,", "the cross where the nose points"]
    elif settings.mouse_stick:
        mouse = ["The pointer flies the stick"]
    else:
        mouse = ["Off the stick (Settings: Mouse aim", "or Mouse flies)"]
    mouse += ["Right drag: look round the cockpit", "Left drag: swing the orbit and free cameras",
              "At a gun: move to aim, left button fires"]
    columns = [("Keyboard", keyboard), ("Mouse", mouse)]
    for connection in connections:
        device = connection.device
        profile = bindings.profile_for(device.name, device_id(device), device.device_class)
        lines = [f"({profile.name})"]
        lines += [f"{binding.target.replace('_', ' ')}: {source_label(binding.source)}" for binding in profile.axes]
        lines += [f"{action.replace('_', ' ')}: {source_label(source)}" for source, action in profile.buttons.items()]
        columns.append((device.name, lines))
    if not connections:
        columns.append(("Controllers", ["None connected: plug one in", "at any time (Settings > Controls",
                                        "binds it)"]))
    return columns


class KeysScreen:
    """Closes via `on_close`, like Settings (from the menu, or over the paused flight)."""

    def __init__(self, app: FlightApp, on_close: Callable[[], None]):
        self.app, self.on_close = app, on_close
        self.frame = None

    def enter(self) -> None:
        self.frame = DirectFrame(frameColor=(0.12, 0.11, 0.10, 0.95), frameSize=(-1.7, 1.7, -0.95, 0.95),
                                 sortOrder=10)
        self.frame.set_scale(min(1.0, self.app.getAspectRatio() / 1.78))
        OnscreenText(text="Controls card", parent=self.frame, pos=(0, 0.82), scale=0.08, fg=TITLE)
        columns = controls_card(self.app.controllers.bindings, self.app.settings,
                                list(self.app.controllers.connections.values()))
        width = 3.3 / min(len(columns), 4)
        for n, (title, lines) in enumerate(columns[:4]):
            x = -1.62 + width * n
            OnscreenText(text=title[:28], parent=self.frame, pos=(x, 0.68), scale=0.055, fg=TITLE,
                         align=TextNode.A_left)
            OnscreenText(text="\n".join(lines), parent=self.frame, pos=(x, 0.59), scale=LINE, fg=TEXT,
                         align=TextNode.A_left, wordwrap=width / LINE - 1)
        DirectButton(parent=self.frame, text="Back", scale=0.06, pos=(0, 0, -0.86), frameSize=(-3, 3, -0.6, 1.1),
                     command=self.close)

    def close(self) -> None:
        self.on_close()

    def cancel(self) -> None:
        """Esc over the paused flight: the same as Back."""
        self.close()

    def exit(self) -> None:
        if self.frame is not None:
            self.frame.destroy()
            self.frame = None
