"""The 3D scene: terrain mesh from the world's heightfield, sky, sun and haze, the aerodrome, the player's model.

The terrain mesh is built from the same array the flight model uses for ground contact (flight.world.Terrain).
"""
from __future__ import annotations

import numpy as np
from panda3d.core import (AmbientLight, DirectionalLight, Fog, Geom, GeomNode, GeomTriangles, GeomVertexArrayFormat,
                          GeomVertexData, GeomVertexFormat, InternalName, NodePath, Vec4)

from flight.app import frames
from flight.world import Terrain

SKY = (0.62, 0.74, 0.88, 1.0)


def linear(srgb):
    """sRGB colour components to linear light: the window is an sRGB framebuffer (glTF materials are linear)."""
    return np.power(np.asarray(srgb, dtype=float), 2.2)


def _vertex_format() -> GeomVertexFormat:
    """Positions and colours as float32 columns, so numpy arrays copy straight in."""
    array = GeomVertexArrayFormat()
    array.add_column(InternalName.get_vertex(), 3, Geom.NT_float32, Geom.C_point)
    array.add_column(InternalName.get_color(), 4, Geom.NT_float32, Geom.C_color)
    return GeomVertexFormat.register_format(array)


_FLOAT_COLOUR_FORMAT = _vertex_format()
GRASS = np.array([0.36, 0.50, 0.22])
FIELD = np.array([0.55, 0.52, 0.28])
RIVER_BANK = np.array([0.30, 0.38, 0.24])


def terrain_node(terrain: Terrain) -> NodePath:
    """One mesh over the whole heightfield, coloured in field strips by position and darker in the hollows."""
    h = terrain.heights
    rows, cols = h.shape
    north = terrain.north0 + np.arange(rows)[:, None] * terrain.spacing + np.zeros((1, cols))
    east = terrain.east0 + np.arange(cols)[None, :] * terrain.spacing + np.zeros((rows, 1))
    ned = np.stack([north.ravel(), east.ravel(), -h.ravel()], axis=1)
    points = frames.position_to_panda(ned)
    strips = (np.floor(east.ravel() / 160.0) + np.floor(north.ravel() / 420.0)) % 3
    colour = np.where((strips == 0)[:, None], FIELD, GRASS)
    low = np.clip((h.mean() - h.ravel()) / 20.0, 0.0, 1.0)[:, None]
    colour = colour * (1.0 - low) + RIVER_BANK * low
    colour = colour * (0.9 + 0.1 * np.cos(north.ravel() / 37.0))[:, None]
    colour = colour * _sunlit(terrain)[:, None]

    data = GeomVertexData("terrain", _FLOAT_COLOUR_FORMAT, Geom.UH_static)
    data.unclean_set_num_rows(rows * cols)
    vertices = np.concatenate([points, linear(colour), np.ones((len(colour), 1))], 1).astype(np.float32)
    memoryview(data.modify_array(0)).cast("B").cast("f")[:] = vertices.ravel()
    triangles = GeomTriangles(Geom.UH_static)
    triangles.set_index_type(Geom.NT_uint32)
    idx = (np.arange(rows - 1)[:, None] * cols + np.arange(cols - 1)[None, :]).ravel()
    # counter-clockwise seen from above (x east, y north): east neighbour, then north
    quads = np.stack([idx, idx + 1, idx + cols, idx + 1, idx + cols + 1, idx + cols], axis=1).astype(np.uint32)
    array = triangles.modify_vertices()
    array.unclean_set_num_rows(quads.size)
    memoryview(array).cast("B").cast("I")[:] = quads.ravel()
    geom = Geom(data)
    geom.add_primitive(triangles)
    node = GeomNode("terrain")
    node.add_geom(geom)
    terrain_np = NodePath(node)
    terrain_np.set_light_off()  # the sun is baked into the vertex colours
    return terrain_np


def _sunlit(terrain: Terrain) -> np.ndarray:
    """Lambert shading of each grid point under the morning sun (east, 35 deg up), 0.55..1."""
    dh_dn, dh_de = np.gradient(terrain.heights, terrain.spacing)
    normal = np.stack([-dh_dn, -dh_de, np.ones_like(dh_dn)], axis=-1)  # north, east, up
    normal /= np.linalg.norm(normal, axis=-1, keepdims=True)
    sun = np.array([0.0, np.cos(np.radians(35.0)), np.sin(np.radians(35.0))])
    return (0.55 + 0.45 * np.clip(normal @ sun, 0.0, 1.0)).ravel()


def add_sky_and_light(render: NodePath, background_setter) -> None:
    """Daylight: a low morning sun from the east, soft sky fill, haze to the horizon."""
    sky = linear(SKY[:3])
    background_setter(*sky, 1.0)
    sun = DirectionalLight("sun")
    sun.set_color(Vec4(0.95, 0.9, 0.8, 1))
    sun_np = render.attach_new_node(sun)
    sun_np.set_hpr(-60, -35, 0)
    render.set_light(sun_np)
    ambient = AmbientLight("sky")
    ambient.set_color(Vec4(0.45, 0.48, 0.55, 1))
    render.set_light(render.attach_new_node(ambient))
    fog = Fog("haze")
    fog.set_color(*sky)
    fog.set_exp_density(0.00018)
    render.set_fog(fog)
