"""Waiting for the key a keyboard action is to be flown by (the Controls screen's Bind beside a key row): every key
the window sees is thrown as KEY_EVENT too while it waits, and the first is handed on, mouse buttons and the wheel
left out."""
from __future__ import annotations

from collections.abc import Callable

KEY_EVENT = "controls-screen-key"  # the window's key presses while a key is being bound


class KeyCapture:
    """`start(action)`, then `on_key(action, key)` once with the next key pressed; `stop` gives up waiting."""

    def __init__(self, app, on_key: Callable[[str, str], None]):
        self.app, self.on_key = app, on_key
        self.action: str | None = None  # the action waiting for its key

    def start(self, action: str) -> None:
        self.action = action
        self._throw(KEY_EVENT)
        self.app.accept(KEY_EVENT, self._pressed)

    def stop(self) -> None:
        self.action = None
        self.app.ignore(KEY_EVENT)
        self._throw("")

    def _pressed(self, key: str) -> None:
        if key.startswith("mouse") or key.startswith("wheel"):
            return
        action = self.action
        self.stop()
        if action is not None:
            self.on_key(action, key)

    def _throw(self, name: str) -> None:
        """Every key press as the event `name` too ("" stops); an offscreen app has no keyboard to listen to."""
        for thrower in self.app.buttonThrowers or ():
            thrower.node().set_button_down_event(name)
