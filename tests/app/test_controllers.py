"""Controllers in the game, offscreen, with fake devices sent through Panda3D's connect-device and
disconnect-device events: hot-plug mid-flight, a gamepad and a stick flying the aircraft the right way, device
buttons for pause, cameras and looking round, rumble, a broken bindings file, and the Controls screen's capture
flow, toggles, curve sliders, stick navigation and save."""
import dataclasses

import numpy as np
import pytest

from flight.app.settings import Settings, apply
from flight.input.bindings_file import bindings_path, load_bindings
from flight.input.default_bindings import default_bindings
from tests.input.fakes import flight_stick, xbox_pad

BROKEN = '[keyboard]\nspace = "fire"\nb = \n'


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """Started on a broken bindings file, which the app reports and leaves alone."""
    from flight.app.app import FlightApp
    folder = tmp_path_factory.mktemp("controls-config")
    (folder / "bindings.toml").write_text(BROKEN)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CAPTURED_CONFIG_DIR", str(folder))
        app = FlightApp("offscreen", size=(320, 180))
    app.config_folder = folder
    yield app
    app.close()


@pytest.fixture
def config(app, monkeypatch):
    monkeypatch.setenv("CAPTURED_CONFIG_DIR", str(app.config_folder))
    bindings_path().unlink(missing_ok=True)
    app.controllers.set_bindings(default_bindings())
    apply(app, Settings())
    yield app.config_folder
    for raw in list(app.controllers.connections):
        app.messenger.send("disconnect-device", [raw])


def frames(app, n=2):
    for _ in range(n):
        app.task_mgr.step()


def in_the_air(view, height=600.0):
    """The player's aircraft wings level at 45 m/s, `height` above the ground, three-quarter throttle."""
    fleet = view.world.fleet
    north, east = fleet.pos[0, 0], fleet.pos[0, 1]
    ground = float(view.world.terrain.height_at(np.array([north]), np.array([east]))[0])
    fleet.reset(0, pos=(north, east, -ground - height), speed=45.0, heading=0.0, throttle=0.75)
    view.keys.throttle = 0.75


def fly(app, level="training"):
    app.router.go("flight", level=level)
    view = app.router.screen.view
    in_the_air(view)
    return view


def shown_line(view) -> str:
    return " ".join(note.text for note in view.hud.messages.notes_on(view.latest.seconds))


def test_a_broken_bindings_file_is_reported_left_alone_and_the_defaults_fly(app):
    assert app.controllers.bindings == default_bindings()
    assert str(app.config_folder / "bindings.toml") in app.bindings_message and "line 3" in app.bindings_message
    assert (app.config_folder / "bindings.toml").read_text() == BROKEN
    app.router.go("menu")
    assert app.bindings_message in [node.getText() for node in app.router.screen.nodes if hasattr(node, "getText")]


def test_plugging_and_unplugging_mid_flight(app, config):
    view = fly(app)
    pad = xbox_pad()
    app.messenger.send("connect-device", [pad])
    assert "connected" in shown_line(view), "told at once, over the radio"
    pad.set("left_x", 1.0)
    view.advance(30)
    assert view.latest.controls[0, 0] == 1.0
    pad.press("rshoulder")  # throttle up while held
    view.advance(60)
    throttle = view.latest.controls[0, 3]
    assert throttle > 0.95
    app.messenger.send("disconnect-device", [pad])
    frames(app)
    assert "unplugged" in shown_line(view) and "keyboard" in shown_line(view)
    view.advance(30)
    assert view.latest.controls[0, 0] == 0.0, "the stick centres"
    assert view.latest.controls[0, 3] == pytest.approx(throttle, abs=1e-4), "the throttle holds"
    app.messenger.send("arrow_left")
    view.advance(60)
    app.messenger.send("arrow_left-up")
    assert view.latest.controls[0, 0] < -0.5, "the keyboard flies"
    view.advance(60)
    app.messenger.send("connect-device", [pad])  # back, still pushed right, same profile
    assert app.controllers.connections[pad].profile.name == "Gamepad (Xbox layout)"
    view.advance(5)
    assert view.latest.controls[0, 0] == 1.0


@pytest.mark.parametrize("device, right, back, rudder", [
    (xbox_pad, ("left_x", 1.0), ("left_y", -1.0), ("right_trigger", 1.0)),
    (flight_stick, ("roll", 1.0), ("pitch", 1.0), ("yaw", -1.0)),
], ids=["gamepad", "flight-stick"])
def test_each_profile_flies_the_aircraft_the_right_way(app, config, device, right, back, rudder):
    results = {}
    for name, (axis, value) in (("neutral", (None, 0)), ("right", right), ("back", back), ("rudder", rudder)):
        view = fly(app)
        controller = device()
        app.messenger.send("connect-device", [controller])
        if axis is not None:
            controller.set(axis, value)
        view.advance(60)  # half a second
        results[name] = np.degrees(view.latest.euler[0])
        app.messenger.send("disconnect-device", [controller])
    roll, pitch, heading = 0, 1, 2
    assert results["right"][roll] > results["neutral"][roll] + 10, "stick right rolls right"
    assert results["back"][pitch] > results["neutral"][pitch] + 10, "stick back raises the nose"
    turned = (results["rudder"][heading] - results["neutral"][heading] + 180) % 360 - 180
    assert turned > 8, "right rudder yaws right"


def test_device_buttons_pause_switch_cameras_and_look_round(app, config):
    view = fly(app)
    stick = flight_stick()
    app.messenger.send("connect-device", [stick])
    stick.press("joystick8")  # view_cockpit
    frames(app)
    assert view.camera.current == "cockpit"
    stick.release("joystick8").press("hat_right")
    frames(app)
    assert view.camera.cockpit.yaw == 90.0 and view.camera.cockpit.held
    stick.release("hat_right")
    frames(app)
    assert not view.camera.cockpit.held, "let go: the head swings back"
    stick.press("joystick10")  # pause
    frames(app)
    assert app.router.screen.view.paused and app.router.screen.pause_frame is not None
    frames(app, 3)
    assert app.router.screen.pause_frame is not None, "held is one press"
    stick.release("joystick10")
    frames(app)
    stick.press("joystick10")
    frames(app)
    assert not app.router.screen.view.paused


def test_trim_keys_offset_the_elevator(app, config):
    view = fly(app)
    app.messenger.send("]")
    view.advance(120)
    app.messenger.send("]-up")
    view.advance(10)
    assert view.controls.mixer.trim == pytest.approx(0.25, abs=0.01)
    assert view.latest.controls[0, 1] == pytest.approx(0.25, abs=0.01)


def test_rumble_on_gun_fire_only_when_asked(app, config):
    view = fly(app)
    pad = xbox_pad()
    app.messenger.send("connect-device", [pad])
    pad.press("face_a")  # fire
    view.advance(30)
    frames(app, 3)
    assert pad.rumbles == [], "off by default"
    assert view.latest.ammunition is not None and (view.latest.ammunition[0] >= 0).any(), "the Camel has guns"
    apply(app, Settings(rumble=True))
    view.advance(30)
    frames(app, 1)
    assert pad.rumbles and pad.rumbles[0] == (0.0, 0.35), "a buzz of the weak motor per burst"
    pad.release("face_a")
    view.advance(30)
    frames(app, 1)
    pad.rumbles.clear()
    view.latest = dataclasses.replace(view.latest, damage=view.latest.damage * 0.9)  # hit
    frames(app, 1)
    assert (0.8, 0.4) in pad.rumbles, "a thump of both motors (after the last buzz stops, if it was due)"


def test_the_controls_screen_from_the_pause_overlay(app, config):
    from flight.app.screens.controls_screen import ControlsScreen
    fly(app)
    flight = app.router.screen
    flight.toggle_pause()
    flight.open_controls()
    frames(app)
    assert isinstance(flight.overlay, ControlsScreen) and flight.pause_frame.isHidden()
    app.messenger.send("escape")  # Esc is Cancel: back to the pause menu
    assert flight.overlay is None and flight.view.paused and not flight.pause_frame.isHidden()


def test_capture_toggles_curve_and_save(app, config):
    app.router.go("menu")
    stick, pad = flight_stick(), xbox_pad()
    for device in (stick, pad):
        app.messenger.send("connect-device", [device])
    app.router.screen.choose("settings")
    settings = app.router.screen
    settings.open_controls()
    screen = settings.controls
    frames(app)
    screen.bind_axis("aileron")
    frames(app)
    for value in (-0.2, -0.5, -0.8):  # the player twists the stick "right": this one reads it negative
        stick.set("yaw", value)
        frames(app)
    assert screen.capture is None and screen.current().device is stick
    own = screen.profile(screen.current())
    assert own.name == stick.name and own.ids == ("046d:c215",), "the device's own profile now"
    aileron = own.axis("aileron")
    assert aileron.source == ("yaw",) and aileron.shape.invert
    assert own.axis("rudder") is None, "the twist flies one control: rudder let go of it"
    assert "Aileron" in screen.status.getText()
    screen.toggle_invert("aileron")
    screen.toggle_dead_zone("aileron")
    screen.select("aileron")
    slider, _ = screen.sliders["expo"]
    slider["value"] = 0.4
    frames(app)
    aileron = screen.binding("aileron")
    assert (aileron.shape.invert, aileron.shape.dead_zone, aileron.shape.expo) == (False, 0.0, 0.4)
    screen.bind_button("pause")
    stick.press("joystick5")
    frames(app)
    assert screen.profile(screen.current()).buttons["joystick5"] == "pause"
    assert "trim_down" not in screen.profile(screen.current()).buttons.values(), "the button does one thing"
    screen.save()
    assert settings.controls is None and not settings.frame.isHidden(), "back on the settings screen"
    saved, message = load_bindings()
    assert message is None and saved == app.controllers.bindings
    assert app.controllers.connections[stick].profile.axis("aileron").shape.expo == 0.4
    assert app.controllers.connections[pad].profile.name == "Gamepad (Xbox layout)", "other devices untouched"
    settings.cancel()


def test_the_controls_screen_is_flown_with_the_stick(app, config):
    closed = []
    app.router.go("menu")
    stick = flight_stick()
    app.messenger.send("connect-device", [stick])
    screen = app.router.go("controls", on_close=lambda: closed.append(True))
    frames(app)

    def flick(pitch):  # one frame each way, so no frame is long enough to auto-repeat
        stick.set("pitch", pitch)
        frames(app, 1)
        stick.set("pitch", 0.0)
        frames(app, 1)
    flick(0.9)  # pulled back: down the list
    assert screen.focus == 1
    flick(-0.9)  # pushed: up again, and round to the last widget
    flick(-0.9)
    assert screen.focusables[screen.focus][0]["text"] == "Defaults"
    stick.press("trigger")  # fire activates: Defaults
    frames(app)
    stick.release("trigger")
    assert "default" in screen.status.getText()
    stick.press("joystick10")  # pause is back: Cancel
    frames(app)
    assert closed == [True]
    app.router.go("menu")


def test_a_flight_flown_with_a_gamepad_replays_bit_for_bit(app, config):
    """The sim sees only the quantised frame, built once a tick from the devices' values at that tick: a noisy
    stick, a lever and an unplug mid-flight all replay exactly."""
    from flight.sim.replay import load_replay
    from flight.sim.replay.playback import verify
    app.router.go("flight", level="training")
    view = app.router.screen.view
    pad, stick = xbox_pad(), flight_stick()
    app.messenger.send("connect-device", [pad])
    app.messenger.send("connect-device", [stick])
    rng = np.random.default_rng(8)
    for tick in range(480):
        pad.set("left_x", rng.uniform(-1, 1)).set("left_y", rng.uniform(-0.3, 0.3))
        stick.set("throttle", max(0.0, 1.0 - tick / 200))  # the wheel pushed to full over the first 200 ticks
        if tick == 300:
            app.messenger.send("disconnect-device", [pad])
        view.tick()
    path = view.recording_path
    app.router.go("menu")
    replay = load_replay(path)
    assert replay.ticks == 480 and replay.controls[:, 3].max() > 65000, "the lever opened the throttle"
    assert verify(replay).ok


def test_with_no_controller_the_controls_screen_lists_the_keys_and_rebinds_one(app, config):
    from flight.app.screens.key_capture import KEY_EVENT
    closed = []
    screen = app.router.go("controls", on_close=lambda: closed.append(True))
    text, button = screen.key_actions["fire"]
    assert text.getText() == "Fire: Space" and not button.is_hidden()
    assert all(text.is_hidden() for text, _ in screen.actions.values()), "no controller: no '-' rows"
    screen.bind_key("fire")
    app.messenger.send(KEY_EVENT, ["escape"])  # Esc while waiting: nothing changes
    assert screen.key_capture is None and screen.draft.keyboard["space"] == "fire"
    screen.bind_key("fire")
    app.messenger.send(KEY_EVENT, ["f"])
    assert screen.key_actions["fire"][0].getText() == "Fire: F" and "space" not in screen.draft.keyboard
    screen.save()
    assert closed and load_bindings()[0].keyboard["f"] == "fire"
    app.router.go("menu")


def test_the_controller_action_rows_fit_inside_the_controls_frame(app, config):
    screen = app.router.go("controls", on_close=lambda: None)
    right_edge = screen.frame["frameSize"][1]
    for _, button in screen.actions.values():
        assert button.get_x() + button["frameSize"][1] * button.get_sx() < right_edge
    app.router.go("menu")
