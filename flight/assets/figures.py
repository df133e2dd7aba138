"""People as simple, readable silhouettes: a standing German guard with a shouldered rifle, a running prisoner
in khaki, and the bomber's gunners (upper body only, behind a flexible machine gun).

Built in Panda3D's model axes (x right, y forward, z up, metres), feet on z = 0, facing +Y; a figure is jointed
limbs (two bars each), a block torso and a faceted head, about 130 triangles.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.assets import shapes
from flight.assets.gltf import Mesh, Node
from flight.assets.shapes import Colour, block, ellipsoid, frustum, merge, strut

FIELD_GREY = (104, 108, 92)
KHAKI = (128, 112, 74)
BOOTS = (40, 32, 26)
SKIN = (196, 158, 128)
HELMET = (70, 74, 66)
CAP = (88, 70, 50)
RIFLE = (88, 60, 38)

TO_GLTF = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, -1.0, 0.0]])  # Panda3D model axes -> glTF


@dataclass(frozen=True)
class Pose:
    """Joint positions: the pelvis, the torso's forward lean (rad), (knee, foot) per leg and (elbow, hand) per
    arm, left first."""
    pelvis: tuple[float, float, float]
    lean: float
    legs: tuple[tuple[tuple, tuple], ...]
    arms: tuple[tuple[tuple, tuple], ...]


STANDING = Pose((0.0, 0.0, 0.95), 0.0,
                legs=(((-0.1, 0.02, 0.5), (-0.11, 0.0, 0.06)), ((0.1, 0.02, 0.5), (0.11, 0.0, 0.06))),
                arms=(((-0.25, -0.01, 1.15), (-0.25, 0.03, 0.86)), ((0.26, 0.04, 1.16), (0.22, 0.1, 1.0))))
RUNNING = Pose((0.0, 0.0, 0.9), np.radians(18.0),
               legs=(((-0.09, 0.36, 0.56), (-0.1, 0.3, 0.06)), ((0.09, -0.1, 0.46), (0.1, -0.5, 0.38))),
               arms=(((-0.24, -0.2, 1.12), (-0.22, -0.1, 0.9)), ((0.24, 0.28, 1.2), (0.2, 0.42, 1.3))))


def figure_meshes(pose: Pose, uniform: Colour, headgear: str = "helmet", legs: bool = True) -> list[Mesh]:
    """The figure's parts; `headgear` "helmet" (a Stahlhelm) or "cap"; without `legs` it ends at the waist."""
    pelvis = np.asarray(pose.pelvis, float)
    up = np.array([0.0, np.sin(pose.lean), np.cos(pose.lean)])
    neck = pelvis + 0.52 * up
    parts = [strut(pelvis - 0.05 * up, neck, 0.22, 0.38, uniform)]  # torso: wide across (x), shallow front-back
    head = neck + 0.16 * up
    parts.append(ellipsoid(head, (0.09, 0.1, 0.11), SKIN, sides=6, bands=3))
    if headgear == "helmet":
        parts.append(frustum(head + 0.02 * up, head + 0.13 * up, 0.15, 0.07, HELMET, sides=8))
    else:
        parts.append(frustum(head + 0.05 * up, head + 0.12 * up, 0.11, 0.12, CAP, sides=8))
    for side, (elbow, hand) in zip((-1.0, 1.0), pose.arms):
        shoulder = neck + np.array([side * 0.22, 0.0, 0.0]) - 0.05 * up
        parts += [strut(shoulder, elbow, 0.1, 0.1, uniform), strut(elbow, hand, 0.08, 0.08, uniform),
                  ellipsoid(np.asarray(hand, float), (0.045, 0.045, 0.045), SKIN, sides=4, bands=2)]
    if legs:
        for side, (knee, foot) in zip((-1.0, 1.0), pose.legs):
            hip = pelvis + np.array([side * 0.1, 0.0, 0.0])
            foot = np.asarray(foot, float)
            parts += [strut(hip, knee, 0.15, 0.15, uniform), strut(knee, foot, 0.12, 0.12, BOOTS),
                      block(foot - (0.05, 0.06, 0.06), (0.1, 0, 0), (0, 0.24, 0), (0, 0, 0.08), BOOTS)]
    return parts


def standing_figure_model() -> Node:
    """A German guard at ease, 1.8 m to the helmet's crown, his rifle on the right shoulder."""
    rifle = strut((0.24, 0.14, 0.95), (0.27, -0.12, 2.05), 0.05, 0.05, RIFLE)
    return Node("figure_standing", shapes.transform(merge(figure_meshes(STANDING, FIELD_GREY) + [rifle]), TO_GLTF))


def running_figure_model() -> Node:
    """A prisoner in khaki running toward +Y, bareheaded but for a cap, leaning into his stride."""
    return Node("figure_running", shapes.transform(merge(figure_meshes(RUNNING, KHAKI, headgear="cap")), TO_GLTF))


GUNNER = Pose((0.0, -0.3, -0.15), np.radians(10.0), legs=(),
              arms=(((-0.22, -0.05, 0.25), (-0.07, 0.18, 0.36)), ((0.22, -0.05, 0.25), (0.07, 0.18, 0.36))))


def gunner_meshes() -> list[Mesh]:
    """A bomber's gunner from the waist up, standing in his ring (origin at the ring's centre, on its plane),
    hands on the grips of a gun pointing along +Y."""
    return figure_meshes(GUNNER, FIELD_GREY, headgear="cap", legs=False)
