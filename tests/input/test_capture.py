""""Move the control you want" and menus flown with the stick, driven by fake devices."""
import pytest

from flight.input.capture import AxisCapture, ButtonCapture
from flight.input.curves import AxisShape
from flight.input.default_bindings import default_bindings
from flight.input.device import Connection
from flight.input.navigation import REPEAT_DELAY, REPEAT_EVERY, MenuNavigator, intents
from tests.input.fakes import FakeDevice, flight_stick, xbox_pad


def connections(*devices):
    return [Connection.of(device, device, default_bindings()) for device in devices]


def test_the_axis_moved_furthest_enough_is_captured_with_its_direction():
    stick, pad = flight_stick(), xbox_pad()
    capture = AxisCapture("aileron")
    assert capture.update(connections(stick, pad)) is None
    pad.set("right_x", 0.3)  # a nudge is not enough
    stick.set("roll", -0.2)
    assert capture.update(connections(stick, pad)) is None
    stick.set("roll", -0.7)  # moved "right" the way this stick reads it: negative
    found = capture.update(connections(stick, pad))
    assert (found.key, found.source, found.invert, found.raw_range) == (stick, "roll", True, (-1.0, 1.0))
    kept = found.shape(AxisShape(dead_zone=0.1, expo=0.4))
    assert (kept.invert, kept.dead_zone, kept.expo) == (True, 0.1, 0.4)


def test_an_unnamed_axis_is_captured_by_index():
    box = FakeDevice("Box", "unknown", ["", "", ""], [])
    capture = AxisCapture("rudder")
    capture.update(connections(box))
    box.set(2, 0.9)
    assert capture.update(connections(box)).source == 2


@pytest.mark.parametrize("start, end, raw_range, invert", [
    (0.0, 1.0, (0.0, 1.0), False),    # a 0..1 lever pushed up
    (1.0, 0.1, (0.0, 1.0), True),     # full power is 0 on this one
    (-1.0, 0.8, (-1.0, 1.0), False),  # a lever Panda3D reads -1..1
])
def test_a_lever_capture_finds_its_range_and_direction(start, end, raw_range, invert):
    quadrant = FakeDevice("Quadrant", "unknown", ["x"], [], values={"x": start})
    capture = AxisCapture("throttle")
    capture.update(connections(quadrant))
    quadrant.set("x", end)
    found = capture.update(connections(quadrant))
    assert (found.raw_range, found.invert) == (raw_range, invert)


def test_a_button_capture_takes_the_next_press_not_one_already_held():
    stick = flight_stick().press("trigger")
    capture = ButtonCapture("fire")
    assert capture.update(connections(stick)) is None
    assert capture.update(connections(stick)) is None, "still held from before"
    stick.release("trigger")
    assert capture.update(connections(stick)) is None
    stick.press("joystick3")
    assert capture.update(connections(stick)).source == "joystick3"


def test_menu_intents_from_the_stick_the_hat_and_the_pad():
    stick, pad = flight_stick(), xbox_pad()
    assert intents(connections(stick, pad)) == set()
    stick.set("pitch", -0.9).press("hat_right").press("trigger")
    pad.press("face_b")
    assert intents(connections(stick, pad)) == {"up", "right", "activate", "back"}


def test_the_navigator_steps_once_per_press_then_repeats_while_held():
    navigator = MenuNavigator()
    assert navigator.update({"down", "activate"}, 0.016) == ["down", "activate"]
    assert navigator.update({"down", "activate"}, REPEAT_DELAY - 0.05) == []
    assert navigator.update({"down", "activate"}, 0.06) == ["down"], "directions repeat, activate does not"
    assert navigator.update({"down"}, REPEAT_EVERY / 2) == []
    assert navigator.update({"down"}, REPEAT_EVERY / 2 + 1e-6) == ["down"]
    assert navigator.update(set(), 0.016) == []
    navigator.reset({"up"})
    assert navigator.update({"up"}, 0.016) == [], "held through a reset: not a new press"
