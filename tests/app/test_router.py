"""The router between screens (flight.app.screens.router): screens go to each other by key, an overlay is made
without leaving the screen on show, and the moves no other test walks: the menu's Replays, a replay's Ghost, and
the debrief's Watch replay coming back to the same debrief."""
import pytest

from flight.app.screens.debrief import DebriefScreen
from flight.app.screens.flight_screen import FlightScreen
from flight.app.screens.menu import MenuScreen
from flight.app.screens.replay_browser import ReplayBrowser
from flight.app.screens.replay_player import ReplayPlayer
from flight.app.screens.replay_files import entries
from flight.app.screens.settings_screen import SettingsScreen


def test_a_key_names_a_screen_and_make_leaves_the_one_on_show(app):
    menu = app.router.go("menu")
    assert app.router.screen is menu and isinstance(menu, MenuScreen)
    made = app.router.make("settings", on_close=lambda: None)
    assert isinstance(made, SettingsScreen) and app.router.screen is menu, "made, not shown"
    with pytest.raises(KeyError, match="no screen 'pause'.*menu, briefing"):
        app.router.go("pause")
    assert app.router.screen is menu


def test_replays_from_the_menu_a_ghost_and_the_debriefs_replay(app):
    app.router.go("flight", level="training")
    view = app.router.screen.view
    for _ in range(120):
        view.tick()
    fleet = view.world.fleet
    fleet.reset(0, pos=(0.0, 0.0, -80.0), speed=40.0, pitch=-60.0)  # into the ground: the debrief
    for _ in range(480):
        view.tick()
    app.task_mgr.step()
    debrief = app.router.screen
    assert isinstance(debrief, DebriefScreen) and debrief.replay_path is not None
    debrief.watch_replay()
    assert isinstance(app.router.screen, ReplayPlayer)
    app.task_mgr.step()
    app.router.screen.close()
    assert app.router.screen is debrief, "back to the same debrief"
    debrief.to_menu()
    app.router.screen.choose("replays")
    browser = app.router.screen
    assert isinstance(browser, ReplayBrowser)
    entry = next(e for e in entries() if e.path == debrief.replay_path)
    browser.ghost(entry)
    flight = app.router.screen
    assert isinstance(flight, FlightScreen) and flight.ghost is entry.replay and flight.view.ghost is not None
    flight.to_menu()


def test_a_still_screen_draws_at_a_resting_pace_and_a_flight_runs_free(app):
    from panda3d.core import ClockObject
    from flight.app.screens.router import RESTING_FPS
    clock = ClockObject.get_global_clock()
    app.router.go("menu")
    assert clock.get_mode() == ClockObject.M_limited and RESTING_FPS <= 30
    app.router.go("flight", level="training")
    assert clock.get_mode() == ClockObject.M_normal
    app.router.go("menu")
