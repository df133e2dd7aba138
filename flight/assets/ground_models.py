"""Pieces shared by the ground models (buildings, guns, vehicles, trees), in Panda3D's model axes: x right, y forward
(the front faces +Y), z up, metres, the ground at z = 0 under the origin.
"""
from __future__ import annotations

import numpy as np

from flight.assets import shapes
from flight.assets.gltf import Mesh, Node
from flight.assets.shapes import Colour, block, merge, prism, sheet

# Panda3D model axes -> glTF: panda3d-gltf maps glTF (x, y, z) to Panda3D (x, -z, y); this is its inverse.
TO_GLTF = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, -1.0, 0.0]])
TURN_90 = np.array([[0.0, -1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])  # a quarter turn anticlockwise about z

TIMBER = (104, 76, 48)
PLANKS = (122, 98, 70)  # weathered softwood boarding
TAR_PAPER = (52, 50, 50)
DARK = (26, 24, 22)  # open doorways and window glass seen from outside
STEEL = (58, 62, 60)


def node(name: str, meshes: list[Mesh] | Mesh | None, at=(0.0, 0.0, 0.0), children: list[Node] | None = None) -> Node:
    """A glTF node from Panda3D-axes geometry, its origin at `at` in its parent."""
    if isinstance(meshes, list):
        meshes = merge(meshes)
    mesh = None if meshes is None else shapes.transform(meshes, TO_GLTF)
    return Node(name, mesh, tuple(float(v) for v in TO_GLTF @ np.asarray(at, float)), children=children or [])


def gabled(width: float, depth: float, eaves: float, ridge: float, wall: Colour, roof: Colour,
           overhang: float = 0.3, ridge_along_x: bool = False, base: float = 0.0) -> list[Mesh]:
    """A house body with a pitched roof, centred on the origin: walls to `eaves`, gables to `ridge`, the roof's
    two planes overhanging by `overhang`; the ridge runs along y, or along x with `ridge_along_x`."""
    if ridge_along_x:
        width, depth = depth, width
    w, d = width / 2, depth / 2
    walls = prism([(-w, base), (w, base), (w, eaves), (0.0, ridge), (-w, eaves)], -d, d, wall)
    slope = (ridge - eaves) / w
    parts = [walls]
    for side in (-1.0, 1.0):
        eave = np.array([side * (w + overhang), -d - overhang, eaves - overhang * slope])
        top = np.array([0.0, -d - overhang, ridge])
        up = np.array([side * slope, 0.0, 1.0]) / np.hypot(slope, 1.0)
        parts.append(block(eave + 0.01 * up, top - eave, (0.0, depth + 2 * overhang, 0.0), 0.12 * up, roof))
    if ridge_along_x:
        parts = [shapes.transform(p, TURN_90) for p in parts]
    return parts


def pane(centre, facing, half_width: float, half_height: float, colour: Colour = DARK, up=(0.0, 0.0, 1.0)) -> Mesh:
    """A flat rectangle (window, door, sign) at `centre` facing along the unit vector `facing`, `up` its vertical."""
    centre, facing, v = (np.asarray(a, float) for a in (centre, facing, up))
    u = np.cross(v, facing)
    corners = [centre + a * half_width * u + b * half_height * v for a, b in ((-1, -1), (1, -1), (1, 1), (-1, 1))]
    return sheet(np.array([corners[:3], [corners[0], corners[2], corners[3]]]), facing, colour)


def front_panes(xs, y: float, z: float, half_u: float, half_v: float, back: bool = True,
                colour: Colour = DARK) -> list[Mesh]:
    """A row of windows on the front wall at `y` (facing +Y) and, with `back`, the same on the back wall."""
    panes = [pane((x, y + 0.02, z), (0, 1, 0), half_u, half_v, colour) for x in xs]
    if back:
        panes += [pane((x, -y - 0.02, z), (0, -1, 0), half_u, half_v, colour) for x in xs]
    return panes


def box_on_ground(centre_x: float, centre_y: float, width: float, depth: float, height: float, colour: Colour,
                  z0: float = 0.0) -> Mesh:
    return shapes.box((centre_x - width / 2, centre_y - depth / 2, z0),
                      (centre_x + width / 2, centre_y + depth / 2, z0 + height), colour)
