"""The game application: a ShowBase that opens the window and holds what every screen shares (the settings, the
controllers, the router between screens); everything else is delegated (the flight view ticks the world, the HUD
widgets update themselves)."""
from __future__ import annotations

import sys

from direct.showbase.ShowBase import ShowBase

from flight.app.config import configure
from flight.app.device_hub import DeviceHub
from flight.app.kernel_warmup import KernelWarmup
from flight.app.screens.router import Router
from flight.app.settings import (Settings, apply, before_window, for_renderer, load_settings, save_settings,
                                 settings_path)
from flight.input.bindings_file import load_bindings


NO_SOUND = "flight: no sound device found: the game plays silently"


class FlightApp(ShowBase):
    """Opens at the menu, or at `level`'s briefing (straight into its flight with `fly_now`, as `flight shot` does).
    An onscreen window opens at the settings' resolution unless `size` is given; offscreen buffers keep `size`
    (default 1280x720).

    settings          Settings    the player's settings file (flight.app.settings), or the `settings` given
    settings_message  str | None  a broken settings file's one line (the defaults are used); the menu shows it
    bindings_message  str | None  a broken bindings file's one line, likewise
    controllers       DeviceHub   the game controllers plugged in, and the bindings they fly with
    kernels           KernelWarmup the flight model compiling behind the menu on a first start (flight play)
    record_replays    bool        every flight is recorded, except for `flight shot`
    all_levels        bool        every story level open in the menu, won or not (`flight play --all-levels`)
    router            Router      the screen on show and the moves between screens (flight.app.screens.router)
    """

    def __init__(self, window_type: str = "onscreen", size: tuple[int, int] | None = None, level: str | None = None,
                 settings: Settings | None = None, record_replays: bool = True, all_levels: bool = False,
                 fly_now: bool = False):
        first_start = settings is None and not settings_path().exists()
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
        if window_type == "onscreen" and not (self.sfxManagerList and self.sfxManagerList[0].is_valid()):
            print(NO_SOUND, file=sys.stderr)
        if first_start and window_type == "onscreen" and self.win is not None:
            settings, message = for_renderer(settings, self.win.gsg.driver_renderer)
            if message:
                try:
                    save_settings(settings)
                except OSError as error:  # a read-only config folder: Low for this start only
                    message += f" (not saved: {error.strerror})"
        self.settings: Settings = settings
        self.settings_message: str | None = message
        self.bindings_message: str | None = bindings_message
        self.record_replays = record_replays
        self.all_levels = all_levels
        apply(self, settings, window=False)  # the window opened with them already
        self.disable_mouse()
        self.controllers = DeviceHub(self, bindings)
        self.kernels = KernelWarmup()
        self.router = Router(self)
        self.task_mgr.add(self._after_first_frame, "start-kernel-warmup", sort=100)  # after igLoop (50) drew it
        if level:
            self.router.go("flight" if fly_now else "briefing", level=level)
        else:
            self.router.go("menu")

    def _after_first_frame(self, task):
        self.kernels.start()
        return task.done

    def close(self) -> None:
        self.router.leave()
        self.controllers.destroy()
        self.destroy()
