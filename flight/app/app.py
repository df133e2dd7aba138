"""The game application: a ShowBase that owns the window and switches game states; everything else is delegated
(the flight view ticks the world, the HUD widgets update themselves)."""
from __future__ import annotations

import sys

from direct.showbase.ShowBase import ShowBase

from flight.app.config import configure
from flight.app.settings import Settings, apply, before_window, load_settings
from flight.input.bindings_file import load_bindings


class FlightApp(ShowBase):
    """`settings` defaults to the player's settings file (flight.app.settings); a broken file leaves the defaults
    and its one-line message in `settings_message`, which the menu shows; so does a broken bindings file, in
    `bindings_message`. `all_levels` opens every story level in the menu, won or not. `controllers` (a DeviceHub) follows the game controllers plugged in. An onscreen window
    opens at the settings' resolution unless `size` is given; offscreen buffers keep `size` (default 1280x720)."""

    def __init__(self, window_type: str = "onscreen", size: tuple[int, int] | None = None, level: str | None = None,
                 settings: Settings | None = None, record_replays: bool = True, all_levels: bool = False):
        settings, message = (settings, None) if settings is not None else load_settings()
        bindings, bindings_message = load_bindings()
        for line in (message, bindings_message):
            if line:
                print(f"flight: {line}", file=sys.stderr)
        if size is None:
            size = settings.resolution if window_type == "onscreen" else (1280, 720)
        configure(window_type, size)
        if window_type == "onscreen":
            before_window(settings)
        super().__init__()
        self.settings_message = message
        self.bindings_message = bindings_message
        self.record_replays = record_replays  # every flight is recorded, except for `flight shot`
        self.all_levels = all_levels  # `flight play --all-levels`: every story level open in the menu
        apply(self, settings, window=False)  # the window opened with them already
        self.disable_mouse()
        from flight.app.device_hub import DeviceHub
        self.controllers = DeviceHub(self, bindings)
        self.state = None
        from flight.app.screens.states import FlightState, MenuState
        self.go(FlightState(self, level) if level else MenuState(self))

    def go(self, state) -> None:
        """Leave the current state and enter another."""
        if self.state is not None:
            self.state.exit()
        self.state = state
        state.enter()

    def close(self) -> None:
        if self.state is not None:
            self.state.exit()
            self.state = None
        self.controllers.destroy()
        self.destroy()
