"""Geometry rewritten every frame from numpy arrays: camera-facing sprites (soft round quads) and streaks (lines),
each one Geom however many there are, so a thousand tracers cost one draw call. Used by flight.app.scene.effects."""
from __future__ import annotations

import numpy as np
from panda3d.core import (ColorBlendAttrib, Geom, GeomLines, GeomNode, GeomTriangles, GeomVertexArrayFormat,
                          GeomVertexData, GeomVertexFormat, InternalName, NodePath, OmniBoundingVolume, Texture,
                          TransparencyAttrib)


def _format() -> GeomVertexFormat:
    array = GeomVertexArrayFormat()
    array.add_column(InternalName.get_vertex(), 3, Geom.NT_float32, Geom.C_point)
    array.add_column(InternalName.get_color(), 4, Geom.NT_float32, Geom.C_color)
    array.add_column(InternalName.get_texcoord(), 2, Geom.NT_float32, Geom.C_texcoord)
    return GeomVertexFormat.register_format(GeomVertexFormat(array))


_FORMAT = _format()
# two triangles per quad, counter-clockwise towards the camera: corners as (right, up) multiples and their uv
_CORNERS = np.array([[-1, -1], [1, -1], [1, 1], [-1, -1], [1, 1], [-1, 1]], dtype=np.float32)
_UV = (_CORNERS + 1.0) * 0.5


def soft_disc(size: int = 64) -> Texture:
    """A white disc whose alpha falls smoothly to nothing at its rim: every puff and glow is drawn with it."""
    y, x = np.mgrid[0:size, 0:size]
    r = np.hypot(x - (size - 1) / 2, y - (size - 1) / 2) / (size / 2)
    alpha = np.clip(1.0 - r, 0.0, 1.0)
    alpha = alpha * alpha * (3.0 - 2.0 * alpha)
    bgra = np.full((size, size, 4), 255, dtype=np.uint8)
    bgra[..., 3] = np.round(alpha * 255.0).astype(np.uint8)
    texture = Texture("soft-disc")
    texture.setup_2d_texture(size, size, Texture.T_unsigned_byte, Texture.F_rgba8)
    texture.set_ram_image(bgra.tobytes())
    return texture


class _Dynamic:
    """A GeomNode whose vertices are replaced wholesale each frame."""

    def __init__(self, parent: NodePath, name: str, primitive, additive: bool):
        self.data = GeomVertexData(name, _FORMAT, Geom.UH_stream)
        self.primitive = primitive
        geom = Geom(self.data)
        geom.add_primitive(self.primitive)
        node = GeomNode(name)
        node.add_geom(geom)
        node.set_bounds(OmniBoundingVolume())  # rebuilt each frame anywhere in the world: never culled
        node.set_final(True)
        self.node = parent.attach_new_node(node)
        self.node.set_light_off()
        self.node.set_depth_write(False)
        self.node.set_bin("fixed", 40 if additive else 30)
        if additive:
            self.node.set_attrib(ColorBlendAttrib.make(ColorBlendAttrib.M_add, ColorBlendAttrib.O_incoming_alpha,
                                                       ColorBlendAttrib.O_one))
        else:
            self.node.set_transparency(TransparencyAttrib.M_alpha)

    def _write(self, vertices: np.ndarray, colours: np.ndarray, uv: np.ndarray) -> None:
        rows = len(vertices)
        self.data.unclean_set_num_rows(rows)
        if rows:
            packed = np.concatenate([vertices, colours, uv], axis=1).astype(np.float32)
            memoryview(self.data.modify_array(0)).cast("B").cast("f")[:] = packed.ravel()
        self.primitive.clear_vertices()
        if rows:
            self.primitive.add_consecutive_vertices(0, rows)
            self.primitive.close_primitive()


class Sprites(_Dynamic):
    """Round sprites facing the camera: `draw(centres (K, 3) Panda, sizes (K,) m (radius), colours (K, 4) linear
    RGBA, right, up)` with the camera's right and up unit vectors in the same space."""

    def __init__(self, parent: NodePath, name: str, texture: Texture, additive: bool = False):
        super().__init__(parent, name, GeomTriangles(Geom.UH_stream), additive)
        self.node.set_texture(texture)

    def draw(self, centres: np.ndarray, sizes: np.ndarray, colours: np.ndarray, right: np.ndarray,
             up: np.ndarray) -> None:
        k = len(centres)
        offsets = _CORNERS[:, 0:1] * right[None, :] + _CORNERS[:, 1:2] * up[None, :]  # (6, 3)
        vertices = (centres[:, None, :] + sizes[:, None, None] * offsets[None, :, :]).reshape(-1, 3)
        colours = np.repeat(colours, 6, axis=0)
        self._write(vertices, colours, np.tile(_UV, (k, 1)))


class Streaks(_Dynamic):
    """Lines from `heads` to `tails` (K, 3) Panda, each fading from `colours` (K, 4) at the head to clear."""

    def __init__(self, parent: NodePath, name: str, thickness: float = 2.0):
        super().__init__(parent, name, GeomLines(Geom.UH_stream), additive=True)
        self.node.set_render_mode_thickness(thickness)
        self.node.set_texture_off()

    def draw(self, heads: np.ndarray, tails: np.ndarray, colours: np.ndarray) -> None:
        k = len(heads)
        vertices = np.stack([heads, tails], axis=1).reshape(-1, 3)
        faded = colours.copy()
        faded[:, 3] = 0.0
        self._write(vertices, np.stack([colours, faded], axis=1).reshape(-1, 4), np.zeros((2 * k, 2)))
