"""Pieces every aircraft builder shares, in body axes (x forward, y right, z down, metres, origin at the CG):
placing nodes in glTF axes, doped fabric, lofted fuselages, wings with an aerofoil section and hinged ailerons,
wheels, propellers and machine guns.

Hinged parts are nodes whose origin lies on the hinge and whose local x (Panda3D's, after loading) runs along it;
a propeller's origin is its hub and it spins about local y.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from flight.assets import shapes
from flight.assets.gltf import Mesh, Node
from flight.assets.shapes import Colour, airfoil, cylinder, disc, merge, paint, strut, wing

WOOD = (132, 86, 46)
STRUT = (104, 78, 50)
TYRE = (24, 24, 24)
GUNMETAL = (40, 42, 44)

# Body -> glTF: right is glTF +x, up +y and forward -z, so that panda3d-gltf's Y-up -> Z-up conversion
# (x, y, z) -> (x, -z, y) yields Panda3D's model convention (+Y forward, +X right, +Z up).
TO_GLTF = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, -1.0], [-1.0, 0.0, 0.0]])
FROM_PANDA = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, -1.0]])  # Panda3D model axes -> body axes
UPRIGHT = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, -1.0, 0.0]])  # a surface built along y, stood up (-z)

Surface = Callable[..., np.ndarray]  # body z of a surface at body (x, y)
Finish = Callable[[Mesh], Mesh]  # paints a fabric surface (upper and lower colours, camouflage)


def body_node(name: str, mesh: Mesh | None, at=(0.0, 0.0, 0.0), roll: float = 0.0,
              children: tuple[Node, ...] | list[Node] = ()) -> Node:
    """A glTF node from body-axes geometry, placed at `at` and rolled by `roll` rad about body x."""
    mesh = None if mesh is None else shapes.transform(mesh, TO_GLTF)
    # glTF quaternion (x, y, z, w); body x is glTF -z
    rotation = (0.0, 0.0, -np.sin(roll / 2), np.cos(roll / 2)) if roll else (0.0, 0.0, 0.0, 1.0)
    return Node(name, mesh, tuple(TO_GLTF @ np.asarray(at, float)), rotation, list(children))


def two_tone(under: Colour) -> Finish:
    """Fabric in its own colour above and on the sides, `under` where the face looks down (body +z)."""
    return lambda mesh: paint(mesh, shapes.face_normals(mesh)[:, 2] > 0.3, under)


def fuselage(stations, colour: Colour, sides: int = 16, flatness: float = 0.35) -> Mesh:
    """A lofted body through stations (x, half width, top z, bottom z); `flatness` < 1 squares the section (a
    superellipse: flat sides for markings)."""
    angle = np.linspace(0.0, 2 * np.pi, sides, endpoint=False)
    c, s = np.cos(angle), np.sin(angle)
    boxy = np.sign(c) * np.abs(c) ** flatness, np.sign(s) * np.abs(s) ** flatness
    rings = [np.column_stack([np.full(sides, x), w * boxy[0], 0.5 * (top + bottom) + 0.5 * (bottom - top) * boxy[1]])
             for x, w, top, bottom in stations]
    return shapes.loft(np.stack(rings), colour)


@dataclass(frozen=True)
class Wing:
    """Both halves of one wing: leading edge at body x `le_x`, chord line at body z `z` on the centre line,
    rising by `dihedral` rad outboard; ailerons from `aileron_inboard` m out to the tip, named
    aileron_left/right + `aileron_suffix`. `panels` spanwise pieces per half give camouflage room to show."""
    le_x: float
    z: float
    chord: float
    half_span: float
    dihedral: float = 0.0
    aileron_inboard: float | None = None
    aileron_chord: float = 0.0
    aileron_suffix: str = ""
    section: tuple[float, float] = (0.06, 0.04)  # thickness and camber, fractions of the chord
    panels: int = 1
    points: int = 11  # along each skin of the aerofoil

    def z_at(self, y):
        return self.z - np.abs(y) * np.tan(self.dihedral)

    def surface(self, upper: bool) -> Surface:
        """Height of the upper or lower skin over body x, y, so markings lie on the aerofoil."""
        section = airfoil(*self.section, points=self.points)
        half = len(section) // 2
        skin = section[:half] if upper else section[half:][::-1]
        return lambda x, y: self.z_at(y) - np.interp((self.le_x - x) / self.chord, skin[:, 0], skin[:, 1]) * self.chord

    def hinge_x(self) -> float:
        return self.le_x - (self.chord - self.aileron_chord)


def _span_stations(y0: float, y1: float, pieces: int) -> list[float]:
    return [float(y) for y in np.linspace(y0, y1, pieces + 1)]


def wing_mesh(w: Wing, colour: Colour, finish: Finish) -> Mesh:
    """The fixed part of a wing: the full section between the ailerons, the part ahead of the hinge outboard."""
    full = airfoil(*w.section, points=w.points)

    def panel(ys: list[float], section: np.ndarray) -> Mesh:
        return finish(wing([(y, w.le_x, w.chord, w.z_at(y)) for y in ys], section, colour))

    if w.aileron_inboard is None:
        half = _span_stations(0.0, w.half_span, w.panels)
        return panel([-y for y in half[:0:-1]] + half, full)
    inboard = _span_stations(0.0, w.aileron_inboard, max(1, w.panels // 2))
    outboard = _span_stations(w.aileron_inboard, w.half_span, max(1, w.panels - w.panels // 2))
    front = airfoil(*w.section, end=1.0 - w.aileron_chord / w.chord, points=w.points)
    parts = [panel([-y for y in inboard[:0:-1]] + inboard, full)]
    parts += [panel([sign * y for y in outboard], front) for sign in (-1.0, 1.0)]
    return merge(parts)


def on_ailerons(w: Wing, decals: Mesh) -> tuple[Mesh, Mesh]:
    """Split markings laid on a wing into the faces on its fixed part and those on its ailerons (by face centre),
    so a marking that reaches over an aileron moves with it."""
    centres = shapes.face_centres(decals)
    moving = (centres[:, 0] < w.hinge_x()) & (np.abs(centres[:, 1]) > w.aileron_inboard) if w.aileron_inboard else \
        np.zeros(len(centres), bool)
    return shapes.select(decals, ~moving), shapes.select(decals, moving)


def aileron_nodes(w: Wing, colour: Colour, finish: Finish, decals: Mesh | None = None) -> list[Node]:
    """Hinged ailerons, carrying the `decals` faces (body axes) that lie on them; on a wing with dihedral each hangs
    from a `..._mount` node tilted by it, so the aileron's own local x still runs along its hinge."""
    hinge = 1.0 - w.aileron_chord / w.chord
    section = airfoil(*w.section, start=hinge, points=w.points)
    mean_line = 4.0 * w.section[1] * hinge * (1.0 - hinge) * w.chord
    length = (w.half_span - w.aileron_inboard) / np.cos(w.dihedral)
    nodes = []
    for side, name in ((-1.0, "left"), (1.0, "right")):
        mesh = finish(wing([(0.0, hinge * w.chord, w.chord, mean_line),
                            (side * length, hinge * w.chord, w.chord, mean_line)], section, colour))
        at = np.array([w.hinge_x(), side * w.aileron_inboard, w.z_at(w.aileron_inboard) - mean_line])
        roll = -side * w.dihedral  # the mount's roll about body x
        if decals is not None:  # into the aileron's own axes: q = R(roll)^T (p - at)
            c, s = np.cos(roll), np.sin(roll)
            back = np.array([[1.0, 0.0, 0.0], [0.0, c, s], [0.0, -s, c]])
            mine = shapes.select(decals, shapes.face_centres(decals)[:, 1] * side > 0)
            mesh = merge([mesh, shapes.transform(mine, back, tuple(-back @ at))])
        full_name = f"aileron_{name}{w.aileron_suffix}"
        if w.dihedral:
            nodes.append(body_node(f"{full_name}_mount", None, at, roll=roll, children=[body_node(full_name, mesh)]))
        else:
            nodes.append(body_node(full_name, mesh, at))
    return nodes


def bay_struts(lower: Wing, upper: Wing, ys, chord_fractions=(0.2, 0.8), width=0.04, depth=0.10,
               colour: Colour = STRUT) -> list[Mesh]:
    """Interplane struts at each y in `ys`, at the given fractions of each wing's chord."""
    parts = []
    for y in ys:
        for f in chord_fractions:
            parts.append(strut((lower.le_x - f * lower.chord, y, lower.z_at(y)),
                               (upper.le_x - f * upper.chord, y, upper.z_at(y)), width, depth, colour))
    return parts


def wires(pairs, colour: Colour = (70, 70, 72), radius: float = 0.008) -> list[Mesh]:
    """Flying and landing wires (and control cables) between point pairs: open three-sided tubes, 6 triangles."""
    meshes = []
    for a, b in pairs:
        a, b = np.asarray(a, float), np.asarray(b, float)
        u, v = shapes._basis(b - a)
        section = shapes.circle(3, radius)
        meshes.append(shapes.loft(np.stack([shapes.ring(a, u, v, section), shapes.ring(b, u, v, section)]), colour,
                                  caps=False))
    return meshes


def wheel(axle, radius: float, width: float, cover: Colour, tyre: Colour = TYRE, sides: int = 16) -> list[Mesh]:
    """A spoked wheel under a fabric cover, its axle along body y."""
    axle = np.asarray(axle, float)
    half = np.array([0.0, width / 2, 0.0])
    parts = [cylinder(axle - half, axle + half, radius, tyre, sides=sides)]
    for face in (-1.0, 1.0):
        parts.append(disc(axle + face * (half + (0, 0.002, 0)), np.array([0.0, face, 0.0]), 0.83 * radius, cover,
                          sides=sides))
    return parts


def propeller(radius: float, colour: Colour = WOOD) -> Mesh:
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
    blade = shapes.loft(np.array(rings), colour)
    flip = np.diag([1.0, -1.0, -1.0])
    return merge([blade, shapes.transform(blade, flip), cylinder((-0.06, 0, 0), (0.09, 0, 0), 0.09, colour, sides=10)])


def machine_gun(breech, muzzle, colour: Colour = GUNMETAL, jacket: float = 0.045) -> Mesh:
    """A belt-fed machine gun: a box receiver at `breech` and a cooling jacket out to `muzzle`."""
    breech, muzzle = np.asarray(breech, float), np.asarray(muzzle, float)
    along = (muzzle - breech) / np.linalg.norm(muzzle - breech)
    receiver_end = breech + 0.3 * along
    return merge([strut(breech, receiver_end, 0.11, 0.09, colour),
                  cylinder(receiver_end, muzzle, jacket, colour, sides=8),
                  cylinder(muzzle, muzzle + 0.06 * along, 0.015, colour, sides=4)])


def lozenge(upper: tuple[Colour, ...], under: tuple[Colour, ...], size: float = 0.55) -> Finish:
    """Printed lozenge fabric (German 1918): each face takes the colour of the lozenge cell under its centre, a
    skewed lattice over body x, y, picked by a fixed integer hash so the pattern looks random but never changes."""
    def finish(mesh: Mesh) -> Mesh:
        centres = shapes.face_centres(mesh)
        i = np.floor((centres[:, 0] * 0.8 + centres[:, 1]) / size).astype(np.int64)
        j = np.floor((centres[:, 0] * 0.8 - centres[:, 1]) / size).astype(np.int64)
        cell = (i * 73856093) ^ (j * 19349663)
        down = shapes.face_normals(mesh)[:, 2] > 0.3
        for colours, where in ((upper, ~down), (under, down)):
            pick = cell % len(colours)
            for k, colour in enumerate(colours):
                mesh = paint(mesh, where & (pick == k), colour)
        return mesh
    return finish
