"""The keyboard and mouse reader flies like a flight-sim player expects, and at the fixed tick it is exact."""
import pytest

from flight.sim.command import NEUTRAL, ControlFrame
from flight.input import DEFAULT_BINDINGS, KeyboardMouse
from flight.input.bindings import ACTIONS
from flight.sim.dynamics import DT

STEP = 1e-3  # s; fine steps for timing tests
QUANTUM = 1.0 / 32767  # one stick step


def hold(reader: KeyboardMouse, seconds: float, dt: float = STEP):
    frame = NEUTRAL
    for _ in range(round(seconds / dt)):
        frame = reader.update(dt)
    return frame


def test_every_default_binding_names_a_known_action_and_every_flying_action_has_a_key():
    assert set(DEFAULT_BINDINGS.values()) <= ACTIONS
    for action in ("pitch_up", "pitch_down", "roll_left", "roll_right", "rudder_left", "rudder_right",
                   "throttle_up", "throttle_down", "blip", "fire", "brake"):
        assert action in DEFAULT_BINDINGS.values()


def test_unknown_actions_in_bindings_are_refused():
    with pytest.raises(ValueError, match="loop_the_loop"):
        KeyboardMouse({"l": "loop_the_loop"})


@pytest.mark.parametrize("key, axis, sign", [
    ("arrow_right", "aileron", 1), ("d", "aileron", 1), ("arrow_left", "aileron", -1), ("a", "aileron", -1),
    ("arrow_down", "elevator", 1), ("s", "elevator", 1), ("arrow_up", "elevator", -1), ("w", "elevator", -1),
    ("e", "rudder", 1), ("x", "rudder", 1), ("q", "rudder", -1), ("z", "rudder", -1),
])
def test_stick_keys_follow_the_flight_sim_convention(key, axis, sign):
    reader = KeyboardMouse()
    reader.press(key)
    frame = hold(reader, 1.0)
    assert getattr(frame, axis) == sign
    assert [getattr(frame, other) for other in ("aileron", "elevator", "rudder") if other != axis] == [0.0, 0.0]


def test_keys_are_matched_case_insensitively_and_unknown_keys_are_ignored():
    reader = KeyboardMouse()
    reader.press("D")
    reader.press("f13")
    reader.release("f13")
    assert hold(reader, 1.0).aileron == 1.0
    reader.release("d")
    assert hold(reader, 1.0).aileron == 0.0


def test_a_held_key_ramps_at_the_axis_rate_and_saturates():
    reader = KeyboardMouse(axis_rate=2.5)
    reader.press("arrow_right")
    assert hold(reader, 0.2).aileron == pytest.approx(0.5, abs=2 * QUANTUM)
    assert hold(reader, 0.8).aileron == 1.0


def test_the_axis_rate_is_a_setting():
    reader = KeyboardMouse()
    reader.axis_rate = 5.0
    reader.press("arrow_right")
    assert hold(reader, 0.1).aileron == pytest.approx(0.5, abs=2 * QUANTUM)


def test_a_released_key_self_centres_within_a_quarter_second():
    reader = KeyboardMouse(axis_rate=2.5)
    reader.press("arrow_right")
    hold(reader, 1.0)
    reader.release("arrow_right")
    assert 0.0 < hold(reader, 0.1).aileron < 1.0  # springs back, not bang-bang
    assert hold(reader, 0.15).aileron == 0.0


def test_reversing_centres_at_the_centring_rate_then_deflects_at_the_axis_rate():
    reader = KeyboardMouse(axis_rate=2.5)
    reader.press("arrow_right")
    hold(reader, 1.0)
    reader.release("arrow_right")
    reader.press("arrow_left")
    assert hold(reader, 0.2).aileron == pytest.approx(0.0, abs=2 * QUANTUM)  # 1 -> 0 at 5 per second
    assert hold(reader, 0.2).aileron == pytest.approx(-0.5, abs=2 * QUANTUM)


def test_opposite_keys_cancel():
    reader = KeyboardMouse()
    reader.press("arrow_left")
    reader.press("arrow_right")
    assert hold(reader, 0.5).aileron == 0.0
    reader.press("s")
    reader.press("arrow_up")
    assert hold(reader, 0.5).elevator == 0.0


def test_two_keys_for_one_action_hold_until_both_are_released():
    reader = KeyboardMouse()
    reader.press("arrow_right")
    reader.press("d")
    reader.release("arrow_right")
    assert hold(reader, 1.0).aileron == 1.0


def test_throttle_keys_move_the_throttle_gradually_and_it_holds_when_released():
    reader = KeyboardMouse(throttle_rate=0.5)
    reader.press("+")
    assert hold(reader, 1.0).throttle == pytest.approx(0.5, abs=1e-4)
    reader.release("+")
    assert hold(reader, 1.0).throttle == pytest.approx(0.5, abs=1e-4)
    reader.press("=")
    assert hold(reader, 3.0).throttle == 1.0
    reader.release("=")
    reader.press("-")
    assert hold(reader, 0.4).throttle == pytest.approx(0.8, abs=1e-4)
    assert hold(reader, 3.0).throttle == 0.0


@pytest.mark.parametrize("key, throttle", [(str(d), d / 10) for d in range(1, 10)] + [("0", 1.0)])
def test_number_keys_set_the_throttle(key, throttle):
    reader = KeyboardMouse()
    reader.press(key)
    reader.release(key)
    assert reader.update(DT).throttle == round(throttle * 65535) / 65535
    assert hold(reader, 1.0).throttle == round(throttle * 65535) / 65535


@pytest.mark.parametrize("key, attribute", [("b", "blip"), ("space", "fire")])
def test_blip_and_fire_last_while_held(key, attribute):
    reader = KeyboardMouse()
    reader.press(key)
    assert getattr(reader.update(DT), attribute)
    assert getattr(reader.update(DT), attribute)
    reader.release(key)
    assert not getattr(reader.update(DT), attribute)


def test_brake_lasts_while_held():
    reader = KeyboardMouse()
    reader.press("g")
    assert reader.update(DT).brake == 1.0
    reader.release("g")
    assert reader.update(DT).brake == 0.0


def test_a_tap_between_two_ticks_still_fires_for_one_tick():
    reader = KeyboardMouse()
    reader.press("space")
    reader.release("space")
    assert reader.update(DT).fire
    assert not reader.update(DT).fire


def test_the_mouse_stick_deflects_aileron_and_elevator_directly_beyond_a_dead_zone():
    reader = KeyboardMouse(mouse_stick=True, dead_zone=0.05)
    reader.mouse_move(0.04, -0.04)
    assert reader.update(DT) == NEUTRAL
    reader.mouse_move(1.0, -1.0)  # right and down: roll right, stick back
    frame = reader.update(DT)
    assert (frame.aileron, frame.elevator) == (1.0, 1.0)
    reader.mouse_move(-0.525, 0.525)
    frame = reader.update(DT)
    assert frame.aileron == pytest.approx(-0.5, abs=QUANTUM)
    assert frame.elevator == pytest.approx(-0.5, abs=QUANTUM)
    reader.mouse_move(5.0, float("nan"))  # off the window is the edge; garbage is the centre
    frame = reader.update(DT)
    assert (frame.aileron, frame.elevator) == (1.0, 0.0)


def test_the_mouse_is_ignored_unless_it_is_the_stick():
    reader = KeyboardMouse()
    reader.mouse_move(1.0, 1.0)
    assert reader.update(DT) == NEUTRAL


def test_stick_keys_add_to_the_mouse_stick_and_the_sum_is_clipped():
    reader = KeyboardMouse(mouse_stick=True, dead_zone=0.0)
    reader.mouse_move(0.5, 0.0)
    reader.press("arrow_right")
    assert hold(reader, 1.0).aileron == 1.0
    reader.release("arrow_right")
    reader.press("arrow_left")
    assert hold(reader, 1.0).aileron == pytest.approx(-0.5, abs=QUANTUM)


def test_release_all_lets_go_of_everything_but_the_throttle():
    reader = KeyboardMouse(mouse_stick=True)
    reader.mouse_move(0.5, 0.5)
    for key in ("arrow_right", "s", "e", "space", "b", "g", "7"):
        reader.press(key)
    hold(reader, 1.0)
    reader.release_all()
    frame = reader.update(DT)
    assert not frame.fire and not frame.blip and frame.brake == 0.0
    frame = hold(reader, 0.25)
    assert frame == ControlFrame(throttle=round(0.7 * 65535) / 65535)


# press/release events fall on multiples of 1/6 s, which both 1/30 s and 1/144 s frames hit exactly
SCRIPT = [("press", "arrow_right"), ("press", "s"), ("press", "+"), ("wait", 1 / 6),
          ("release", "arrow_right"), ("press", "arrow_left"), ("press", "q"), ("wait", 2 / 6),
          ("release", "s"), ("release", "+"), ("press", "4"), ("release", "4"), ("wait", 1 / 6),
          ("press", "arrow_right"), ("press", "-"), ("wait", 3 / 6),
          ("release_all", None), ("press", "e"), ("wait", 1 / 6),
          ("release", "e"), ("wait", 1 / 6)]


def fly_script(dt: float) -> list[ControlFrame]:
    """Every frame of the script, one per update."""
    reader = KeyboardMouse()
    frames = []
    for verb, argument in SCRIPT:
        if verb == "wait":
            frames += [reader.update(dt) for _ in range(round(argument / dt))]
        elif verb == "release_all":
            reader.release_all()
        else:
            getattr(reader, verb)(argument)
    return frames


def at_waits(frames: list[ControlFrame], dt: float) -> list[tuple[int, ...]]:
    """The frames at the end of every wait, as replay ints."""
    ends, elapsed = [], 0.0
    for verb, argument in SCRIPT:
        if verb == "wait":
            elapsed += argument
            ends.append(frames[round(elapsed / dt) - 1].to_ints())
    return ends


def test_the_same_keys_give_the_same_controls_at_any_step_size():
    slow, fast = at_waits(fly_script(1 / 30), 1 / 30), at_waits(fly_script(1 / 144), 1 / 144)
    for a, b in zip(slow, fast, strict=True):
        assert max(abs(x - y) for x, y in zip(a, b)) <= 1  # a step of rounding at most, not of timing
    # throttle: + for 0.5 s (0.25), 4 sets 0.4, - for 0.5 s; the stick has centred after release_all
    assert ControlFrame.from_ints(slow[-1]) == ControlFrame(throttle=round(0.15 * 65535) / 65535)


def test_updating_at_the_simulation_tick_reproduces_every_frame_exactly():
    first, second = fly_script(DT), fly_script(DT)
    assert len(first) == round(sum(a for verb, a in SCRIPT if verb == "wait") / DT)
    assert [f.to_array().tobytes() for f in first] == [f.to_array().tobytes() for f in second]
    assert first == second
