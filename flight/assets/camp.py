"""The prisoner-of-war camp: barracks hut, guard tower, barbed-wire fence segment, the front gate and the
commandant's house. Panda3D model axes (ground.py): front toward +Y, ground at z = 0.
"""
from __future__ import annotations

import numpy as np

from flight.assets.airframe import wires
from flight.assets.gltf import Node
from flight.assets.ground_models import DARK, PLANKS, TAR_PAPER, TIMBER, box_on_ground, front_panes, gabled, node, pane
from flight.assets.shapes import block, box, frustum, merge, strut, transform

PLASTER = (214, 204, 178)
ROOF_TILES = (140, 64, 46)
BRICK = (128, 70, 52)
WIRE = (60, 58, 56)
SIGN = (222, 214, 190)

BARRACKS = (30.0, 8.0, 2.6, 4.6)  # length (x), depth (y), eaves and ridge heights
TOWER_HEIGHT = 5.0  # the platform's floor
FENCE_SEGMENT = 4.0  # m along x, one post at the origin
FENCE_HEIGHT = 2.6
GATE_WIDTH = 5.0  # between the gate posts


def barracks_model() -> Node:
    """A 30 x 8 m timber hut on a low base, tar-paper roof, a door and steps in the middle of the +Y side, windows
    along both long sides, two stove chimneys."""
    length, depth, eaves, ridge = BARRACKS
    parts = gabled(length, depth, eaves, ridge, PLANKS, TAR_PAPER, overhang=0.4, ridge_along_x=True)
    parts.append(box_on_ground(0.0, 0.0, length + 0.2, depth + 0.2, 0.35, TIMBER))  # the sill on its piers
    xs = [x for x in np.arange(-13.0, 13.5, 3.25) if abs(x) > 1.5]
    parts += front_panes(xs, depth / 2, 1.6, 0.5, 0.45)
    parts += [pane((0.0, depth / 2 + 0.02, 1.2), (0, 1, 0), 0.55, 1.0),  # the door, and its steps
              box((-0.9, depth / 2, 0.0), (0.9, depth / 2 + 0.8, 0.2), TIMBER)]
    parts += [box((x - 0.3, -0.3, ridge - 0.6), (x + 0.3, 0.3, ridge + 0.7), BRICK) for x in (-8.0, 8.0)]
    return node("barracks", parts)


def guard_tower_model() -> Node:
    """A timber tower: four splayed legs with cross-bracing, a boarded platform at 5 m with a breastwork, a
    pyramid roof on corner posts and a ladder up the back (-Y)."""
    parts = []
    foot, head, top = 1.5, 1.1, TOWER_HEIGHT
    corners = [(sx, sy) for sx in (-1.0, 1.0) for sy in (-1.0, 1.0)]
    for sx, sy in corners:
        parts.append(strut((sx * foot, sy * foot, 0.0), (sx * head, sy * head, top), 0.2, 0.2, TIMBER))
        parts.append(strut((sx * head, sy * head, top), (sx * head, sy * head, top + 2.4), 0.12, 0.12, TIMBER))
    for a, b in (((-1, -1), (1, -1)), ((1, -1), (1, 1)), ((1, 1), (-1, 1)), ((-1, 1), (-1, -1))):  # X-bracing
        lo, hi = 0.4, top - 0.4
        f = lambda s, z: s * (foot + (head - foot) * z / top)
        parts.append(strut((f(a[0], lo), f(a[1], lo), lo), (f(b[0], hi), f(b[1], hi), hi), 0.08, 0.08, TIMBER))
    parts.append(box((-1.4, -1.4, top), (1.4, 1.4, top + 0.15), PLANKS))  # floor
    for i, (sx, sy) in enumerate(((0, -1), (1, 0), (0, 1), (-1, 0))):  # the breastwork, open above 1.1 m
        c = np.array([sx * 1.37, sy * 1.37, top + 0.15])
        along = np.array([abs(sy) * 2.8, abs(sx) * 2.8, 0.0])
        parts.append(block(c - along / 2 - np.array([abs(sx), abs(sy), 0]) * 0.03, along,
                           np.array([abs(sx), abs(sy), 0]) * 0.06, (0, 0, 1.0), PLANKS))
    parts.append(frustum((0.0, 0.0, top + 2.4), (0.0, 0.0, top + 3.4), 2.1, 0.0, TAR_PAPER, sides=4))
    for x in (-0.25, 0.25):  # ladder
        parts.append(strut((x, -foot - 0.6, 0.0), (x, -head - 0.05, top), 0.06, 0.06, TIMBER))
    return node("guard_tower", parts)


def _wire_panel(x0: float, x1: float, height: float, strands: int) -> list:
    zs = np.linspace(0.25, height - 0.1, strands)
    pairs = [((x0, 0.0, z), (x1, 0.0, z)) for z in zs]
    pairs += [((x0, 0.0, 0.2), (x1, 0.0, height - 0.1)), ((x0, 0.0, height - 0.1), (x1, 0.0, 0.2))]
    return wires(pairs, WIRE, radius=0.015)


def fence_model() -> Node:
    """One 4 m segment of the camp's barbed-wire fence from x = 0 to x = 4, its post at the origin (the next
    segment's post closes it): eight strands, crossed wire and an outrigger leaning outward (-Y) with three more."""
    parts = [strut((0.0, 0.0, 0.0), (0.0, 0.0, FENCE_HEIGHT), 0.14, 0.14, TIMBER),
             strut((0.0, 0.0, FENCE_HEIGHT - 0.05), (0.0, -0.55, FENCE_HEIGHT + 0.45), 0.08, 0.08, TIMBER)]
    parts += _wire_panel(0.0, FENCE_SEGMENT, FENCE_HEIGHT, 8)
    parts += wires([((0.0, -0.18 * k, FENCE_HEIGHT + 0.15 * k), (FENCE_SEGMENT, -0.18 * k, FENCE_HEIGHT + 0.15 * k))
                    for k in (1, 2, 3)], WIRE, radius=0.015)
    return node("fence", parts)


def gate_model() -> Node:
    """The camp's front gate: two tall posts 5 m apart under a sign-board beam, and two wired leaves, `gate_left`
    and `gate_right`, each pivoting on its post (origin on the hinge, the leaf reaching toward the middle along
    +X or -X), closed at heading 0; setH(+a) on the left and setH(-a) on the right swing them out toward +Y."""
    half = GATE_WIDTH / 2
    parts = []
    for sx in (-1.0, 1.0):
        parts.append(box((sx * (half + 0.1) - 0.15, -0.15, 0.0), (sx * (half + 0.1) + 0.15, 0.15, 3.6), TIMBER))
    parts.append(box((-half - 0.5, -0.12, 3.6), (half + 0.5, 0.12, 3.85), TIMBER))
    parts.append(pane((0.0, 0.14, 4.2), (0, 1, 0), 1.6, 0.3, SIGN))
    parts.append(box((-1.65, 0.0, 3.85), (1.65, 0.12, 4.55), TIMBER))  # the sign board behind its face
    leaves = []
    for name, sx in (("gate_left", -1.0), ("gate_right", 1.0)):
        length = half - 0.05
        leaf = [box((0.0, -0.06, 0.15), (0.12, 0.06, 2.4), TIMBER), box((length - 0.12, -0.06, 0.15),
                                                                         (length, 0.06, 2.4), TIMBER),
                box((0.0, -0.06, 0.15), (length, 0.06, 0.3), TIMBER), box((0.0, -0.06, 2.25), (length, 0.06, 2.4), TIMBER),
                strut((0.1, 0.0, 0.3), (length - 0.1, 0.0, 2.25), 0.1, 0.1, TIMBER)]
        leaf += _wire_panel(0.0, length, 2.3, 5)
        leaf = [merge(leaf)]
        if sx > 0:  # the right leaf turned half round about z: it reaches toward -X from its hinge
            leaf = [transform(leaf[0], np.diag([-1.0, -1.0, 1.0]))]
        leaves.append(node(name, leaf, (sx * half, 0.0, 0.0)))
    return node("gate", parts, children=leaves)


def commandant_house_model() -> Node:
    """Oberst Ehrlich's house: two storeys of plaster under a red tile roof, a porch and door to +Y, chimneys."""
    width, depth, eaves, ridge = 11.0, 8.0, 6.0, 9.5
    parts = gabled(width, depth, eaves, ridge, PLASTER, ROOF_TILES, overhang=0.5, ridge_along_x=True)
    parts.append(box_on_ground(0.0, 0.0, width + 0.2, depth + 0.2, 0.5, BRICK))  # plinth
    for z in (1.7, 4.4):
        parts += front_panes([x for x in (-4.0, -2.0, 2.0, 4.0)], depth / 2, z, 0.45, 0.7)
    parts += front_panes([0.0], depth / 2, 4.4, 0.45, 0.7, back=False)
    parts += [pane((0.0, depth / 2 + 0.02, 1.5), (0, 1, 0), 0.6, 1.1, DARK),
              box((-1.3, depth / 2, 0.0), (1.3, depth / 2 + 1.4, 0.3), BRICK)]  # the door and its porch
    parts += [strut((x, depth / 2 + 1.3, 0.3), (x, depth / 2 + 1.3, 2.9), 0.15, 0.15, PLASTER) for x in (-1.2, 1.2)]
    parts.append(block((-1.5, depth / 2, 2.9), (3.0, 0, 0), (0, 1.6, 0), (0, 0, 0.25), ROOF_TILES))
    parts += [box((x - 0.35, -1.5, ridge - 1.0), (x + 0.35, -0.8, ridge + 0.9), BRICK) for x in (-3.5, 3.5)]
    return node("commandant_house", parts)
