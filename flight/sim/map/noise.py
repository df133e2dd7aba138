"""Deterministic patterns for the land: an integer hash, smooth value noise, and lines drawn onto grids (distance
to a polyline, a polyline's cells). Built from integer arithmetic, + - * /, floor and sqrt only, so every CPU gets
the same bits (DESIGN.md). Imports numpy only."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def hash32(a, b, c=0) -> np.ndarray:
    """A well-mixed uint32 from integer arrays (broadcast): wrapping integer arithmetic, exact on every CPU."""
    with np.errstate(over="ignore"):
        h = (np.asarray(a).astype(np.int64).astype(np.uint32) * np.uint32(0x9E3779B1)
             + np.asarray(b).astype(np.int64).astype(np.uint32) * np.uint32(0x85EBCA77)
             + np.asarray(c).astype(np.int64).astype(np.uint32) * np.uint32(0xC2B2AE3D))
        h ^= h >> np.uint32(15)
        h *= np.uint32(0x2C1B3C6D)
        h ^= h >> np.uint32(12)
        h *= np.uint32(0x297A2D39)
        h ^= h >> np.uint32(15)
    return h


def unit_hash(a, b, c=0) -> np.ndarray:
    """hash32 as a float in [0, 1)."""
    return hash32(a, b, c).astype(np.float64) * (1.0 / 4294967296.0)


@dataclass(frozen=True)
class ValueNoise:
    """Value noise in 0..1 over a rectangle (and a little beyond: points outside take the edge lattice values):
    random lattice values blended with smoothstep, several octaves summed. `extent` is (north min, north max,
    east min, east max)."""
    extent: tuple[float, float, float, float]
    wavelengths: tuple[float, ...]
    lattices: tuple[np.ndarray, ...]

    @classmethod
    def make(cls, rng: np.random.Generator, extent, wavelengths) -> ValueNoise:
        lattices = tuple(rng.random((int((extent[1] - extent[0]) / w) + 3, int((extent[3] - extent[2]) / w) + 3))
                         for w in wavelengths)
        return cls(tuple(float(v) for v in extent), tuple(wavelengths), lattices)

    def at(self, north: np.ndarray, east: np.ndarray) -> np.ndarray:
        north, east = np.asarray(north, dtype=float), np.asarray(east, dtype=float)
        if north.ndim == 2 and east.ndim == 2 and north.shape[1] == 1 and east.shape[0] == 1:
            return self._on_grid(north[:, 0], east[0])
        total = 0.0
        weight = 0.0
        for k, (wavelength, lattice) in enumerate(zip(self.wavelengths, self.lattices)):
            rows, cols = lattice.shape
            u = np.clip((north - self.extent[0]) / wavelength, 0.0, rows - 2.000001)
            v = np.clip((east - self.extent[2]) / wavelength, 0.0, cols - 2.000001)
            i, j = np.floor(u).astype(np.intp), np.floor(v).astype(np.intp)
            fu, fv = u - i, v - j
            fu, fv = fu * fu * (3.0 - 2.0 * fu), fv * fv * (3.0 - 2.0 * fv)
            south = lattice[i, j] + (lattice[i, j + 1] - lattice[i, j]) * fv
            north_edge = lattice[i + 1, j] + (lattice[i + 1, j + 1] - lattice[i + 1, j]) * fv
            amplitude = 0.55 ** k
            total = total + amplitude * (south + (north_edge - south) * fu)
            weight += amplitude
        return total / weight

    def _on_grid(self, north: np.ndarray, east: np.ndarray) -> np.ndarray:
        """`at` over the grid north (R,) x east (C,): blended along east once per lattice row the grid touches,
        then along north (the same sums in the same order as `at`, so the same bits)."""
        total = 0.0
        weight = 0.0
        for k, (wavelength, lattice) in enumerate(zip(self.wavelengths, self.lattices)):
            rows, cols = lattice.shape
            u = np.clip((north - self.extent[0]) / wavelength, 0.0, rows - 2.000001)
            v = np.clip((east - self.extent[2]) / wavelength, 0.0, cols - 2.000001)
            i, j = np.floor(u).astype(np.intp), np.floor(v).astype(np.intp)
            fu, fv = u - i, v - j
            fu, fv = fu * fu * (3.0 - 2.0 * fu), fv * fv * (3.0 - 2.0 * fv)
            i0 = int(i.min())
            strip = lattice[i0:int(i.max()) + 2]
            along = strip[:, j] + (strip[:, j + 1] - strip[:, j]) * fv[None, :]  # (rows touched, C)
            south, north_edge = along[i - i0], along[i + 1 - i0]
            amplitude = 0.55 ** k
            total = total + amplitude * (south + (north_edge - south) * fu[:, None])
            weight += amplitude
        return total / weight


def polyline_distance(lines, north: np.ndarray, east: np.ndarray, reach: float) -> np.ndarray:
    """Distance (m) from each cell centre (north (R, 1), east (1, C), evenly spaced) to the nearest of `lines`
    (one (K, 2) north/east polyline or a sequence of them), capped at `reach`. Each segment only visits the
    cells within `reach` of its bounding box, so long lines over a large grid stay cheap."""
    lines = [lines] if isinstance(lines, np.ndarray) else list(lines)
    n_axis, e_axis = north[:, 0], east[0, :]
    step_n = n_axis[1] - n_axis[0] if len(n_axis) > 1 else 1.0
    step_e = e_axis[1] - e_axis[0] if len(e_axis) > 1 else 1.0
    distance = np.full((len(n_axis), len(e_axis)), reach)
    for line in lines:
        if len(line) < 2:
            continue
        # only the segments that come within reach of the grid at all
        lo, hi = np.minimum(line[:-1], line[1:]), np.maximum(line[:-1], line[1:])
        near = np.flatnonzero((hi[:, 0] > n_axis[0] - reach) & (lo[:, 0] < n_axis[-1] + reach)
                              & (hi[:, 1] > e_axis[0] - reach) & (lo[:, 1] < e_axis[-1] + reach))
        for k in near:
            (n1, e1), (n2, e2) = line[k], line[k + 1]
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


def resample(line: np.ndarray, spacing_m: float) -> tuple[np.ndarray, np.ndarray]:
    """Points every `spacing_m` along a polyline (from half a step in) and the unit normal to its right at each,
    both (P, 2) north/east."""
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


class LinePoints:
    """Polylines as dense points (every `step_m` along them, ends included), for marking the cells a line of some
    width covers on any grid without a Python loop per segment: each point stamps the cells around it."""

    def __init__(self, lines, step_m: float = 2.0):
        pieces = []
        for line in lines:
            line = np.asarray(line, dtype=float)
            if len(line) < 2:
                continue
            seg = np.diff(line, axis=0)
            count = np.maximum(np.ceil(np.hypot(seg[:, 0], seg[:, 1]) / step_m).astype(int), 1)
            start = np.repeat(np.arange(len(seg)), count)
            first = np.repeat(np.cumsum(count) - count, count)
            t = (np.arange(len(start)) - first) / np.repeat(count, count)  # 0, 1/c, ... along each segment
            pieces.append(np.concatenate([line[start] + t[:, None] * seg[start], line[-1:]]))
        self.points = np.concatenate(pieces) if pieces else np.zeros((0, 2))
        self.step = step_m

    def mask(self, north: np.ndarray, east: np.ndarray, half_width: float) -> np.ndarray:
        """(R, C) bool: the cells of an evenly spaced grid (north (R, 1), east (1, C)) whose centres lie within
        `half_width` of a line (to within step_m / 2)."""
        n_axis, e_axis = north[:, 0], east[0, :]
        out = np.zeros((len(n_axis), len(e_axis)), dtype=bool)
        p = self.points
        if len(p) == 0 or len(n_axis) == 0 or len(e_axis) == 0:
            return out
        p = p[(p[:, 0] > n_axis[0] - half_width) & (p[:, 0] < n_axis[-1] + half_width)
              & (p[:, 1] > e_axis[0] - half_width) & (p[:, 1] < e_axis[-1] + half_width)]
        if len(p) == 0:
            return out
        step_n = n_axis[1] - n_axis[0] if len(n_axis) > 1 else 1.0
        step_e = e_axis[1] - e_axis[0] if len(e_axis) > 1 else 1.0
        i = np.floor((p[:, 0] - n_axis[0]) / step_n + 0.5).astype(np.intp)
        j = np.floor((p[:, 1] - e_axis[0]) / step_e + 0.5).astype(np.intp)
        reach_i, reach_j = int(np.ceil(half_width / step_n)), int(np.ceil(half_width / step_e))
        for di in range(-reach_i, reach_i + 1):
            for dj in range(-reach_j, reach_j + 1):
                ii, jj = i + di, j + dj
                ok = (ii >= 0) & (ii < len(n_axis)) & (jj >= 0) & (jj < len(e_axis))
                ii, jj = ii[ok], jj[ok]
                dn, de = n_axis[ii] - p[ok, 0], e_axis[jj] - p[ok, 1]
                hit = dn * dn + de * de < half_width * half_width
                out[ii[hit], jj[hit]] = True
        return out
