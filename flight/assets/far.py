"""The far level of detail of an aircraft: the same outline as the near model from a few hundred triangles.

Each aircraft builder describes itself once as a `FarPlan` (the fuselage stations and wings it also builds the
near model from) and `far_model` turns that into `<name>_far.glb`: one node `<name>_far` holding one mesh, no moving
parts. The app puts both files under a Panda3D LODNode (models/README.md); the origin and axes are the near model's.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from flight.assets.airframe import STRUT, TYRE, Wing, body_node, fuselage, two_tone
from flight.assets.gltf import Node
from flight.assets.markings import BLACK, ROUNDEL
from flight.assets.shapes import Colour, block, cylinder, disc, merge, strut

Box = tuple[tuple[float, float, float], tuple[float, float, float]]  # two opposite corners, body axes


@dataclass(frozen=True)
class FarPlan:
    """What the far model draws: fuselage `stations` (x, half width, top z, bottom z), the wings, tail boxes,
    nacelles (front, back, radius), wheels (axle centre, radius, width) and the national marking on the wings."""
    name: str
    stations: list[tuple[float, float, float, float]]
    wings: list[Wing]
    top: Colour
    under: Colour
    body: Colour
    tail: list[Box]
    nacelles: list[tuple[tuple[float, float, float], tuple[float, float, float], float]] = field(default_factory=list)
    wheels: list[tuple[tuple[float, float, float], float, float]] = field(default_factory=list)
    marking: str = "cross"  # or "roundel"
    marking_y: float = 0.0  # spanwise position of the wing markings, m out from the centre line


def _box(low, high, colour: Colour):
    (x0, y0, z0), (x1, y1, z1) = low, high
    return block((x0, y0, z0), (x1 - x0, 0, 0), (0, y1 - y0, 0), (0, 0, z1 - z0), colour)


def _wing_marks(plan: FarPlan, w: Wing, upper: bool) -> list:
    """A flat cross or roundel just above (or below) a wing's slab, at `marking_y` each side."""
    x, size = w.le_x - 0.5 * w.chord, 0.7 * w.chord
    clear = 0.5 * w.section[0] * w.chord + 0.01 + 0.5 * size * np.tan(w.dihedral)  # above the slab, however tilted
    z = w.z_at(plan.marking_y) + (-1 if upper else 1) * clear
    face = np.array([0.0, 0.0, -1.0 if upper else 1.0])
    parts = []
    for y in (-plan.marking_y, plan.marking_y):
        if plan.marking == "roundel":
            parts += [disc((x, y, z + face[2] * 0.005 * i), face, size / 2 * (1 - i / 3), c, sides=8)
                      for i, c in enumerate(ROUNDEL[::2])]
        else:
            half, bar = size / 2, size / 10
            for lo, hi in (((x - half, y - bar, 0), (x + half, y + bar, 0)), ((x - bar, y - half, 0), (x + bar, y + half, 0))):
                parts.append(_box((lo[0], lo[1], z), (hi[0], hi[1], z + face[2] * 0.01), BLACK))
    return parts


def far_model(plan: FarPlan) -> Node:
    """The far model of `plan` as one node tree."""
    stations = plan.stations[::2] + ([plan.stations[-1]] if len(plan.stations) % 2 == 0 else [])
    parts = [two_tone(plan.under)(fuselage(stations, plan.body, sides=6, flatness=0.6))]
    for i, w in enumerate(plan.wings):
        t = 0.5 * w.section[0] * w.chord
        for sign in (-1.0, 1.0):  # each half a slab following the dihedral
            root, tip = np.array([w.le_x, 0.0, w.z - t]), np.array([w.le_x, sign * w.half_span, w.z_at(w.half_span) - t])
            parts.append(two_tone(plan.under)(block(root, tip - root, (-w.chord, 0, 0), (0, 0, 2 * t), plan.top)))
        if plan.marking_y:
            parts += _wing_marks(plan, w, upper=(i == 0))
            if i == len(plan.wings) - 1 and i:
                parts += _wing_marks(plan, w, upper=False)
    parts += [two_tone(plan.under)(_box(low, high, plan.top)) for low, high in plan.tail]
    parts += [cylinder(front, back, radius, plan.body, sides=6) for front, back, radius in plan.nacelles]
    xs, bottoms = np.array([s[0] for s in plan.stations]), np.array([s[3] for s in plan.stations])
    for axle, radius, width in plan.wheels:
        axle = np.asarray(axle, float)
        parts.append(cylinder(axle - (0, width / 2, 0), axle + (0, width / 2, 0), radius, TYRE, sides=8))
        if abs(axle[1]) < 1.5:  # a leg up to the fuselage
            top = np.array([axle[0], 0.4 * axle[1], np.interp(axle[0], xs[::-1], bottoms[::-1]) - 0.05])
        else:  # or, out under a bomber's wing, to the lowest wing
            top = np.array([axle[0], axle[1], plan.wings[-1].z_at(axle[1])])
        parts.append(strut(axle, top, 0.05, 0.1, STRUT))
    return Node(f"{plan.name}_far", children=[body_node("airframe", merge(parts))])
