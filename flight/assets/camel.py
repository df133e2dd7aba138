"""A low-poly Sopwith Camel F.1 from the flight model's own numbers (span, length, chord, propeller hub).

Built in body axes (x forward, y right, z down, origin at the CG, so the app places the node at the fleet's
position) and turned into glTF axes at the end. Hinged parts are nodes whose origin lies on the hinge and whose
local x (Panda3D's, after loading) runs along it; the propeller's origin is the hub and it spins about local y.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from flight.assets import shapes
from flight.assets.gltf import Mesh, Node
from flight.assets.shapes import airfoil, cylinder, disc, merge, paint, slab, strut, wing
from flight.dynamics.spec import AircraftSpec

PC10 = (82, 78, 50)  # khaki-green protective dope
CLEAR_DOPE = (214, 198, 160)  # the undersides: linen under clear dope
COWLING = (30, 30, 32)
ENGINE = (62, 60, 58)
WOOD = (132, 86, 46)
STRUT = (104, 78, 50)
TYRE = (24, 24, 24)
ROUNDEL = ((38, 54, 120), (236, 234, 226), (178, 34, 34))  # blue, white, red from the rim in
RUDDER_STRIPES = ((38, 54, 120), (236, 234, 226), (178, 34, 34))  # from the hinge aft

GAP = 1.50  # between the wings, m
STAGGER = 0.46  # upper wing ahead of the lower (18 in)
DIHEDRAL = np.radians(5.0)  # lower wing only; the Camel's upper wing was flat
AILERON_CHORD = 0.36
AILERON_INBOARD = 2.2  # m from the centre line
UPPER_Z = -0.92
LOWER_Z = UPPER_Z + GAP
UPPER_LE = 0.70
WING_SECTION = (0.06, 0.04)  # thickness and camber, fractions of the chord
WHEEL_RADIUS = 0.35

Surface = Callable[..., np.ndarray]  # body z of a surface at body (x, y), or of a wing root line at y

# Body -> glTF: right is glTF +x, up +y and forward -z, so that panda3d-gltf's Y-up -> Z-up conversion
# (x, y, z) -> (x, -z, y) yields Panda3D's model convention (+Y forward, +X right, +Z up).
TO_GLTF = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, -1.0], [-1.0, 0.0, 0.0]])


def camel_model(spec: AircraftSpec) -> Node:
    """The Camel as one node tree, named parts as the app expects (propeller, aileron_*, elevator, rudder)."""
    half_span = spec.span / 2
    hub = np.array(spec.engine.positions[0])
    tail_x = hub[0] + 0.10 - spec.length  # the propeller boss is the front of the overall length
    parts = [("fuselage", _fuselage(hub, tail_x), (0.0, 0.0, 0.0)),
             ("wings", _wings(half_span, spec.chord), (0.0, 0.0, 0.0)),
             ("tail", _tail(tail_x), (0.0, 0.0, 0.0)),
             ("wheels", _wheels(spec), (0.0, 0.0, 0.0))]
    nodes = [_node(name, mesh, at) for name, mesh, at in parts]
    nodes += _ailerons(half_span, spec.chord) + _elevator_and_rudder(tail_x)
    nodes.append(_node("propeller", _propeller(spec.propeller.diameter / 2), hub))
    return Node("camel", children=nodes)


def _node(name: str, mesh: Mesh | None, at: np.ndarray, roll: float = 0.0, children: tuple[Node, ...] = ()) -> Node:
    """A glTF node from body-axes geometry, placed at `at` and rolled by `roll` rad about body x."""
    mesh = None if mesh is None else shapes.transform(mesh, TO_GLTF)
    # glTF quaternion (x, y, z, w); body x is glTF -z
    rotation = (0.0, 0.0, -np.sin(roll / 2), np.cos(roll / 2)) if roll else (0.0, 0.0, 0.0, 1.0)
    return Node(name, mesh, tuple(TO_GLTF @ np.asarray(at, float)), rotation, list(children))


def _two_tone(mesh: Mesh) -> Mesh:
    """Doped fabric: PC10 above and on the sides, clear dope where the face looks down (body +z)."""
    return paint(mesh, shapes.face_normals(mesh)[:, 2] > 0.3, CLEAR_DOPE)


def _roundel(centre: np.ndarray, normal: np.ndarray, radius: float, surface: Surface | None = None) -> list[Mesh]:
    """Concentric discs a few mm proud of the surface; `surface(x, y) -> z` bends wing roundels to the aerofoil."""
    discs = []
    for i, colour in enumerate(ROUNDEL):
        d = disc(centre + normal * 0.004 * (i + 1), normal, radius * (1.0 - i / 3), colour, sides=24)
        if surface is not None:
            p = d.positions
            p[:, 2] = surface(p[:, 0], p[:, 1]) + normal[2] * 0.006 * (i + 1)
        discs.append(d)
    return discs


def _fuselage(hub: np.ndarray, tail_x: float) -> Mesh:
    # (x, half width, top z, bottom z): cowling ring, hump over the guns, cockpit, taper to the sternpost
    stations = [(0.98, 0.38, -0.36, 0.46), (0.60, 0.42, -0.54, 0.58), (-0.20, 0.40, -0.54, 0.58),
                (-0.90, 0.37, -0.44, 0.55), (-2.00, 0.26, -0.31, 0.38), (-3.00, 0.15, -0.22, 0.20),
                (tail_x + 0.55, 0.03, -0.15, 0.04)]
    angle = np.linspace(0.0, 2 * np.pi, 16, endpoint=False)
    c, s = np.cos(angle), np.sin(angle)
    boxy = np.sign(c) * np.abs(c) ** 0.35, np.sign(s) * np.abs(s) ** 0.35  # superellipse: flat sides for roundels
    rings = [np.column_stack([np.full(16, x), w * boxy[0], 0.5 * (top + bottom) + 0.5 * (bottom - top) * boxy[1]])
             for x, w, top, bottom in stations]
    body = _two_tone(shapes.loft(np.stack(rings), PC10))
    cowl_front = hub[0] - 0.07
    parts = [body,
             cylinder((0.95, 0.0, hub[2]), (cowl_front, 0.0, hub[2]), 0.50, COWLING, sides=20),
             disc((cowl_front + 0.003, 0.0, hub[2]), np.array([1.0, 0.0, 0.0]), 0.40, ENGINE, sides=20),
             disc((-0.55, 0.0, -0.496), np.array([-0.142, 0.0, -0.99]), 0.24, TYRE)]  # cockpit, on the sloping deck
    parts += [cylinder((1.05, y, -0.56), (0.10, y, -0.56), 0.055, COWLING, sides=8) for y in (-0.11, 0.11)]
    for side in (-1.0, 1.0):  # the fuselage narrows aft, so the disc leans with the side
        parts += _roundel(np.array([-2.2, side * 0.255, 0.03]), np.array([0.11, side, 0.0]) / np.hypot(0.11, 1.0), 0.22)
    return merge(parts)


def _wing_surface(le_x: float, chord: float, z_of_y: Surface, upper: bool) -> Surface:
    """Height of a wing's upper or lower surface over body x, y (z down), so roundels lie on the aerofoil."""
    section = airfoil(*WING_SECTION)
    half = len(section) // 2
    surface = section[:half] if upper else section[half:][::-1]
    return lambda x, y: z_of_y(y) - np.interp((le_x - x) / chord, surface[:, 0], surface[:, 1]) * chord


def _wings(half_span: float, chord: float) -> Mesh:
    hinge = 1.0 - AILERON_CHORD / chord
    full, front = airfoil(*WING_SECTION), airfoil(*WING_SECTION, end=hinge)
    lower_le = UPPER_LE - STAGGER
    lift = np.tan(DIHEDRAL)

    def panel(le: float, z: float, ys: list[float], section: np.ndarray, dihedral: float) -> Mesh:
        return wing([(y, le, chord, z - abs(y) * dihedral) for y in ys], section, PC10)

    parts = [panel(UPPER_LE, UPPER_Z, [-AILERON_INBOARD, AILERON_INBOARD], full, 0.0),
             panel(lower_le, LOWER_Z, [-AILERON_INBOARD, 0.0, AILERON_INBOARD], full, lift)]
    for sign in (-1.0, 1.0):
        ys = [sign * AILERON_INBOARD, sign * half_span]
        parts += [panel(UPPER_LE, UPPER_Z, ys, front, 0.0), panel(lower_le, LOWER_Z, ys, front, lift)]
    parts = [_two_tone(p) for p in parts]
    for y in (-3.0, 3.0):  # interplane struts, one bay each side
        z_low = LOWER_Z - abs(y) * lift
        for aft in (0.25, 1.0):
            parts.append(strut((lower_le - aft, y, z_low), (UPPER_LE - aft, y, UPPER_Z), 0.04, 0.10, STRUT))
    for y in (-0.32, 0.32):  # cabane
        for aft in (0.15, 0.85):
            parts.append(strut((UPPER_LE - aft - 0.1, y * 0.9, -0.48), (UPPER_LE - aft, y, UPPER_Z + 0.04),
                               0.03, 0.07, STRUT))
    top = _wing_surface(UPPER_LE, chord, lambda y: UPPER_Z, upper=True)
    bottom = _wing_surface(lower_le, chord, lambda y: LOWER_Z - np.abs(y) * lift, upper=False)
    for y in (-3.3, 3.3):
        parts += _roundel(np.array([UPPER_LE - 0.5 * chord, y, 0.0]), np.array([0.0, 0.0, -1.0]), 0.56, top)
        parts += _roundel(np.array([lower_le - 0.5 * chord, y, 0.0]), np.array([0.0, 0.0, 1.0]), 0.56, bottom)
    return merge(parts)


def _ailerons(half_span: float, chord: float) -> list[Node]:
    """Upper ailerons as `aileron_left`/`aileron_right`; the lower pair hang from mounts tilted by the dihedral."""
    hinge = 1.0 - AILERON_CHORD / chord
    section = airfoil(*WING_SECTION, start=hinge)
    s, mean_line = hinge, 4.0 * WING_SECTION[1] * hinge * (1.0 - hinge)
    nodes = []
    for side, name in ((-1.0, "left"), (1.0, "right")):
        length = half_span - AILERON_INBOARD
        local = wing([(0.0, s * chord, chord, mean_line * chord), (side * length, s * chord, chord,
                                                                     mean_line * chord)], section, PC10)
        lower_local = wing([(0.0, s * chord, chord, mean_line * chord),
                            (side * length / np.cos(DIHEDRAL), s * chord, chord, mean_line * chord)], section, PC10)
        upper_hinge = (UPPER_LE - s * chord, side * AILERON_INBOARD, UPPER_Z - mean_line * chord)
        lower_hinge = (UPPER_LE - STAGGER - s * chord, side * AILERON_INBOARD,
                       LOWER_Z - AILERON_INBOARD * np.tan(DIHEDRAL) - mean_line * chord)
        nodes.append(_node(f"aileron_{name}", _two_tone(local), upper_hinge))
        nodes.append(_node(f"aileron_{name}_lower_mount", None, lower_hinge, roll=-side * DIHEDRAL,
                           children=[_node(f"aileron_{name}_lower", _two_tone(lower_local), (0.0, 0.0, 0.0))]))
    return nodes


def _tail(tail_x: float) -> Mesh:
    post = tail_x + 0.55  # sternpost: the rudder and elevator hinges
    tailplane = slab([(-1.5, post + 0.35, post, -0.12), (-1.2, post + 0.80, post, -0.12), (-0.1, post + 0.95, post, -0.12),
                      (0.1, post + 0.95, post, -0.12), (1.2, post + 0.80, post, -0.12), (1.5, post + 0.35, post, -0.12)],
                     0.025, True, PC10)
    fin = shapes.transform(slab([(0.12, post + 0.55, post, 0.0), (0.62, post + 0.04, post, 0.0)], 0.02, True, PC10),
                           np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, -1.0, 0.0]]))  # span y -> up (-z)
    skid = strut((post + 0.25, 0.0, 0.06), (-4.0, 0.0, 0.6), 0.04, 0.05, WOOD)
    return merge([_two_tone(tailplane), fin, skid])


def _elevator_and_rudder(tail_x: float) -> list[Node]:
    post = tail_x + 0.55
    chord = post - (tail_x + 0.05)
    halves = [slab([(sign * 0.08, 0.0, -0.8 * chord, 0.0), (sign * 1.2, 0.0, -chord, 0.0),
                    (sign * 1.5, 0.0, -0.45 * chord, 0.0)], 0.022, False, PC10) for sign in (-1.0, 1.0)]
    # the rudder's span runs up (-z) from below the fuselage to the fin top: a D shape
    rudder = slab([(-0.32, 0.0, -0.40, 0.0), (0.0, 0.0, -0.55, 0.0), (0.45, 0.0, -0.55, 0.0), (0.65, 0.0, -0.45, 0.0),
                   (0.78, 0.0, -0.2, 0.0)], 0.02, False, PC10)
    rudder = shapes.transform(rudder, np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, -1.0, 0.0]]))
    aft = shapes.face_centres(rudder)[:, 0] / -0.55  # rough fraction of the local chord: the bands' edges
    for i, colour in enumerate(RUDDER_STRIPES):
        rudder = paint(rudder, (aft >= i / 3 - 0.2 * (i == 0)) & (aft < (i + 1) / 3 + (i == 2)), colour)
    return [_node("elevator", _two_tone(merge(halves)), (post, 0.0, -0.12)),
            _node("rudder", rudder, (post, 0.0, -0.12))]


def _wheels(spec: AircraftSpec) -> Mesh:
    wheel_at = {c.name: np.array(c.position) for c in spec.contacts if c.kind == "wheel"}
    parts = []
    for contact in wheel_at.values():
        axle = contact - np.array([0.0, 0.0, WHEEL_RADIUS])
        side = np.sign(axle[1])
        parts.append(cylinder(axle - (0, 0.045, 0), axle + (0, 0.045, 0), WHEEL_RADIUS, TYRE, sides=16))
        for face in (-1.0, 1.0):
            parts.append(disc(axle + (0, face * 0.047, 0), np.array([0.0, face, 0.0]), 0.29, CLEAR_DOPE))
        foot = axle - (0.0, side * 0.1, 0.0)
        parts += [strut((0.85, side * 0.30, 0.50), foot, 0.04, 0.07, STRUT),
                  strut((0.05, side * 0.30, 0.55), foot, 0.04, 0.07, STRUT)]
    left, right = sorted(wheel_at.values(), key=lambda p: p[1])
    parts.append(cylinder(left - (0, 0.1, WHEEL_RADIUS), right + (0, 0.1, -WHEEL_RADIUS), 0.03, COWLING, sides=6))
    return merge(parts)


def _propeller(radius: float) -> Mesh:
    """Two blades about the hub, in the hub's own axes; each section's chord is set at the blade angle."""
    r = radius * np.array([0.06, 0.3, 0.6, 0.85, 1.0])
    chord = np.array([0.14, 0.20, 0.19, 0.15, 0.07])
    thick = np.array([0.07, 0.05, 0.035, 0.025, 0.015])
    angle = np.radians([40.0, 30.0, 21.0, 16.0, 14.0])
    rings = []
    for ri, c, t, a in zip(r, chord, thick, angle):
        along, across = np.array([np.sin(a), np.cos(a), 0.0]), np.array([np.cos(a), -np.sin(a), 0.0])
        section = [0.5 * c * along, 0.5 * t * across, -0.5 * c * along, -0.5 * t * across]
        rings.append([p + (0.0, 0.0, ri) for p in section])
    blade = shapes.loft(np.array(rings), WOOD)
    flip = np.diag([1.0, -1.0, -1.0])
    return merge([blade, shapes.transform(blade, flip), cylinder((-0.06, 0, 0), (0.09, 0, 0), 0.09, WOOD, sides=10)])
