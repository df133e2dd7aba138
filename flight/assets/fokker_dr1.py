"""A low-poly Fokker Dr.I triplane (1917-18).

There is no aircraft file for it yet, so the dimensions are the historical ones, here: span 7.19 m (upper wing;
middle 6.23 m, lower 5.73 m), length 5.77 m, chord 1.0 m, a 2.62 m propeller on the Oberursel rotary under a
horseshoe cowling. Body axes, origin at the CG (airframe.py). Streaky olive above, pale blue below; crosses pattee
on white fields on the upper wing, the lower wing's underside, the fuselage sides and the white, fin-less rudder.
"""
from __future__ import annotations

import numpy as np

from flight.assets.airframe import (STRUT, UPRIGHT, Wing, aileron_nodes, body_node, fuselage, lozenge, machine_gun,
                                    on_ailerons, propeller, two_tone, wheel, wing_mesh, wires)
from flight.assets.far import FarPlan, far_model
from flight.assets.gltf import Mesh, Node
from flight.assets.markings import WHITE, cross_pattee, decal
from flight.assets.shapes import cylinder, disc, frustum, merge, slab, strut, transform

SPAN, MIDDLE_SPAN, LOWER_SPAN = 7.19, 6.23, 5.73  # m, historical
LENGTH = 5.77
CHORD = 1.0
PROPELLER_DIAMETER = 2.62
HUB = np.array([1.55, 0.0, 0.0])
WHEEL_RADIUS = 0.35
AXLE = np.array([0.55, 0.82, 1.10])  # right wheel; the ground is a wheel radius below

STREAKS = ((86, 92, 58), (72, 80, 46), (98, 98, 64))  # olive brushed over the clear-doped fabric
PALE_BLUE = (140, 170, 190)
COWLING = (52, 50, 46)
ENGINE = (70, 66, 60)
FABRIC = lozenge(STREAKS, (PALE_BLUE,), size=0.35)
BODY = two_tone(PALE_BLUE)

TAIL_X = HUB[0] + 0.10 - LENGTH  # the propeller boss is the front of the overall length
POST = TAIL_X + 0.62  # sternpost: rudder and elevator hinges
STATIONS = [(1.00, 0.40, -0.42, 0.42), (0.30, 0.37, -0.46, 0.48), (-0.60, 0.34, -0.44, 0.46),
            (-1.60, 0.26, -0.32, 0.36), (-2.80, 0.13, -0.19, 0.22), (POST + 0.3, 0.05, -0.12, 0.12),
            (POST, 0.02, -0.08, 0.08)]
UPPER = Wing(0.62, -1.25, CHORD, SPAN / 2, aileron_inboard=2.15, aileron_chord=0.32, section=(0.10, 0.04), panels=4)
MIDDLE = Wing(0.52, -0.36, CHORD, MIDDLE_SPAN / 2, section=(0.10, 0.04), panels=3)
LOWER = Wing(0.42, 0.50, 0.95 * CHORD, LOWER_SPAN / 2, section=(0.10, 0.04), panels=3)
STRUT_Y = 2.4  # the single broad I-strut each side, through all three wings


def fokker_dr1_model() -> Node:
    """The Dr.I as one node tree: propeller, aileron_left/right, elevator, rudder and the fixed parts."""
    wings, on_aileron = _wings()
    nodes = [body_node("fuselage", _fuselage()), body_node("wings", wings), body_node("tail", _tail()),
             body_node("wheels", _undercarriage())]
    nodes += aileron_nodes(UPPER, STREAKS[0], FABRIC, on_aileron) + _elevator_and_rudder()
    nodes.append(body_node("propeller", propeller(PROPELLER_DIAMETER / 2), HUB))
    return Node("fokker_dr1", children=nodes)


def fokker_dr1_far() -> Node:
    return far_model(FarPlan("fokker_dr1", STATIONS, [UPPER, MIDDLE, LOWER], STREAKS[0], PALE_BLUE, STREAKS[1],
                             tail=[((POST - 0.5, -1.2, -0.06), (POST + 0.6, 1.2, -0.02)),
                                   ((POST - 0.7, -0.02, -0.75), (POST, 0.02, 0.1))],
                             nacelles=[((1.52, 0, 0), (1.0, 0, 0), 0.47)],
                             wheels=[((AXLE[0], s * AXLE[1], AXLE[2]), WHEEL_RADIUS, 0.1) for s in (-1, 1)],
                             marking_y=2.65))


def _fuselage() -> Mesh:
    parts = [BODY(fuselage(STATIONS, STREAKS[1], flatness=0.25)),
             frustum((1.02, 0, 0), (HUB[0] - 0.08, 0, 0), 0.47, 0.44, COWLING, sides=14),
             disc((HUB[0] - 0.077, 0, 0), np.array([1.0, 0.0, 0.0]), 0.36, ENGINE, sides=14),
             disc((-0.75, 0.0, -0.445), np.array([0.0, 0.0, -1.0]), 0.26, COWLING)]  # cockpit
    parts += [machine_gun((-0.3, y, -0.53), (0.95, y, -0.53)) for y in (-0.1, 0.1)]
    for side in (-1.0, 1.0):  # the fuselage narrows aft, so the cross leans with the side
        normal = np.array([-0.1, side, 0.0]) / np.hypot(0.1, 1.0)
        parts += decal(cross_pattee(0.48), (-1.9, side * 0.232, 0.0), np.cross((0, 0, -1.0), normal), (0, 0, -1.0))
    return merge(parts)


def _wings() -> tuple[Mesh, Mesh]:
    """The fixed wings, and the parts of the upper crosses that lie on the ailerons."""
    parts, upper_marks = [wing_mesh(w, STREAKS[0], FABRIC) for w in (UPPER, MIDDLE, LOWER)], []
    for side in (-1.0, 1.0):
        y = side * STRUT_Y
        top = (UPPER.le_x - 0.45 * CHORD, y, UPPER.z)
        parts.append(strut((LOWER.le_x - 0.45 * LOWER.chord, y, LOWER.z), top, 0.05, 0.30, STRUT))
        for x in (0.55, -0.15):  # cabane: from the upper longerons out and up to the top wing
            parts.append(strut((x - 0.05, side * 0.30, -0.44), (x, side * 0.55, UPPER.z + 0.05), 0.035, 0.06, STRUT))
        parts += wires([((0.5, side * 0.3, -0.44), (UPPER.le_x - 0.7, side * 0.55, UPPER.z + 0.05))])
        upper_marks += decal(cross_pattee(0.85), (UPPER.le_x - 0.5 * CHORD, side * 2.65, 0.0), (0, 1, 0), (1, 0, 0),
                             UPPER.surface(True))
        parts += decal(cross_pattee(0.8), (LOWER.le_x - 0.5 * LOWER.chord, side * 2.2, 0.0), (1, 0, 0), (0, 1, 0),
                       LOWER.surface(False))
    fixed, moving = on_ailerons(UPPER, merge(upper_marks))
    return merge(parts + [fixed]), moving


def _tail() -> Mesh:
    z = -0.05
    tailplane = slab([(-1.2, POST + 0.1, POST, z), (-0.5, POST + 0.55, POST, z), (0.0, POST + 0.8, POST, z),
                      (0.5, POST + 0.55, POST, z), (1.2, POST + 0.1, POST, z)], 0.025, True, STREAKS[0])
    skid = strut((POST + 0.45, 0.0, 0.1), (POST + 0.1, 0.0, 0.45), 0.04, 0.05, STRUT)
    return merge([FABRIC(tailplane), skid])


def _elevator_and_rudder() -> list[Node]:
    halves = [slab([(sign * 0.05, 0.0, -0.42, 0.0), (sign * 0.9, 0.0, -0.5, 0.0), (sign * 1.3, 0.18, -0.3, 0.0),
                    (sign * 1.38, 0.18, -0.05, 0.0)], 0.022, False, STREAKS[0]) for sign in (-1.0, 1.0)]
    # the all-moving "comma" rudder: its span runs up (-z) from under the sternpost, bulging forward at the top
    rudder = transform(slab([(-0.15, 0.0, -0.45, 0.0), (0.2, 0.0, -0.62, 0.0), (0.5, 0.08, -0.62, 0.0),
                             (0.72, 0.14, -0.45, 0.0), (0.82, 0.05, -0.15, 0.0)], 0.025, False, WHITE), UPRIGHT)
    marks = []
    for side in (-1.0, 1.0):
        marks += decal(cross_pattee(0.38), (-0.3, side * 0.026, -0.32), (side, 0, 0), (0, 0, -1.0))
    return [body_node("elevator", FABRIC(merge(halves)), (POST, 0.0, -0.05)),
            body_node("rudder", merge([rudder] + marks), (POST, 0.0, -0.05))]


def _undercarriage() -> Mesh:
    parts = []
    for side in (-1.0, 1.0):
        axle = AXLE * (1.0, side, 1.0)
        parts += wheel(axle, WHEEL_RADIUS, 0.1, STREAKS[1])
        foot = axle - (0.0, side * 0.13, 0.0)
        parts += [strut((axle[0] + 0.45, side * 0.28, 0.46), foot, 0.04, 0.07, STRUT),
                  strut((axle[0] - 0.35, side * 0.28, 0.46), foot, 0.04, 0.07, STRUT)]
    axle_wing = Wing(AXLE[0] + 0.2, AXLE[2], 0.45, AXLE[1] - 0.07, section=(0.16, 0.02))
    parts.append(wing_mesh(axle_wing, STREAKS[1], BODY))
    parts.append(cylinder((AXLE[0], -AXLE[1], AXLE[2]), tuple(AXLE), 0.025, COWLING, sides=6))
    return merge(parts)
