"""National markings as decals laid a few millimetres proud of a surface: the RFC roundel and the German crosses
(the straight-armed Balkenkreuz of 1918 and the older cross pattee on its white field).

A marking is a list of layers, bottom first, each a colour and 2D quads in the marking's own plane (u right, v up,
centred on the marking); `decal` places them and, given a surface height function, bends them onto an aerofoil.
"""
from __future__ import annotations

import numpy as np

from flight.assets.gltf import Mesh
from flight.assets.shapes import Colour, circle, quad_grid, sheet

BLACK = (20, 20, 20)
WHITE = (236, 234, 226)
ROUNDEL = ((38, 54, 120), (236, 234, 226), (178, 34, 34))  # blue, white, red from the rim in
LIFT = 0.004  # m between layers, enough for a 24-bit depth buffer at fighter ranges

Layer = tuple[Colour, list[np.ndarray]]


def _rect(u0: float, v0: float, u1: float, v1: float) -> np.ndarray:
    return np.array([[u0, v0], [u1, v0], [u1, v1], [u0, v1]])


def _plus(half_length: float, half_width: float) -> list[np.ndarray]:
    """A straight-armed cross as five quads: the centre and four arms (none overlapping)."""
    L, w = half_length, half_width
    return [_rect(-w, -w, w, w), _rect(w, -w, L, w), _rect(-L, -w, -w, w), _rect(-w, w, w, L), _rect(-w, -L, w, -w)]


def balkenkreuz(size: float) -> list[Layer]:
    """The 1918 straight cross: black bars a fifth of `size` wide with a narrow white border, `size` across."""
    border = size / 20
    return [(WHITE, _plus(size / 2, size / 10 + border)), (BLACK, _plus(size / 2 - border, size / 10))]


def cross_pattee(size: float) -> list[Layer]:
    """The Iron Cross of 1916-18: a black cross with flared arms on a white square field `size` across."""
    inner, tip, reach = 0.08 * size, 0.22 * size, 0.42 * size
    arms = []
    for rotation in range(4):
        c, s = np.cos(rotation * np.pi / 2), np.sin(rotation * np.pi / 2)
        arm = np.array([[inner, -inner], [reach, -tip], [reach, tip], [inner, inner]])
        arms.append(arm @ np.array([[c, s], [-s, c]]))
    return [(WHITE, [_rect(-size / 2, -size / 2, size / 2, size / 2)]),
            (BLACK, [_rect(-inner, -inner, inner, inner)] + arms)]


def roundel(radius: float, sides: int = 16) -> list[Layer]:
    """Blue and white rings and the red centre, side by side rather than stacked, so bending one onto a wing
    needs no more than the rings' own quads."""
    rims = [circle(sides, radius * (1.0 - i / 3)) for i in range(3)]
    layers = []
    for outer, inner, colour in zip(rims, rims[1:] + [np.zeros((sides, 2))], ROUNDEL):
        layers.append((colour, [np.array([a, b, d, c]) for a, b, c, d in
                                zip(outer, np.roll(outer, -1, 0), inner, np.roll(inner, -1, 0))]))
    return layers


def decal(layers: list[Layer], centre, u, v, surface=None, cell: float = 0.3) -> list[Mesh]:
    """Lay a marking at `centre`, its u and v axes along the unit vectors u, v, facing u x v. With `surface`
    (body z of the skin at body x, y) each quad is split into cells of at most `cell` m and bent onto it."""
    centre, u, v = (np.asarray(a, float) for a in (centre, u, v))
    normal = np.cross(u, v)
    meshes = []
    for i, (colour, quads) in enumerate(layers):
        lift = LIFT * (i + 1)
        tris = []
        for quad in quads:
            n_u = max(1, int(np.ceil(np.ptp(quad[:, 0]) / cell))) if surface is not None else 1
            n_v = max(1, int(np.ceil(np.ptp(quad[:, 1]) / cell))) if surface is not None else 1
            tris.append(quad_grid(quad, n_u, n_v))
        flat = np.concatenate(tris)
        points = centre + flat[..., :1] * u + flat[..., 1:] * v + lift * normal
        if surface is not None:
            points[..., 2] = surface(points[..., 0], points[..., 1]) + normal[2] * (lift + LIFT)
        meshes.append(sheet(points, normal, colour))
    return meshes
