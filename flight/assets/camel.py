"""A low-poly Sopwith Camel F.1 from the flight model's own numbers (span, length, chord, propeller hub).

Built in body axes (x forward, y right, z down, origin at the CG, so the app places the node at the fleet's
position) and turned into glTF axes at the end. Hinged parts are nodes whose origin lies on the hinge and whose
local x (Panda3D's, after loading) runs along it; the propeller's origin is the hub and it spins about local y.
"""
from __future__ import annotations

import numpy as np

from flight.assets import shapes
from flight.assets.airframe import (STRUT, TYRE, UPRIGHT, WOOD, Wing, aileron_nodes, bay_struts, body_node, fuselage,
                                    on_ailerons, propeller, two_tone, wheel, wing_mesh)
from flight.assets.far import FarPlan, far_model
from flight.assets.gltf import Mesh, Node
from flight.assets.markings import decal, roundel
from flight.assets.shapes import cylinder, disc, merge, paint, slab, strut
from flight.sim.dynamics.spec import AircraftSpec

PC10 = (82, 78, 50)  # khaki-green protective dope
CLEAR_DOPE = (214, 198, 160)  # the undersides: linen under clear dope
COWLING = (30, 30, 32)
ENGINE = (62, 60, 58)
RUDDER_STRIPES = ((38, 54, 120), (236, 234, 226), (178, 34, 34))  # from the hinge aft

GAP = 1.50  # between the wings, m
STAGGER = 0.46  # upper wing ahead of the lower (18 in)
DIHEDRAL = np.radians(5.0)  # lower wing only; the Camel's upper wing was flat
AILERON_CHORD = 0.36
AILERON_INBOARD = 2.2  # m from the centre line
UPPER_Z = -0.92
UPPER_LE = 0.70
WHEEL_RADIUS = 0.35
DOPE = two_tone(CLEAR_DOPE)


def camel_model(spec: AircraftSpec) -> Node:
    """The Camel as one node tree, named parts as the app expects (propeller, aileron_*, elevator, rudder)."""
    upper, lower = _wing_plan(spec)
    hub = np.array(spec.engine.positions[0])
    tail_x = hub[0] + 0.10 - spec.length  # the propeller boss is the front of the overall length
    wings, (upper_marks, lower_marks) = _wings(upper, lower)
    nodes = [body_node("fuselage", _fuselage(hub, tail_x)), body_node("wings", wings),
             body_node("tail", _tail(tail_x)), body_node("wheels", _wheels(spec))]
    nodes += aileron_nodes(upper, PC10, DOPE, upper_marks) + aileron_nodes(lower, PC10, DOPE, lower_marks)
    nodes += _elevator_and_rudder(tail_x)
    nodes.append(body_node("propeller", propeller(spec.propeller.diameter / 2), hub))
    return Node("camel", children=nodes)


def camel_far(spec: AircraftSpec) -> Node:
    """The far level of detail (far.py)."""
    upper, lower = _wing_plan(spec)
    hub = spec.engine.positions[0]
    post = hub[0] + 0.10 - spec.length + 0.55
    stations = [(0.98, 0.38, -0.36, 0.46), (-0.20, 0.40, -0.54, 0.58), (-2.00, 0.26, -0.31, 0.38),
                (post, 0.03, -0.15, 0.04)]
    return far_model(FarPlan("camel", stations, [upper, lower], PC10, CLEAR_DOPE, PC10,
                             tail=[((post - 0.5, -1.5, -0.14), (post + 0.95, 1.5, -0.10)),
                                   ((post - 0.5, -0.02, -0.62), (post + 0.5, 0.02, -0.12))],
                             nacelles=[((hub[0] - 0.07, 0, hub[2]), (0.95, 0, hub[2]), 0.5)],
                             wheels=[((c.position[0], c.position[1], c.position[2] - WHEEL_RADIUS), WHEEL_RADIUS, 0.09)
                                     for c in spec.contacts if c.kind == "wheel"],
                             marking="roundel", marking_y=3.3))


def _wing_plan(spec: AircraftSpec) -> tuple[Wing, Wing]:
    upper = Wing(UPPER_LE, UPPER_Z, spec.chord, spec.span / 2, aileron_inboard=AILERON_INBOARD,
                 aileron_chord=AILERON_CHORD)
    lower = Wing(UPPER_LE - STAGGER, UPPER_Z + GAP, spec.chord, spec.span / 2, DIHEDRAL, AILERON_INBOARD,
                 AILERON_CHORD, "_lower")
    return upper, lower


def _fuselage(hub: np.ndarray, tail_x: float) -> Mesh:
    # (x, half width, top z, bottom z): cowling ring, hump over the guns, cockpit, taper to the sternpost
    stations = [(0.98, 0.38, -0.36, 0.46), (0.60, 0.42, -0.54, 0.58), (-0.20, 0.40, -0.54, 0.58),
                (-0.90, 0.37, -0.44, 0.55), (-2.00, 0.26, -0.31, 0.38), (-3.00, 0.15, -0.22, 0.20),
                (tail_x + 0.55, 0.03, -0.15, 0.04)]
    body = DOPE(fuselage(stations, PC10))
    cowl_front = hub[0] - 0.07
    parts = [body,
             cylinder((0.95, 0.0, hub[2]), (cowl_front, 0.0, hub[2]), 0.50, COWLING, sides=20),
             disc((cowl_front + 0.003, 0.0, hub[2]), np.array([1.0, 0.0, 0.0]), 0.40, ENGINE, sides=20),
             disc((-0.55, 0.0, -0.496), np.array([-0.142, 0.0, -0.99]), 0.24, TYRE)]  # cockpit, on the sloping deck
    parts += [cylinder((1.05, y, -0.56), (0.10, y, -0.56), 0.055, COWLING, sides=8) for y in (-0.11, 0.11)]
    for side in (-1.0, 1.0):  # the fuselage narrows aft, so the disc leans with the side
        normal = np.array([-0.11, side, 0.0]) / np.hypot(0.11, 1.0)
        parts += decal(roundel(0.22), (-2.2, side * 0.255, 0.03), np.cross((0, 0, -1.0), normal), (0, 0, -1.0))
    return merge(parts)


def _wings(upper: Wing, lower: Wing) -> tuple[Mesh, tuple[Mesh, Mesh]]:
    """The fixed wings, and the parts of the roundels that lie on the upper and lower ailerons."""
    parts = [wing_mesh(upper, PC10, DOPE), wing_mesh(lower, PC10, DOPE)]
    parts += bay_struts(lower, upper, (-3.0, 3.0), (0.25 / upper.chord, 1.0 / upper.chord))
    for y in (-0.32, 0.32):  # cabane
        for aft in (0.15, 0.85):
            parts.append(strut((UPPER_LE - aft - 0.1, y * 0.9, -0.48), (UPPER_LE - aft, y, UPPER_Z + 0.04),
                               0.03, 0.07, STRUT))
    moving = []
    for w, top in ((upper, True), (lower, False)):
        u, v = ((0, 1, 0), (1, 0, 0)) if top else ((1, 0, 0), (0, 1, 0))
        marks = merge([m for y in (-3.3, 3.3) for m in
                       decal(roundel(0.56), (w.le_x - 0.5 * w.chord, y, 0.0), u, v, w.surface(top))])
        fixed, on_aileron = on_ailerons(w, marks)
        parts.append(fixed)
        moving.append(on_aileron)
    return merge(parts), (moving[0], moving[1])


def _tail(tail_x: float) -> Mesh:
    post = tail_x + 0.55  # sternpost: the rudder and elevator hinges
    tailplane = slab([(-1.5, post + 0.35, post, -0.12), (-1.2, post + 0.80, post, -0.12), (-0.1, post + 0.95, post, -0.12),
                      (0.1, post + 0.95, post, -0.12), (1.2, post + 0.80, post, -0.12), (1.5, post + 0.35, post, -0.12)],
                     0.025, True, PC10)
    fin = shapes.transform(slab([(0.12, post + 0.55, post, 0.0), (0.62, post + 0.04, post, 0.0)], 0.02, True, PC10),
                           UPRIGHT)  # span y -> up (-z)
    skid = strut((post + 0.25, 0.0, 0.06), (-4.0, 0.0, 0.6), 0.04, 0.05, WOOD)
    return merge([DOPE(tailplane), fin, skid])


def _elevator_and_rudder(tail_x: float) -> list[Node]:
    post = tail_x + 0.55
    chord = post - (tail_x + 0.05)
    halves = [slab([(sign * 0.08, 0.0, -0.8 * chord, 0.0), (sign * 1.2, 0.0, -chord, 0.0),
                    (sign * 1.5, 0.0, -0.45 * chord, 0.0)], 0.022, False, PC10) for sign in (-1.0, 1.0)]
    # the rudder's span runs up (-z) from below the fuselage to the fin top: a D shape
    rudder = slab([(-0.32, 0.0, -0.40, 0.0), (0.0, 0.0, -0.55, 0.0), (0.45, 0.0, -0.55, 0.0), (0.65, 0.0, -0.45, 0.0),
                   (0.78, 0.0, -0.2, 0.0)], 0.02, False, PC10)
    rudder = shapes.transform(rudder, UPRIGHT)
    aft = shapes.face_centres(rudder)[:, 0] / -0.55  # rough fraction of the local chord: the bands' edges
    for i, colour in enumerate(RUDDER_STRIPES):
        rudder = paint(rudder, (aft >= i / 3 - 0.2 * (i == 0)) & (aft < (i + 1) / 3 + (i == 2)), colour)
    return [body_node("elevator", DOPE(merge(halves)), (post, 0.0, -0.12)),
            body_node("rudder", rudder, (post, 0.0, -0.12))]


def _wheels(spec: AircraftSpec) -> Mesh:
    wheel_at = {c.name: np.array(c.position) for c in spec.contacts if c.kind == "wheel"}
    parts = []
    for contact in wheel_at.values():
        axle = contact - np.array([0.0, 0.0, WHEEL_RADIUS])
        side = np.sign(axle[1])
        parts += wheel(axle, WHEEL_RADIUS, 0.09, CLEAR_DOPE)
        foot = axle - (0.0, side * 0.1, 0.0)
        parts += [strut((0.85, side * 0.30, 0.50), foot, 0.04, 0.07, STRUT),
                  strut((0.05, side * 0.30, 0.55), foot, 0.04, 0.07, STRUT)]
    left, right = sorted(wheel_at.values(), key=lambda p: p[1])
    parts.append(cylinder(left - (0, 0.1, WHEEL_RADIUS), right + (0, 0.1, -WHEEL_RADIUS), 0.03, COWLING, sides=6))
    return merge(parts)
