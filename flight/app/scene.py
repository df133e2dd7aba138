"""The 3D scene: terrain mesh from the world's heightfield, sky, sun and haze, the aerodrome, the player's model.

The terrain mesh is built from the same array the flight model uses for ground contact (flight.world.Terrain).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from panda3d.core import (AmbientLight, DirectionalLight, Fog, Geom, GeomNode, GeomTriangles, GeomVertexArrayFormat,
                          GeomVertexData, GeomVertexFormat, InternalName, NodePath, Point3, TransparencyAttrib, Vec4)

from flight.app import frames
from flight.world import Terrain


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


def terrain_node(terrain: Terrain, time_of_day: str = "morning") -> NodePath:
    """One mesh over the whole heightfield, coloured in field strips by position and darker in the hollows,
    shaded by the time of day's sun and sky (baked into the vertex colours)."""
    preset = time_of_day_preset(time_of_day)
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
    colour = colour * _sunlit(terrain, preset)

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


def _sunlit(terrain: Terrain, preset: TimeOfDay) -> np.ndarray:
    """RGB shade of each grid point, (rows*cols, 3): sky fill plus Lambert sunlight, scaled by TERRAIN_GAIN."""
    dh_dn, dh_de = np.gradient(terrain.heights, terrain.spacing)
    normal = np.stack([-dh_dn, -dh_de, np.ones_like(dh_dn)], axis=-1)  # north, east, up
    normal /= np.linalg.norm(normal, axis=-1, keepdims=True)
    lambert = np.clip(normal @ preset.sun_direction(), 0.0, 1.0).reshape(-1, 1)
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
    data = GeomVertexData("clouds", _FLOAT_COLOUR_FORMAT, Geom.UH_static)
    data.unclean_set_num_rows(len(points))
    vertices = np.concatenate([points, linear(np.clip(colours, 0.0, 1.0)), np.full((len(points), 1), 0.88)], 1)
    memoryview(data.modify_array(0)).cast("B").cast("f")[:] = vertices.astype(np.float32).ravel()
    triangles = GeomTriangles(Geom.UH_static)
    triangles.set_index_type(Geom.NT_uint32)
    array = triangles.modify_vertices()
    array.unclean_set_num_rows(tris.size)
    memoryview(array).cast("B").cast("I")[:] = tris.astype(np.uint32).ravel()
    geom = Geom(data)
    geom.add_primitive(triangles)
    node = GeomNode("cloud-blobs")
    node.add_geom(geom)
    blobs = root.attach_new_node(node)
    blobs.set_light_off()  # shading is baked into the vertex colours
    blobs.set_transparency(TransparencyAttrib.M_alpha)
    blobs.set_depth_write(False)
    return root
