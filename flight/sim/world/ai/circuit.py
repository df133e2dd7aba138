"""The circuit of a grass field for K aircraft: where each is relative to the landing line, and the course and
height that fly the left-hand pattern (downwind, base, final) down a constant glide path to the touchdown point.
Sized by each type's turn radius, so a Gotha flies a wider, longer pattern than a Camel. Imports numpy, flight.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics.stablemath import cos, sin
from flight.sim.world.ai.guidance import follow_line
from flight.sim.world.ai.orders import Orders, Phase
from flight.sim.world.ai.sensing import Track
from flight.sim.world.ai.tuning import Tuning

GLIDE = 0.08  # height lost per metre flown on the approach: 4.6 deg, inside every type's idle glide at 1.3 Vs
AIM = 0.5  # the touchdown point is this share of the field's radius before its centre, leaving 1.5 radii to stop
FINAL_TURNS = 4.0  # final approach length, in turn radii: time to settle on the line and the speed
DOWNWIND_TURNS = 2.5  # downwind leg's offset from the landing line, in turn radii
LOOKAHEAD_TURNS = 2.0  # line following closes on a leg over this many turn radii
SIDE = -1.0  # a left-hand circuit: the pattern lies left of the landing line
_DOWNWIND, _BASE, _FINAL = int(Phase.DOWNWIND), int(Phase.BASE), int(Phase.FINAL)


def field_position(s: Track, o: Orders) -> tuple[np.ndarray, np.ndarray]:
    """Metres along the landing direction from the touchdown point (negative on the approach) and across the
    extended centre line (+ right of it)."""
    c, n = cos(o.heading), sin(o.heading)
    dn = s.north - (o.north - AIM * o.radius * c)
    de = s.east - (o.east - AIM * o.radius * n)
    return dn * c + de * n, de * c - dn * n


def final_length(t: Tuning, o: Orders) -> np.ndarray:
    """From the base leg to touchdown, m: the type's final, and the order's extension for its place in a queue."""
    return FINAL_TURNS * t.turn_radius + o.extend


def circuit_targets(s: Track, o: Orders, t: Tuning, phase: np.ndarray, along: np.ndarray,
                    across: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For aircraft on a leg (DOWNWIND, BASE, FINAL; anything else reads as FINAL): the course over the ground, the
    height above the field wanted here, and the glide path's sink rate (m/s, 0 where the pattern is level)."""
    c, n = cos(o.heading), sin(o.heading)
    final, offset = final_length(t, o), DOWNWIND_TURNS * t.turn_radius
    downwind, base = phase == _DOWNWIND, phase == _BASE
    # each leg as a line: a point on it (metres along, across the landing line from touchdown) and its course
    line_along = np.where(base, -final, 0.0)
    line_across = np.where(downwind, SIDE * offset, 0.0)
    toward_centre = np.where(across > 0.0, -1.0, np.where(across < 0.0, 1.0, -SIDE))
    line_course = o.heading + np.where(downwind, np.pi, np.where(base, toward_centre * (0.5 * np.pi), 0.0))
    touch_n, touch_e = o.north - AIM * o.radius * c, o.east - AIM * o.radius * n
    point_n = touch_n + line_along * c - line_across * n
    point_e = touch_e + line_along * n + line_across * c
    course, _, _ = follow_line(s, point_n, point_e, line_course, LOOKAHEAD_TURNS * t.turn_radius)
    # path length left to touchdown as an L (to the base line, along it, down the final), written so that it
    # does not jump when the leg changes: a jump in the wanted height is a dive or a zoom
    remaining = np.abs(across) + np.where(phase == _FINAL, np.maximum(-along, 0.0),
                                          final + np.maximum(along + final, 0.0))
    pattern = o.altitude - o.elevation
    on_glide = GLIDE * remaining < pattern
    height = np.where(on_glide, GLIDE * remaining, pattern)
    return course, height, np.where(on_glide, GLIDE * s.ground_speed, 0.0)
