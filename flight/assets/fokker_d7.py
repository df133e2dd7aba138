"""A low-poly Fokker D.VII (1918) from its aircraft file: span, chord, length, propeller hub, wheels and the
structure points (upper and lower wing tips give the wing heights, so the gap is the file's).

Body axes, origin at the CG (airframe.py). Lozenge-printed wings and tail, an olive fuselage with a grey-green
metal nose and its car-type radiator, twin Spandaus, N-struts, the axle wing; Balkenkreuze on the upper wing's top,
the lower wing's underside, the fuselage sides and the white rudder.
"""
from __future__ import annotations

import numpy as np

from flight.assets.airframe import (STRUT, UPRIGHT, Wing, aileron_nodes, bay_struts, body_node, fuselage, lozenge,
                                    machine_gun, propeller, two_tone, wheel, wing_mesh, wires)
from flight.assets.far import FarPlan, far_model
from flight.assets.gltf import Mesh, Node
from flight.assets.markings import WHITE, balkenkreuz, decal
from flight.assets.shapes import box, cylinder, disc, merge, paint, slab, strut, transform
from flight.sim.dynamics.spec import AircraftSpec

OLIVE = (66, 76, 50)
PALE_BLUE = (150, 168, 172)  # fuselage underside
NOSE = (112, 120, 104)  # painted metal panels
RADIATOR = (34, 34, 30)
EXHAUST = (92, 62, 44)
LOZENGE_UPPER = ((46, 54, 82), (80, 60, 92), (58, 82, 56), (138, 116, 64), (44, 48, 52))
LOZENGE_UNDER = ((150, 138, 176), (128, 150, 172), (172, 160, 120), (138, 160, 132))
FABRIC = lozenge(LOZENGE_UPPER, LOZENGE_UNDER)
BODY = two_tone(PALE_BLUE)

WHEEL_RADIUS = 0.38  # 760 x 100 mm tyres
STAGGER = 0.30
LOWER_CHORD = 0.85  # of the upper wing's
LOWER_SPAN = 7.0  # m
SECTION = (0.11, 0.04)  # the thick Goettingen aerofoil of the cantilever-style wing


def plan(spec: AircraftSpec) -> tuple[list[tuple], Wing, Wing, float]:
    """Fuselage stations, the upper and lower wings and the sternpost x, from the aircraft file."""
    hub = spec.engine.positions[0]
    tip = {c.name: c.position for c in spec.contacts}
    tail_x = hub[0] + 0.10 - spec.length  # the propeller boss is the front of the overall length
    post = tail_x + 0.55
    stations = [(hub[0] - 0.13, 0.36, -0.40, 0.42), (hub[0] - 0.30, 0.38, -0.46, 0.48), (0.60, 0.40, -0.50, 0.58),
                (-0.40, 0.39, -0.52, 0.56), (-1.40, 0.34, -0.46, 0.48), (-2.80, 0.22, -0.33, 0.33),
                (post + 0.35, 0.08, -0.20, 0.16), (post, 0.02, -0.16, 0.10)]
    upper = Wing(0.95, tip["right_upper_wingtip"][2] + 0.03, spec.chord, spec.span / 2, aileron_inboard=2.95,
                 aileron_chord=0.42, section=SECTION, panels=6)
    lower = Wing(0.95 - STAGGER, tip["right_lower_wingtip"][2] - 0.04, LOWER_CHORD * spec.chord, LOWER_SPAN / 2,
                 section=SECTION, panels=4)
    return stations, upper, lower, post


def fokker_d7_model(spec: AircraftSpec) -> Node:
    """The D.VII as one node tree: propeller, aileron_left/right, elevator, rudder and the fixed parts."""
    stations, upper, lower, post = plan(spec)
    hub = np.array(spec.engine.positions[0])
    nodes = [body_node("fuselage", _fuselage(stations, hub)), body_node("wings", _wings(upper, lower)),
             body_node("tail", _tail(post)), body_node("wheels", _undercarriage(spec))]
    nodes += aileron_nodes(upper, LOZENGE_UPPER[0], FABRIC) + _elevator_and_rudder(post)
    nodes.append(body_node("propeller", propeller(spec.propeller.diameter / 2), hub))
    return Node("fokker_d7", children=nodes)


def fokker_d7_far(spec: AircraftSpec) -> Node:
    stations, upper, lower, post = plan(spec)
    axle = [c.position for c in spec.contacts if c.kind == "wheel"]
    return far_model(FarPlan("fokker_d7", stations, [upper, lower], LOZENGE_UPPER[2], LOZENGE_UNDER[1], OLIVE,
                             tail=[((post - 0.55, -1.6, -0.14), (post + 0.9, 1.6, -0.10)),
                                   ((post - 0.55, -0.02, -0.85), (post + 0.5, 0.02, -0.14))],
                             wheels=[((p[0], p[1], p[2] - WHEEL_RADIUS), WHEEL_RADIUS, 0.1) for p in axle],
                             marking_y=2.2))


def _fuselage(stations: list[tuple], hub: np.ndarray) -> Mesh:
    body = BODY(fuselage(stations, OLIVE, flatness=0.2))
    body = paint(body, (body.positions.reshape(-1, 3, 3)[:, :, 0].min(axis=1) > 0.55), NOSE)  # the metal nose
    front = stations[0][0]
    parts = [body, box((front, -0.33, -0.37), (front + 0.02, 0.33, 0.38), RADIATOR),
             disc((-0.85, 0.0, -0.508), np.array([-0.06, 0.0, -1.0]), 0.27, RADIATOR),  # cockpit on the deck
             cylinder((0.5, 0.2, -0.5), (-0.9, 0.2, -0.5), 0.05, OLIVE, sides=6),  # coaming
             cylinder((0.5, -0.2, -0.5), (-0.9, -0.2, -0.5), 0.05, OLIVE, sides=6),
             cylinder((1.45, 0.42, -0.15), (0.15, 0.42, -0.15), 0.06, EXHAUST, sides=6),  # manifold, right side
             cylinder((0.15, 0.42, -0.15), (0.0, 0.55, 0.1), 0.06, EXHAUST, sides=6)]
    parts += [machine_gun((-0.35, y, -0.6), (0.85, y, -0.6)) for y in (-0.11, 0.11)]
    for side in (-1.0, 1.0):  # the fuselage narrows aft, so the cross leans with the side
        normal = np.array([-0.086, side, 0.0]) / np.hypot(0.086, 1.0)
        parts += decal(balkenkreuz(0.62), (-2.4, side * 0.256, 0.0), np.cross((0, 0, -1.0), normal), (0, 0, -1.0))
    return merge(parts)


def _wings(upper: Wing, lower: Wing) -> Mesh:
    parts = [wing_mesh(upper, LOZENGE_UPPER[0], FABRIC), wing_mesh(lower, LOZENGE_UPPER[0], FABRIC)]
    bay = 2.45
    for side in (-1.0, 1.0):  # N-struts: front and rear legs and the diagonal between them
        y = side * bay
        parts += bay_struts(lower, upper, (y,), (0.12, 0.75), 0.035, 0.08)
        parts.append(strut((lower.le_x - 0.12 * lower.chord, y, lower.z_at(y)),
                           (upper.le_x - 0.75 * upper.chord, y, upper.z_at(y)), 0.03, 0.06, STRUT))
        for x in (0.85, -0.05):  # cabane, splayed out from the upper longerons
            parts.append(strut((x - 0.1, side * 0.32, -0.5), (x, side * 0.62, upper.z + 0.06), 0.03, 0.06, STRUT))
        parts += decal(balkenkreuz(1.15), (upper.le_x - 0.5 * upper.chord, side * 2.2, 0.0), (0, 1, 0), (1, 0, 0),
                       upper.surface(True))
        parts += decal(balkenkreuz(1.0), (lower.le_x - 0.5 * lower.chord, side * 2.3, 0.0), (1, 0, 0), (0, 1, 0),
                       lower.surface(False))
    return merge(parts)


def _tail(post: float) -> Mesh:
    z = -0.12
    tailplane = slab([(-1.55, post + 0.25, post, z), (-0.9, post + 0.75, post, z), (0.0, post + 1.05, post, z),
                      (0.9, post + 0.75, post, z), (1.55, post + 0.25, post, z)], 0.03, True, LOZENGE_UPPER[0])
    fin = transform(slab([(0.14, post + 0.75, post, 0.0), (0.80, post + 0.05, post, 0.0)], 0.025, True, OLIVE), UPRIGHT)
    skid = strut((post + 0.6, 0.0, 0.12), (post - 0.05, 0.0, 0.55), 0.04, 0.06, STRUT)
    return merge([FABRIC(tailplane), BODY(fin), skid])


def _elevator_and_rudder(post: float) -> list[Node]:
    halves = [slab([(sign * 0.06, 0.0, -0.45, 0.0), (sign * 1.2, 0.0, -0.55, 0.0), (sign * 1.7, 0.22, -0.35, 0.0),
                    (sign * 1.85, 0.22, -0.05, 0.0)], 0.025, False, LOZENGE_UPPER[0]) for sign in (-1.0, 1.0)]
    # the rudder's span runs up (-z) from below the sternpost to a horn balance over the fin
    rudder = slab([(-0.08, 0.0, -0.42, 0.0), (0.35, 0.0, -0.58, 0.0), (0.72, 0.0, -0.52, 0.0),
                   (0.86, 0.25, -0.35, 0.0), (0.94, 0.2, -0.1, 0.0)], 0.025, False, WHITE)
    rudder = transform(rudder, UPRIGHT)
    marks = []
    for side in (-1.0, 1.0):
        marks += decal(balkenkreuz(0.5), (-0.3, side * 0.026, -0.38), (side, 0, 0), (0, 0, -1.0))
    return [body_node("elevator", FABRIC(merge(halves)), (post, 0.0, -0.12)),
            body_node("rudder", merge([rudder] + marks), (post, 0.0, -0.12))]


def _undercarriage(spec: AircraftSpec) -> Mesh:
    wheels = [np.array(c.position) - (0.0, 0.0, WHEEL_RADIUS) for c in spec.contacts if c.kind == "wheel"]
    parts = []
    for axle in wheels:
        side = np.sign(axle[1])
        parts += wheel(axle, WHEEL_RADIUS, 0.1, OLIVE)
        foot = axle - (0.0, side * 0.14, 0.0)
        parts += [strut((axle[0] + 0.5, side * 0.30, 0.52), foot, 0.04, 0.07, STRUT),
                  strut((axle[0] - 0.3, side * 0.30, 0.52), foot, 0.04, 0.07, STRUT)]
    axle_wing = Wing(wheels[0][0] + 0.2, wheels[0][2], 0.5, abs(wheels[0][1]) - 0.07, section=(0.16, 0.02))
    parts.append(wing_mesh(axle_wing, OLIVE, BODY))
    parts += wires([((0.9, s * 0.3, 0.55), (0.3, -s * 0.3, 0.55)) for s in (-1.0, 1.0)])
    return merge(parts)
