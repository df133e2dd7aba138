"""Two trees for the scenery, under 100 triangles each since the app instances thousands: a conifer (spruce or
fir) and a broadleaf (oak, beech, poplar scaled). Panda3D model axes (ground.py), the trunk's foot at the origin.
"""
from __future__ import annotations

import numpy as np

from flight.assets.gltf import Node
from flight.assets.ground_models import node
from flight.assets.shapes import ellipsoid, frustum, paint

BARK = (88, 66, 48)
SPRUCE = ((42, 70, 44), (34, 58, 38))
LEAVES = ((72, 102, 52), (60, 88, 44))

CONIFER_HEIGHT = 14.0
BROADLEAF_HEIGHT = 11.0


def _shade(mesh, colours):
    """Every other face in the darker green, so a crown reads as foliage and not as painted plastic."""
    return paint(mesh, np.arange(len(mesh.indices) // 3) % 3 == 1, colours[1])


def conifer_model() -> Node:
    """A 14 m spruce: a short trunk and three stacked cones, narrowing up."""
    parts = [frustum((0.0, 0.0, 0.0), (0.0, 0.0, 3.0), 0.28, 0.2, BARK, sides=5)]
    for base, top, radius in ((1.8, 8.0, 3.0), (5.5, 11.5, 2.2), (9.0, CONIFER_HEIGHT, 1.4)):
        parts.append(_shade(frustum((0.0, 0.0, base), (0.0, 0.0, top), radius, 0.0, SPRUCE[0], sides=7), SPRUCE))
    return node("tree_conifer", parts)


def broadleaf_model() -> Node:
    """An 11 m broadleaf: a trunk forking under a lumpy, faceted crown."""
    parts = [frustum((0.0, 0.0, 0.0), (0.0, 0.0, 4.2), 0.35, 0.22, BARK, sides=5),
             frustum((0.0, 0.0, 3.8), (1.2, 0.4, 6.0), 0.18, 0.08, BARK, sides=4)]
    crown = ellipsoid(np.array([0.0, 0.0, 7.2]), (3.6, 3.4, 3.8), LEAVES[0], sides=8, bands=4, wobble=0.15, seed=3)
    parts.append(_shade(crown, LEAVES))
    return node("tree_broadleaf", parts)
