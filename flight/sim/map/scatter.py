"""Where the trees and houses stand: points on the land use (flight.sim.map.landuse), deterministic from the seed, so
the renderer draws and the simulation can hit the same ones. Trees are asked for by region (the renderer wants the
ones near the camera), and a region's trees are the same however the map is cut up. Imports numpy only."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.sim.map.land_classes import AERODROME, CRATERED, ROAD, SHATTERED, VILLAGE, WOOD, YARD
from flight.sim.map.landuse import ROAD_HALF_WIDTH_M, LandUse
from flight.sim.map.noise import point_polyline_distance, resample, unit_hash

HOUSE, BARN, CHURCH = 0, 1, 2
HOUSE_SPACING_M = 13.0  # along a village street, between neighbours' centres
_TREES, _HOUSES, _ROADSIDE, _STUMPS = 11, 12, 13, 14


@dataclass(frozen=True)
class Buildings:
    """One row per building: its footprint centre (north, east, m), the unit vector along its ridge (north, east
    components: no angles, so no trigonometry whose last bit varies between CPUs), footprint along and across the
    ridge and wall height (m), and kind (HOUSE, BARN or CHURCH)."""
    north: np.ndarray
    east: np.ndarray
    ridge_north: np.ndarray
    ridge_east: np.ndarray
    length: np.ndarray
    width: np.ndarray
    height: np.ndarray
    kind: np.ndarray

    def __len__(self) -> int:
        return len(self.north)


def _region(land: LandUse, region) -> tuple[float, float, float, float]:
    if region is not None:
        return tuple(float(v) for v in region)
    return (land.north0, land.north0 + land.shape[0] * land.cell, land.east0, land.east0 + land.shape[1] * land.cell)


def _lattice(land: LandUse, spacing_m: float, seed: int, stream: int, region):
    """A jittered grid over the map, one point per `spacing_m` square, its jitter and a size factor hashed from the
    square's indices: the points in `region` (north min, max, east min, max; half-open), (M, 2), and a hash (M,)."""
    n0, n1, e0, e1 = _region(land, region)
    i = np.arange(np.floor((n0 - land.north0) / spacing_m) - 1, np.ceil((n1 - land.north0) / spacing_m) + 1)
    j = np.arange(np.floor((e0 - land.east0) / spacing_m) - 1, np.ceil((e1 - land.east0) / spacing_m) + 1)
    i, j = np.meshgrid(i.astype(np.int64), j.astype(np.int64), indexing="ij")
    key = seed * 1000 + stream
    north = land.north0 + (i + 0.5 + 0.9 * (unit_hash(i, j, key) - 0.5)) * spacing_m
    east = land.east0 + (j + 0.5 + 0.9 * (unit_hash(j, i, key + 1) - 0.5)) * spacing_m
    inside = (north >= n0) & (north < n1) & (east >= e0) & (east < e1)
    return np.column_stack([north[inside], east[inside]]), unit_hash(i[inside], j[inside], key + 2)


def wood_trees(land: LandUse, spacing_m: float, seed: int, region=None) -> np.ndarray:
    """Trees in the woods, about one per `spacing_m` square: (M, 3) north, east, size factor (0.75..1.3).
    A jittered grid, so canopies neither clump nor line up; `region` (north min, max, east min, max) for a part."""
    points, h = _lattice(land, spacing_m, seed, _TREES, region)
    keep = land.class_at(points[:, 0], points[:, 1]) == WOOD
    return np.column_stack([points[keep], 0.75 + 0.55 * h[keep]])


def shattered_trees(land: LandUse, spacing_m: float, seed: int, region=None) -> np.ndarray:
    """What shellfire has left of the woods near the lines: bare, snapped trunks, about one per `spacing_m` square
    in the shattered woods and a few standing alone in the mud. (M, 3) north, east, height factor (0.3..1)."""
    points, h = _lattice(land, spacing_m, seed, _STUMPS, region)
    kind = land.class_at(points[:, 0], points[:, 1])
    keep = (kind == SHATTERED) | ((kind == CRATERED) & (h < 0.04))
    return np.column_stack([points[keep], 0.3 + 0.7 * (h[keep] * 7.0 % 1.0)])


def roadside_trees(land: LandUse, spacing_m: float, seed: int, region=None) -> np.ndarray:
    """Poplars lining stretches of the country roads outside the villages, both sides, 6 m from the crown of the
    road: (M, 3) north, east, size factor; `region` for a part of the map."""
    rng = np.random.default_rng([seed, _ROADSIDE])
    points = []
    for road in land.roads:
        along, normal = resample(road, spacing_m)
        if len(along) == 0:
            continue
        stretch = np.floor(np.arange(len(along)) * spacing_m / 400.0).astype(int)  # lined or bare, 400 m at a time
        lined = rng.random(stretch.max() + 1) < 0.45
        for side in (-1.0, 1.0):
            points.append(along[lined[stretch]] + side * 6.0 * normal[lined[stretch]])
    if not points:
        return np.zeros((0, 3))
    points = np.concatenate(points)
    size = 0.85 + 0.3 * unit_hash(np.floor(points[:, 0] * 4.0), np.floor(points[:, 1] * 4.0), seed)
    n0, n1, e0, e1 = _region(land, region)
    inside = (points[:, 0] >= n0) & (points[:, 0] < n1) & (points[:, 1] >= e0) & (points[:, 1] < e1)
    points, size = points[inside], size[inside]
    keep = ~np.isin(land.class_at(points[:, 0], points[:, 1]), (VILLAGE, ROAD, AERODROME, YARD))
    keep &= _outside(points, land.aerodromes)
    return np.column_stack([points[keep], size[keep]])


def buildings(land: LandUse, seed: int, villages=None) -> Buildings:
    """Each village's houses along its streets (both sides, facing the road), a few barns behind them, and a church
    near the middle; none on a road, the river or another building, all inside the village's ragged edge. Only
    the villages numbered in `villages` if given (each village's houses are the same either way)."""
    tables = []
    for v in range(len(land.villages)) if villages is None else villages:
        n, e, r = land.villages[v]
        rng = np.random.default_rng([seed, _HOUSES, v])
        centre = np.array([n, e])
        rows: list[tuple[float, ...]] = []  # north, east, ridge north, ridge east, length, width, height, kind
        near = [piece for road in land.roads if _box_distance(road, centre) < r + 30.0
                for piece in [_near_part(road, centre, 1.3 * r + 40.0)] if len(piece) >= 2]
        for road in near:
            if point_polyline_distance(centre[None], road)[0] > r:
                continue
            along, normal = resample(road, HOUSE_SPACING_M)
            inside = np.hypot(*(along - centre).T) < 0.9 * r
            for p, q in zip(along[inside], normal[inside]):
                ridge = (q[1], -q[0])  # along the street
                for side in (-1.0, 1.0):
                    if rng.random() < 0.8:
                        spot = p + side * rng.uniform(9.0, 11.5) * q
                        rows.append((*spot, *ridge, rng.uniform(8.0, 12.0), rng.uniform(6.0, 7.5),
                                     rng.uniform(3.8, 6.2), HOUSE))
        for _ in range(int(r / 25.0)):
            angle, distance = rng.uniform(0.0, 2.0 * np.pi), rng.uniform(0.35, 0.85) * r
            spot = centre + distance * np.array([np.cos(angle), np.sin(angle)])
            rows.append((*spot, *_direction(rng), rng.uniform(14.0, 22.0), rng.uniform(8.0, 10.0),
                         rng.uniform(4.5, 6.0), BARN))
        angle = rng.uniform(0.0, 2.0 * np.pi)
        spot = centre + 30.0 * np.array([np.cos(angle), np.sin(angle)])
        rows.insert(0, (*spot, *_direction(rng), 24.0, 10.0, 8.0, CHURCH))  # first: it claims its plot
        table = np.array(rows, dtype=float).reshape(-1, 8)
        table = table[_in_village(land, table[:, :2], (n, e, r), near, 0.5 * table[:, 5] + 3.0)]
        reach = 0.5 * np.hypot(table[:, 4], table[:, 5])
        placed = np.zeros(len(table), dtype=bool)
        for k in range(len(table)):  # first come, first served: no two footprints overlap much
            gap = np.hypot(table[placed, 0] - table[k, 0], table[placed, 1] - table[k, 1])
            placed[k] = not np.any(gap <= reach[k] + 0.8 * reach[placed])
        tables.append(table[placed])
    t = np.concatenate(tables) if tables else np.zeros((0, 8))
    return Buildings(north=t[:, 0], east=t[:, 1], ridge_north=t[:, 2], ridge_east=t[:, 3], length=t[:, 4],
                     width=t[:, 5], height=t[:, 6], kind=t[:, 7].astype(np.int8))


def _in_village(land: LandUse, points: np.ndarray, village, roads, road_gap: np.ndarray) -> np.ndarray:
    """Which points lie on the village's own ground: inside its ragged edge (as the land use draws it), off the
    river, every airfield and every road by `road_gap` (P,) m."""
    n, e, r = village
    origin = np.array([land.north0, land.east0])
    cells = origin + (np.floor((points - origin) / land.cell) + 0.5) * land.cell  # the land use's cell under each
    keep = np.ones(len(points), dtype=bool)
    for p in (points, cells):  # the building and the cell it stands in both inside the ragged edge
        wobble = 0.8 + 0.4 * land.edge_noise.at(p[:, 0], p[:, 1])
        keep &= np.hypot(p[:, 0] - n, p[:, 1] - e) < r * wobble
    # (no test against the river: villages stand further from it than their ragged edge reaches, see roads.py)
    keep &= _outside(points, land.aerodromes, 0.0)
    drawn = max(ROAD_HALF_WIDTH_M, 0.75 * land.cell) + 1.0  # how wide the land use draws a road, and a little
    for road in roads:
        keep &= (point_polyline_distance(points, road) > road_gap) & (point_polyline_distance(cells, road) > drawn)
    return keep


def _near_part(line: np.ndarray, centre: np.ndarray, reach: float) -> np.ndarray:
    """The stretch of a polyline from its first to its last point within `reach` of `centre` (one point more
    each end): all of it that matters near a village, as roads cross a village once."""
    close = np.flatnonzero(np.hypot(line[:, 0] - centre[0], line[:, 1] - centre[1]) < reach)
    if len(close) == 0:
        return line[:0]
    return line[max(close[0] - 1, 0):close[-1] + 2]


def _box_distance(line: np.ndarray, point: np.ndarray) -> float:
    """Distance from a point to a polyline's bounding box (0 inside it)."""
    lo, hi = line.min(axis=0), line.max(axis=0)
    return float(np.hypot(*np.maximum(np.maximum(lo - point, point - hi), 0.0)))


def _direction(rng: np.random.Generator) -> tuple[float, float]:
    """A random unit vector (north, east), from two normal draws: sqrt and division only."""
    v = rng.normal(size=2)
    return tuple(v / np.sqrt(v @ v))


def _outside(points: np.ndarray, circles: np.ndarray, margin: float = 100.0) -> np.ndarray:
    keep = np.ones(len(points), dtype=bool)
    for n, e, r in circles:
        keep &= np.hypot(points[:, 0] - n, points[:, 1] - e) > r + margin
    return keep
