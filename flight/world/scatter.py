"""Where the trees and houses stand: points on the land use (flight.world.landuse), deterministic from the seed, so
the renderer draws and the simulation can hit the same ones. Imports numpy only."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.world.landuse import ROAD, VILLAGE, WOOD, LandUse, point_polyline_distance

HOUSE, BARN, CHURCH = 0, 1, 2
HOUSE_SPACING_M = 13.0  # along a village street, between neighbours' centres
_TREES, _HOUSES, _ROADSIDE = 11, 12, 13


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


def wood_trees(land: LandUse, spacing_m: float, seed: int) -> np.ndarray:
    """Trees in the woods, about one per `spacing_m` square: (M, 3) north, east, size factor (0.75..1.3).
    A jittered grid, so canopies neither clump nor line up."""
    rng = np.random.default_rng([seed, _TREES, int(round(spacing_m * 100))])
    rows, cols = land.classes.shape
    count_n, count_e = int(rows * land.cell / spacing_m), int(cols * land.cell / spacing_m)
    i, j = np.meshgrid(np.arange(count_n), np.arange(count_e), indexing="ij")
    jitter = rng.uniform(-0.45, 0.45, (2, count_n, count_e))
    north = land.north0 + (i + 0.5 + jitter[0]) * spacing_m
    east = land.east0 + (j + 0.5 + jitter[1]) * spacing_m
    size = rng.uniform(0.75, 1.3, (count_n, count_e))
    keep = land.class_at(north, east) == WOOD
    return np.column_stack([north[keep], east[keep], size[keep]])


def roadside_trees(land: LandUse, spacing_m: float, seed: int) -> np.ndarray:
    """Poplars lining stretches of the country roads outside the villages, both sides, 6 m from the crown of the
    road: (M, 3) north, east, size factor."""
    rng = np.random.default_rng([seed, _ROADSIDE])
    points = []
    for road in land.roads:
        along, normal = _resample(road, spacing_m)
        if len(along) == 0:
            continue
        stretch = np.floor(np.arange(len(along)) * spacing_m / 400.0).astype(int)  # lined or bare, 400 m at a time
        lined = rng.random(stretch.max() + 1) < 0.45
        for side in (-1.0, 1.0):
            points.append(along[lined[stretch]] + side * 6.0 * normal[lined[stretch]])
    if not points:
        return np.zeros((0, 3))
    points = np.concatenate(points)
    keep = ~np.isin(land.class_at(points[:, 0], points[:, 1]), (VILLAGE, ROAD)) & _outside(points, land.aerodromes)
    points = points[keep]
    return np.column_stack([points, rng.uniform(0.85, 1.15, len(points))])


def buildings(land: LandUse, seed: int) -> Buildings:
    """Each village's houses along its streets (both sides, facing the road), a few barns behind them, and a church
    near the middle; none on a road, the river or another building."""
    rng = np.random.default_rng([seed, _HOUSES])
    rows: list[tuple[float, ...]] = []  # north, east, ridge north, ridge east, length, width, height, kind
    for n, e, r in land.villages:
        centre = np.array([n, e])
        for road in land.roads:
            if point_polyline_distance(centre[None], road)[0] > r:
                continue
            along, normal = _resample(road, HOUSE_SPACING_M)
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
    keep = land.class_at(table[:, 0], table[:, 1]) == VILLAGE
    for road in land.roads:
        keep &= point_polyline_distance(table[:, :2], road) > 0.5 * table[:, 5] + 3.0
    table = table[keep]
    reach = 0.5 * np.hypot(table[:, 4], table[:, 5])
    placed = np.zeros(len(table), dtype=bool)
    for k in range(len(table)):  # first come, first served: no two footprints overlap much
        gap = np.hypot(table[placed, 0] - table[k, 0], table[placed, 1] - table[k, 1])
        placed[k] = not np.any(gap <= reach[k] + 0.8 * reach[placed])
    t = table[placed]
    return Buildings(north=t[:, 0], east=t[:, 1], ridge_north=t[:, 2], ridge_east=t[:, 3], length=t[:, 4],
                     width=t[:, 5], height=t[:, 6], kind=t[:, 7].astype(np.int8))


def _direction(rng: np.random.Generator) -> tuple[float, float]:
    """A random unit vector (north, east), from two normal draws: sqrt and division only."""
    v = rng.normal(size=2)
    return tuple(v / np.sqrt(v @ v))


def _resample(line: np.ndarray, spacing_m: float) -> tuple[np.ndarray, np.ndarray]:
    """Points every `spacing_m` along a polyline and the unit normal to its right at each, both (P, 2)."""
    step = np.diff(line, axis=0)
    length = np.hypot(step[:, 0], step[:, 1])
    arc = np.concatenate([[0.0], np.cumsum(length)])
    if arc[-1] < spacing_m:
        return np.zeros((0, 2)), np.zeros((0, 2))
    s = np.arange(0.5 * spacing_m, arc[-1], spacing_m)
    points = np.column_stack([np.interp(s, arc, line[:, 0]), np.interp(s, arc, line[:, 1])])
    k = np.clip(np.searchsorted(arc, s) - 1, 0, len(step) - 1)
    direction = step[k] / np.maximum(length[k], 1e-9)[:, None]
    return points, np.column_stack([-direction[:, 1], direction[:, 0]])


def _outside(points: np.ndarray, circles: np.ndarray) -> np.ndarray:
    keep = np.ones(len(points), dtype=bool)
    for n, e, r in circles:
        keep &= np.hypot(points[:, 0] - n, points[:, 1] - e) > r + 100.0
    return keep
