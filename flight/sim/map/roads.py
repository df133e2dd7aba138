"""Villages and the country roads between them: where the villages stand (spread out, off the river, the airfields
and the front) and the roads that join them to each other, to the airfields and off the map, stopping at the
airfields' grass and at the lines. Deterministic from the seed; imports numpy only."""
from __future__ import annotations

import numpy as np

from flight.sim.map.front import BAND_M, Front
from flight.sim.map.noise import point_polyline_distance

VILLAGE_SPACING_M = 1500.0
KM2_PER_VILLAGE = 9.0
EDGE_MARGIN_M = 400.0
FRONT_CLEAR_M = 300.0  # no village this near the front's torn ground
ROAD_END_BEHIND_M = 150.0  # the roads run up to the lines and end this far behind the fire trenches


def villages_for(rng: np.random.Generator, river: np.ndarray, fields: np.ndarray, extent,
                 front: Front | None = None) -> np.ndarray:
    """(V, 3) north, east, radius: spread out, off the river, the airfields and the front, clear of the map edge."""
    area_km2 = (extent[1] - extent[0]) * (extent[3] - extent[2]) / 1e6
    wanted = max(2, round(area_km2 / KM2_PER_VILLAGE))
    candidates = np.column_stack([rng.uniform(extent[0] + EDGE_MARGIN_M, extent[1] - EDGE_MARGIN_M, 40 * wanted),
                                  rng.uniform(extent[2] + EDGE_MARGIN_M, extent[3] - EDGE_MARGIN_M, 40 * wanted)])
    radii = rng.uniform(110.0, 190.0, len(candidates))
    ok = np.ones(len(radii), dtype=bool)
    if len(river) > 1:  # the river runs north: only candidates near its line need the exact distance
        near = np.abs(candidates[:, 1] - np.interp(candidates[:, 0], river[:, 0], river[:, 1])) < 800.0
        ok[near] = point_polyline_distance(candidates[near], river) > radii[near] + 120.0
    for n, e, r in fields:
        ok &= np.hypot(candidates[:, 0] - n, candidates[:, 1] - e) > r + 700.0
    if front is not None:
        ok &= ~front.within(candidates[:, 1], radii + FRONT_CLEAR_M)
    if front is not None:  # the lines leave no villages standing near them: fewer are wanted
        lo, hi = (min(front.trench_east.values()) - BAND_M - FRONT_CLEAR_M,
                  max(front.trench_east.values()) + BAND_M + FRONT_CLEAR_M)
        wanted = max(2, round(wanted * (1.0 - (hi - lo) / (extent[3] - extent[2]))))
    kept: list[tuple[float, float, float]] = []
    for (n, e), r in zip(candidates[ok], radii[ok]):
        if all(np.hypot(n - kn, e - ke) >= VILLAGE_SPACING_M for kn, ke, _ in kept):
            kept.append((float(n), float(e), float(r)))
            if len(kept) == wanted:
                break
    return np.array(kept).reshape(-1, 3)


def _band(front: Front) -> tuple[float, float]:
    """East limits of the ground the roads do not cross: no-man's-land and the front trenches."""
    return (min(front.trench_east.values()) - ROAD_END_BEHIND_M,
            max(front.trench_east.values()) + ROAD_END_BEHIND_M)


def country_roads(rng: np.random.Generator, villages: np.ndarray, fields: np.ndarray, extent,
                  front: Front | None = None) -> tuple[np.ndarray, ...]:
    """Country roads: a minimum spanning tree over the villages and airfields (every village reachable from every
    other on its side of the lines), one more link to close a loop, and a road off each side of the map from the
    village nearest it; cut where they meet an airfield's grass or the front."""
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
    roads = [_country_road(rng, a, b) for a, b in links]
    band = _band(front) if front is not None else None
    return tuple(piece for road in roads for piece in _outside(road, fields, band))


def _outside(line: np.ndarray, circles: np.ndarray, band) -> list[np.ndarray]:
    """The pieces of a polyline outside every circle (north, east, radius) and the east band (lo, hi), each ending
    where it meets one."""
    depth = np.full(len(line), -np.inf)  # > 0 inside
    if len(circles):
        depth = np.max(circles[:, 2] - np.hypot(line[:, None, 0] - circles[None, :, 0],
                                                line[:, None, 1] - circles[None, :, 1]), axis=1)
    if band is not None:
        depth = np.maximum(depth, np.minimum(line[:, 1] - band[0], band[1] - line[:, 1]))
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
