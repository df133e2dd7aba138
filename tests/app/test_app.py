"""The game app, offscreen on Mesa: states, keyboard flying through the messenger, the HUD, a rendered frame."""
import math

import numpy as np

from flight.app.flight.flight_view import SLOW_NOTE
from flight.app.launch import settle_and_render
from flight.app.screens.briefing import BriefingScreen
from flight.app.screens.debrief import DebriefScreen
from flight.sim.run.sortie import Ending
from flight.app.screens.flight_screen import FlightScreen
from flight.app.screens.menu import MenuScreen
from flight.campaign import record_seen
from flight.hud.display_units import MPH


def frames(app, n=3):
    for _ in range(n):
        app.task_mgr.step()


def test_it_opens_at_the_menu_and_goes_to_training_and_back(app):
    """With the prologue seen (the story's tests play it first), Training goes straight to its briefing."""
    assert isinstance(app.router.screen, MenuScreen)
    record_seen("prologue")
    app.router.go("menu")
    frames(app)
    app.router.screen.choose("training")
    assert isinstance(app.router.screen, BriefingScreen)
    frames(app)
    app.router.screen.fly()
    assert isinstance(app.router.screen, FlightScreen)
    frames(app)
    app.router.screen.toggle_pause()
    frames(app)
    app.router.screen.to_menu()
    assert isinstance(app.router.screen, MenuScreen)
    frames(app)


def test_keys_from_the_messenger_fly_the_aircraft(app):
    app.settings = app.settings.with_difficulty("hard")  # no assists: the keys' own stick
    app.router.go("flight", level="training")
    view = app.router.screen.view
    app.messenger.send("0")  # full throttle
    app.messenger.send("arrow_right")
    for _ in range(60):
        view.tick()
    app.messenger.send("arrow_right-up")
    assert view.latest.controls[0, 3] == 1.0
    assert view.latest.controls[0, 0] > 0.5
    for _ in range(240):
        view.tick()
    assert view.latest.rpm[0] > 1000
    assert view.latest.controls[0, 0] == 0.0, "the stick centres when the key is released"
    assert np.hypot(*view.latest.vel[0, :2]) > 2.0, "rolling once the chocks are away"
    app.settings = app.settings.with_difficulty("normal")


def full_throttle_in_training(app, ticks: int):
    """Training's flight view after `ticks` ticks at full throttle (0), drawn."""
    app.router.go("flight", level="training")
    view = app.router.screen.view
    app.messenger.send("0")
    for _ in range(ticks):
        view.tick()
    frames(app, 2)
    return view


def test_the_assists_fly_the_players_intent_and_the_hud_names_them(app):
    app.settings = app.settings.with_difficulty("easy")
    try:
        view = full_throttle_in_training(app, 240)
        line = view.hud.widgets["assists"].text.getText()
        assert line.startswith("ASSISTS") and "RUDDER" in line and "stall" in line, line
        assert view.assisted.active and view.result()["assists"]["names"][0] == "rudder"
    finally:
        app.settings = app.settings.with_difficulty("normal")


def test_the_hud_shows_the_simulations_airspeed_in_mph(app):
    view = full_throttle_in_training(app, 600)
    shown = view.hud.widgets["airspeed"].text.getText()
    assert shown == f"ASI {view.latest.eas[0] * MPH:4.0f} mph"
    assert float(shown.split()[1]) > 20


def test_a_chase_camera_frame_has_sky_ground_and_aircraft(app, tmp_path):
    from panda3d.core import PNMImage
    app.router.go("flight", level="training")
    view = app.router.screen.view
    settle_and_render(app, view)
    image = PNMImage()
    assert app.win.get_screenshot(image)
    pixels = np.array([[image.get_xel(x, y) for x in range(0, image.get_x_size(), 4)]
                       for y in range(0, image.get_y_size(), 4)])
    top, bottom = pixels[: len(pixels) // 5], pixels[-len(pixels) // 5:]
    assert (top[..., 2] > top[..., 0]).mean() > 0.9, "blue sky above"
    assert (bottom[..., 1] > bottom[..., 2]).mean() > 0.8, "green and brown fields below"
    centre = pixels[len(pixels) * 2 // 5: len(pixels) * 3 // 5, pixels.shape[1] * 2 // 5: pixels.shape[1] * 3 // 5]
    sky_or_grass = (centre[..., 2] > centre[..., 0]) | (centre[..., 1] > centre[..., 2])
    assert (~sky_or_grass).mean() > 0.05 or centre.std() > 0.05, "the aircraft is in the middle of the picture"


def test_a_crash_ends_in_the_debrief_with_its_cause(app):
    app.router.go("flight", level="training")
    view = app.router.screen.view
    fleet = view.world.fleet
    fleet.reset(0, pos=(0.0, 0.0, -80.0), speed=40.0, pitch=-60.0)  # straight into the ground
    for _ in range(480):
        view.tick()
    frames(app, 2)
    assert isinstance(app.router.screen, DebriefScreen)
    assert app.router.screen.end.outcome == "failure" and app.router.screen.end.reason == "crashed"
    assert "km/h" in app.router.screen.result["reason"], "flight run's own words"
    shown = [node.getText() for node in app.router.screen.nodes if hasattr(node, "getText")]
    assert any("mph" in line for line in shown) and not any("km" in line for line in shown), shown
    app.router.screen.restart()
    assert isinstance(app.router.screen, FlightScreen)


def test_the_instructor_speaks_in_training(app):
    app.router.go("flight", level="training")
    view = app.router.screen.view
    view.tick()
    frames(app, 2)
    assert view.hud.widgets["messages"].shown[0].endswith("Chocks are in. Open her up: 0 for full throttle, "
                                                            "and the chaps will pull the chocks.")
    assert view.hud.objectives.objectives == (("Take off", "active"),), "the mission's objectives in the HUD"


def test_under_5_fps_the_hud_says_the_flight_runs_slow(app):
    app.router.go("flight", level="training")
    view = app.router.screen.view
    view.tick()
    for _ in range(8):  # frames of 0.4 s: 2.5 fps, half the time lost
        view.advance(view.loop.ticks_for(0.4))
        view.note_if_slow()
    frames(app, 2)
    assert view.hud.widgets["messages"].shown[1].endswith(SLOW_NOTE)


def test_mouse_aim_points_the_aircraft_where_the_pointer_is(app):
    from flight.app.flight.mouse_aim import aim_under_pointer
    app.settings = app.settings.replace(mouse_aim=True)
    try:
        app.router.go("flight", level="training")
        view = app.router.screen.view
        frames(app, 2)
        assert view.mouse_aim is not None
        centre = aim_under_pointer(app.camera, app.camLens, app.render, 0.0, 0.0)
        right = aim_under_pointer(app.camera, app.camLens, app.render, 0.5, 0.0)
        up = aim_under_pointer(app.camera, app.camLens, app.render, 0.0, 0.5)
        heading = float(view.world.fleet.euler[0, 2])
        assert abs(math.remainder(centre[0] - heading, 2 * math.pi)) < math.radians(10), "the chase camera looks ahead"
        assert math.remainder(right[0] - centre[0], 2 * math.pi) > 0.1 and up[1] > centre[1] + 0.1
        nose = app.render.get_relative_point(view.aircraft_nodes.models[0], (0, 500, 0))
        aim = view.mouse_aim.update(app.camera, app.camLens, app.render, (0.5, 0.0), nose)
        assert aim == right and not view.mouse_aim.ring.is_hidden()
        assert view.mouse_aim.update(app.camera, app.camLens, app.render, None, nose) is None
    finally:
        app.settings = app.settings.replace(mouse_aim=False)


def test_every_debrief_button_is_wider_than_its_words(app):
    from pathlib import Path
    golden = Path(__file__).resolve().parents[1] / "golden" / "training.flightreplay"
    app.router.go("debrief", level="training", end=Ending("failure", "crashed", 52.0), replay_path=golden)
    buttons = [node for node in app.router.screen.nodes if hasattr(node, "component")]
    assert "Watch replay" in [button["text"] for button in buttons]
    for button in buttons:
        text = button.component("text0")
        width = text.node().get_width() * text.get_sx()  # in the button's units, as its frameSize
        left, right = button["frameSize"][:2]
        assert width + 1.0 < right - left, f"{button['text']} fits its button, with half a letter each side"
    app.router.go("menu")
