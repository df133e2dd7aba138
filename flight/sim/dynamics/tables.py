"""Per-aircraft lookup tables on shared uniform grids, so one vectorised lookup serves a fleet of mixed types.

Each type's tables (breakpoints from its data file) are resampled onto a common grid when a Fleet is built; a
lookup is then index arithmetic and one linear blend, with no Python loop over aircraft, and several quantities
over the same axis (CL, CD, Cm over alpha) share one lookup. Only `+ - * /` and `floor` run per tick, which give
the same bits on every CPU (see DESIGN.md, Replays). Imports numpy only.
"""
from dataclasses import dataclass

import numpy as np


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


class TableSet:
    """Q quantities tabulated over one grid for each of N aircraft.

    `rows[i]` is `(x, [y_1, ..., y_Q])` for aircraft i; `lookup(x)` with x of shape (N, M) returns (N, M, Q).
    """

    def __init__(self, grid: Grid, rows: list[tuple[tuple[float, ...], list[tuple[float, ...]]]]):
        self.grid = grid
        values = np.array([[np.interp(grid.points, x, y) for y in ys] for x, ys in rows], dtype=float)
        values = values.transpose(0, 2, 1)  # (N, K, Q)
        slopes = np.zeros_like(values)
        slopes[:, :-1] = values[:, 1:] - values[:, :-1]
        # one gather fetches a point's values and the slopes to the next point: (N * K, 2Q)
        self._flat = np.concatenate([values, slopes], axis=2).reshape(-1, 2 * values.shape[2])
        self._quantities = values.shape[2]
        self._row_offset = (np.arange(len(rows)) * grid.size)[:, None]
        self._start = grid.start
        self._scale = 1.0 / grid.step
        self._last = grid.size - 1.000001

    def lookup(self, x: np.ndarray) -> np.ndarray:
        position = np.minimum(np.maximum((x - self._start) * self._scale, 0.0), self._last)
        index = np.floor(position)
        point = self._flat[index.astype(np.intp) + self._row_offset]
        q = self._quantities
        return point[..., :q] + point[..., q:] * (position - index)[..., None]
