"""Axis calibration maths: travel, inversion, dead zone, saturation, expo and trim, as properties over the whole
range (Hypothesis, with floating-point traps on for everything but underflow)."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from flight.input.curves import AxisShape

unit = st.floats(-1.0, 1.0)
TRAPS = dict(divide="raise", over="raise", invalid="raise")  # underflow is fine: a cubed 1e-133 is 0


@st.composite
def shapes(draw, trim=True):
    dead_zone = draw(st.floats(0.0, 0.5))
    saturation = draw(st.floats(max(0.05, dead_zone + 0.01), 1.0))
    return AxisShape(invert=draw(st.booleans()), dead_zone=dead_zone, saturation=saturation,
                     expo=draw(st.floats(0.0, 1.0)), trim=draw(st.floats(-0.5, 0.5)) if trim else 0.0)


@given(shapes(), st.floats(-5.0, 5.0))
def test_commands_stay_in_range(shape, raw):
    with np.errstate(**TRAPS):
        assert -1.0 <= shape.stick(raw) <= 1.0
        assert 0.0 <= shape.lever(raw) <= 1.0


@given(shapes(trim=False), unit, unit)
def test_the_stick_is_monotonic_and_inversion_turns_it_round(shape, a, b):
    low, high = sorted((a, b))
    sign = -1.0 if shape.invert else 1.0
    with np.errstate(**TRAPS):
        assert sign * shape.stick(low) <= sign * shape.stick(high)
        flipped = AxisShape(invert=not shape.invert, dead_zone=shape.dead_zone, saturation=shape.saturation,
                            expo=shape.expo)
        assert flipped.stick(a) == pytest.approx(-shape.stick(a), abs=1e-12)
        assert shape.stick(-a) == pytest.approx(-shape.stick(a), abs=1e-12), "odd about the centre"


@given(shapes(trim=False), unit)
def test_inside_the_dead_zone_is_exactly_centred_and_saturation_is_full(shape, raw):
    if abs(raw) <= shape.dead_zone:
        assert shape.stick(raw) == 0.0
    if abs(raw) >= shape.saturation:
        assert abs(shape.stick(raw)) == 1.0


@given(st.floats(0.0, 0.45), st.floats(0.0, 1.0))
def test_leaving_the_dead_zone_has_no_jump(dead_zone, expo):
    shape = AxisShape(dead_zone=dead_zone, expo=expo)
    assert shape.stick(dead_zone + 1e-9) == pytest.approx(0.0, abs=1e-6)


@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_expo_softens_the_middle_but_keeps_the_ends(expo, raw):
    shape = AxisShape(dead_zone=0.0, expo=expo)
    assert shape.stick(1.0) == 1.0 and shape.stick(0.0) == 0.0
    assert shape.stick(raw) <= AxisShape(dead_zone=0.0).stick(raw) + 1e-12


@given(st.floats(-0.5, 0.5), unit)
def test_trim_adds_an_offset_then_clips(trim, raw):
    plain, trimmed = AxisShape(dead_zone=0.0), AxisShape(dead_zone=0.0, trim=trim)
    assert trimmed.stick(raw) == pytest.approx(np.clip(plain.stick(raw) + trim, -1, 1))
    assert trimmed.stick(0.0) == pytest.approx(trim)


def test_worked_examples():
    assert AxisShape(dead_zone=0.1).stick(0.55) == pytest.approx(0.5)
    assert AxisShape(dead_zone=0.0, expo=1.0).stick(0.5) == pytest.approx(0.125)
    assert AxisShape(dead_zone=0.0, saturation=0.8).stick(-0.4) == pytest.approx(-0.5)


@pytest.mark.parametrize("raw_range, invert, idle, full", [
    ((-1.0, 1.0), False, -1.0, 1.0),  # a lever read -1..1
    ((0.0, 1.0), False, 0.0, 1.0),    # read 0..1
    ((0.0, 1.0), True, 1.0, 0.0),     # read 1..0: full power at 0
    ((1.0, 0.0), False, 1.0, 0.0),    # the same, said by its range
])
def test_levers_read_any_way_round(raw_range, invert, idle, full):
    shape = AxisShape(raw_range=raw_range, invert=invert, dead_zone=0.0)
    assert shape.lever(idle) == 0.0 and shape.lever(full) == 1.0
    assert shape.lever((idle + full) / 2) == pytest.approx(0.5)


def test_a_lever_dead_zone_is_at_the_closed_end():
    shape = AxisShape(raw_range=(0.0, 1.0), dead_zone=0.1)
    assert shape.lever(0.05) == 0.0 and shape.lever(1.0) == 1.0 and shape.lever(0.55) == pytest.approx(0.5)


def test_a_non_finite_reading_is_the_centre_of_the_travel():
    assert AxisShape().stick(float("nan")) == 0.0


def test_arrays_and_scalars_agree():
    shape = AxisShape(dead_zone=0.07, expo=0.4, trim=0.02, invert=True)
    raw = np.linspace(-1.2, 1.2, 97)
    assert np.array_equal(shape.stick(raw), [shape.stick(float(r)) for r in raw])


@pytest.mark.parametrize("changes, names", [
    ({"dead_zone": 0.6}, "dead_zone"), ({"saturation": 0.04}, "saturation"), ({"expo": 1.5}, "expo"),
    ({"trim": -0.7}, "trim"), ({"raw_range": (1.0, 1.0)}, "raw_range"), ({"invert": 1}, "invert"),
    ({"dead_zone": 0.3, "saturation": 0.3}, "saturation"),
])
def test_bad_shapes_are_refused_naming_the_field(changes, names):
    with pytest.raises(ValueError, match=names):
        AxisShape(**changes)
