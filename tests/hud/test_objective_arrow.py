"""The objective arrow turns by the target's bearing relative to the heading: up is dead ahead, right is to
starboard, on screen."""
import dataclasses
import math

import numpy as np
import pytest

from flight.hud.objective_arrow import ObjectiveArrow, relative_bearing
from tests.hud.helpers import frames


def heading(snapshot, degrees, north=0.0, east=0.0):
    return dataclasses.replace(snapshot, euler=np.array([[0.0, 0.0, math.radians(degrees)]]),
                               pos=np.array([[north, east, -100.0]]))


@pytest.mark.parametrize("heading_deg, target, expected", [
    (0.0, (1000.0, 0.0), 0.0),  # north, flying north: dead ahead
    (0.0, (0.0, 1000.0), 90.0),  # east, flying north: to the right
    (0.0, (-1000.0, 0.0), -180.0),  # south, flying north: behind
    (90.0, (1000.0, 0.0), -90.0),  # north, flying east: to the left
    (90.0, (0.0, 1000.0), 0.0),
    (270.0, (-1000.0, 0.0), -90.0),  # south, flying west: to the left
    (200.0, (-1000.0, 0.0), -20.0),
])
def test_relative_bearing(parked, heading_deg, target, expected):
    assert relative_bearing(heading(parked, heading_deg), target) == pytest.approx(expected)


def test_the_bearing_is_from_the_aircraft_not_the_origin(parked):
    assert relative_bearing(heading(parked, 0.0, north=2000.0, east=-1000.0), (1000.0, 0.0)) == pytest.approx(135.0)


def tip_on_screen(arrow):
    """Where the arrow's tip is, in the anchor's (screen) axes relative to the arrow's centre: x right, z up."""
    tip = arrow.node.get_relative_point(arrow.arrow, (0.0, 0.0, 0.055))
    return tip.x, tip.z


def test_the_arrow_points_at_the_target_on_screen(base, provider):
    arrow = ObjectiveArrow(base.a2dTopCenter, (0.0, -0.2), provider, base.task_mgr)
    provider.snapshot = heading(provider.snapshot, 0.0)
    frames(base)
    assert arrow.arrow.is_hidden(), "nothing to point at yet"
    arrow.point_at((0.0, 1000.0))  # east, flying north
    frames(base)
    assert not arrow.arrow.is_hidden()
    assert tip_on_screen(arrow) == pytest.approx((0.055, 0.0), abs=1e-6), "to the right"
    provider.snapshot = heading(provider.snapshot, 180.0)
    frames(base)
    assert tip_on_screen(arrow) == pytest.approx((-0.055, 0.0), abs=1e-6), "to the left"
    arrow.point_at((-1000.0, 0.0))  # south, flying south
    frames(base)
    assert tip_on_screen(arrow) == pytest.approx((0.0, 0.055), abs=1e-6), "straight ahead"
    arrow.point_at(None)
    assert arrow.arrow.is_hidden()
    arrow.destroy()


def test_the_arrow_turns_only_by_a_visible_amount(base, provider):
    arrow = ObjectiveArrow(base.a2dTopCenter, (0.0, -0.2), provider, base.task_mgr)
    arrow.point_at((1000.0, 0.0))
    provider.snapshot = heading(provider.snapshot, 10.0)
    frames(base)
    assert arrow.arrow.get_r() == pytest.approx(-10.0)
    provider.snapshot = heading(provider.snapshot, 10.2)
    frames(base)
    assert arrow.arrow.get_r() == pytest.approx(-10.0)
    provider.snapshot = heading(provider.snapshot, 11.0)
    frames(base)
    assert arrow.arrow.get_r() == pytest.approx(-11.0)
    arrow.destroy()
