"""Ground height on a regular grid of heights, bilinear between grid points (outside it the edge values continue):
the terrain's lookup for the ground contact kernel and for `Terrain.height_at`, one implementation for both.

Only `+ - * /` and floor, so the same bits on every CPU. `surface` is inlined where it is called (the step asks for
every contact point of every aircraft near the ground); `height_on_grid` stays a call: inlining it too saved the
step a few per cent on the ground but cost the cold compile 5 s, since a dozen kernels call it. Imports numpy and
numba only.
"""
import numpy as np
from numba import types

from flight.sim.jit import kernel
from flight.sim.dynamics.stablemath import maximum, minimum


@kernel
def height_on_grid(heights, north0, east0, spacing, north, east):
    """heights[i, j] is the ground at north0 + i spacing, east0 + j spacing. A NaN position reads NaN."""
    rows, cols = heights.shape
    u = minimum(maximum((north - north0) / spacing, 0.0), rows - 1.000001)
    v = minimum(maximum((east - east0) / spacing, 0.0), cols - 1.000001)
    i, j = np.floor(u), np.floor(v)
    fu, fv = u - i, v - j
    a = int(i) if u == u else 0
    b = int(j) if v == v else 0
    south_edge = heights[a, b] + (heights[a, b + 1] - heights[a, b]) * fv
    north_edge = heights[a + 1, b] + (heights[a + 1, b + 1] - heights[a + 1, b]) * fv
    return south_edge + (north_edge - south_edge) * fu


FLAT, GRID, GIVEN = 0, 1, 2  # the kinds of terrain a Fleet steps over


@kernel(inline="always")
def surface(terrain, i, column, north, east):
    """The ground height under (north, east) for aircraft i. terrain = (kind, heights, north0, east0, spacing,
    given): FLAT is 0 everywhere; GRID is height_on_grid; GIVEN reads given[i, column], heights the world's own
    ground function gave for the CG (column 0) and each contact point (1 + k) before the step."""
    kind, heights, north0, east0, spacing, given = terrain
    if kind == FLAT:
        return 0.0
    if kind == GRID:
        return height_on_grid(heights, north0, east0, spacing, north, east)
    return given[i, column]


_F1, _F2 = types.float64[::1], types.float64[:, ::1]


@kernel(types.void(_F2, types.float64, types.float64, types.float64, _F1, _F1, _F1))
def _heights_on_grid(heights, north0, east0, spacing, north, east, out):
    for k in range(out.size):
        out[k] = height_on_grid(heights, north0, east0, spacing, north[k], east[k])


def heights_at(heights: np.ndarray, north0: float, east0: float, spacing: float, north, east) -> np.ndarray:
    """height_on_grid for broadcast arrays of positions."""
    north, east = np.broadcast_arrays(np.asarray(north, dtype=np.float64), np.asarray(east, dtype=np.float64))
    out = np.empty(north.shape)
    _heights_on_grid(np.ascontiguousarray(heights, dtype=np.float64), float(north0), float(east0), float(spacing),
                     np.ascontiguousarray(north).ravel(), np.ascontiguousarray(east).ravel(), out.reshape(-1))
    return out
