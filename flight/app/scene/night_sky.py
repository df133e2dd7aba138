"""The night sky over the haze dome: a few hundred stars and the moon where the night preset puts its light. Both
ride with the camera, turn with nothing, and are drawn behind everything, unlit and unfogged (two draw calls)."""
from __future__ import annotations

import numpy as np
from panda3d.core import (ColorBlendAttrib, CompassEffect, Geom, GeomNode, GeomPoints, GeomVertexData,
                          GeomVertexFormat, GeomVertexWriter, NodePath, TransparencyAttrib)

from flight.app.scene.effects_geom import soft_disc
from flight.app.scene.ground_and_sky import linear, mesh_node, time_of_day_preset

SKY_RADIUS_M = 1900.0  # inside the haze dome (2000 m), so the stars draw over it
STARS = 600
STAR_LOWEST_DEG = 8.0  # below this the haze hides them
MOON_RADIUS_DEG = 1.2  # drawn larger than the real 0.25 deg: a disc a player notices without staring
MOON = (0.92, 0.93, 0.86)
MOON_HALO = 4.0  # the halo's radius over the disc's


def night_sky(time_of_day: str, seed: int = 11) -> NodePath:
    """Stars and moon under one node (parent it to the camera)."""
    root = NodePath("night-sky")
    stars = root.attach_new_node(_stars(seed))
    stars.set_render_mode_thickness(2.0)
    moon = _moon(time_of_day)
    moon.reparent_to(root)
    root.set_bin("background", 1)  # after the haze dome (background 0)
    root.set_depth_write(False)
    root.set_depth_test(False)
    root.set_light_off(1)
    root.set_fog_off(1)
    root.set_effect(CompassEffect.make(NodePath(), CompassEffect.P_rot))
    return root


def _stars(seed: int) -> GeomNode:
    """Points spread evenly over the sky above STAR_LOWEST_DEG, most faint, a few bright and a little coloured."""
    rng = np.random.default_rng(seed)
    up = rng.uniform(np.sin(np.radians(STAR_LOWEST_DEG)), 1.0, STARS)
    azimuth = rng.uniform(0.0, 2.0 * np.pi, STARS)
    across = np.sqrt(1.0 - up * up)
    points = np.stack([across * np.sin(azimuth), across * np.cos(azimuth), up], 1) * SKY_RADIUS_M
    brightness = 0.25 + 0.75 * rng.random(STARS) ** 4  # many faint stars, a few bright
    brightness *= np.clip((np.degrees(np.arcsin(up)) - STAR_LOWEST_DEG) / 12.0, 0.2, 1.0)  # dimmer in the haze
    tint = np.array([0.9, 0.93, 1.0]) + rng.uniform(-0.08, 0.08, (STARS, 1)) * np.array([1.0, 0.3, -1.0])
    colours = linear(np.clip(tint * brightness[:, None], 0, 1))
    data = GeomVertexData("stars", GeomVertexFormat.get_v3c4(), Geom.UH_static)
    vertex, colour = GeomVertexWriter(data, "vertex"), GeomVertexWriter(data, "color")
    for point, rgb in zip(points, colours):  # once, a few hundred rows
        vertex.add_data3(*point)
        colour.add_data4(*rgb, 1.0)
    primitive = GeomPoints(Geom.UH_static)
    primitive.add_consecutive_vertices(0, STARS)
    geom = Geom(data)
    geom.add_primitive(primitive)
    node = GeomNode("stars")
    node.add_geom(geom)
    return node


def _moon(time_of_day: str) -> NodePath:
    """The moon's disc with a faint halo round it, a camera-facing quad textured with the soft disc."""
    north, east, up = time_of_day_preset(time_of_day).sun_direction()
    towards = np.array([east, north, up]) * SKY_RADIUS_M * 0.99
    radius = SKY_RADIUS_M * np.tan(np.radians(MOON_RADIUS_DEG)) * MOON_HALO
    corners = np.array([[-1, 0, -1], [1, 0, -1], [1, 0, 1], [-1, 0, 1]], float) * radius
    uv = (corners[:, [0, 2]] / radius + 1.0) / 2.0
    node = NodePath(mesh_node("moon", corners, np.tile(linear(MOON), (4, 1)), np.array([[0, 1, 2], [0, 2, 3]]),
                              texcoords=uv))
    node.set_texture(_moon_texture())
    node.set_pos(*towards)
    node.look_at(0, 0, 0)
    node.set_h(node.get_h() + 180.0)  # the quad's front (-Y towards the viewer) faces the camera
    node.set_two_sided(True)
    node.set_transparency(TransparencyAttrib.M_alpha)
    node.set_attrib(ColorBlendAttrib.make(ColorBlendAttrib.M_add, ColorBlendAttrib.O_incoming_alpha,
                                          ColorBlendAttrib.O_one))
    return node


def _moon_texture(size: int = 128):
    """A hard bright disc a quarter of the quad across, in a soft halo that fades to nothing at the rim."""
    texture = soft_disc(size)
    y, x = np.mgrid[0:size, 0:size]
    r = np.hypot(x - (size - 1) / 2, y - (size - 1) / 2) / (size / 2)
    disc = np.clip((1.0 / MOON_HALO - r) * size / 2, 0.0, 1.0)  # an antialiased edge a texel wide
    halo = 0.18 * np.clip(1.0 - r, 0.0, 1.0) ** 2
    bgra = np.full((size, size, 4), 255, dtype=np.uint8)
    bgra[..., 3] = np.round(np.clip(disc + halo, 0.0, 1.0) * 255.0).astype(np.uint8)
    texture.set_ram_image(bgra.tobytes())
    return texture
