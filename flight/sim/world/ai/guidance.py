"""Lateral guidance for K aircraft: which course to fly to follow a line or circle a point, and the bank that
turns onto a course. Courses are over the ground, so a steady wind is crabbed out with no extra term. CPU-stable
operations only: the shaping curves below are rational functions, not arctan. Scalar kernels, called by the
guidance pass's kernels. Imports numpy, numba and flight only.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics.atmosphere import GRAVITY
from flight.sim.jit import kernel
from flight.sim.dynamics.stablemath import atan2_1, cos1, maximum, minimum, sin1
from flight.sim.world.ai.loops import wrap1

TURN_RATE_PER_ERROR = 0.25  # rad/s of turn asked per rad of course error: a 4 s time constant on the course


@kernel
def saturating_angle1(z):
    """A smooth 0..+-pi/2 over z with slope 1 at 0, like arctan (within 0.2 rad of it): shapes commands; never
    use it for geometry."""
    return z / (1.0 + (2.0 / np.pi) * abs(z))


@kernel
def bank_for_course1(track_course, tas, course, bank_limit):
    """About the coordinated-turn bank (tan bank = V rate / g) for a turn rate proportional to the course error."""
    rate = TURN_RATE_PER_ERROR * wrap1(course - track_course)
    bank = saturating_angle1(tas * rate * (1.0 / GRAVITY))
    return minimum(maximum(bank, -bank_limit), bank_limit)


@kernel
def follow_line1(own_north, own_east, north, east, course, lookahead):
    """The course that closes on the line through (north, east) along `course` within about `lookahead` metres."""
    along_n, along_e = cos1(course), sin1(course)
    dn, de = own_north - north, own_east - east
    across = de * along_n - dn * along_e
    return course - saturating_angle1(across / lookahead)


@kernel
def circle_point1(own_north, own_east, north, east, radius, lookahead):
    """The course that flies to the point and then circles it clockwise (right turns) at `radius`."""
    dn, de = north - own_north, east - own_east
    distance = np.sqrt(dn * dn + de * de)
    # straight at it from far away, the tangent on the circle, outwards inside it
    return atan2_1(de, dn) - (0.5 * np.pi - saturating_angle1((distance - radius) / lookahead))
