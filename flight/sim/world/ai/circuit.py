"""The circuit of a grass field for K aircraft: where each is relative to the landing line, and the course and
height that fly the left-hand pattern (downwind, base, final) down a constant glide path to the touchdown point.
Sized by each type's turn radius, so a Gotha flies a wider, longer pattern than a Camel. Scalar kernels, called by
the behaviours' kernel. Imports numpy, numba and flight only.
"""
from __future__ import annotations

import numpy as np

from flight.sim.jit import kernel
from flight.sim.dynamics.stablemath import cos1, maximum, sin1
from flight.sim.world.ai.guidance import follow_line1
from flight.sim.world.ai.orders import Phase

GLIDE = 0.08  # height lost per metre flown on the approach: 4.6 deg, inside every type's idle glide at 1.3 Vs
AIM = 0.5  # the touchdown point is this share of the field's radius before its centre, leaving 1.5 radii to stop
FINAL_TURNS = 4.0  # final approach length, in turn radii: time to settle on the line and the speed
DOWNWIND_TURNS = 2.5  # downwind leg's offset from the landing line, in turn radii
LOOKAHEAD_TURNS = 2.0  # line following closes on a leg over this many turn radii
SIDE = -1.0  # a left-hand circuit: the pattern lies left of the landing line
_DOWNWIND, _BASE, _FINAL = int(Phase.DOWNWIND), int(Phase.BASE), int(Phase.FINAL)


@kernel
def field_position1(own_north, own_east, north, east, heading, radius):
    """Metres along the landing direction from the touchdown point (negative on the approach) and across the
    extended centre line (+ right of it)."""
    c, n = cos1(heading), sin1(heading)
    dn = own_north - (north - AIM * radius * c)
    de = own_east - (east - AIM * radius * n)
    return dn * c + de * n, de * c - dn * n


@kernel
def final_length1(turn_radius, extend):
    """From the base leg to touchdown, m: the type's final, and the order's extension for its place in a queue."""
    return FINAL_TURNS * turn_radius + extend


@kernel
def circuit_targets1(own_north, own_east, ground_speed, north, east, heading, radius, altitude, elevation, extend,
                     turn_radius, phase, along, across):
    """For an aircraft on a leg (DOWNWIND, BASE, FINAL; anything else reads as FINAL): the course over the ground,
    the height above the field wanted here, and the glide path's sink rate (m/s, 0 where the pattern is level)."""
    c, n = cos1(heading), sin1(heading)
    final, offset = final_length1(turn_radius, extend), DOWNWIND_TURNS * turn_radius
    downwind, base = phase == _DOWNWIND, phase == _BASE
    # each leg as a line: a point on it (metres along, across the landing line from touchdown) and its course
    line_along = -final if base else 0.0
    line_across = SIDE * offset if downwind else 0.0
    toward_centre = -1.0 if across > 0.0 else (1.0 if across < 0.0 else -SIDE)
    line_course = heading + (np.pi if downwind else (toward_centre * (0.5 * np.pi) if base else 0.0))
    touch_n, touch_e = north - AIM * radius * c, east - AIM * radius * n
    point_n = touch_n + line_along * c - line_across * n
    point_e = touch_e + line_along * n + line_across * c
    course = follow_line1(own_north, own_east, point_n, point_e, line_course, LOOKAHEAD_TURNS * turn_radius)
    # path length left to touchdown as an L (to the base line, along it, down the final), written so that it
    # does not jump when the leg changes: a jump in the wanted height is a dive or a zoom
    remaining = abs(across) + (maximum(-along, 0.0) if phase == _FINAL else final + maximum(along + final, 0.0))
    pattern = altitude - elevation
    if GLIDE * remaining < pattern:  # on the glide path
        return course, GLIDE * remaining, GLIDE * ground_speed
    return course, pattern, 0.0
