"""A low-poly Gotha G.V night bomber from its aircraft file: span, chord, length, the two pusher engines' hubs,
the main wheels and the structure points (upper and lower wing tips give the gap).

Body axes, origin at the CG (airframe.py). Night lozenge on the wings, a dark fuselage, two Mercedes engines in
nacelles between the wings with the propellers behind them, ailerons on all four wing tips, twin wheels under each
nacelle; a nose and a dorsal gunner, each a turnable node (gunner_front, gunner_rear) holding a figure and his
Parabellum; 1918 Balkenkreuze on the wings, the fuselage and the white rudder.
"""
from __future__ import annotations

import numpy as np

from flight.assets.airframe import (FROM_PANDA, STRUT, UPRIGHT, Wing, aileron_nodes, bay_struts, body_node, fuselage,
                                    lozenge, machine_gun, propeller, two_tone, wheel, wing_mesh, wires)
from flight.assets.far import FarPlan, far_model
from flight.assets.figures import gunner_meshes
from flight.assets.gltf import Mesh, Node
from flight.assets.markings import WHITE, balkenkreuz, decal
from flight.assets.shapes import box, cylinder, disc, ellipsoid, merge, slab, strut, transform
from flight.sim.dynamics.spec import AircraftSpec

NIGHT_UPPER = ((34, 38, 58), (54, 48, 74), (40, 54, 62), (28, 30, 40), (62, 58, 84))
NIGHT_UNDER = ((58, 64, 88), (76, 70, 98), (62, 76, 90), (50, 54, 66))
HULL = (58, 62, 74)
ENGINE = (44, 44, 46)
RADIATOR = (30, 30, 28)
OPENING = (22, 20, 18)
FABRIC = lozenge(NIGHT_UPPER, NIGHT_UNDER, size=0.9)
BODY = two_tone(NIGHT_UNDER[0])

WHEEL_RADIUS = 0.5
WHEEL_SPACING = 0.6  # between the twin wheels of a pair
LOWER_SPAN = 21.7  # m
AILERON_INBOARD = 8.6
NOSE_RING = (3.0, -0.82)  # (x, z) of the gunner rings' centres
REAR_RING = (-1.7, -0.78)


def plan(spec: AircraftSpec) -> tuple[list[tuple], Wing, Wing, float]:
    """Fuselage stations, upper and lower wings and the sternpost x, from the aircraft file."""
    tip = {c.name: c.position for c in spec.contacts}
    nose_x = tip["nose"][0] - 0.1
    post = nose_x - spec.length + 0.6
    stations = [(nose_x, 0.35, -0.5, 0.7), (nose_x - 0.4, 0.55, -0.78, 0.95), (2.2, 0.68, -0.86, 1.05),
                (0.5, 0.70, -0.86, 1.05), (-1.5, 0.60, -0.80, 0.85), (-3.5, 0.42, -0.62, 0.55),
                (-6.0, 0.22, -0.42, 0.25), (post, 0.05, -0.32, 0.02)]
    # the wings' trailing edges clear the pusher propellers' discs
    le_x = spec.engine.positions[0][0] + 0.1 + spec.chord
    upper = Wing(le_x, tip["right_upper_wingtip"][2] - 0.05, spec.chord, spec.span / 2, aileron_inboard=AILERON_INBOARD,
                 aileron_chord=0.6, section=(0.08, 0.04), panels=4, points=8)
    lower = Wing(le_x, tip["right_lower_wingtip"][2] - 0.05, spec.chord, LOWER_SPAN / 2, aileron_inboard=AILERON_INBOARD,
                 aileron_chord=0.6, aileron_suffix="_lower", section=(0.08, 0.04), panels=4, points=8)
    return stations, upper, lower, post


def gotha_g5_model(spec: AircraftSpec) -> Node:
    """The G.V as one node tree: propeller_left/right, aileron_left/right(_lower), elevator, rudder, gunner_front,
    gunner_rear and the fixed parts."""
    stations, upper, lower, post = plan(spec)
    hubs = [np.array(p) for p in spec.engine.positions]  # left engine first
    nodes = [body_node("fuselage", _fuselage(stations)), body_node("wings", _wings(upper, lower)),
             body_node("nacelles", _nacelles(hubs, upper, lower)), body_node("tail", _tail(post)),
             body_node("wheels", _undercarriage(spec, lower))]
    nodes += aileron_nodes(upper, NIGHT_UPPER[0], FABRIC) + aileron_nodes(lower, NIGHT_UPPER[0], FABRIC)
    nodes += _elevator_and_rudder(post)
    for name, hub in zip(("propeller_left", "propeller_right"), hubs):
        nodes.append(body_node(name, propeller(spec.propeller.diameter / 2), hub))
    nodes += [body_node("gunner_front", _gunner(facing_aft=False), (NOSE_RING[0], 0.0, NOSE_RING[1])),
              body_node("gunner_rear", _gunner(facing_aft=True), (REAR_RING[0], 0.0, REAR_RING[1]))]
    return Node("gotha_g5", children=nodes)


def gotha_g5_far(spec: AircraftSpec) -> Node:
    stations, upper, lower, post = plan(spec)
    hubs = [np.array(p) for p in spec.engine.positions]
    return far_model(FarPlan("gotha_g5", stations, [upper, lower], NIGHT_UPPER[0], NIGHT_UNDER[0], HULL,
                             tail=[((post - 0.6, -2.6, -0.36), (post + 1.4, 2.6, -0.3)),
                                   ((post - 0.6, -0.03, -1.5), (post + 1.0, 0.03, -0.3))],
                             nacelles=[(tuple(h + (3.0, 0, 0)), tuple(h + (0.15, 0, 0)), 0.5) for h in hubs],
                             wheels=[((c.position[0], c.position[1], c.position[2] - WHEEL_RADIUS), WHEEL_RADIUS, 1.0)
                                     for c in spec.contacts if c.kind == "wheel"],
                             marking_y=7.2))


def _fuselage(stations: list[tuple]) -> Mesh:
    parts = [BODY(fuselage(stations, HULL, sides=12, flatness=0.3))]
    for x, z in (NOSE_RING, REAR_RING):
        parts += [cylinder((x, 0.0, z + 0.1), (x, 0.0, z), 0.52, ENGINE, sides=12),  # the ring, round the opening
                  disc((x, 0.0, z - 0.004), np.array([0.0, 0.0, -1.0]), 0.45, OPENING, sides=12)]
    parts.append(disc((1.6, 0.0, -0.89), np.array([0.0, 0.0, -1.0]), 0.42, OPENING))  # the pilot's cockpit
    for x in (0.1, -0.9):  # bombs on racks under the fuselage
        for y in (-0.35, 0.35):
            parts.append(ellipsoid((x, y, 1.2), (0.45, 0.11, 0.11), ENGINE, sides=6, bands=3))
    for side in (-1.0, 1.0):  # the fuselage narrows aft, so the cross leans with the side
        normal = np.array([-0.08, side, 0.0]) / np.hypot(0.08, 1.0)
        parts += decal(balkenkreuz(0.85), (-4.6, side * 0.345, -0.03), np.cross((0, 0, -1.0), normal), (0, 0, -1.0))
    return merge(parts)


def _wings(upper: Wing, lower: Wing) -> Mesh:
    parts = [wing_mesh(upper, NIGHT_UPPER[0], FABRIC), wing_mesh(lower, NIGHT_UPPER[0], FABRIC)]
    bays = (6.3, 9.6)  # two outer bays; the nacelle struts close the inner one
    parts += bay_struts(lower, upper, [s * y for y in bays for s in (-1.0, 1.0)], (0.12, 0.8), 0.05, 0.12)
    for s in (-1.0, 1.0):
        for y0, y1 in ((3.2, 6.3), (6.3, 9.6)):  # crossed flying and landing wires in each outer bay
            for f in (0.12, 0.8):
                x = upper.le_x - f * upper.chord
                parts += wires([((x, s * y0, lower.z), (x, s * y1, upper.z)), ((x, s * y0, upper.z), (x, s * y1, lower.z))])
        for x in (1.2, 0.0):  # cabane from the upper longerons
            parts.append(strut((x, s * 0.55, -0.85), (x, s * 1.1, upper.z + 0.05), 0.04, 0.1, STRUT))
        for w, upward in ((upper, True), (lower, False)):
            u, v = ((0, 1, 0), (1, 0, 0)) if upward else ((1, 0, 0), (0, 1, 0))
            parts += decal(balkenkreuz(1.5), (w.le_x - 0.5 * w.chord, s * 7.2, 0.0), u, v, w.surface(upward), cell=0.4)
    return merge(parts)


def _nacelles(hubs: list[np.ndarray], upper: Wing, lower: Wing) -> Mesh:
    """Each engine in a nacelle ahead of its propeller, on struts to both wings, radiator at the front."""
    parts = []
    for hub in hubs:
        x, y, z = hub
        stations = [(x + 0.15, 0.18, z - 0.18, z + 0.18), (x + 0.5, 0.42, z - 0.45, z + 0.42),
                    (x + 1.6, 0.48, z - 0.52, z + 0.5), (x + 2.7, 0.44, z - 0.46, z + 0.44), (x + 3.1, 0.36, z - 0.36, z + 0.36)]
        parts += [BODY(transform(fuselage(stations, HULL, sides=10, flatness=0.6), np.eye(3), (0.0, y, 0.0))),
                  box((x + 3.1, y - 0.3, z - 0.32), (x + 3.14, y + 0.3, z + 0.32), RADIATOR),
                  cylinder((x + 2.2, y, z - 0.5), (x + 2.2, y, z - 0.9), 0.05, ENGINE, sides=6)]  # exhaust stack
        for ax in (x + 2.4, x + 0.9):
            parts += [strut((ax, y, z - 0.45), (ax, y, upper.z + 0.05), 0.06, 0.14, STRUT),
                      strut((ax, y, z + 0.4), (ax, y, lower.z - 0.05), 0.06, 0.14, STRUT)]
    return merge(parts)


def _tail(post: float) -> Mesh:
    z = -0.33
    tailplane = slab([(-2.6, post + 0.8, post, z), (-1.8, post + 1.4, post, z), (0.0, post + 1.6, post, z),
                      (1.8, post + 1.4, post, z), (2.6, post + 0.8, post, z)], 0.04, True, NIGHT_UPPER[0])
    fin = transform(slab([(0.3, post + 1.6, post, 0.0), (1.45, post + 0.15, post, 0.0)], 0.04, True, HULL), UPRIGHT)
    skid = strut((post + 1.0, 0.0, 0.15), (post - 0.1, 0.0, 1.15), 0.06, 0.08, STRUT)
    return merge([FABRIC(tailplane), BODY(fin), skid])


def _elevator_and_rudder(post: float) -> list[Node]:
    halves = [slab([(sign * 0.08, 0.0, -0.7, 0.0), (sign * 2.4, 0.0, -0.8, 0.0), (sign * 2.75, 0.0, -0.35, 0.0)],
                   0.035, False, NIGHT_UPPER[0]) for sign in (-1.0, 1.0)]
    rudder = transform(slab([(-0.3, 0.0, -0.5, 0.0), (0.2, 0.0, -0.7, 0.0), (0.9, 0.0, -0.7, 0.0),
                             (1.2, 0.25, -0.5, 0.0), (1.35, 0.2, -0.1, 0.0)], 0.035, False, WHITE), UPRIGHT)
    marks = []
    for side in (-1.0, 1.0):
        marks += decal(balkenkreuz(0.6), (-0.36, side * 0.037, -0.45), (side, 0, 0), (0, 0, -1.0))
    return [body_node("elevator", FABRIC(merge(halves)), (post, 0.0, -0.33)),
            body_node("rudder", merge([rudder] + marks), (post, 0.0, -0.33))]


def _undercarriage(spec: AircraftSpec, lower: Wing) -> Mesh:
    parts = []
    for contact in (c for c in spec.contacts if c.kind == "wheel"):
        centre = np.array(contact.position) - (0.0, 0.0, WHEEL_RADIUS)
        for dy in (-WHEEL_SPACING / 2, WHEEL_SPACING / 2):
            parts += wheel(centre + (0.0, dy, 0.0), WHEEL_RADIUS, 0.14, HULL, sides=10)
        parts.append(cylinder(centre - (0, 0.45, 0), centre + (0, 0.45, 0), 0.04, ENGINE, sides=6))
        for dy in (-0.45, 0.45):
            for dx in (0.9, -0.7):
                parts.append(strut(centre + (0.0, dy, 0.0), (centre[0] + dx, centre[1] + dy * 0.6, lower.z + 0.05),
                                   0.06, 0.12, STRUT))
    return merge(parts)


def _gunner(facing_aft: bool) -> Mesh:
    """A gunner and his Parabellum on its pintle, in the ring's own axes (origin at its centre, turning about up)."""
    parts = gunner_meshes()
    parts += [machine_gun((0.0, 0.15, 0.36), (0.0, 1.25, 0.42), jacket=0.035),
              strut((0.0, 0.45, 0.0), (0.0, 0.45, 0.38), 0.04, 0.04, ENGINE)]
    turn = np.diag([-1.0, -1.0, 1.0]) if facing_aft else np.eye(3)
    return transform(merge(parts), FROM_PANDA @ turn)
