"""The land use painted: sRGB colours of any evenly spaced grid of points over the land (a terrain chunk's texture,
the whole map's distant texture), field strips blended at their edges, a little grain and blotchiness, and near the
lines the shell holes: dark bowls, bright rims, water standing in some."""
from __future__ import annotations

import numpy as np
from panda3d.core import SamplerState, Texture

from flight.sim.map.land_classes import FIELDS, FRONT_CLASSES, MEADOW, VILLAGE, YARD
from flight.sim.map.landuse import LandUse
from flight.sim.map.noise import ValueNoise, hash32

# sRGB albedo of each land-use class (flight.sim.map.land_classes order) and the colour its variety (0..255) blends
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
    ((0.36, 0.31, 0.24), (0.47, 0.40, 0.31)),  # cratered: no-man's-land, mud and shell holes
    ((0.41, 0.40, 0.26), (0.50, 0.44, 0.31)),  # scarred: torn grass and thrown-up earth
    ((0.16, 0.13, 0.10), (0.24, 0.20, 0.15)),  # trench: the cut, its shadow and the sandbags
    ((0.33, 0.29, 0.22), (0.40, 0.35, 0.26)),  # shattered wood: bare earth among the stumps
    ((0.53, 0.48, 0.38), (0.60, 0.55, 0.44)),  # yard: beaten earth
    ((0.33, 0.31, 0.27), (0.43, 0.39, 0.33)),  # wire: rusty entanglements over churned ground
], dtype=np.float32)
CRATER_WATER = np.array((0.30, 0.33, 0.33), np.float32)
DRAB = np.array((0.45, 0.44, 0.29), np.float32)  # sRGB: the grass near the lines, dried and trodden
_GRAIN_M = 4.0  # the grain's own lattice: texels of any size see the same pattern
_NOISE: dict[int, ValueNoise] = {}


def grid_colours(land: LandUse, north: np.ndarray, east: np.ndarray, texel_m: float,
                 classes: np.ndarray | None = None, parcel: np.ndarray | None = None) -> np.ndarray:
    """sRGB albedo (R, C, 3) float32 at the points of an evenly spaced grid (north (R, 1), east (1, C), `texel_m`
    apart), with their classes and parcels if known (else worked out at that spacing). The field strips are worked
    out afresh at each point and their edges blended by how much of the texel the neighbouring strip covers, so
    they stay straight instead of stepping cell by cell."""
    if classes is None:
        classes, parcel = land.classes_on(north, east, texel_m)
    strip, variety, neighbour, share = land.parcels.strips(parcel, north, east, footprint_m=texel_m)
    field = np.isin(classes, FIELDS)
    classes = np.where(field, strip, classes)
    share = np.where(field & np.isin(neighbour, FIELDS), share, 0.0)
    grain = _grain(north, east)
    patches = _patches(land, north, east)
    mix = (variety / np.float32(255.0))[..., None]
    village = (classes == VILLAGE) | (classes == YARD)  # a jumble of gardens, yards and roofs seen from above
    mix[village] = (grain[village] > 0.55)[..., None]
    war = np.isin(classes, FRONT_CLASSES)  # no strips in the mud: wet and dry ground in blotches
    mix[war] = np.clip(1.6 * patches[war] - 0.3 + 0.3 * grain[war], 0.0, 1.0)[..., None]
    low, high = LAND_COLOURS[:, 0], LAND_COLOURS[:, 1]
    colour = low[classes] + (high - low)[classes] * mix
    if np.any(share):
        edge = share > 0
        s = share[edge][:, None].astype(np.float32)
        other = low[neighbour[edge]] + (high - low)[neighbour[edge]] * mix[edge]
        colour[edge] = colour[edge] * (1.0 - s) + other * s
    colour *= (0.9 + 0.08 * grain + 0.12 * patches)[..., None]
    if land.front is not None and np.any(land.front.within(east, 0.0)):  # rank, trampled grass near the lines
        churn = land.front.churn(north, east)
        fade = (np.minimum(churn * 3.0, 1.0) * (classes == MEADOW))[..., None].astype(np.float32)
        colour += (DRAB * (0.85 + 0.3 * patches[..., None]) - colour) * fade * np.float32(0.7)
    _shell_holes(land, colour, classes, north, east, texel_m)
    return colour


def _grain(north: np.ndarray, east: np.ndarray) -> np.ndarray:
    """A fixed pattern of random-looking values in 0..1 tied to the ground (an integer hash of its position)."""
    i = np.floor(north / _GRAIN_M).astype(np.int64)
    j = np.floor(east / _GRAIN_M).astype(np.int64)
    return ((hash32(i, j, 77) & np.uint32(0xFFFF)).astype(np.float32) / np.float32(65535.0))


def _patches(land: LandUse, north: np.ndarray, east: np.ndarray) -> np.ndarray:
    """Smooth blotches in 0..1 about 100 m across (damp hollows, thin soil, the mower's last pass)."""
    key = id(land.parcels)
    if key not in _NOISE:
        _NOISE.clear()
        _NOISE[key] = ValueNoise.make(np.random.default_rng(7), land.wood_noise.extent, (100.0,))
    return _NOISE[key].at(north, east).astype(np.float32)


def _shell_holes(land: LandUse, colour: np.ndarray, classes: np.ndarray, north: np.ndarray, east: np.ndarray,
                 texel_m: float) -> None:
    """Darken the bowls and brighten the rims of the shell holes (LandUse.craters) over the front's classes, in
    place; some hold water. Texels much larger than a hole see it only as a faint mottling."""
    rows, cols = np.nonzero(np.isin(classes, FRONT_CLASSES))
    if len(rows) == 0:
        return
    n = np.broadcast_to(north, classes.shape)[rows, cols]
    e = np.broadcast_to(east, classes.shape)[rows, cols]
    d, which = land.craters(n, e)
    blur = np.float32(min(1.0, 5.0 / max(texel_m, 1e-3)))  # big texels: the holes average out
    bowl, rim = d < 0.8, (d >= 0.8) & (d < 1.3)
    shade = np.where(bowl, 1.0 - blur * (0.62 - 0.5 * d), np.where(rim, 1.0 + blur * 0.28, 1.0)).astype(np.float32)
    picked = colour[rows, cols] * shade[:, None]
    picked[bowl & (d < 0.45) & (which < 0.3) & (blur > 0.5)] = CRATER_WATER
    colour[rows, cols] = picked


def srgb_bytes(colour: np.ndarray, gain: float) -> np.ndarray:
    """sRGB albedo to texture bytes, `gain` x the linear albedo (gain ** (1 / 2.2) x the sRGB value: no powers
    over the whole image)."""
    srgb = np.clip(colour * np.float32(255.0 * gain ** (1.0 / 2.2)), 0.0, 255.0)
    return np.round(srgb).astype(np.uint8)


def make_texture(rgb: np.ndarray, name: str, anisotropy: int = 1) -> Texture:
    """An sRGB, mipmapped, edge-clamped texture from (R, C, 3) bytes, row 0 at v = 0 (the south edge)."""
    texture = Texture(name)
    texture.setup_2d_texture(rgb.shape[1], rgb.shape[0], Texture.T_unsigned_byte, Texture.F_srgb)
    texture.set_ram_image(np.ascontiguousarray(rgb[..., ::-1]).tobytes())  # Panda3D wants BGR
    texture.set_wrap_u(SamplerState.WM_clamp)
    texture.set_wrap_v(SamplerState.WM_clamp)
    texture.set_minfilter(SamplerState.FT_linear_mipmap_linear)
    texture.set_magfilter(SamplerState.FT_linear)
    # mipmaps made here, not by the driver: Mesa's llvmpipe is measured to spend ~0.3 ms a frame on every
    # distinct texture whose mipmaps it made itself
    texture.generate_ram_mipmap_images()
    if anisotropy > 1:
        texture.set_anisotropic_degree(anisotropy)
    return texture
