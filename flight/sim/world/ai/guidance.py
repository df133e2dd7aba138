"""Lateral guidance for K aircraft: which course to fly to follow a line or circle a point, and the bank that
turns onto a course. Courses are over the ground, so a steady wind is crabbed out with no extra term. CPU-stable
operations only: the shaping curves below are rational functions, not arctan. Imports numpy and flight only.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics.atmosphere import GRAVITY
from flight.sim.dynamics.stablemath import atan2, cos, sin
from flight.sim.world.ai.loops import wrap
from flight.sim.world.ai.sensing import Track

TURN_RATE_PER_ERROR = 0.25  # rad/s of turn asked per rad of course error: a 4 s time constant on the course


def saturating_angle(z: np.ndarray) -> np.ndarray:
    """A smooth 0..+-pi/2 over z with slope 1 at 0, like arctan (within 0.2 rad of it): shapes commands; never
    use it for geometry."""
    return z / (1.0 + (2.0 / np.pi) * np.abs(z))


def bank_for_course(track: Track, tas: np.ndarray, course: np.ndarray, bank_limit: np.ndarray) -> np.ndarray:
    """About the coordinated-turn bank (tan bank = V rate / g) for a turn rate proportional to the course error."""
    rate = TURN_RATE_PER_ERROR * wrap(course - track.course)
    bank = saturating_angle(tas * rate * (1.0 / GRAVITY))
    return np.minimum(np.maximum(bank, -bank_limit), bank_limit)


def follow_line(s: Track, north: np.ndarray, east: np.ndarray, course: np.ndarray,
                lookahead: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The course that closes on the line through (north, east) along `course` within about `lookahead` metres,
    and where the aircraft is: distance along the line and across it (+ right of it), m."""
    along_n, along_e = cos(course), sin(course)
    dn, de = s.north - north, s.east - east
    along = dn * along_n + de * along_e
    across = de * along_n - dn * along_e
    return course - saturating_angle(across / lookahead), along, across


def circle_point(s: Track, north: np.ndarray, east: np.ndarray, radius: np.ndarray,
                 lookahead: np.ndarray) -> np.ndarray:
    """The course that flies to the point and then circles it clockwise (right turns) at `radius`."""
    dn, de = north - s.north, east - s.east
    distance = np.sqrt(dn * dn + de * de)
    # straight at it from far away, the tangent on the circle, outwards inside it
    return atan2(de, dn) - (0.5 * np.pi - saturating_angle((distance - radius) / lookahead))
