"""Per-aircraft lookup tables on shared uniform grids, so one vectorised lookup serves a fleet of mixed types.

Each type's table (breakpoints from its data file) is resampled onto a common grid when a Fleet is built; the
lookup is then plain index arithmetic and one linear blend, with no Python loop over aircraft. Only `+ - * /`
and `floor` run per tick, which give the same bits on every CPU (see DESIGN.md, Replays).
Imports numpy only.
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
    """Rows of one quantity for N aircraft on one grid: `lookup(x)` with x of shape (N,) or (N, M)."""

    def __init__(self, grid: Grid, rows: list[tuple[tuple[float, ...], tuple[float, ...]]]):
        self.grid = grid
        values = np.array([np.interp(grid.points, x, y) for x, y in rows], dtype=float)
        self._flat = values.ravel()
        self._row_offset = np.arange(len(rows)) * grid.size

    def lookup(self, x: np.ndarray) -> np.ndarray:
        g = self.grid
        position = np.clip((x - g.start) * (1.0 / g.step), 0.0, g.size - 1.000001)
        index = np.floor(position)
        frac = position - index
        offset = self._row_offset if x.ndim == 1 else self._row_offset[:, None]
        i = index.astype(np.intp) + offset
        lo = self._flat[i]
        return lo + (self._flat[i + 1] - lo) * frac
