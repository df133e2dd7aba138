"""The screens' one table, key -> screen class, and the moves between them: a screen names the next one by its key
(`app.router.go("debrief", level=..., end=...)`) and never imports another; this is the one module that imports them.

A screen's module is imported when it is first made, so the menu opens without the simulation and the HUD behind
the other screens (a warm start to the menu is Panda3D's own start and little more)."""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from flight.app.app import FlightApp


class Screen(Protocol):
    """Made with the app and its options, e.g. `MenuScreen(app, message="...")`; builds its nodes and binds its keys
    in `enter`, removes them in `exit`."""

    def enter(self) -> None: ...

    def exit(self) -> None: ...


SCREENS: dict[str, str] = {  # key -> module:class under flight.app.screens, and the options each screen takes
    "menu": "menu:MenuScreen",                  # message: a one-line problem to show
    "briefing": "briefing:BriefingScreen",      # level
    "flight": "flight_screen:FlightScreen",     # level; ghost (a Replay) or view (a replay's FlightView, taken over)
    "debrief": "debrief:DebriefScreen",         # level, end (an Ending); result, replay_path
    "replays": "replay_browser:ReplayBrowser",  # page
    "replay": "replay_player:ReplayPlayer",     # replay; on_close (else Esc quits: `flight replay FILE`)
    "settings": "settings_screen:SettingsScreen",  # on_close
    "controls": "controls_screen:ControlsScreen",  # on_close
    "keys": "keys_screen:KeysScreen",           # on_close
    "scene": "scene_screen:SceneScreen",        # name (levels/story/<name>.toml); then (key, options); outcome
    "story": "story_screen:StoryScreen",        # (the scenes seen, to play again)
}


RESTFUL = {SCREENS[key].split(":")[1] for key in ("menu", "briefing", "debrief", "replays", "settings", "controls",
                                                "keys", "story")}


def screen_class(key: str) -> type[Screen]:
    """The class of screen `key`, its module imported on first use."""
    if key not in SCREENS:
        raise KeyError(f"no screen {key!r}; the screens are {', '.join(SCREENS)}")
    module, name = SCREENS[key].split(":")
    return getattr(importlib.import_module(f"{__package__}.{module}"), name)


RESTING_FPS = 30  # a screen that only waits for a click draws this often, so the menu idles near zero CPU


def pace(resting: bool) -> None:
    """The frame clock for the screen on show: limited to RESTING_FPS on a still screen, free in a flight."""
    from panda3d.core import ClockObject
    clock = ClockObject.get_global_clock()
    if resting:
        clock.set_mode(ClockObject.M_limited)
        clock.set_frame_rate(RESTING_FPS)
    else:
        clock.set_mode(ClockObject.M_normal)


class Router:
    """`screen` is the one on show. `go` leaves it for a new one; `make` builds one that a screen enters and exits
    itself, over its own (the settings over the paused flight); `show` goes back to one made earlier."""

    def __init__(self, app: FlightApp):
        self.app = app
        self.screen: Screen | None = None

    def make(self, key: str, **options) -> Screen:
        return screen_class(key)(self.app, **options)

    def go(self, key: str, **options) -> Screen:
        """Leave the screen on show for a new screen `key` made with `options`; returns the new one."""
        screen = self.make(key, **options)
        self.show(screen)
        return screen

    def show(self, screen: Screen) -> None:
        self.leave()
        self.screen = screen
        pace(type(screen).__name__ in RESTFUL)
        screen.enter()  # may itself go on to another screen (a flight that cannot start goes to the menu)

    def leave(self) -> None:
        """Exit the screen on show, leaving none (the app closing)."""
        if self.screen is not None:
            screen, self.screen = self.screen, None
            screen.exit()
