"""Terrain: one heightfield that both the flight model (ground contact) and the renderer (mesh) use.

Heights are a numpy grid on a regular north/east spacing; `height_at` interpolates bilinearly with `+ - * /` and
`floor` only, so ground contact has the same bits on every CPU. Imports numpy and the standard library only.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Terrain:
    """heights[i, j] is the ground height (m above sea level) at north = north0 + i * spacing,
    east = east0 + j * spacing; outside the grid the edge values continue."""
    heights: np.ndarray
    north0: float
    east0: float
    spacing: float

    def height_at(self, north: np.ndarray, east: np.ndarray) -> np.ndarray:
        """Ground height under each (north, east) point, bilinear between grid points."""
        rows, cols = self.heights.shape
        u = np.minimum(np.maximum((np.asarray(north) - self.north0) / self.spacing, 0.0), rows - 1.000001)
        v = np.minimum(np.maximum((np.asarray(east) - self.east0) / self.spacing, 0.0), cols - 1.000001)
        i, j = np.floor(u), np.floor(v)
        fu, fv = u - i, v - j
        i, j = i.astype(np.intp), j.astype(np.intp)
        h = self.heights
        south_edge = h[i, j] + (h[i, j + 1] - h[i, j]) * fv
        north_edge = h[i + 1, j] + (h[i + 1, j + 1] - h[i + 1, j]) * fv
        return south_edge + (north_edge - south_edge) * fu

    @property
    def size(self) -> tuple[float, float]:
        """(north, east) extent in metres."""
        rows, cols = self.heights.shape
        return (rows - 1) * self.spacing, (cols - 1) * self.spacing


def generate_terrain(seed: int, size_m: tuple[float, float] = (8000.0, 8000.0), spacing: float = 40.0,
                     flat_spots: tuple[tuple[float, float, float], ...] = ((0.0, 0.0, 600.0),),
                     base_height: float = 60.0) -> Terrain:
    """Gentle rolling country centred on the origin: a few seeded sine swells (20-40 m) and a shallow river valley,
    levelled smoothly to base_height within each flat spot (north, east, radius): airfields sit on level grass."""
    rng = np.random.default_rng(seed)
    rows, cols = int(size_m[0] / spacing) + 1, int(size_m[1] / spacing) + 1
    north = (np.arange(rows) - (rows - 1) / 2) * spacing
    east = (np.arange(cols) - (cols - 1) / 2) * spacing
    n, e = np.meshgrid(north, east, indexing="ij")
    heights = np.full(n.shape, base_height)
    for _ in range(6):
        wavelength = rng.uniform(1500.0, 5000.0)
        direction = rng.uniform(0.0, np.pi)
        amplitude = rng.uniform(4.0, 12.0)
        phase = rng.uniform(0.0, 2.0 * np.pi)
        along = n * np.cos(direction) + e * np.sin(direction)
        heights += amplitude * np.sin(2.0 * np.pi * along / wavelength + phase)
    river_east = rng.uniform(-0.3, 0.3) * size_m[1] + 400.0 * np.sin(n / 900.0)
    # (np.exp may round differently from CPU to CPU; a polynomial bump does not)
    across = np.minimum(np.abs(e - river_east) / 400.0, 1.0)
    bump = 1.0 - across * across
    heights -= 18.0 * bump * bump
    for spot_north, spot_east, radius in flat_spots:
        distance = np.hypot(n - spot_north, e - spot_east)
        blend = np.clip((distance - radius) / radius, 0.0, 1.0)
        blend = blend * blend * (3.0 - 2.0 * blend)
        heights = base_height + (heights - base_height) * blend
    return Terrain(heights=heights, north0=float(north[0]), east0=float(east[0]), spacing=spacing)
