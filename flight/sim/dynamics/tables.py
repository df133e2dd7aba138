"""Per-aircraft lookup tables on shared uniform grids, so one vectorised lookup serves a fleet of mixed types.

Each type's tables (breakpoints from its data file) are resampled onto a common grid when a Fleet is built; a
lookup is then index arithmetic and one linear blend, with no Python loop over aircraft, and several quantities
over the same axis (CL, CD, Cm over alpha) share one lookup. Only `+ - * /` and `floor` run per tick, which give
the same bits on every CPU (see DESIGN.md, Replays). The kernels look up with `locate` and `blend` on a
TableSet's `flat` array. Imports numpy and numba only.
"""
from dataclasses import dataclass

import numpy as np

from flight.sim.jit import kernel
from flight.sim.dynamics.stablemath import maximum, minimum


@dataclass(frozen=True)
class Grid:
    """A uniform axis: `size` points from `start` with spacing `step`."""
    start: float
    step: float
    size: int

    @property
    def points(self) -> np.ndarray:
        return self.start + self.step * np.arange(self.size)


ALPHA_GRID = Grid(-np.pi, np.pi / 180.0, 361)  # 1 degree from -180 to 180
ADVANCE_RATIO_GRID = Grid(0.0, 0.02, 101)  # J from 0 to 2
RPM_FRACTION_GRID = Grid(0.0, 0.02, 101)  # engine speed / rated speed from 0 to 2
# the grids for the kernels, as plain floats: (start, 1 / step, last position, size)
ALPHA = (ALPHA_GRID.start, 1.0 / ALPHA_GRID.step, ALPHA_GRID.size - 1.000001, ALPHA_GRID.size)
ADVANCE_RATIO = (ADVANCE_RATIO_GRID.start, 1.0 / ADVANCE_RATIO_GRID.step, ADVANCE_RATIO_GRID.size - 1.000001,
                 ADVANCE_RATIO_GRID.size)
RPM_FRACTION = (RPM_FRACTION_GRID.start, 1.0 / RPM_FRACTION_GRID.step, RPM_FRACTION_GRID.size - 1.000001,
                RPM_FRACTION_GRID.size)


@kernel
def locate(grid, aircraft, x):
    """(row of `flat`, fraction to the next point) of x on aircraft's table over `grid` (one of the tuples above).
    A NaN x reads row 0 with a NaN fraction, so its values come out NaN instead of indexing out of bounds."""
    start, scale, last, size = grid
    position = minimum(maximum((x - start) * scale, 0.0), last)
    index = np.floor(position)
    row = int(index) if position == position else 0
    return row + aircraft * size, position - index


@kernel
def blend(flat, row, fraction, k, quantities):
    """Quantity k at a point `locate` found: its value plus the slope to the next point times the fraction."""
    return flat[row, k] + flat[row, quantities + k] * fraction


class TableSet:
    """Q quantities tabulated over one grid for each of N aircraft.

    `rows[i]` is `(x, [y_1, ..., y_Q])` for aircraft i; `flat` holds, for aircraft i and grid point k, row
    i * size + k: the Q values there and the Q slopes to the next point.
    """

    def __init__(self, grid: Grid, rows: list[tuple[tuple[float, ...], list[tuple[float, ...]]]]):
        self.grid = grid
        values = np.array([[np.interp(grid.points, x, y) for y in ys] for x, ys in rows], dtype=float)
        values = values.transpose(0, 2, 1)  # (N, K, Q)
        slopes = np.zeros_like(values)
        slopes[:, :-1] = values[:, 1:] - values[:, :-1]
        # one gather fetches a point's values and the slopes to the next point: (N * K, 2Q)
        self.flat = np.ascontiguousarray(np.concatenate([values, slopes], axis=2).reshape(-1, 2 * values.shape[2]))
        self.quantities = values.shape[2]
