"""What stands on the land: trees (low-poly crowns, flattened into one mesh per square kilometre, each tile dropped
beyond a distance), the bare trunks shellfire leaves near the lines, the villages' houses, barns and churches
(flat-shaded meshes), and bands draped on the ground (roads, the river, trenches and their sandbags). Positions come
from flight.sim.map.scatter; light is baked into the vertex colours like the terrain's."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from panda3d.core import LODNode, NodePath

from flight.app import frames
from flight.app.scene.ground_and_sky import TERRAIN_GAIN, TimeOfDay, linear, mesh_node, time_of_day_preset
from flight.sim.world import Terrain
from flight.sim.map.scatter import BARN, CHURCH, Buildings

TILE_M = 1000.0
WOOD_TREE = (4.2, 13.0)  # crown radius and height, m, at size factor 1
POPLAR = (1.7, 21.0)
TRUNK = (0.35, 11.0)  # a shattered tree: trunk radius at the foot and height, m, at size factor 1
TRUNK_COLOUR = (0.34, 0.30, 0.25)


def _trunk(sides: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A unit snapped trunk (foot radius 1, height 1): a tapering shaft with a jagged top and one broken-off
    limb sticking out; vertices east/north/up, normals, triangles counter-clockwise from outside."""
    a = np.linspace(0.0, 2.0 * np.pi, sides, endpoint=False)
    foot = np.column_stack([np.cos(a), np.sin(a), np.zeros(sides)])
    top = np.column_stack([0.45 * np.cos(a), 0.45 * np.sin(a), 1.0 - 0.08 * (np.arange(sides) % 2)])
    limb = np.array([[0.0, 0.0, 0.62], [0.3, 0.0, 0.55], [9.0, 0.0, 0.8]])  # a spike off the shaft
    verts = np.concatenate([foot, top, limb])
    normals = np.concatenate([foot, top * np.array([1.0, 1.0, 0.0]) / 0.45 + np.array([0.0, 0.0, 0.3]),
                              [[0.0, -1.0, 0.2], [0.0, -1.0, 0.2], [0.0, -1.0, 0.2]]])
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    k = np.arange(sides)
    nxt = (k + 1) % sides
    tris = np.concatenate([np.column_stack([k, nxt, sides + k]), np.column_stack([nxt, sides + nxt, sides + k]),
                           [[2 * sides, 2 * sides + 1, 2 * sides + 2], [2 * sides, 2 * sides + 2, 2 * sides + 1]]])
    return verts, normals, tris


def _crown(sides: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A unit crown (radius 1, height 1, base on the ground): vertices (n, 3) east/north/up, their shading normals,
    and triangles (m, 3) counter-clockwise from outside. A point at the foot, two staggered rings and a top."""
    a = np.linspace(0.0, 2.0 * np.pi, sides, endpoint=False)
    b = a + np.pi / sides
    rings = [np.column_stack([np.cos(a), np.sin(a), np.full(sides, 0.32)]),
             np.column_stack([0.78 * np.cos(b), 0.78 * np.sin(b), np.full(sides, 0.72)])]
    verts = np.concatenate([[[0.0, 0.0, 0.0]], *rings, [[0.0, 0.0, 1.0]]])
    normals = verts * np.array([1.0, 1.0, 0.0]) + np.array([0.0, 0.0, 1.0]) * (verts[:, 2:] - 0.5) * 2.0
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    k = np.arange(sides)
    ring1, ring2, top = 1 + k, 1 + sides + k, 1 + 2 * sides
    nxt = (k + 1) % sides
    tris = np.concatenate([np.column_stack([np.zeros(sides, int), 1 + nxt, ring1]),
                           np.column_stack([ring1, 1 + nxt, ring2]),
                           np.column_stack([1 + nxt, 1 + sides + nxt, ring2]),
                           np.column_stack([ring2, 1 + sides + nxt, np.full(sides, top)])])
    # the second ring sits half a step round: ring2[k] lies between ring1[k] and ring1[k+1]
    return verts, normals, tris


def _shade(normals: np.ndarray, preset: TimeOfDay) -> np.ndarray:
    """Baked light (sRGB-space multiplier) for (..., 3) east/north/up normals: sky fill plus Lambert sun."""
    sun = preset.sun_direction()  # north, east, up
    lambert = np.clip(normals[..., 0] * sun[1] + normals[..., 1] * sun[0] + normals[..., 2] * sun[2], 0.0, 1.0)
    return TERRAIN_GAIN * (np.asarray(preset.ambient) + np.asarray(preset.sun) * lambert[..., None])


def trees_node(trees: np.ndarray, terrain: Terrain, time_of_day: str, shape: tuple[float, float] = WOOD_TREE,
               sides: int = 5, far_m: float = 2500.0, name: str = "trees") -> NodePath:
    """Trees at (M, 3) north, east, size factor: one mesh per TILE_M tile, each shown only within `far_m` of the
    camera (beyond it the dark wood texture carries the woods). `shape` TRUNK draws bare shattered trunks."""
    root = NodePath(name)
    if len(trees) == 0:
        return root
    preset = time_of_day_preset(time_of_day)
    bare = shape == TRUNK
    unit, normals, tris = _trunk(sides) if bare else _crown(sides)
    tile_n = np.floor((trees[:, 0] - terrain.north0) / TILE_M).astype(int)
    tile_e = np.floor((trees[:, 1] - terrain.east0) / TILE_M).astype(int)
    tile = tile_n * 1000 + tile_e
    order = np.argsort(tile, kind="stable")
    trees, tile = trees[order], tile[order]
    size = trees[:, 2:3]
    wobble = 0.9 + 0.2 * ((trees[:, 0] * 0.37 + trees[:, 1] * 0.61) % 1.0)[:, None]  # no two crowns alike
    scale = np.concatenate([shape[0] * size * wobble, shape[0] * size * wobble, shape[1] * size], axis=1)
    if bare:  # thin trunks of every height (the size factor is how much of the tree is left), limbs east or west
        scale[:, :2] = shape[0] * (0.6 + 0.6 * size)
        scale[:, :2] *= np.where((trees[:, 0] * 0.73 + trees[:, 1] * 0.29) % 1.0 < 0.5, -1.0, 1.0)[:, None]
    ground = terrain.height_at(trees[:, 0], trees[:, 1]) - 0.4
    east_north_up = unit[None] * scale[:, None] + np.stack([trees[:, 1], trees[:, 0], ground], 1)[:, None]
    points = frames.position_to_panda(np.stack([east_north_up[..., 1], east_north_up[..., 0],
                                                -east_north_up[..., 2]], -1).reshape(-1, 3))
    # greens from dark oak to fresh beech, per tree; the underside in the crown's own shade
    hue = ((trees[:, 0] * 0.113 + trees[:, 1] * 0.271) % 1.0)[:, None]
    albedo = np.array([0.16, 0.27, 0.10]) + hue * np.array([0.10, 0.10, 0.04])
    if bare:  # weathered grey to scorched dark
        albedo = np.array(TRUNK_COLOUR) * (0.7 + 0.5 * hue)
    occlusion = 0.55 + 0.45 * unit[:, 2]
    colour = albedo[:, None] * _shade(normals, preset)[None] * occlusion[None, :, None]
    colours = linear(np.clip(colour, 0.0, 1.0)).reshape(-1, 3)
    per_tree = len(unit)
    starts = np.flatnonzero(np.r_[True, tile[1:] != tile[:-1]])
    ends = np.r_[starts[1:], len(tile)]
    for start, end in zip(starts, ends):
        local = (tris[None] + per_tree * np.arange(end - start)[:, None, None]).reshape(-1, 3)
        node = mesh_node(name, points[start * per_tree:end * per_tree], colours[start * per_tree:end * per_tree],
                         local)
        lod = LODNode(f"{name}-tile")
        lod_np = root.attach_new_node(lod)
        geom_np = lod_np.attach_new_node(node)
        lod.add_switch(far_m, 0.0)
        lod.set_center(geom_np.get_bounds().get_center())
    root.set_light_off()
    return root


def ribbons_node(lines, half_width_m: float, colour, terrain: Terrain, time_of_day: str, name: str,
                 lift_m: float = 0.15) -> NodePath:
    """Flat bands `half_width_m` either side of each (K, 2) north/east polyline, draped on the terrain a little
    above it (and drawn in front of it): roads and the river stay sharp however coarse the land texture is. The
    texture paints the same class underneath, so from far off, where a band is thinner than a pixel, nothing
    changes colour."""
    return bands_node([Band(tuple(lines), half_width_m, tuple(colour), lift_m)], terrain, time_of_day, name)


@dataclass(frozen=True)
class Band:
    """Bands along `lines` ((K, 2) north/east polylines): `half_width_m` either side of each line moved `offset_m`
    to its right (both sides with `mirrored`), `lift_m` over the ground, sRGB `colour`."""
    lines: tuple
    half_width_m: float
    colour: tuple[float, float, float]
    lift_m: float = 0.15
    offset_m: float = 0.0
    mirrored: bool = False


def bands_node(bands: list[Band], terrain: Terrain, time_of_day: str, name: str) -> NodePath:
    """One mesh of all `bands`, draped on the terrain and drawn in front of it (depth offset), light baked in."""
    preset = time_of_day_preset(time_of_day)
    points, colours, tris = [], [], []
    count = 0
    for band in bands:
        for line in band.lines:
            if len(line) < 2:
                continue
            step = np.gradient(line, axis=0)
            side = np.column_stack([-step[:, 1], step[:, 0]]) / np.maximum(np.hypot(step[:, 0], step[:, 1]),
                                                                            1e-9)[:, None]
            for offset in ((band.offset_m, -band.offset_m) if band.mirrored else (band.offset_m,)):
                middle = line + side * offset
                for edge in (middle - side * band.half_width_m, middle + side * band.half_width_m):
                    points.append(edge)
                k = np.arange(len(line) - 1) + count
                left, right = k, k + len(line)
                tris.append(np.concatenate([np.column_stack([left, right, left + 1]),
                                            np.column_stack([left + 1, right, right + 1])]))
                colours.append(np.broadcast_to(np.r_[band.colour, band.lift_m], (2 * len(line), 4)))
                count += 2 * len(line)
    root = NodePath(name)
    if not points:
        return root
    ne = np.concatenate(points)
    colour_lift = np.concatenate(colours)
    h = terrain.height_at(ne[:, 0], ne[:, 1])
    d = terrain.spacing
    slope_n = (terrain.height_at(ne[:, 0] + d, ne[:, 1]) - terrain.height_at(ne[:, 0] - d, ne[:, 1])) / (2 * d)
    slope_e = (terrain.height_at(ne[:, 0], ne[:, 1] + d) - terrain.height_at(ne[:, 0], ne[:, 1] - d)) / (2 * d)
    normals = np.column_stack([-slope_e, -slope_n, np.ones(len(ne))])  # east, north, up
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    shade = colour_lift[:, :3] * _shade(normals, preset)
    up = h + colour_lift[:, 3]
    node = root.attach_new_node(mesh_node(name, frames.position_to_panda(np.column_stack([ne, -up])),
                                          linear(np.clip(shade, 0.0, 1.0)), np.concatenate(tris)))
    node.set_light_off()
    node.set_depth_offset(1)
    return root


# sRGB wall and roof colours; each building takes one of each by a hash of its position
WALLS = {"house": ((0.80, 0.77, 0.68), (0.70, 0.66, 0.58), (0.62, 0.42, 0.32)),
         "barn": ((0.46, 0.37, 0.27), (0.52, 0.47, 0.40)), "church": ((0.74, 0.72, 0.66),)}
ROOFS = {"house": ((0.58, 0.30, 0.21), (0.48, 0.27, 0.19), (0.34, 0.35, 0.39)),
         "barn": ((0.40, 0.30, 0.24), (0.35, 0.33, 0.32)), "church": ((0.32, 0.33, 0.37),)}
ROOF_PITCH = {"house": 0.85, "barn": 0.6, "church": 0.9}  # rise over half-width


def buildings_node(buildings: Buildings, terrain: Terrain, time_of_day: str) -> NodePath:
    """All buildings as one flat-shaded mesh (a house is 14 triangles): gabled walls and roofs, and a church's
    tower and spire; walls run a metre into the ground so none floats on a slope."""
    root = NodePath("buildings")
    if len(buildings) == 0:
        return root
    preset = time_of_day_preset(time_of_day)
    points, colours = [], []
    for kind, label in ((0, "house"), (BARN, "barn"), (CHURCH, "church")):
        pick = np.flatnonzero(buildings.kind == kind)
        if len(pick) == 0:
            continue
        corners, faces, is_roof = _gabled(buildings.length[pick], buildings.width[pick], buildings.height[pick],
                                          ROOF_PITCH[label], tower=kind == CHURCH)
        ridge_n, ridge_e = buildings.ridge_north[pick][:, None], buildings.ridge_east[pick][:, None]
        along, across, up = corners[..., 0], corners[..., 1], corners[..., 2]  # across: to the ridge's right
        north = buildings.north[pick][:, None] + along * ridge_n - across * ridge_e
        east = buildings.east[pick][:, None] + along * ridge_e + across * ridge_n
        ground = terrain.height_at(buildings.north[pick], buildings.east[pick])[:, None]
        world = np.stack([north, east, ground + up], -1)[:, faces]  # (B, T, 3 corners, north/east/up)
        # north/east/up is mirrored from Panda3D's frame: the outward normal of a Panda3D front face is minus the cross
        normal = -np.cross(world[:, :, 1] - world[:, :, 0], world[:, :, 2] - world[:, :, 0])
        normal /= np.linalg.norm(normal, axis=-1, keepdims=True)
        key = ((buildings.north[pick] * 0.37 + buildings.east[pick] * 0.53) % 1.0)
        wall = np.array(WALLS[label])[(key * len(WALLS[label])).astype(int)]
        roof = np.array(ROOFS[label])[((key * 7.0) % 1.0 * len(ROOFS[label])).astype(int)]
        albedo = np.where(is_roof[None, :, None], roof[:, None], wall[:, None])
        light = _shade(np.stack([normal[..., 1], normal[..., 0], normal[..., 2]], -1), preset)
        colours.append(np.repeat(linear(np.clip(albedo * light, 0.0, 1.0)), 3, axis=1).reshape(-1, 3))
        points.append(frames.position_to_panda(np.stack([world[..., 0], world[..., 1], -world[..., 2]],
                                                        -1).reshape(-1, 3)))
    points, colours = np.concatenate(points), np.concatenate(colours)
    node = root.attach_new_node(mesh_node("buildings", points, colours, np.arange(len(points)).reshape(-1, 3)))
    node.set_light_off()
    return root


def _gabled(length, width, height, pitch: float, tower: bool):
    """Corners (B, K, 3) along/across/up of gabled buildings, the triangles (T, 3) over them, and which triangles
    are roof. With `tower`, a square tower and spire at the rear gable. The triangles are listed below with their
    edges' cross product pointing out in along/across/up; that frame is mirrored from Panda3D's (x east, y north),
    so they are returned reversed, counter-clockwise from outside as Panda3D draws them."""
    L, W, H = length[:, None] / 2, width[:, None] / 2, height[:, None]
    ridge, over = H + W * pitch, 0.4
    zero, low = np.zeros_like(L), np.full_like(L, -1.0)
    c = [(-L, -W, low), (L, -W, low), (L, W, low), (-L, W, low),  # 0-3 foot of the walls
         (-L, -W, H), (L, -W, H), (L, W, H), (-L, W, H),  # 4-7 eaves
         (-L, zero, ridge), (L, zero, ridge),  # 8-9 ridge ends
         (-L - over, -W - over, H - over * pitch), (L + over, -W - over, H - over * pitch),  # 10-13 roof edges
         (L + over, W + over, H - over * pitch), (-L - over, W + over, H - over * pitch),
         (-L - over, zero, ridge), (L + over, zero, ridge)]  # 14-15 ridge with the overhang
    walls = [(0, 1, 5), (0, 5, 4), (1, 2, 6), (1, 6, 5), (2, 3, 7), (2, 7, 6), (3, 0, 4), (3, 4, 7),
             (5, 6, 9), (7, 4, 8)]
    roofs = [(10, 11, 15), (10, 15, 14), (12, 13, 14), (12, 14, 15)]
    if tower:
        T, top = np.full_like(L, 2.8), 2.2 * H
        x0, x1 = -L - 2 * T, -L
        c += [(x0, -T, low), (x1, -T, low), (x1, T, low), (x0, T, low),  # 16-19
              (x0, -T, top), (x1, -T, top), (x1, T, top), (x0, T, top), (x0 + T, zero, top + 3.0 * T)]  # 20-24
        walls += [(16, 17, 21), (16, 21, 20), (17, 18, 22), (17, 22, 21), (18, 19, 23), (18, 23, 22),
                  (19, 16, 20), (19, 20, 23)]
        roofs += [(20, 21, 24), (21, 22, 24), (22, 23, 24), (23, 20, 24)]
    corners = np.stack([np.concatenate([np.broadcast_to(axis, L.shape) for axis in corner], 1)
                        for corner in zip(*c)], -1)
    faces = np.array(walls + roofs)[:, ::-1]
    return corners, faces, np.arange(len(faces)) >= len(walls)
