"""Land use: what covers the ground. Farm parcels ploughed and sown in strips, water meadows, woods, villages joined
by roads, the river along its valley floor and the aerodromes' levelled grass, as a class grid aligned with the
Terrain plus the village centres and road lines it was drawn from; the renderer paints it and the simulation can
place buildings, trees and traffic on it. Deterministic from the terrain seed (numpy's Generator, never `random`),
built from + - * /, floor, sqrt, sin and cos only, so every CPU gets the same bits. Imports numpy only.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.world.terrain import Terrain

MEADOW, CROP, PLOUGHED, STUBBLE, WOOD, VILLAGE, ROAD, WATER, AERODROME = range(9)
CLASS_NAMES = ("meadow", "crop", "ploughed", "stubble", "wood", "village", "road", "water", "aerodrome")
FIELDS = (CROP, PLOUGHED, STUBBLE)

CELLS_PER_SPACING = 5  # land-use cells per terrain grid spacing: 8 m cells on the 40 m terrain grid
RIVER_HALF_WIDTH_M = 11.0
ROAD_HALF_WIDTH_M = 3.5
PARCEL_M = 380.0  # typical size of a farm parcel (one owner's block of strips)
STRIP_WIDTH_M = (16.0, 42.0)
WOOD_FRACTION = 0.13  # of the open country (not the aerodrome, villages, the river and its meadows)
VILLAGE_SPACING_M = 1500.0
KM2_PER_VILLAGE = 9.0
EDGE_MARGIN_M = 400.0
# separate random streams, so that adding a feature to one does not move the others
_PARCELS, _WOODS, _VILLAGES, _ROADS, _EDGES = 1, 2, 3, 4, 5


@dataclass(frozen=True)
class LandUse:
    """The class of every cell and the lines it was drawn from. Cell (i, j) is the square of side `cell` whose
    south-west corner is (north0 + i * cell, east0 + j * cell); the grid covers the terrain exactly, `cell` being
    terrain.spacing / CELLS_PER_SPACING (or another whole divisor).

    | field      | shape        | unit / meaning                                                         |
    |------------|--------------|------------------------------------------------------------------------|
    | classes    | (R, C) uint8 | MEADOW .. AERODROME (CLASS_NAMES)                                      |
    | parcel     | (R, C) int32 | the farm parcel each cell lies in (every cell has one): `parcels`      |
    | villages   | (V, 3)       | north, east, radius, m                                                 |
    | roads      | tuple of (K, 2) | polylines, north/east m, from a village centre to another village, to   |
    |            |              | an aerodrome's edge or off the map                                      |
    | river      | (K, 2)       | the river's centre line, north/east m (Terrain.river)                  |
    | aerodromes | (A, 3)       | north, east, radius of the levelled grass, m                           |
    """
    classes: np.ndarray
    parcel: np.ndarray
    parcels: Parcels
    north0: float
    east0: float
    cell: float
    villages: np.ndarray
    roads: tuple[np.ndarray, ...]
    river: np.ndarray
    aerodromes: np.ndarray

    def centres(self) -> tuple[np.ndarray, np.ndarray]:
        """Cell centres: north (R, 1) and east (1, C), m."""
        rows, cols = self.classes.shape
        return (self.north0 + (np.arange(rows)[:, None] + 0.5) * self.cell,
                self.east0 + (np.arange(cols)[None, :] + 0.5) * self.cell)

    def cell_index(self, north, east) -> tuple[np.ndarray, np.ndarray]:
        """(row, column) of the cell under each point; points off the map take the nearest edge cell."""
        rows, cols = self.classes.shape
        i = np.clip(np.floor((np.asarray(north) - self.north0) / self.cell), 0, rows - 1).astype(np.intp)
        j = np.clip(np.floor((np.asarray(east) - self.east0) / self.cell), 0, cols - 1).astype(np.intp)
        return i, j

    def class_at(self, north, east) -> np.ndarray:
        """The class under each (north, east) point."""
        return self.classes[self.cell_index(north, east)]

    def mask(self, *classes: int) -> np.ndarray:
        """(R, C) bool: cells of any of `classes`, e.g. `land.mask(WOOD)`."""
        return np.isin(self.classes, classes)

    def fractions(self) -> dict[str, float]:
        """Share of the map each class covers, by name."""
        counts = np.bincount(self.classes.ravel(), minlength=len(CLASS_NAMES)) / self.classes.size
        return {name: float(c) for name, c in zip(CLASS_NAMES, counts)}


def land_use(terrain: Terrain, seed: int, aerodromes=((0.0, 0.0, 600.0),),
             cells_per_spacing: int = CELLS_PER_SPACING) -> LandUse:
    """The land use of `terrain` (with its river) for the level's terrain seed; `aerodromes` are the levelled
    grass fields as (north, east, radius), as in the level file."""
    rows, cols = terrain.heights.shape
    cell = terrain.spacing / cells_per_spacing
    north = terrain.north0 + (np.arange((rows - 1) * cells_per_spacing)[:, None] + 0.5) * cell
    east = terrain.east0 + (np.arange((cols - 1) * cells_per_spacing)[None, :] + 0.5) * cell
    fields = np.array(aerodromes, dtype=float).reshape(-1, 3)
    river = terrain.river if terrain.river is not None else np.zeros((0, 2))
    extent = (terrain.north0, terrain.north0 + terrain.size[0], terrain.east0, terrain.east0 + terrain.size[1])

    parcels, parcel = _parcels(np.random.default_rng([seed, _PARCELS]), north, east)
    classes = parcels.strips(parcel, north, east)[0]
    river_distance = polyline_distance(river, north, east, 140.0)
    wood_noise = _wood_noise(np.random.default_rng([seed, _WOODS]), north, east, extent)
    classes[river_distance < 70.0 + 60.0 * wood_noise] = MEADOW  # water meadows along the banks
    villages = _villages(np.random.default_rng([seed, _VILLAGES]), river, fields, extent)
    roads = _roads(np.random.default_rng([seed, _ROADS]), villages, fields, extent)

    clear = river_distance > 40.0  # where woods may grow
    for n, e, r in villages:
        clear &= np.hypot(north - n, east - e) > r + 60.0
    for n, e, r in fields:
        clear &= np.hypot(north - n, east - e) > r + 250.0  # approaches kept open
    threshold = np.quantile(wood_noise[clear], 1.0 - WOOD_FRACTION) if clear.any() else np.inf
    classes[clear & (wood_noise > threshold)] = WOOD
    wobble = 0.8 + 0.4 * _wood_noise(np.random.default_rng([seed, _EDGES]), north, east, extent, (130.0,))
    for n, e, r in villages:  # ragged edges: gardens and orchards straggle out along the lanes
        classes[np.hypot(north - n, east - e) < r * wobble] = VILLAGE
    classes[river_distance < RIVER_HALF_WIDTH_M] = WATER
    road_half_width = max(ROAD_HALF_WIDTH_M, 0.75 * cell)  # at least one cell wide, unbroken on diagonals
    classes[polyline_distance(roads, north, east, road_half_width + cell) < road_half_width] = ROAD
    for n, e, r in fields:
        classes[np.hypot(north - n, east - e) < r] = AERODROME
    return LandUse(classes=classes, parcel=parcel.astype(np.int32), parcels=parcels, north0=terrain.north0,
                   east0=terrain.east0, cell=cell, villages=villages, roads=roads, river=river, aerodromes=fields)


@dataclass(frozen=True)
class Parcels:
    """Farm parcels on a jittered PARCEL_M lattice: a cell belongs to the parcel whose centre is nearest. Each
    parcel is sown in strips `width` m wide, their long sides along compass bearing 90 deg + `angle` (rad), in one
    of PATTERNS. Arrays are (P,), indexed by parcel id."""
    centre: np.ndarray  # (P, 2) north, east, m
    angle: np.ndarray
    width: np.ndarray
    pattern: np.ndarray

    def strips(self, parcel: np.ndarray, north: np.ndarray, east: np.ndarray, footprint_m: float = 0.0):
        """At points in `parcel` (ids, any shape, broadcast with north and east): the strip's class and variety
        (0..255, a random number per strip), the class of the nearer neighbouring strip and how much of a square
        footprint_m on a side around the point it covers (0..0.5), for drawing strip edges smoothly."""
        cos_t, sin_t = np.cos(self.angle)[parcel], np.sin(self.angle)[parcel]
        width = self.width[parcel]
        across = (north * cos_t + east * sin_t) / width
        strip = np.floor(across)
        phase = across - strip
        strip = strip.astype(np.int32)
        near_side = phase < 0.5
        share = np.zeros(phase.shape, np.float32)
        if footprint_m > 0:
            edge_m = np.where(near_side, phase, 1.0 - phase) * width
            span = footprint_m * (np.abs(cos_t) + np.abs(sin_t))
            share = np.clip(0.5 - edge_m / span, 0.0, 0.5).astype(np.float32)
        kind = self.pattern[parcel]
        single = (_hash(np.arange(len(self.angle)), np.zeros(len(self.angle), np.int32)) % np.uint32(3))[parcel]
        h = _hash(parcel, strip)
        neighbour = strip + np.where(near_side, -1, 1).astype(np.int32)
        return (_strip_class(kind, strip, h, single), (h >> np.uint32(8) & np.uint32(0xFF)).astype(np.uint8),
                _strip_class(kind, neighbour, _hash(parcel, neighbour), single), share)


# strips alternately ploughed and sown, sown and stubble, any of the three; a pasture; one crop over the parcel
PATTERNS = ("ploughed-crop", "crop-stubble", "mixed", "pasture", "single")
PATTERN_SHARE = (0.28, 0.2, 0.2, 0.12, 0.2)
_PATTERN_CLASSES = np.array([(PLOUGHED, CROP, CROP), (STUBBLE, CROP, CROP), FIELDS, (MEADOW,) * 3, FIELDS],
                            dtype=np.uint8)  # by pattern, then: the strip's parity, or its hash or the parcel's % 3


def _strip_class(kind: np.ndarray, strip: np.ndarray, h: np.ndarray, single: np.ndarray) -> np.ndarray:
    choice = np.where(kind == 2, h % np.uint32(3), np.where(kind == 4, single, (strip & 1).astype(np.uint32)))
    return _PATTERN_CLASSES[kind, choice]


def _parcels(rng: np.random.Generator, north: np.ndarray, east: np.ndarray) -> tuple[Parcels, np.ndarray]:
    """The parcels around the grid of cell centres (north (R, 1), east (1, C)) and the parcel of each cell."""
    a0, b0 = int(np.floor(north[0, 0] / PARCEL_M)) - 2, int(np.floor(east[0, 0] / PARCEL_M)) - 2
    shape = (int(np.floor(north[-1, 0] / PARCEL_M)) - a0 + 3, int(np.floor(east[0, -1] / PARCEL_M)) - b0 + 3)
    jitter = rng.uniform(-0.38, 0.38, (*shape, 2))
    ia, ib = np.meshgrid(np.arange(shape[0]), np.arange(shape[1]), indexing="ij")
    centre = np.stack([(ia + a0 + 0.5 + jitter[..., 0]) * PARCEL_M, (ib + b0 + 0.5 + jitter[..., 1]) * PARCEL_M], -1)
    parcels = Parcels(centre=centre.reshape(-1, 2), angle=rng.uniform(0.0, np.pi, shape).ravel(),
                      width=rng.uniform(*STRIP_WIDTH_M, shape).ravel(),
                      pattern=rng.choice(len(PATTERNS), size=shape, p=PATTERN_SHARE).ravel())
    a = np.floor(north / PARCEL_M).astype(np.intp) - a0
    b = np.floor(east / PARCEL_M).astype(np.intp) - b0
    best = np.full(np.broadcast_shapes(north.shape, east.shape), np.inf)
    owner = np.zeros(best.shape, dtype=np.intp)
    for da in (-1, 0, 1):
        for db in (-1, 0, 1):
            k = (a + da) * shape[1] + (b + db)
            d2 = (north - parcels.centre[k, 0]) ** 2 + (east - parcels.centre[k, 1]) ** 2
            nearer = d2 < best
            best = np.where(nearer, d2, best)
            owner = np.where(nearer, k, owner)
    return parcels, owner


def _hash(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """A well-mixed uint32 from two integer arrays: wrapping integer arithmetic, exact on every CPU."""
    h = (np.asarray(a).astype(np.uint32) * np.uint32(0x9E3779B1)
         + np.asarray(b).astype(np.uint32) * np.uint32(0x85EBCA77))
    h ^= h >> np.uint32(15)
    h *= np.uint32(0x2C1B3C6D)
    h ^= h >> np.uint32(12)
    return h


def _wood_noise(rng: np.random.Generator, north: np.ndarray, east: np.ndarray, extent,
                wavelengths=(1100.0, 420.0, 160.0)) -> np.ndarray:
    """Value noise in 0..1: random lattice values, blended with smoothstep, several octaves summed."""
    total = np.zeros(np.broadcast_shapes(north.shape, east.shape))
    weight = 0.0
    for k, wavelength in enumerate(wavelengths):
        shape = (int((extent[1] - extent[0]) / wavelength) + 3, int((extent[3] - extent[2]) / wavelength) + 3)
        lattice = rng.random(shape)
        u, v = (north - extent[0]) / wavelength, (east - extent[2]) / wavelength
        i, j = np.floor(u).astype(np.intp), np.floor(v).astype(np.intp)
        fu, fv = u - i, v - j
        fu, fv = fu * fu * (3.0 - 2.0 * fu), fv * fv * (3.0 - 2.0 * fv)
        south = lattice[i, j] + (lattice[i, j + 1] - lattice[i, j]) * fv
        north_edge = lattice[i + 1, j] + (lattice[i + 1, j + 1] - lattice[i + 1, j]) * fv
        amplitude = 0.55 ** k
        total = total + amplitude * (south + (north_edge - south) * fu)
        weight += amplitude
    return total / weight


def polyline_distance(lines, north: np.ndarray, east: np.ndarray, reach: float) -> np.ndarray:
    """Distance (m) from each cell centre (north (R, 1), east (1, C), evenly spaced) to the nearest of `lines`
    (one (K, 2) north/east polyline or a sequence of them), capped at `reach`. Each segment only visits the
    cells within `reach` of its bounding box, so long lines over a large grid stay cheap."""
    lines = [lines] if isinstance(lines, np.ndarray) else list(lines)
    n_axis, e_axis = north[:, 0], east[0, :]
    step_n, step_e = n_axis[1] - n_axis[0], e_axis[1] - e_axis[0]
    distance = np.full((len(n_axis), len(e_axis)), reach)
    for line in lines:
        for (n1, e1), (n2, e2) in zip(line[:-1], line[1:]):
            i0 = max(int(np.floor((min(n1, n2) - reach - n_axis[0]) / step_n)), 0)
            i1 = min(int(np.ceil((max(n1, n2) + reach - n_axis[0]) / step_n)) + 1, len(n_axis))
            j0 = max(int(np.floor((min(e1, e2) - reach - e_axis[0]) / step_e)), 0)
            j1 = min(int(np.ceil((max(e1, e2) + reach - e_axis[0]) / step_e)) + 1, len(e_axis))
            if i0 >= i1 or j0 >= j1:
                continue
            pn, pe = n_axis[i0:i1, None] - n1, e_axis[None, j0:j1] - e1
            dn, de = n2 - n1, e2 - e1
            t = np.clip((pn * dn + pe * de) / max(dn * dn + de * de, 1e-12), 0.0, 1.0)
            d = np.sqrt((pn - t * dn) ** 2 + (pe - t * de) ** 2)
            np.minimum(distance[i0:i1, j0:j1], d, out=distance[i0:i1, j0:j1])
    return distance


def point_polyline_distance(points: np.ndarray, line: np.ndarray) -> np.ndarray:
    """Distance (m) from each of (P, 2) points to a (K, 2) polyline (inf if it has fewer than two points)."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    if len(line) < 2:
        return np.full(len(points), np.inf)
    a, b = line[:-1][None], line[1:][None]
    p = points[:, None]
    ab = b - a
    t = np.clip(((p - a) * ab).sum(-1) / np.maximum((ab * ab).sum(-1), 1e-12), 0.0, 1.0)
    closest = a + t[..., None] * ab
    return np.sqrt(((p - closest) ** 2).sum(-1)).min(axis=1)


def _villages(rng: np.random.Generator, river: np.ndarray, fields: np.ndarray, extent) -> np.ndarray:
    """(V, 3) north, east, radius: spread out, off the river and the aerodromes, clear of the map edge."""
    area_km2 = (extent[1] - extent[0]) * (extent[3] - extent[2]) / 1e6
    wanted = max(2, round(area_km2 / KM2_PER_VILLAGE))
    candidates = np.column_stack([rng.uniform(extent[0] + EDGE_MARGIN_M, extent[1] - EDGE_MARGIN_M, 40 * wanted),
                                  rng.uniform(extent[2] + EDGE_MARGIN_M, extent[3] - EDGE_MARGIN_M, 40 * wanted)])
    radii = rng.uniform(110.0, 190.0, len(candidates))
    ok = point_polyline_distance(candidates, river) > radii + 120.0
    for n, e, r in fields:
        ok &= np.hypot(candidates[:, 0] - n, candidates[:, 1] - e) > r + 700.0
    kept: list[tuple[float, float, float]] = []
    for (n, e), r in zip(candidates[ok], radii[ok]):
        if all(np.hypot(n - kn, e - ke) >= VILLAGE_SPACING_M for kn, ke, _ in kept):
            kept.append((float(n), float(e), float(r)))
            if len(kept) == wanted:
                break
    return np.array(kept).reshape(-1, 3)


def _roads(rng: np.random.Generator, villages: np.ndarray, fields: np.ndarray, extent) -> tuple[np.ndarray, ...]:
    """Country roads: a minimum spanning tree over the villages and aerodromes (every village reachable from every
    other), one more link to close a loop, and a road off each side of the map from the village nearest it."""
    nodes = np.concatenate([villages[:, :2], fields[:, :2]])
    links: list[tuple[np.ndarray, np.ndarray]] = []
    if len(nodes) > 1:
        gap = np.hypot(*(nodes[:, None] - nodes[None]).transpose(2, 0, 1))
        joined, pairs = [0], []
        while len(joined) < len(nodes):  # Prim's algorithm; ties broken by index, so it is deterministic
            outside = [k for k in range(len(nodes)) if k not in joined]
            sub = gap[np.ix_(joined, outside)]
            a, b = np.unravel_index(np.argmin(sub), sub.shape)
            pairs.append((joined[a], outside[b]))
            joined.append(outside[b])
        spare = [(gap[a, b], a, b) for a in range(len(nodes)) for b in range(a + 1, len(nodes))
                 if (a, b) not in pairs and (b, a) not in pairs]
        if spare:
            _, a, b = min(spare)
            pairs.append((a, b))
        links += [(nodes[a], nodes[b]) for a, b in pairs]
    if len(villages):
        v = villages[:, :2]
        for side, axis, value in ((0, 0, extent[0]), (1, 0, extent[1]), (2, 1, extent[2]), (3, 1, extent[3])):
            k = int(np.argmin(np.abs(v[:, axis] - value)))
            end = v[k].copy()
            end[axis] = value
            end[1 - axis] = np.clip(end[1 - axis] + rng.uniform(-600.0, 600.0), extent[2 - 2 * axis] + 200.0,
                                    extent[3 - 2 * axis] - 200.0)
            links.append((v[k], end))
    roads = (_country_road(rng, a, b) for a, b in links)
    return tuple(piece for road in roads for piece in _outside_circles(road, fields))


def _outside_circles(line: np.ndarray, circles: np.ndarray) -> list[np.ndarray]:
    """The pieces of a polyline outside every circle (north, east, radius), each ending on the circle it meets."""
    if len(circles) == 0:
        return [line]
    depth = np.max(circles[:, 2] - np.hypot(line[:, None, 0] - circles[None, :, 0],
                                            line[:, None, 1] - circles[None, :, 1]), axis=1)  # > 0 inside
    pieces, start = [], None
    for k in range(len(line) + 1):
        outside = k < len(line) and depth[k] <= 0.0
        if outside and start is None:
            start = k
        elif not outside and start is not None:
            piece = [line[start:k]]
            if start > 0:  # back to where it left the circle
                t = depth[start - 1] / (depth[start - 1] - depth[start])
                piece.insert(0, line[start - 1:start] + t * (line[start:start + 1] - line[start - 1:start]))
            if k < len(line):
                t = depth[k - 1] / (depth[k - 1] - depth[k])
                piece.append(line[k - 1:k] + t * (line[k:k + 1] - line[k - 1:k]))
            piece = np.concatenate(piece)
            if len(piece) >= 2:
                pieces.append(piece)
            start = None
    return pieces


def _country_road(rng: np.random.Generator, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """A gently winding polyline from start to end, a point every 20 m or so."""
    along = end - start
    length = float(np.hypot(*along))
    count = max(2, int(length / 20.0) + 1)
    t = np.linspace(0.0, 1.0, count)[:, None]
    side = np.array([-along[1], along[0]]) / max(length, 1e-9)
    bend = (rng.uniform(-0.07, 0.07) * np.sin(np.pi * t) + rng.uniform(-0.03, 0.03) * np.sin(2.0 * np.pi * t)
            + rng.uniform(-0.015, 0.015) * np.sin(5.0 * np.pi * t))
    return start + along * t + side * bend * length
