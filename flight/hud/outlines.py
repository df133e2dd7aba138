"""Flat coloured meshes in the x-z plane for the graphical HUD widgets (aspect2d units: x right, z up)."""
from __future__ import annotations

import math
from collections.abc import Sequence

from panda3d.core import Geom, GeomNode, GeomTriangles, GeomVertexData, GeomVertexFormat, GeomVertexWriter, NodePath

Colour = tuple[float, float, float, float]


def mesh(name: str, points: Sequence[tuple[float, float]], triangles: Sequence[tuple[int, int, int]],
         colour: Colour) -> NodePath:
    """Triangles over `points` (x, z), all one colour; translucent when the colour's alpha is below 1."""
    data = GeomVertexData(name, GeomVertexFormat.get_v3(), Geom.UH_static)
    data.set_num_rows(len(points))
    vertex = GeomVertexWriter(data, "vertex")
    for x, z in points:
        vertex.add_data3(x, 0.0, z)
    primitive = GeomTriangles(Geom.UH_static)
    for a, b, c in triangles:
        primitive.add_vertices(a, b, c)
    geom = Geom(data)
    geom.add_primitive(primitive)
    node = GeomNode(name)
    node.add_geom(geom)
    path = NodePath(node)
    path.set_color(*colour)
    if colour[3] < 1.0:
        path.set_transparency(True)
    return path


def rectangle(name: str, left: float, bottom: float, right: float, top: float, colour: Colour) -> NodePath:
    return mesh(name, ((left, bottom), (right, bottom), (right, top), (left, top)), ((0, 1, 2), (0, 2, 3)), colour)


def disc(name: str, radius: float, colour: Colour, segments: int = 20) -> NodePath:
    rim = [(radius * math.cos(2 * math.pi * i / segments), radius * math.sin(2 * math.pi * i / segments))
           for i in range(segments)]
    return mesh(name, [(0.0, 0.0), *rim], [(0, 1 + i, 1 + (i + 1) % segments) for i in range(segments)], colour)


def arc_band(name: str, radius: float, half_angle: float, width: float, colour: Colour,
             segments: int = 24) -> NodePath:
    """A band `width` wide along an arc of `radius` whose lowest point is the origin and whose ends rise to
    +-half_angle (rad): the glass tube of an inclinometer."""
    points = []
    for i in range(segments + 1):
        angle = -half_angle + 2 * half_angle * i / segments
        for r in (radius - width / 2, radius + width / 2):
            points.append((r * math.sin(angle), radius - r * math.cos(angle)))
    triangles = [t for i in range(segments) for t in ((2 * i, 2 * i + 1, 2 * i + 3), (2 * i, 2 * i + 3, 2 * i + 2))]
    return mesh(name, points, triangles, colour)
