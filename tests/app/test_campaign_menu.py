"""The campaign in the menu: Training, Dig's Escape and The Breakout in order, The Breakout locked until Dig's
Escape is won (a won debrief records it), or opened by the app's all-levels switch."""
from direct.gui.DirectGui import DirectButton, OnscreenText

from flight.app.screens.menu import MENU_ENTRIES
from flight.campaign import progress_path
from flight.sim.run.sortie import Ending


def _buttons(app) -> dict[str, str]:
    return {node["text"]: node["state"] for node in app.router.screen.nodes if isinstance(node, DirectButton)}


def _texts(app) -> list[str]:
    return [node.getText() for node in app.router.screen.nodes if isinstance(node, OnscreenText)]


def test_the_story_levels_come_in_order():
    assert [label for label, _ in MENU_ENTRIES[:3]] == ["Training", "Dig's Escape", "The Breakout"]


def test_the_breakout_opens_when_digs_escape_is_won(app):
    progress_path().unlink(missing_ok=True)
    app.router.go("menu")
    assert _buttons(app)["The Breakout"] == "disabled" and _buttons(app)["Dig's Escape"] == "normal"
    assert "win Dig's Escape to unlock" in _texts(app)
    app.router.go("debrief", level="escape", end=Ending("success", "home", 600.0))
    app.router.go("menu")
    assert _buttons(app)["The Breakout"] == "normal"
    progress_path().unlink()


def test_all_levels_opens_it_and_a_broken_file_is_one_line(app):
    progress_path().parent.mkdir(parents=True, exist_ok=True)
    progress_path().write_text("won = [")
    app.router.go("menu")
    assert _buttons(app)["The Breakout"] == "disabled"
    assert any(str(progress_path()) in text for text in _texts(app))
    app.all_levels = True
    app.router.go("menu")
    assert _buttons(app)["The Breakout"] == "normal"
    app.all_levels = False
    assert progress_path().read_text() == "won = ["
    progress_path().unlink()


def test_the_menu_after_a_flight_is_on_its_own_dark_ground_not_the_levels_sky(app):
    from panda3d.core import PNMImage
    app.router.go("flight", level="training")
    for _ in range(3):
        app.task_mgr.step()
    app.router.go("menu")
    for _ in range(2):
        app.task_mgr.step()
    image = PNMImage()
    app.win.get_screenshot(image)
    corner = image.get_xel(5, 5)
    assert max(corner) < 0.2, f"the menu's background, not the sky: {corner}"
    assert not app.task_mgr.getTasksNamed("landscape-stream")


def test_the_controls_card_lists_the_keys_the_mouse_and_says_no_controller(app):
    from flight.app.screens.keys_screen import KeysScreen, controls_card
    app.router.go("menu")
    app.router.screen.choose("keys")
    assert isinstance(app.router.screen, KeysScreen)
    columns = dict(controls_card(app.controllers.bindings, app.settings, []))
    assert "Stick back (nose up): Down, S" in columns["Keyboard"] and "Fire: Space" in columns["Keyboard"]
    assert any("Right drag" in line for line in columns["Mouse"])
    assert columns["Controllers"][0].startswith("None connected")
    mouse_aim = dict(controls_card(app.controllers.bindings, app.settings.replace(mouse_aim=True), []))
    assert mouse_aim["Mouse"][0].startswith("Point to fly")
    app.router.screen.close()
    assert app.router.screen.__class__.__name__ == "MenuScreen"


def test_the_pause_menu_opens_the_controls_card_over_the_flight(app):
    from flight.app.screens.keys_screen import KeysScreen
    app.router.go("flight", level="training")
    flight = app.router.screen
    flight.toggle_pause()
    flight.open_keys()
    assert isinstance(flight.overlay, KeysScreen) and flight.pause_frame.is_hidden()
    flight.toggle_pause()  # Esc closes the card, back to the pause menu
    assert flight.overlay is None and not flight.pause_frame.is_hidden()
    app.router.go("menu")


def test_the_controls_card_shows_a_connected_gamepads_bindings(app):
    from flight.app.screens.keys_screen import controls_card
    from flight.input.device import Connection
    from tests.input.fakes import xbox_pad
    pad = xbox_pad()
    columns = dict(controls_card(app.controllers.bindings, app.settings,
                                 [Connection.of(1, pad, app.controllers.bindings)]))
    lines = columns[pad.name]
    assert lines[0] == "(Gamepad (Xbox layout))" and "aileron: left_x" in lines and "fire: face_a" in lines
