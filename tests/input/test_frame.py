"""ControlFrame quantisation: what the live game flies is exactly what a replay stores and plays back."""
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from flight.sim.command import (
    BLIP,
    BUTTON_MASK,
    FIRE,
    NEUTRAL,
    ControlFrame,
    arrays_from_ints,
    controls_from_ints,
)
from flight.sim.dynamics import CONTROL_NAMES

anything = st.floats(allow_nan=True, allow_infinity=True)
frames = st.builds(ControlFrame, anything, anything, anything, anything, anything, st.integers(0, 0xFFFF))


def test_array_columns_follow_the_fleet_control_order():
    frame = ControlFrame(aileron=0.25, elevator=-0.5, rudder=0.75, throttle=0.125, brake=1.0, buttons=BLIP)
    assert CONTROL_NAMES == ("aileron", "elevator", "rudder", "throttle", "brake", "blip")
    assert frame.to_array().tolist() == [0.25, -0.5, 0.75, 0.125, 1.0, 1.0]


def test_fire_and_blip_are_read_from_the_button_bits():
    assert ControlFrame(buttons=FIRE).fire and not ControlFrame(buttons=FIRE).blip
    assert ControlFrame(buttons=BLIP).blip and not ControlFrame(buttons=BLIP).fire
    assert not NEUTRAL.fire and not NEUTRAL.blip


def test_neutral_is_centred_stick_closed_throttle_and_exact():
    assert NEUTRAL.quantised() == NEUTRAL
    assert NEUTRAL.to_ints() == (0, 0, 0, 0, 0, 0)
    assert NEUTRAL.to_array().tobytes() == np.zeros(6).tobytes()  # +0.0, not -0.0


def test_axes_land_on_int16_and_uint16_steps():
    frame = ControlFrame(aileron=0.3, elevator=-1.0, rudder=1e-6, throttle=0.7, brake=0.5).quantised()
    assert frame.aileron == round(0.3 * 32767) / 32767
    assert frame.elevator == -1.0
    assert frame.rudder == 0.0
    assert frame.throttle == round(0.7 * 65535) / 65535
    assert frame.brake == round(0.5 * 65535) / 65535


def test_out_of_range_values_are_clipped():
    frame = ControlFrame(aileron=3.0, elevator=-7.0, rudder=-1.5, throttle=2.0, brake=-0.5).quantised()
    assert frame.to_array().tolist() == [1.0, -1.0, -1.0, 1.0, 0.0, 0.0]


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_values_read_as_neutral(bad):
    assert ControlFrame(bad, bad, bad, bad, bad).quantised() == NEUTRAL


def test_from_ints_rejects_a_corrupt_record():
    with pytest.raises(ValueError, match="out of range"):
        ControlFrame.from_ints((40000, 0, 0, 0, 0, 0))
    with pytest.raises(ValueError, match="out of range"):
        ControlFrame.from_ints((0, 0, 0, -1, 0, 0))
    with pytest.raises(ValueError, match="out of range"):
        ControlFrame.from_ints((0, 0, 0, 0, 0))


@given(frames)
def test_ints_round_trip_exactly(frame):
    with np.errstate(all="raise"):
        ints = frame.to_ints()
        played = ControlFrame.from_ints(ints)
        assert played == frame.quantised()
        assert played.to_array().tobytes() == frame.quantised().to_array().tobytes()
        assert played.to_ints() == ints
        assert all(type(i) is int for i in ints)


@given(frames)
def test_quantised_frames_are_in_range_and_quantising_again_changes_nothing(frame):
    with np.errstate(all="raise"):
        q = frame.quantised()
        u = q.to_array()
        assert np.isfinite(u).all()
        assert (u[:3] >= -1.0).all() and (u[:3] <= 1.0).all()
        assert (u[3:] >= 0.0).all() and (u[3:] <= 1.0).all()
        assert q.quantised() == q
        assert q.quantised().to_array().tobytes() == u.tobytes()


@given(st.tuples(*(st.integers(-32767, 32767),) * 3, *(st.integers(0, 65535),) * 2, st.integers(0, BUTTON_MASK)))
def test_the_driver_and_the_replay_read_integers_to_the_frames_own_bits(ints):
    """A live tick (controls_from_ints) and a replayed one (arrays_from_ints) fly the controls the frame gives."""
    expected = ControlFrame.from_ints(ints).to_array().tobytes()
    assert controls_from_ints(ints).tobytes() == expected
    assert arrays_from_ints(np.array([ints])).tobytes() == expected
