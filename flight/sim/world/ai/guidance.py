"""Lateral guidance for K aircraft: which course to fly to follow a line or circle a point, and the bank that
turns onto a course. Courses are over the ground, so a steady wind is crabbed out with no extra term. CPU-stable
operations only: the shaping curves below are rational functions, not arctan. Scalar kernels (the behaviours'
kernel calls them) with array forms for the guidance's numpy code. Imports numpy, numba and flight only.
"""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.dynamics.atmosphere import GRAVITY
from flight.sim.jit import kernel
from flight.sim.dynamics.stablemath import atan2_1, cos1, maximum, minimum, sin1
from flight.sim.world.ai.loops import wrap1
from flight.sim.world.ai.sensing import Track

TURN_RATE_PER_ERROR = 0.25  # rad/s of turn asked per rad of course error: a 4 s time constant on the course
_F1 = types.float64[::1]


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


@kernel(types.void(_F1, _F1))
def _saturating_all(z, out):
    for k in range(z.size):
        out[k] = saturating_angle1(z[k])


@kernel(types.void(_F1, _F1, _F1, _F1, _F1))
def _bank_for_course_all(track_course, tas, course, bank_limit, out):
    for k in range(out.size):
        out[k] = bank_for_course1(track_course[k], tas[k], course[k], bank_limit[k])


@kernel(types.void(_F1, _F1, _F1, _F1, _F1, _F1, _F1))
def _circle_point_all(own_north, own_east, north, east, radius, lookahead, out):
    for k in range(out.size):
        out[k] = circle_point1(own_north[k], own_east[k], north[k], east[k], radius[k], lookahead[k])


def _rows(*arrays):
    shaped = np.broadcast_arrays(*(np.asarray(a, dtype=np.float64) for a in arrays))
    return shaped[0].shape, [np.ascontiguousarray(a).ravel() for a in shaped]


def saturating_angle(z: np.ndarray) -> np.ndarray:
    shape, (z,) = _rows(z)
    out = np.empty(z.size)
    _saturating_all(z, out)
    return out.reshape(shape)


def bank_for_course(track: Track, tas: np.ndarray, course: np.ndarray, bank_limit: np.ndarray) -> np.ndarray:
    shape, rows = _rows(track.course, tas, course, bank_limit)
    out = np.empty(rows[0].size)
    _bank_for_course_all(*rows, out)
    return out.reshape(shape)


def circle_point(s: Track, north: np.ndarray, east: np.ndarray, radius: np.ndarray,
                 lookahead: np.ndarray) -> np.ndarray:
    shape, rows = _rows(s.north, s.east, north, east, radius, lookahead)
    out = np.empty(rows[0].size)
    _circle_point_all(*rows, out)
    return out.reshape(shape)
