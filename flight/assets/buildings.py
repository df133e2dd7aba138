"""Aerodrome furniture: an RFC Bessonneau canvas hangar, a windsock, a German timber hangar and a fuel store.

Built in Panda3D's model axes (x right, y forward, z up, metres, origin at ground level in the middle) and turned
into glTF axes at the end, so a loaded model faces +Y like the Camel: the hangar's opening and the sock's mouth-to-
tail axis point along +Y.
"""
from __future__ import annotations

import numpy as np

from flight.assets import shapes
from flight.assets.gltf import Mesh, Node
from flight.assets.ground_models import PLANKS, TAR_PAPER, TO_GLTF, gabled, pane
from flight.assets.shapes import box, cylinder, from_triangles, loft, merge, paint

CANVAS_ROOF = (222, 214, 188)  # weathered off-white canvas
CANVAS_WALL = (178, 162, 120)  # khaki side curtains
OPENING = (26, 24, 22)  # the dark inside seen through the open front
TIMBER = (104, 76, 48)
BRICK = (128, 70, 52)
POLE = (226, 226, 220)
SOCK_RED, SOCK_WHITE = (186, 38, 32), (236, 232, 222)

HANGAR_WIDTH, HANGAR_DEPTH, HANGAR_HEIGHT = 20.0, 24.0, 8.0
EAVES = 3.2  # height of the side walls, where the roof begins to curve up
WINDSOCK_POLE = 6.0



def _gltf(mesh: Mesh) -> Mesh:
    return shapes.transform(mesh, TO_GLTF)


def _hangar_profile(segments: int = 6) -> np.ndarray:
    """(K, 2) closed cross-section (x, z): straight walls to the eaves, then a roof curving up to the ridge
    (a flattened ellipse quadrant each side, the Bessonneau's steep, slightly bowed canvas)."""
    half = HANGAR_WIDTH / 2
    angle = np.linspace(0.0, np.pi / 2, segments + 1)
    right = np.column_stack([half * np.cos(angle), EAVES + (HANGAR_HEIGHT - EAVES) * np.sin(angle) ** 1.3])
    left = right[-2::-1] * [-1.0, 1.0]  # ridge point shared
    return np.concatenate([[[half, 0.0]], right, left, [[-half, 0.0]]])


def hangar_model() -> Node:
    """A Bessonneau hangar, 20 m wide, 24 m deep and 8 m tall, the open front toward +Y."""
    profile = _hangar_profile()
    front, back = HANGAR_DEPTH / 2, -HANGAR_DEPTH / 2
    rings = np.stack([np.column_stack([profile[:, 0], np.full(len(profile), y), profile[:, 1]])
                      for y in (back, front)])
    shell = loft(rings, CANVAS_ROOF)
    shell = paint(shell, shapes.face_normals(shell)[:, 2] < 0.2, CANVAS_WALL)  # walls and gables khaki

    # the open front: a dark doorway laid just proud of the gable, curtains drawn aside, timber posts and lintel
    door_half, door_top, proud = 7.5, 5.6, front + 0.02
    doorway = np.array([[-door_half, proud, 0.0], [door_half, proud, 0.0], [door_half, proud, door_top],
                        [-door_half, proud, door_top]])
    opening = from_triangles(doorway[[[0, 2, 1], [0, 3, 2]]], OPENING)  # anticlockwise seen from the front (+Y)
    parts = [shell, opening]
    for side in (-1.0, 1.0):
        x = side * (door_half + 0.6)
        parts.append(box((x - 0.6, front, 0.0), (x + 0.6, front + 0.5, door_top), CANVAS_WALL))  # bundled curtain
        parts.append(box((side * door_half - 0.15, front, 0.0), (side * door_half + 0.15, front + 0.3, door_top + 0.3),
                         TIMBER))
    parts.append(box((-door_half - 0.15, front, door_top), (door_half + 0.15, front + 0.3, door_top + 0.3), TIMBER))
    # a timber sill along each side where the canvas meets the grass
    for side in (-1.0, 1.0):
        x = side * HANGAR_WIDTH / 2
        parts.append(box((min(x, x + side * 0.25), back, 0.0), (max(x, x + side * 0.25), front, 0.4), TIMBER))
    return Node("canvas_hangar", _gltf(merge(parts)))


def windsock_model() -> Node:
    """A 6 m pole and, as child node `sock` with its origin at the pole top, a red and white striped cone
    streaming toward +Y (the direction the wind blows to); the app turns it with setH."""
    pole = merge([cylinder((0.0, 0.0, 0.0), (0.0, 0.0, WINDSOCK_POLE + 0.15), 0.06, POLE, sides=8),
                  box((-0.25, -0.25, 0.0), (0.25, 0.25, 0.15), TIMBER)])
    length, droop = 3.2, np.radians(8.0)
    along = np.array([0.0, np.cos(droop), -np.sin(droop)])
    stations = np.linspace(0.0, 1.0, 6)  # five bands, red at the mouth
    mouth, side, up = np.array([0.0, 0.12, 0.0]), np.array([1.0, 0.0, 0.0]), np.cross([1.0, 0.0, 0.0], along)
    rings = np.stack([shapes.ring(mouth + along * length * s, side, up, shapes.circle(10, 0.42 - 0.22 * s))
                      for s in stations])
    cone = loft(rings, SOCK_RED)
    band = np.clip(np.floor((shapes.face_centres(cone) - mouth) @ along / (length / 5)), 0, 4).astype(int)
    cone = paint(cone, band % 2 == 1, SOCK_WHITE)
    hoop = cylinder((0.0, 0.0, 0.0), (0.0, 0.14, 0.0), 0.08, TIMBER, sides=6)  # the swivel bracket
    sock = Node("sock", _gltf(merge([cone, hoop])), tuple(TO_GLTF @ np.array([0.0, 0.0, WINDSOCK_POLE])))
    return Node("windsock", _gltf(pole), children=[sock])


WOODEN_HANGAR = (22.0, 20.0, 5.0, 9.0)  # width (x), depth (y), eaves and ridge heights
FUEL_DRUM = (86, 96, 70)


def wooden_hangar_model() -> Node:
    """A German airfield's timber hangar, 22 m wide and 20 m deep under a pitched tar-paper roof, its sliding
    doors pushed aside from the open front toward +Y."""
    width, depth, eaves, ridge = WOODEN_HANGAR
    parts = gabled(width, depth, eaves, ridge, PLANKS, TAR_PAPER, overhang=0.5)
    door_half, door_top, front = 9.0, 5.6, depth / 2
    parts.append(pane((0.0, front + 0.02, door_top / 2), (0, 1, 0), door_half, door_top / 2, OPENING))
    for side in (-1.0, 1.0):  # the door leaves stacked outside the opening
        x = side * (door_half + 0.1)
        parts.append(box((min(x, x + side * 2.0), front + 0.05, 0.0), (max(x, x + side * 2.0), front + 0.35, door_top),
                         TIMBER))
    parts.append(box((-door_half - 0.2, front, door_top), (door_half + 0.2, front + 0.4, door_top + 0.35), TIMBER))
    return Node("wooden_hangar", _gltf(merge(parts)))


def fuel_store_model() -> Node:
    """A small brick fuel store, 5 x 3.5 m, its door to +Y, with a stack of petrol drums beside it (+X)."""
    parts = gabled(5.0, 3.5, 2.4, 3.4, BRICK, TAR_PAPER, overhang=0.25, ridge_along_x=True)
    parts.append(pane((-1.0, 1.77, 1.0), (0, 1, 0), 0.5, 0.95, TIMBER))
    for i, (x, y, z) in enumerate(((3.3, 0.7, 0.0), (3.3, 0.0, 0.0), (3.3, -0.7, 0.0), (4.0, 0.35, 0.0),
                                   (4.0, -0.35, 0.0), (3.3, 0.35, 0.9))):
        parts.append(cylinder((x, y, z), (x, y, z + 0.88), 0.29, FUEL_DRUM, sides=8))
    return Node("fuel_store", _gltf(merge(parts)))
