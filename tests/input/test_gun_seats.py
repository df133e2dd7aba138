"""The controls at a gun the player mans (flight.input.gun_aim and the mixer's seat): the aim is absolute and
clamped, the mouse and a stick move the same aim, R changes the belt at the gate and clears jams in the air, V
toggles the rear gun."""
import pytest

from flight.sim.command import CLEAR_JAM, FIRE
from flight.input import KeyboardMouse
from flight.sim.command import RELOAD, REAR_GUN
from flight.input.gun_aim import SLEW_PER_S, GunAim
from flight.input.mixer import ControlMixer
from flight.sim.dynamics import DT


def test_the_aim_is_clamped_to_the_arc_and_the_mouse_and_stick_add_up():
    aim = GunAim()
    aim.mouse_moved(0.3, -0.2)
    assert (aim.traverse, aim.elevation) == pytest.approx((0.3, -0.2))
    aim.slew(1.0, 0.0, 0.5)
    assert aim.traverse == pytest.approx(0.3 + 0.5 * SLEW_PER_S)
    aim.mouse_moved(5.0, -5.0)
    assert (aim.traverse, aim.elevation) == (1.0, -1.0)


def test_at_the_gate_the_frame_carries_the_aim_and_the_keys_slew_it():
    keys = KeyboardMouse()
    mixer = ControlMixer(keys)
    mixer.seat = "gate"
    mixer.aim.mouse_moved(0.5, 0.25)
    frame = mixer.update(DT)
    assert (frame.aileron, frame.elevator) == pytest.approx((0.5, 0.25), abs=1e-4)
    keys.press("arrow_right")
    for _ in range(120):
        frame = mixer.update(DT)
    assert frame.aileron > 0.7  # slewed on from where the mouse left it
    mixer.seat = "aircraft"
    keys.press("arrow_left")
    keys.release("arrow_right")
    held = mixer.aim.traverse
    for _ in range(120):
        frame = mixer.update(DT)
    assert frame.aileron < 0.0 and mixer.aim.traverse == held  # flying again: the stick, not the aim


def test_r_changes_the_belt_at_the_gate_and_clears_jams_in_the_air():
    keys = KeyboardMouse()
    mixer = ControlMixer(keys)
    keys.press("r")
    assert mixer.update(DT).buttons & (CLEAR_JAM | RELOAD) == CLEAR_JAM
    mixer.seat = "gate"
    assert mixer.update(DT).buttons & (CLEAR_JAM | RELOAD) == RELOAD


def test_the_mouse_trigger_fires_only_at_a_gun():
    mixer = ControlMixer(KeyboardMouse())
    mixer.aim.trigger = True
    assert not mixer.update(DT).fire
    mixer.seat = "rear_gun"
    assert mixer.update(DT).buttons & FIRE


def test_v_toggles_the_rear_gun_and_the_bit_stays_set_between_presses():
    keys = KeyboardMouse()
    mixer = ControlMixer(keys)
    assert not mixer.update(DT).buttons & REAR_GUN
    keys.press("v")
    keys.release("v")  # a tap between two ticks still counts
    assert all(mixer.update(DT).buttons & REAR_GUN for _ in range(50))
    keys.press("v")
    assert not mixer.update(DT).buttons & REAR_GUN
    keys.release("v")
    assert not mixer.update(DT).buttons & REAR_GUN
    keys.press("v")
    assert mixer.update(DT).buttons & REAR_GUN
    mixer.seat = "gate"  # not in the bomber: nothing to man
    assert not mixer.update(DT).buttons & REAR_GUN


def test_v_on_the_take_off_roll_keeps_the_pilot_at_the_throttle_and_says_why():
    keys = KeyboardMouse()
    mixer = ControlMixer(keys)
    mixer.airborne = False
    keys.press("v")
    keys.release("v")
    assert not mixer.update(DT).buttons & REAR_GUN and mixer.rear_gun_refused
    assert not mixer.update(DT).buttons & REAR_GUN and not mixer.rear_gun_refused, "said once per press"
    mixer.airborne = True
    keys.press("v")
    assert mixer.update(DT).buttons & REAR_GUN
    keys.release("v")
    assert mixer.update(DT).buttons & REAR_GUN
    mixer.airborne = False  # landed at the gun: V still gives it back
    keys.press("v")
    assert not mixer.update(DT).buttons & REAR_GUN and not mixer.rear_gun_refused
