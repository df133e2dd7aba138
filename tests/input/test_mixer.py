"""Reading controllers through their profiles and merging several of them with the keyboard into one quantised
frame per tick: the deflected stick wins, the keyboard always flies, a throttle lever takes over when moved and
holds when unplugged, trim and throttle buttons, button bits."""
import pytest

from flight.sim.command import BLIP, CLEAR_JAM, FIRE, ControlFrame
from flight.input import KeyboardMouse
from flight.input.default_bindings import default_bindings
from flight.input.device import Connection, device_id, is_controller, read_axis
from flight.input.mixer import LEVER_PICKUP, TRIM_LIMIT, ControlMixer
from flight.input.device_reading import read
from flight.sim.dynamics import DT
from tests.input.fakes import FakeDevice, flight_stick, pedals, throttle_quadrant, xbox_pad

BINDINGS = default_bindings()
STEP = 1e-4  # a frame is quantised: 0.5 comes out as 32768 / 65535


def near(value):
    return pytest.approx(value, abs=STEP)


def connect(mixer: ControlMixer, device: FakeDevice) -> Connection:
    connection = Connection.of(device, device, BINDINGS)
    mixer.attach(connection)
    return connection


def ticks(mixer: ControlMixer, n: int = 1) -> ControlFrame:
    frame = None
    for _ in range(n):
        frame = mixer.update(DT)
    return frame


def test_each_default_profile_finds_its_devices():
    assert Connection.of(1, xbox_pad(), BINDINGS).profile.name == "Gamepad (Xbox layout)"
    assert Connection.of(1, flight_stick(), BINDINGS).profile.name == "Flight stick"
    assert Connection.of(1, pedals(), BINDINGS).profile.name == "Rudder pedals"
    assert Connection.of(1, throttle_quadrant(), BINDINGS).profile.name == "Throttle"
    assert device_id(flight_stick()) == "046d:c215" and device_id(FakeDevice("x", "gamepad", [], [])) is None


def test_keyboards_and_axisless_unknowns_are_not_controllers():
    assert is_controller(xbox_pad()) and is_controller(pedals())
    assert not is_controller(FakeDevice("AT Keyboard", "keyboard", [], ["a"]))
    assert not is_controller(FakeDevice("Power Button", "unknown", [], ["power"]))


def test_axis_sources_by_name_by_index_and_alternatives():
    stick = FakeDevice("s", "flight_stick", ["x", "", "rudder"], [], values={"x": 0.25, 1: -0.5, "rudder": 0.75})
    assert read_axis(stick, ("roll", "x")) == 0.25, "the first alternative the device has"
    assert read_axis(stick, (1,)) == -0.5 and read_axis(stick, (7,)) is None and read_axis(stick, ("z",)) is None
    assert read_axis(stick.set("x", float("nan")), ("x",)) is None


def test_the_xbox_profile_maps_the_left_stick_triggers_and_buttons():
    pad = xbox_pad().set("left_x", 1.0).set("left_y", 1.0).set("right_trigger", 1.0).press("face_a")
    reading = read(Connection.of(pad, pad, BINDINGS))
    assert reading.axes["aileron"] == 1.0, "stick right rolls right"
    assert reading.axes["elevator"] == -1.0, "stick pushed up (Panda3D: +1) is nose down"
    assert reading.axes["rudder"] == 1.0, "right trigger is right rudder"
    assert read(Connection.of(pad, pad.set("left_trigger", 1.0).set("right_trigger", 0), BINDINGS)).axes["rudder"] \
        == -1.0
    assert reading.held == {"fire"}


def test_the_stick_profile_flies_the_flight_sim_way():
    stick = flight_stick().set("roll", 1.0).set("pitch", 1.0).set("yaw", -1.0).set("throttle", 0.0)
    reading = read(Connection.of(stick, stick, BINDINGS))
    assert reading.axes == {"aileron": 1.0, "elevator": 1.0, "rudder": 1.0, "throttle": 1.0}, \
        "right, pulled back, twisted right (Panda3D's yaw: -1), wheel forward (0 on many sticks) = full"


def test_a_deflected_stick_wins_and_a_centred_one_lets_the_keys_fly():
    keys = KeyboardMouse()
    mixer = ControlMixer(keys)
    stick = flight_stick()
    connect(mixer, stick)
    keys.press("arrow_left")
    assert ticks(mixer, 240).aileron == -1.0, "the stick is centred: the keys fly"
    stick.set("roll", 0.6)
    assert ticks(mixer).aileron == pytest.approx(stick.values[0] and (0.6 - 0.03) / 0.97, abs=1e-4)
    stick.set("roll", 0.01)  # inside its dead zone
    assert ticks(mixer).aileron == -1.0


def test_several_devices_merge_the_most_deflected_wins():
    mixer = ControlMixer(KeyboardMouse())
    stick, rudder, quadrant = flight_stick(), pedals(), throttle_quadrant()
    for device in (stick, rudder, quadrant):
        connect(mixer, device)
    stick.set("yaw", 0.2)  # a little twist left
    rudder.set("yaw", -0.8)  # and the pedals well right
    quadrant.set("throttle", 0.0)  # full (the profile reads it 1..0)
    rudder.set("x", 1.0)  # a toe brake
    frame = ticks(mixer)
    assert frame.rudder > 0.5, "the pedals, more deflected than the twist, fly the rudder"
    assert frame.throttle == 1.0 and frame.brake == 1.0
    assert frame == frame.quantised()


def test_a_throttle_lever_takes_over_once_moved_and_holds_when_unplugged():
    keys = KeyboardMouse()
    mixer = ControlMixer(keys)
    stick = flight_stick()  # wheel back: idle
    keys.press("5")
    assert ticks(mixer).throttle == near(0.5), "the keys set half throttle"
    connect(mixer, stick)
    assert ticks(mixer, 5).throttle == near(0.5), "a lever plugged in at idle does not snap the throttle shut"
    stick.set("throttle", 1.0 - LEVER_PICKUP / 2)
    assert ticks(mixer).throttle == near(0.5), "a twitch is not a move"
    stick.set("throttle", 0.2)  # pushed most of the way
    assert ticks(mixer).throttle == pytest.approx(0.8, abs=0.03)
    stick.set("throttle", 0.19)
    assert ticks(mixer).throttle == pytest.approx(0.81, abs=0.03), "once it has the throttle it follows finely"
    keys.press("3")
    assert ticks(mixer).throttle == near(0.3), "a key takes the throttle back"
    assert ticks(mixer).throttle == near(0.3), "and the lever waits to be moved again"
    stick.set("throttle", 0.0)
    assert ticks(mixer).throttle == 1.0
    mixer.detach(stick)
    assert ticks(mixer, 10).throttle == 1.0, "unplugged: the throttle holds"
    keys.press("-")
    assert ticks(mixer, 60).throttle < 1.0, "and the keys carry on from there"


def test_gamepad_shoulders_move_the_throttle_and_dpad_trims():
    keys = KeyboardMouse()
    mixer = ControlMixer(keys)
    pad = xbox_pad()
    connect(mixer, pad)
    pad.press("rshoulder")
    assert ticks(mixer, 120).throttle == pytest.approx(keys.throttle_rate, abs=1e-3)
    pad.release("rshoulder").press("dpad_down")  # trim nose up
    frame = ticks(mixer, 120)
    assert frame.elevator == pytest.approx(0.25, abs=1e-3) and mixer.trim == pytest.approx(0.25)
    ticks(mixer, 1200)
    assert mixer.trim == TRIM_LIMIT, "trim stops at its limit"
    pad.release("dpad_down")
    pad.set("left_y", 1.0)  # stick fully forward: trim still adds
    assert ticks(mixer).elevator == near(-0.5)


def test_trim_keys_and_button_bits():
    keys = KeyboardMouse()
    mixer = ControlMixer(keys)
    stick = flight_stick()
    connect(mixer, stick)
    mixer.key_actions.add("trim_down")
    ticks(mixer, 60)
    mixer.key_actions.discard("trim_down")
    assert mixer.trim == pytest.approx(-0.125, abs=1e-3)
    stick.press("trigger").press("joystick2")
    keys.press("r")
    assert ticks(mixer).buttons == FIRE | BLIP | CLEAR_JAM
    stick.release("trigger").release("joystick2")
    keys.release("r")
    assert ticks(mixer).buttons == 0
    stick.press("joystick7")
    assert ticks(mixer).brake == 1.0


def test_unplugging_centres_the_stick():
    mixer = ControlMixer(KeyboardMouse())
    pad = xbox_pad().set("left_x", -1.0).set("left_y", -1.0)
    connect(mixer, pad)
    frame = ticks(mixer)
    assert (frame.aileron, frame.elevator) == (-1.0, 1.0)
    mixer.detach(pad)
    frame = ticks(mixer)
    assert (frame.aileron, frame.elevator, frame.rudder) == (0.0, 0.0, 0.0)


def test_the_same_device_values_give_the_same_frames():
    def run():
        mixer = ControlMixer(KeyboardMouse())
        stick = flight_stick()
        connect(mixer, stick)
        frames = []
        for n in range(200):
            stick.set("roll", ((n * 37) % 200 - 100) / 100).set("throttle", 1 - n / 200)
            frames.append(mixer.update(DT).to_ints())
        return frames
    assert run() == run()
