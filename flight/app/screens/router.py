"""The screens' one table, key -> screen class, and the moves between them: a screen names the next one by its key
(`app.router.go("debrief", level=..., end=...)`) and never imports another; this is the one module that imports them."""
from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from flight.app.screens.briefing import BriefingScreen
from flight.app.screens.controls_screen import ControlsScreen
from flight.app.screens.debrief import DebriefScreen
from flight.app.screens.flight_screen import FlightScreen
from flight.app.screens.menu import MenuScreen
from flight.app.screens.replay_browser import ReplayBrowser
from flight.app.screens.replay_player import ReplayPlayer
from flight.app.screens.settings_screen import SettingsScreen

if TYPE_CHECKING:
    from flight.app.app import FlightApp


class Screen(Protocol):
    """Made with the app and its options, e.g. `MenuScreen(app, message="...")`; builds its nodes and binds its keys
    in `enter`, removes them in `exit`."""

    def enter(self) -> None: ...

    def exit(self) -> None: ...


SCREENS: dict[str, type[Screen]] = {
    "menu": MenuScreen,            # message: a one-line problem to show
    "briefing": BriefingScreen,    # level
    "flight": FlightScreen,        # level; ghost (a Replay) or view (a replay's FlightView, taken over)
    "debrief": DebriefScreen,      # level, end (an Ending); result, replay_path
    "replays": ReplayBrowser,      # page
    "replay": ReplayPlayer,        # replay; on_close (else Esc quits: `flight replay FILE`)
    "settings": SettingsScreen,    # on_close
    "controls": ControlsScreen,    # on_close
}


class Router:
    """`screen` is the one on show. `go` leaves it for a new one; `make` builds one that a screen enters and exits
    itself, over its own (the settings over the paused flight); `show` goes back to one made earlier."""

    def __init__(self, app: FlightApp):
        self.app = app
        self.screen: Screen | None = None

    def make(self, key: str, **options) -> Screen:
        if key not in SCREENS:
            raise KeyError(f"no screen {key!r}; the screens are {', '.join(SCREENS)}")
        return SCREENS[key](self.app, **options)

    def go(self, key: str, **options) -> Screen:
        """Leave the screen on show for a new screen `key` made with `options`; returns the new one."""
        screen = self.make(key, **options)
        self.show(screen)
        return screen

    def show(self, screen: Screen) -> None:
        self.leave()
        self.screen = screen
        screen.enter()  # may itself go on to another screen (a flight that cannot start goes to the menu)

    def leave(self) -> None:
        """Exit the screen on show, leaving none (the app closing)."""
        if self.screen is not None:
            screen, self.screen = self.screen, None
            screen.exit()
