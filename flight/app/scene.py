"""The 3D scene's ground and sky: the terrain mesh painted with the land use, sun, sky and haze, clouds.

The terrain mesh is built from the same array the flight model uses for ground contact (flight.world.Terrain), its
texture from the land use the simulation places things on (flight.world.landuse).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from panda3d.core import (AmbientLight, DirectionalLight, Fog, Geom, GeomNode, GeomTriangles, GeomVertexArrayFormat,
                          GeomVertexData, GeomVertexFormat, InternalName, NodePath, Point3, SamplerState, Texture,
                          TextureStage, TransparencyAttrib, Vec4)

from flight.app import frames
from flight.world import Terrain
from flight.world.landuse import AERODROME, FIELDS, VILLAGE, LandUse


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
    fog_density: float  # exponential fog, per metre
    clouds: bool = True

    def sun_direction(self) -> np.ndarray:
        """Unit vector towards the sun as (north, east, up)."""
        az, el = np.radians(self.sun_azimuth_deg), np.radians(self.sun_elevation_deg)
        return np.array([np.cos(el) * np.cos(az), np.cos(el) * np.sin(az), np.sin(el)])


TIMES_OF_DAY: dict[str, TimeOfDay] = {
    "dawn": TimeOfDay(80.0, 9.0, sun=(1.0, 0.70, 0.48), ambient=(0.58, 0.53, 0.56),
                      sky=(0.82, 0.74, 0.70), fog=(0.84, 0.72, 0.64), fog_density=0.00026),
    "morning": TimeOfDay(90.0, 35.0, sun=(0.95, 0.9, 0.8), ambient=(0.45, 0.48, 0.55),
                         sky=(0.62, 0.74, 0.88), fog=(0.62, 0.74, 0.88), fog_density=0.00018),
    "day": TimeOfDay(180.0, 58.0, sun=(1.0, 0.98, 0.92), ambient=(0.50, 0.53, 0.58),
                     sky=(0.50, 0.68, 0.92), fog=(0.66, 0.77, 0.90), fog_density=0.00012),
    "dusk": TimeOfDay(265.0, 7.0, sun=(1.0, 0.52, 0.30), ambient=(0.54, 0.45, 0.50),
                      sky=(0.76, 0.52, 0.48), fog=(0.72, 0.54, 0.50), fog_density=0.00028),
    # moonlight: a dim blue-grey light from a high southern moon, dark blue sky, haze closing in
    "night": TimeOfDay(200.0, 35.0, sun=(0.16, 0.18, 0.26), ambient=(0.06, 0.07, 0.11),
                       sky=(0.05, 0.07, 0.16), fog=(0.05, 0.07, 0.15), fog_density=0.0005, clouds=False),
}
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


def mesh_node(name: str, points: np.ndarray, colours: np.ndarray, triangles: np.ndarray, alpha: float = 1.0,
              texcoords: np.ndarray | None = None, pieces: list[np.ndarray] | None = None) -> GeomNode:
    """A GeomNode from numpy arrays: points (n, 3) Panda3D, linear colours (n, 3), triangles (m, 3) counter-
    clockwise seen from outside, optional texcoords (n, 2). `pieces` splits the triangles into several Geoms
    sharing the vertices (each a list of triangle indices), e.g. one per tile so each culls on its own."""
    columns = [points, colours, np.full((len(points), 1), alpha)] + ([texcoords] if texcoords is not None else [])
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
    shade = linear(_sunlit(terrain, preset)[::step, ::step].reshape(-1, 3)) / TEXTURE_GAIN
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
    return texture
# sRGB albedo of each land-use class (flight.world.landuse order) and the colour its variety (0..255) blends
# towards: young crops from green to yellow-green, ploughland from dark to dry brown, stubble from gold to straw
LAND_COLOURS = np.array([
    ((0.38, 0.50, 0.24), (0.44, 0.54, 0.27)),  # meadow
    ((0.33, 0.47, 0.19), (0.50, 0.55, 0.25)),  # crop
    ((0.40, 0.31, 0.22), (0.54, 0.44, 0.32)),  # ploughed
    ((0.66, 0.60, 0.36), (0.74, 0.68, 0.46)),  # stubble, ripe corn
    ((0.15, 0.23, 0.11), (0.19, 0.27, 0.12)),  # wood floor, under the trees
    ((0.37, 0.40, 0.26), (0.52, 0.47, 0.38)),  # village: gardens and yards
    ((0.64, 0.60, 0.50), (0.70, 0.66, 0.55)),  # road: chalky dust
    ((0.36, 0.44, 0.49), (0.38, 0.46, 0.51)),  # water: the sky in it
    ((0.37, 0.52, 0.22), (0.40, 0.55, 0.24)),  # aerodrome grass
])
def land_colours(land: LandUse | None, texels_per_cell: float = 1.0,
                 shape: tuple[int, int] = (64, 64)) -> np.ndarray:
    """sRGB albedo (R, C, 3), north up from row 0, at `texels_per_cell` texels per land-use cell (0.5, 1, 2...).
    The field strips are worked out afresh at each texel's centre and their edges blended by how much of the texel
    the neighbouring strip covers, so they stay straight instead of stepping cell by cell; a little per-texel grain
    keeps large fields from looking flat. Without land use: aerodrome grass of `shape`."""
    if land is None:
        classes, variety = np.full(shape, AERODROME, np.uint8), np.zeros(shape, np.uint8)
        neighbour, share = classes, np.zeros(shape)
    else:
        size = land.cell / texels_per_cell
        rows, cols = (int(round(n * texels_per_cell)) for n in land.classes.shape)
        north = land.north0 + (np.arange(rows)[:, None] + 0.5) * size
        east = land.east0 + (np.arange(cols)[None, :] + 0.5) * size
        i, j = land.cell_index(north, east)
        classes, parcel = land.classes[i, j], land.parcel[i, j]
        strip, variety, neighbour, share = land.parcels.strips(parcel, north, east, footprint_m=size)
        field = np.isin(classes, FIELDS)
        classes = np.where(field, strip, classes)
        share = np.where(field & np.isin(neighbour, FIELDS), share, 0.0)
    grain = _grain(*classes.shape)
    mix = (variety / np.float32(255.0))[..., None]
    village = classes == VILLAGE  # a jumble of gardens, yards and roofs seen from above
    mix[village] = (grain[village] > 0.55)[..., None]
    low, high = LAND_COLOURS[:, 0].astype(np.float32), LAND_COLOURS[:, 1].astype(np.float32)
    colour = low[classes] + (high - low)[classes] * mix
    if np.any(share):
        edge = share > 0
        s = share[edge][:, None].astype(np.float32)
        other = low[neighbour[edge]] + (high - low)[neighbour[edge]] * mix[edge]
        colour[edge] = colour[edge] * (1.0 - s) + other * s
    return colour * (0.9 + 0.08 * grain + 0.12 * _patches(*classes.shape, 12))[..., None]


def _patches(rows: int, cols: int, size: int) -> np.ndarray:
    """Smooth blotches in 0..1 about `size` texels across (damp hollows, thin soil, the mower's last pass): random
    values on a coarse grid, interpolated. A fixed pattern, the same every run."""
    coarse = np.random.default_rng(7).random((rows // size + 2, cols // size + 2)).astype(np.float32)

    def spread(values: np.ndarray, count: int, axis: int) -> np.ndarray:
        at = np.arange(count, dtype=np.float32) / size
        k = at.astype(np.intp)
        f = (at - k)[:, None] if axis == 0 else (at - k)[None, :]
        lower, upper = np.take(values, k, axis=axis), np.take(values, k + 1, axis=axis)
        return lower + (upper - lower) * f
    return spread(spread(coarse, rows, 0), cols, 1)


def _grain(rows: int, cols: int) -> np.ndarray:
    """A fixed pattern of random-looking values in 0..1, one per texel (an integer hash of its indices)."""
    i = np.arange(rows, dtype=np.uint32)[:, None] * np.uint32(0x9E3779B1)
    j = np.arange(cols, dtype=np.uint32)[None, :] * np.uint32(0x85EBCA77)
    h = i ^ j
    h ^= h >> np.uint32(15)
    h *= np.uint32(0x2C1B3C6D)
    h ^= h >> np.uint32(12)
    return (h & np.uint32(0xFFFF)).astype(np.float32) / np.float32(65535.0)


def land_texture(land: LandUse | None, texels_per_cell: float = 1.0, anisotropy: int = 1) -> Texture:
    """The land use as an sRGB texture over the terrain (u east, v north), mipmapped, TEXTURE_GAIN x albedo."""
    # TEXTURE_GAIN x linear albedo is TEXTURE_GAIN ** (1 / 2.2) x the sRGB value: no powers over the whole texture
    srgb = np.clip(land_colours(land, texels_per_cell) * np.float32(255.0 * TEXTURE_GAIN ** (1.0 / 2.2)), 0.0, 255.0)
    srgb = np.round(srgb).astype(np.uint8)
    texture = Texture("land-use")
    texture.setup_2d_texture(srgb.shape[1], srgb.shape[0], Texture.T_unsigned_byte, Texture.F_srgb)
    texture.set_ram_image(np.ascontiguousarray(srgb[..., ::-1]).tobytes())  # Panda3D wants BGR, row 0 at v = 0
    texture.set_wrap_u(SamplerState.WM_clamp)
    texture.set_wrap_v(SamplerState.WM_clamp)
    texture.set_minfilter(SamplerState.FT_linear_mipmap_linear)
    texture.set_magfilter(SamplerState.FT_linear)
    return texture


def _sunlit(terrain: Terrain, preset: TimeOfDay) -> np.ndarray:
    """RGB shade of each grid point, (rows, cols, 3): sky fill plus Lambert sunlight, scaled by TERRAIN_GAIN."""
    dh_dn, dh_de = np.gradient(terrain.heights, terrain.spacing)
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
    fog.set_color(*haze)
    fog.set_exp_density(preset.fog_density)
    render.set_fog(fog)


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


def clouds_node(seed: int, extent_m: float, time_of_day: str = "morning", ground_m: float = 0.0,
                count: int | None = None) -> NodePath:
    """A few fair-weather clouds, each a cluster of soft squashed blobs, white on top and grey beneath, a little
    translucent and fogged like the rest of the scene. They float CLOUD_BASE_M..CLOUD_TOP_M above `ground_m`
    over a square `extent_m` on a side centred on the origin, placed from `seed`. None at night (empty node)."""
    preset = time_of_day_preset(time_of_day)
    root = NodePath("clouds")
    if not preset.clouds:
        return root
    rng = np.random.default_rng(seed)
    count = count if count is not None else max(1, round(14 * (extent_m / 8000.0) ** 2))
    unit, unit_tris = _blob()
    # sunlit tops, shadowed bellies; tinted by the sun colour (pink at dawn and dusk)
    tint = 0.55 + 0.45 * np.asarray(preset.sun) / max(preset.sun)
    points, colours, tris = [], [], []
    for _ in range(count):
        centre = np.array([*rng.uniform(-extent_m / 2, extent_m / 2, 2), 0.0])  # east, north, up
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
    points, colours, tris = np.concatenate(points), np.concatenate(colours), np.concatenate(tris)
    node = mesh_node("cloud-blobs", points, linear(np.clip(colours, 0.0, 1.0)), tris, alpha=0.88)
    blobs = root.attach_new_node(node)
    blobs.set_light_off()  # shading is baked into the vertex colours
    blobs.set_transparency(TransparencyAttrib.M_alpha)
    blobs.set_depth_write(False)
    return root
