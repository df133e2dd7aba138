"""A German army lorry (a 3-tonne Daimler or Buessing of 1914-18): bonnet, open cab, canvas tilt over the bed.
Panda3D model axes (ground.py): the bonnet toward +Y, the ground at z = 0.
"""
from __future__ import annotations

import numpy as np

from flight.assets.gltf import Node
from flight.assets.ground_models import DARK, STEEL, TIMBER, node
from flight.assets.shapes import box, cylinder, disc, merge, prism

BODY = (84, 90, 74)  # field-grey paint
CANVAS = (150, 140, 108)
TYRE = (28, 28, 28)

WHEEL_RADIUS = 0.48
AXLES = {"wheel_front": 1.9, "wheel_rear": -1.7}  # y of each axle
TRACK = 0.8  # half the distance between the wheels of an axle


def _axle_wheels() -> list:
    """Both wheels of one axle about its own centre, their shared axis along x (solid rubber on spoked rims)."""
    parts = []
    for x in (-TRACK, TRACK):
        parts.append(cylinder((x - 0.1, 0.0, 0.0), (x + 0.1, 0.0, 0.0), WHEEL_RADIUS, TYRE, sides=10))
        side = np.sign(x)
        parts.append(disc((x + side * 0.102, 0.0, 0.0), np.array([side, 0.0, 0.0]), 0.3, BODY, sides=8))
    parts.append(cylinder((-TRACK, 0.0, 0.0), (TRACK, 0.0, 0.0), 0.05, STEEL, sides=4))
    return parts


def truck_model() -> Node:
    """The lorry, 6.4 m long and 2.1 m wide, and node `wheels` holding `wheel_front` and `wheel_rear`, each with
    its origin on its axle (local x along it), so setP turns them as the lorry rolls."""
    r = WHEEL_RADIUS
    parts = [box((-0.45, -3.2, r - 0.1), (0.45, 2.9, r + 0.1), STEEL),  # chassis rails, as one beam
             box((-0.55, 1.7, r), (0.55, 3.1, r + 1.0), BODY),  # bonnet
             box((-0.5, 3.1, r + 0.05), (0.5, 3.2, r + 0.95), DARK),  # radiator
             box((-1.0, 0.6, r + 0.1), (1.0, 1.7, r + 0.6), BODY),  # the cab's tub and seat
             box((-1.0, 1.55, r + 0.6), (1.0, 1.7, r + 1.4), BODY),  # scuttle and screen frame
             box((-1.05, 0.6, r + 2.0), (1.05, 1.8, r + 2.08), BODY)]  # cab roof
    for x in (-0.95, 0.95):
        for y in (0.65, 1.65):
            parts.append(box((x - 0.04, y - 0.04, r + 0.6), (x + 0.04, y + 0.04, r + 2.0), TIMBER))
        for y, length in ((AXLES["wheel_front"], 1.0), (AXLES["wheel_rear"], 1.1)):  # mudguards
            parts.append(box((x - 0.16, y - length / 2 - 0.1, r + 0.45), (x + 0.16, y + length / 2, r + 0.5), BODY))
    parts.append(box((-1.05, -3.3, r + 0.1), (1.05, 0.5, r + 0.55), TIMBER))  # the bed
    arch = np.linspace(0.0, np.pi, 7)
    tilt = [(1.05 * np.cos(a), r + 1.4 + 0.8 * np.sin(a)) for a in arch] + [(-1.05, r + 0.5), (1.05, r + 0.5)]
    parts.append(prism(tilt, -3.3, 0.5, CANVAS))
    wheels = [node(name, _axle_wheels(), (0.0, y, r)) for name, y in AXLES.items()]
    return node("truck", merge(parts), children=[node("wheels", None, children=wheels)])
