"""Terrain: one heightfield that both the flight model (ground contact) and the renderer (mesh) use.

Heights are a numpy grid on a regular north/east spacing, generated with stablemath's sin and cos (numpy's and
the C library's differ by CPU); `height_at` interpolates bilinearly with `+ - * /` and `floor` only
(flight.sim.dynamics.heightfield, the kernel the flight model's ground contact runs too), so ground contact has the
same bits on every CPU. Imports numpy, the standard library, stablemath and that kernel only.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from flight.sim.dynamics.heightfield import heights_at
from flight.sim.dynamics.stablemath import cos1, hypot, sin, sin1


@dataclass(frozen=True)
class Terrain:
    """heights[i, j] is the ground height (m above sea level) at north = north0 + i * spacing,
    east = east0 + j * spacing; outside the grid the edge values continue. `river` is the centre line of the
    river along its valley floor, (K, 2) (north, east) m from its south end to its north end, or None."""
    heights: np.ndarray
    north0: float
    east0: float
    spacing: float
    river: np.ndarray | None = None

    def height_at(self, north: np.ndarray, east: np.ndarray) -> np.ndarray:
        """Ground height under each (north, east) point, bilinear between grid points."""
        return heights_at(self.heights, self.north0, self.east0, self.spacing, north, east)

    @property
    def heightfield(self) -> tuple[np.ndarray, float, float, float]:
        """(heights, north0, east0, spacing) for the flight model's ground contact kernel."""
        return np.ascontiguousarray(self.heights, dtype=np.float64), self.north0, self.east0, self.spacing

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
        along = n * cos1(direction) + e * sin1(direction)
        heights += amplitude * sin(2.0 * np.pi * along / wavelength + phase)
    river_east = rng.uniform(-0.3, 0.3) * size_m[1] + 400.0 * sin(n / 900.0)
    # (a polynomial bump, not a Gaussian: no exp)
    across = np.minimum(np.abs(e - river_east) / 400.0, 1.0)
    bump = 1.0 - across * across
    heights -= 18.0 * bump * bump
    for spot_north, spot_east, radius in flat_spots:
        distance = hypot(n - spot_north, e - spot_east)
        blend = np.clip((distance - radius) / radius, 0.0, 1.0)
        blend = blend * blend * (3.0 - 2.0 * blend)
        heights = base_height + (heights - base_height) * blend
    terrain = Terrain(heights=heights, north0=float(north[0]), east0=float(east[0]), spacing=spacing)
    return replace(terrain, river=valley_floor(terrain, np.stack([north, river_east[:, 0]], axis=1)))


RIVER_SEARCH_M = 300.0  # how far across the valley the river may wander from the carved centre line
RIVER_STEP_M = 10.0


def valley_floor(terrain: Terrain, centre: np.ndarray) -> np.ndarray:
    """The lowest continuous line along a valley: for each point of `centre` ((K, 2) north, east, one per grid row,
    running north), the offset across the valley that a least-cost path through the heights takes, moving at most
    one grid spacing sideways per row and a little dearer the further it strays; then smoothed. The swells tilt
    the carved valley, so its floor is not quite under the line it was carved along."""
    offsets = np.arange(-RIVER_SEARCH_M, RIVER_SEARCH_M + RIVER_STEP_M / 2, RIVER_STEP_M)
    cost_here = terrain.height_at(centre[:, :1] + 0.0 * offsets, centre[:, 1:] + offsets) + 0.004 * np.abs(offsets)
    reach = int(terrain.spacing / RIVER_STEP_M)
    total, came_from = cost_here[0].copy(), np.zeros(cost_here.shape, dtype=np.intp)
    for i in range(1, len(centre)):
        best, origin = np.full(len(offsets), np.inf), np.zeros(len(offsets), dtype=np.intp)
        for shift in range(-reach, reach + 1):  # from column k - shift, paying 0.02 m per metre sideways
            source = np.roll(total, shift) + 0.02 * RIVER_STEP_M * abs(shift)
            if shift > 0:
                source[:shift] = np.inf
            elif shift < 0:
                source[shift:] = np.inf
            better = source < best
            best, origin = np.where(better, source, best), np.where(better, np.arange(len(offsets)) - shift, origin)
        total, came_from[i] = best + cost_here[i], origin
    path = np.zeros(len(centre), dtype=np.intp)
    path[-1] = int(np.argmin(total))
    for i in range(len(centre) - 1, 0, -1):
        path[i - 1] = came_from[i, path[i]]
    east = centre[:, 1] + offsets[path]
    kernel = np.array([1.0, 2.0, 3.0, 2.0, 1.0]) / 9.0
    for _ in range(2):  # a gentle curve, not a staircase of 10 m steps
        east = np.convolve(np.pad(east, 2, mode="edge"), kernel, mode="valid")
    return np.stack([centre[:, 0], east], axis=1)
