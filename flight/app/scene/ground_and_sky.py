"""The 3D scene's ground and sky: the terrain mesh painted with the land use, sun, sky and haze, clouds.

The terrain mesh is built from the same array the flight model uses for ground contact (flight.sim.world.Terrain), its
texture from the land use the simulation places things on (flight.sim.map.landuse).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from panda3d.core import (AmbientLight, DirectionalLight, Fog, Geom, GeomNode, GeomTriangles, GeomVertexArrayFormat,
                          GeomVertexData, GeomVertexFormat, InternalName, NodePath, Point3, SamplerState, Texture,
                          TextureStage, TransparencyAttrib, Vec4)

from flight.app import frames
from flight.app.scene.land_paint import LAND_COLOURS, grid_colours, make_texture, srgb_bytes
from flight.sim.world import Terrain
from flight.sim.map.landuse import AERODROME, LandUse


@dataclass(frozen=True)
class TimeOfDay:
    """One lighting preset. The sun (the moon at night) stands at `sun_azimuth_deg` (compass bearing, clockwise
    from north) and `sun_elevation_deg` above the horizon. `sun` and `ambient` are light colours (linear
    multipliers); `sky` and `fog` are sRGB colours, converted to linear where they are used."""
    sun_azimuth_deg: float
    sun_elevation_deg: float
    sun: tuple[float, float, float]
    ambient: tuple[float, float, float]
    sky: tuple[float, float, float]
    fog: tuple[float, float, float]
    fog_density: float  # exponential-squared haze, per metre: 2 / the distance at which it hides all but 2 %
    clouds: bool = True

    def sun_direction(self) -> np.ndarray:
        """Unit vector towards the sun as (north, east, up)."""
        az, el = np.radians(self.sun_azimuth_deg), np.radians(self.sun_elevation_deg)
        return np.array([np.cos(el) * np.cos(az), np.cos(el) * np.sin(az), np.sin(el)])


TIMES_OF_DAY: dict[str, TimeOfDay] = {
    "dawn": TimeOfDay(80.0, 9.0, sun=(1.0, 0.70, 0.48), ambient=(0.58, 0.53, 0.56),
                      sky=(0.82, 0.74, 0.70), fog=(0.84, 0.72, 0.64), fog_density=2.0 / 9000.0),
    "morning": TimeOfDay(90.0, 35.0, sun=(0.95, 0.9, 0.8), ambient=(0.45, 0.48, 0.55),
                         sky=(0.62, 0.74, 0.88), fog=(0.70, 0.78, 0.88), fog_density=2.0 / 11000.0),
    "day": TimeOfDay(180.0, 58.0, sun=(1.0, 0.98, 0.92), ambient=(0.50, 0.53, 0.58),
                     sky=(0.50, 0.68, 0.92), fog=(0.66, 0.77, 0.90), fog_density=2.0 / 11500.0),
    "dusk": TimeOfDay(265.0, 7.0, sun=(1.0, 0.52, 0.30), ambient=(0.54, 0.45, 0.50),
                      sky=(0.76, 0.52, 0.48), fog=(0.72, 0.54, 0.50), fog_density=2.0 / 9000.0),
    # moonlight: a dim blue-grey light from a high southern moon, a blue-black sky, dark haze closing in
    "night": TimeOfDay(200.0, 35.0, sun=(0.16, 0.18, 0.26), ambient=(0.06, 0.07, 0.11),
                       sky=(0.02, 0.03, 0.08), fog=(0.04, 0.05, 0.10), fog_density=2.0 / 4500.0, clouds=False),
}
HORIZON_GLOW_DEG = 14.0  # the sky fades from the haze's colour at the horizon to its own this far up
TERRAIN_GAIN = 0.8  # baked shade = gain * (ambient + sun * lambert): about 0.8 on flat ground in the morning


def time_of_day_preset(name: str) -> TimeOfDay:
    """The preset called `name`; ValueError naming it (and the known ones) otherwise."""
    try:
        return TIMES_OF_DAY[name]
    except KeyError:
        raise ValueError(f"unknown time of day {name!r} (known: {', '.join(TIMES_OF_DAY)})") from None


def linear(srgb):
    """sRGB colour components to linear light: the window is an sRGB framebuffer (glTF materials are linear)."""
    return np.power(np.asarray(srgb, dtype=float), 2.2)


def _vertex_format(texcoords: bool = False) -> GeomVertexFormat:
    """Positions and colours (and texture coordinates) as float32 columns, so numpy arrays copy straight in."""
    array = GeomVertexArrayFormat()
    array.add_column(InternalName.get_vertex(), 3, Geom.NT_float32, Geom.C_point)
    array.add_column(InternalName.get_color(), 4, Geom.NT_float32, Geom.C_color)
    if texcoords:
        array.add_column(InternalName.get_texcoord(), 2, Geom.NT_float32, Geom.C_texcoord)
    return GeomVertexFormat.register_format(array)


_FLOAT_COLOUR_FORMAT = _vertex_format()
_TEXTURED_FORMAT = _vertex_format(texcoords=True)
# The terrain's vertex colours carry half the baked light and its texture twice the ground's linear albedo
# (TextureStage modulate), so sunlit ground brighter than 1 x albedo is not clipped by the vertex colour's 0..1.
TEXTURE_GAIN = 2.0


def mesh_node(name: str, points: np.ndarray, colours: np.ndarray, triangles: np.ndarray, alpha=1.0,
              texcoords: np.ndarray | None = None, pieces: list[np.ndarray] | None = None) -> GeomNode:
    """A GeomNode from numpy arrays: points (n, 3) Panda3D, linear colours (n, 3), triangles (m, 3) counter-
    clockwise seen from outside, optional texcoords (n, 2). `pieces` splits the triangles into several Geoms
    sharing the vertices (each a list of triangle indices), e.g. one per tile so each culls on its own."""
    alpha = np.broadcast_to(np.asarray(alpha, dtype=float).reshape(-1, 1), (len(points), 1))  # one, or per vertex
    columns = [points, colours, alpha] + ([texcoords] if texcoords is not None else [])
    data = GeomVertexData(name, _TEXTURED_FORMAT if texcoords is not None else _FLOAT_COLOUR_FORMAT, Geom.UH_static)
    data.unclean_set_num_rows(len(points))
    memoryview(data.modify_array(0)).cast("B").cast("f")[:] = np.concatenate(columns, 1).astype(np.float32).ravel()
    node = GeomNode(name)
    for piece in pieces if pieces is not None else [np.arange(len(triangles))]:
        primitive = GeomTriangles(Geom.UH_static)
        primitive.set_index_type(Geom.NT_uint32)
        array = primitive.modify_vertices()
        array.unclean_set_num_rows(3 * len(piece))
        memoryview(array).cast("B").cast("I")[:] = triangles[piece].astype(np.uint32).ravel()
        geom = Geom(data)
        geom.add_primitive(primitive)
        node.add_geom(geom)
    return node


def terrain_node(terrain: Terrain, time_of_day: str = "morning", land: LandUse | None = None, step: int = 1,
                 texels_per_cell: float = 1.0, anisotropy: int = 1, detail: bool = False) -> NodePath:
    """One mesh over the heightfield (every `step`-th grid point), shaded by the time of day's sun and sky (baked
    into the vertex colours) and painted with the land use (a texture, `texels_per_cell` texels to a land-use
    cell; without land use, grass); with `detail`, a second, tiled texture of clods and tufts gives the ground
    close by a grain to judge height and speed by."""
    preset = time_of_day_preset(time_of_day)
    h = terrain.heights[::step, ::step]
    rows, cols = h.shape
    spacing = terrain.spacing * step
    north = terrain.north0 + np.arange(rows)[:, None] * spacing + np.zeros((1, cols))
    east = terrain.east0 + np.arange(cols)[None, :] * spacing + np.zeros((rows, 1))
    ned = np.stack([north.ravel(), east.ravel(), -h.ravel()], axis=1)
    size_n, size_e = (rows - 1) * spacing, (cols - 1) * spacing
    uv = np.stack([(east.ravel() - terrain.east0) / size_e, (north.ravel() - terrain.north0) / size_n], axis=1)
    shade = linear(sunlit(terrain.heights, terrain.spacing, preset)[::step, ::step].reshape(-1, 3)) / TEXTURE_GAIN
    if detail:
        shade /= DETAIL_MEAN  # the detail texture darkens by its mean wherever it is mipmapped to a blur
    idx = (np.arange(rows - 1)[:, None] * cols + np.arange(cols - 1)[None, :]).ravel()
    # counter-clockwise seen from above (x east, y north): east neighbour, then north
    quads = np.stack([idx, idx + 1, idx + cols, idx + 1, idx + cols + 1, idx + cols], axis=1).reshape(-1, 3)
    terrain_np = NodePath(mesh_node("terrain", frames.position_to_panda(ned), shade, quads, texcoords=uv))
    terrain_np.set_texture(land_texture(land, texels_per_cell, anisotropy))
    if detail:
        stage = TextureStage("detail")
        terrain_np.set_texture(stage, detail_texture())  # never anisotropic: Mesa's llvmpipe slows to a crawl
        terrain_np.set_tex_scale(stage, size_e / DETAIL_TILE_M, size_n / DETAIL_TILE_M)
    terrain_np.set_light_off()  # the sun is baked into the vertex colours
    return terrain_np


DETAIL_TILE_M = 48.0
DETAIL_MEAN = 0.75


def detail_texture(size: int = 128) -> Texture:
    """A tileable grey texture of blotches at three scales, evenly spread over 1 - 2 * (1 - DETAIL_MEAN) .. 1
    (it modulates the land)."""
    rng = np.random.default_rng(3)
    total = np.zeros((size, size), np.float32)
    for cells, weight in ((4, 0.45), (12, 0.3), (48, 0.25)):
        lattice = rng.random((cells, cells)).astype(np.float32)
        at = np.arange(size, dtype=np.float32) * cells / size
        k = at.astype(np.intp)
        f = at - k
        f = f * f * (3.0 - 2.0 * f)
        rows = lattice[k] + (lattice[(k + 1) % cells] - lattice[k]) * f[:, None]  # wraps round: tiles seamlessly
        total += weight * (rows[:, k] + (rows[:, (k + 1) % cells] - rows[:, k]) * f[None, :])
    rank = np.argsort(np.argsort(total.ravel())).reshape(total.shape) / (total.size - 1.0)  # evenly spread 0..1
    value = 1.0 - 2.0 * (1.0 - DETAIL_MEAN) * (1.0 - rank)
    grey = np.round(255.0 * np.clip(value, 0.0, 1.0)).astype(np.uint8)
    texture = Texture("ground-detail")
    texture.setup_2d_texture(size, size, Texture.T_unsigned_byte, Texture.F_luminance)
    texture.set_ram_image(grey.tobytes())
    texture.set_minfilter(SamplerState.FT_linear_mipmap_linear)
    texture.set_magfilter(SamplerState.FT_linear)
    texture.generate_ram_mipmap_images()  # (see land_paint.make_texture)
    return texture
def land_colours(land: LandUse | None, texels_per_cell: float = 1.0,
                 shape: tuple[int, int] = (64, 64)) -> np.ndarray:
    """sRGB albedo (R, C, 3) over the whole map, north up from row 0, at `texels_per_cell` texels per land-use cell
    (0.5, 1, 2...), as flight.app.scene.land_paint paints it. Without land use: aerodrome grass of `shape`."""
    if land is None:
        return np.broadcast_to(LAND_COLOURS[AERODROME, 0], (*shape, 3)).copy()
    size = land.cell / texels_per_cell
    rows, cols = (int(round(n * texels_per_cell)) for n in land.shape)
    north = land.north0 + (np.arange(rows)[:, None] + 0.5) * size
    east = land.east0 + (np.arange(cols)[None, :] + 0.5) * size
    i, j = land.cell_index(north, east)
    return grid_colours(land, north, east, size, land.classes[i, j], land.parcel[i, j])


def land_texture(land: LandUse | None, texels_per_cell: float = 1.0, anisotropy: int = 1) -> Texture:
    """The land use as an sRGB texture over the terrain (u east, v north), mipmapped, TEXTURE_GAIN x albedo."""
    return make_texture(srgb_bytes(land_colours(land, texels_per_cell), TEXTURE_GAIN), "land-use", anisotropy)


def sunlit(heights: np.ndarray, spacing: float, preset: TimeOfDay) -> np.ndarray:
    """RGB shade of each grid point, (rows, cols, 3): sky fill plus Lambert sunlight, scaled by TERRAIN_GAIN."""
    dh_dn, dh_de = np.gradient(heights, spacing)
    normal = np.stack([-dh_dn, -dh_de, np.ones_like(dh_dn)], axis=-1)  # north, east, up
    normal /= np.linalg.norm(normal, axis=-1, keepdims=True)
    lambert = np.clip(normal @ preset.sun_direction(), 0.0, 1.0)[..., None]
    return TERRAIN_GAIN * (np.asarray(preset.ambient) + np.asarray(preset.sun) * lambert)


def add_sky_and_light(render: NodePath, background_setter, time_of_day: str = "morning") -> None:
    """Sky colour, sun (or moon), sky fill and haze to the horizon for one of TIMES_OF_DAY."""
    preset = time_of_day_preset(time_of_day)
    sky, haze = linear(preset.sky), linear(preset.fog)
    background_setter(*sky, 1.0)
    sun = DirectionalLight("sun")
    sun.set_color(Vec4(*preset.sun, 1))
    sun_np = render.attach_new_node(sun)
    towards = frames.position_to_panda(preset.sun_direction() * np.array([1.0, 1.0, -1.0]))  # (north, east, down)
    sun_np.look_at(Point3(*(-np.asarray(towards, dtype=float))))  # the light shines away from the sun
    render.set_light(sun_np)
    ambient = AmbientLight("sky")
    ambient.set_color(Vec4(*preset.ambient, 1))
    render.set_light(render.attach_new_node(ambient))
    fog = Fog("haze")
    fog.set_mode(Fog.M_exponential_squared)  # clear close by, thick by the far clip (12 km): no edge shows
    fog.set_color(*haze)
    fog.set_exp_density(preset.fog_density)
    render.set_fog(fog)


def sky_dome(time_of_day: str, radius_m: float = 2000.0) -> NodePath:
    """A dome round the camera (parent it to the camera; it keeps level itself): the haze's colour at and below
    the horizon, fading to the sky's colour HORIZON_GLOW_DEG up, so fully hazed land meets the sky without a seam.
    Drawn first, behind everything, unlit and unfogged."""
    from panda3d.core import CompassEffect
    preset = time_of_day_preset(time_of_day)
    elevation = np.radians(np.array([-90.0, -5.0, 0.0, 3.0, 7.0, HORIZON_GLOW_DEG, 30.0, 90.0]))[:, None]
    azimuth = np.linspace(0.0, 2.0 * np.pi, 25)[None, :]
    east_north_up = np.stack([np.cos(elevation) * np.sin(azimuth), np.cos(elevation) * np.cos(azimuth),
                              np.sin(elevation) + 0.0 * azimuth], -1).reshape(-1, 3) * radius_m
    t = np.clip(np.degrees(elevation[:, 0]) / HORIZON_GLOW_DEG, 0.0, 1.0)
    t = t * t * (3.0 - 2.0 * t)
    colour = linear(np.asarray(preset.fog)[None] * (1.0 - t[:, None]) + np.asarray(preset.sky)[None] * t[:, None])
    colours = np.repeat(colour, azimuth.shape[1], axis=0)
    cols = azimuth.shape[1]
    idx = (np.arange(len(elevation) - 1)[:, None] * cols + np.arange(cols - 1)[None, :]).ravel()
    tris = np.concatenate([np.stack([idx, idx + cols, idx + 1], 1), np.stack([idx + 1, idx + cols, idx + cols + 1], 1)])
    dome = NodePath(mesh_node("sky-dome", east_north_up, colours, tris))
    dome.set_two_sided(True)
    dome.set_bin("background", 0)
    dome.set_depth_write(False)
    dome.set_depth_test(False)
    dome.set_light_off(1)
    dome.set_fog_off(1)
    dome.set_effect(CompassEffect.make(NodePath(), CompassEffect.P_rot))  # turns with nothing: stays level
    return dome


def _blob(segments: int = 8, rings: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """A low-poly unit UV sphere: (vertices (n, 3) as east, north, up; triangles (m, 3), counter-clockwise outside)."""
    theta = np.linspace(0.0, np.pi, rings + 1)[:, None]  # from the top down
    phi = np.linspace(0.0, 2.0 * np.pi, segments + 1)[None, :]
    verts = np.stack([np.sin(theta) * np.cos(phi), np.sin(theta) * np.sin(phi), np.cos(theta) + 0 * phi], -1)
    idx = (np.arange(rings)[:, None] * (segments + 1) + np.arange(segments)[None, :]).ravel()
    below = idx + segments + 1
    tris = np.concatenate([np.stack([idx, below, below + 1], 1), np.stack([idx, below + 1, idx + 1], 1)])
    return verts.reshape(-1, 3), tris


CLOUD_BASE_M, CLOUD_TOP_M = 800.0, 1500.0


CLOUD_TILE_M = 6000.0  # clouds are grouped into meshes by tile, so those out of view are not drawn


def clouds_node(seed: int, extent_m: float, time_of_day: str = "morning", ground_m: float = 0.0,
                count: int | None = None, size_ne: tuple[float, float] | None = None) -> NodePath:
    """A few fair-weather clouds, each a cluster of soft squashed blobs, white on top and grey beneath, a little
    translucent and fogged like the rest of the scene. They float CLOUD_BASE_M..CLOUD_TOP_M above `ground_m`
    over a square `extent_m` on a side centred on the origin (or a rectangle `size_ne`, north and east), placed
    from `seed`, one mesh per CLOUD_TILE_M tile. None at night (empty node)."""
    preset = time_of_day_preset(time_of_day)
    root = NodePath("clouds")
    if not preset.clouds:
        return root
    rng = np.random.default_rng(seed)
    count = count if count is not None else max(1, round(14 * (extent_m / 8000.0) ** 2))
    half = np.array([extent_m / 2] * 2 if size_ne is None else [size_ne[1] / 2, size_ne[0] / 2])  # east, north
    unit, unit_tris = _blob()
    # sunlit tops, shadowed bellies; tinted by the sun colour (pink at dawn and dusk)
    tint = 0.55 + 0.45 * np.asarray(preset.sun) / max(preset.sun)
    tiles: dict[tuple[int, int], tuple[list, list, list]] = {}
    for _ in range(count):
        centre = np.array([*rng.uniform(-half, half), 0.0])  # east, north, up
        points, colours, tris = tiles.setdefault(tuple(np.floor(centre[:2] / CLOUD_TILE_M).astype(int)), ([], [], []))
        base = ground_m + rng.uniform(CLOUD_BASE_M, CLOUD_TOP_M - 175.0)  # blobs reach 1.15 * 150 m above
        for _ in range(int(rng.integers(3, 7))):
            radius = rng.uniform(120.0, 300.0)
            scale = np.array([radius * rng.uniform(1.0, 1.6), radius, radius * rng.uniform(0.35, 0.5)])
            offset = np.array([*rng.normal(0.0, 180.0, 2), 0.0])
            verts = unit * scale + centre + offset
            verts[:, 2] = np.maximum(verts[:, 2], -0.15 * scale[2])  # flattened bottoms
            verts[:, 2] += base + scale[2] * 0.15
            shade = 0.72 + 0.28 * np.clip(unit[:, 2] * 0.5 + 0.5, 0.0, 1.0)
            tris.append(unit_tris + sum(len(p) for p in points))
            points.append(verts)
            colours.append(shade[:, None] * tint)
    for points, colours, tris in tiles.values():
        points, colours, tris = np.concatenate(points), np.concatenate(colours), np.concatenate(tris)
        node = mesh_node("cloud-blobs", points, linear(np.clip(colours, 0.0, 1.0)), tris, alpha=0.88)
        root.attach_new_node(node)
    root.set_light_off()  # shading is baked into the vertex colours
    root.set_transparency(TransparencyAttrib.M_alpha)
    root.set_depth_write(False)
    return root
