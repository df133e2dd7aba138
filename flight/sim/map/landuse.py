"""Land use: what covers the ground. Farm parcels ploughed and sown in strips, water meadows, woods, villages joined
by roads, the river along its valley floor, the airfields' levelled grass and beaten-earth yards, and (over the
theatre) the front: trenches, wire, no-man's-land churned to mud and the shell-torn ground behind the lines.

The class of a cell is a function of its position and a few global things drawn once from the seed (the parcel
lattice, noise lattices, villages, roads, the front), so any block of the grid can be worked out alone: the renderer
asks for the blocks near the camera as it flies, and `classes` assembles the whole grid on demand. Deterministic
from the terrain seed (numpy's Generator, never `random`), built from + - * /, floor, sqrt, sin and cos only, so
every CPU gets the same bits. Imports numpy only.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from flight.sim.map.front import SHATTERED_WITHIN_M, SIDES, WIRE_AHEAD_M, Front
from flight.sim.map.land_classes import (AERODROME, CLASS_NAMES, CRATERED, CROP, FIELDS, FRONT_CLASSES, MEADOW,
                                       PLOUGHED, ROAD, SCARRED, SHATTERED, STUBBLE, TRENCH, VILLAGE, WATER, WIRE,
                                       WOOD, YARD)
from flight.sim.map.noise import LinePoints, ValueNoise, point_polyline_distance, polyline_distance
from flight.sim.map.parcels import Parcels
from flight.sim.map.roads import country_roads, villages_for
from flight.sim.map.terrain import Terrain

CELLS_PER_SPACING = 5  # land-use cells per terrain grid spacing: 8 m cells on the 40 m terrain grid
BLOCK_SPACINGS = 50  # a block of the grid is 50 terrain spacings square (2 km): the renderer's terrain chunk
BORDER_CELLS = 3  # each block is worked out with this many cells of its neighbours round it (texture filtering)
APRON_M = 12000.0  # the patterns (fields, woods, the front) carry on this far beyond the map, for the distant land
RIVER_HALF_WIDTH_M = 11.0
ROAD_HALF_WIDTH_M = 3.5
TRENCH_HALF_WIDTH_M = 2.5  # the trench and its parapets, as the land texture shows them
WOOD_FRACTION = 0.13  # of the open country (not the aerodrome, villages, the river and its meadows)
# separate random streams, so that adding a feature to one does not move the others
_PARCELS, _WOODS, _VILLAGES, _ROADS, _EDGES, _CHURN = 1, 2, 3, 4, 5, 6

__all__ = ["AERODROME", "CLASS_NAMES", "CRATERED", "CROP", "FIELDS", "FRONT_CLASSES", "LandUse", "MEADOW", "PLOUGHED",
           "ROAD", "SCARRED", "SHATTERED", "STUBBLE", "TRENCH", "VILLAGE", "WATER", "WIRE", "WOOD", "YARD", "land_use",
           "point_polyline_distance", "polyline_distance"]


@dataclass(frozen=True, eq=False)
class LandUse:
    """The land use of one map. The cell grid: cell (i, j) is the square of side `cell` whose south-west corner is
    (north0 + i * cell, east0 + j * cell), `shape` cells covering the terrain exactly (`cell` is terrain.spacing /
    CELLS_PER_SPACING or another whole divisor).

    | field      | shape        | unit / meaning                                                         |
    |------------|--------------|------------------------------------------------------------------------|
    | classes    | (R, C) uint8 | MEADOW .. WIRE (CLASS_NAMES), worked out on first use                  |
    | parcel     | (R, C) int32 | the farm parcel each cell lies in (every cell has one): `parcels`      |
    | villages   | (V, 3)       | north, east, radius, m                                                 |
    | roads      | tuple of (K, 2) | polylines, north/east m, from a village centre to another village, |
    |            |              | to an airfield's edge, to the lines or off the map; then the tracks    |
    | river      | (K, 2)       | the river's centre line, north/east m (Terrain.river)                  |
    | aerodromes | (A, 3)       | north, east, radius of levelled grass (airfields, the camp), m         |
    | yards      | (Y, 4)       | beaten earth: north min, north max, east min, east max, m              |
    | front      | Front / None | the lines (flight.sim.map.front)                                         |
    """
    shape: tuple[int, int]
    north0: float
    east0: float
    cell: float
    parcels: Parcels
    villages: np.ndarray
    roads: tuple[np.ndarray, ...]
    river: np.ndarray
    aerodromes: np.ndarray
    yards: np.ndarray
    front: Front | None
    wood_noise: ValueNoise
    edge_noise: ValueNoise
    churn_noise: ValueNoise
    wood_threshold: float
    road_points: LinePoints
    track_points: LinePoints
    trench_points: LinePoints
    block_cells: int
    _cache: dict = field(default_factory=dict, repr=False)

    # -- the whole grid -------------------------------------------------------------------------------------------
    @property
    def classes(self) -> np.ndarray:
        return self._whole()[0]

    @property
    def parcel(self) -> np.ndarray:
        return self._whole()[1]

    def _whole(self) -> tuple[np.ndarray, np.ndarray]:
        if "whole" not in self._cache:
            classes, parcel = np.zeros(self.shape, np.uint8), np.zeros(self.shape, np.int32)
            for bi in range(self.blocks[0]):
                for bj in range(self.blocks[1]):
                    (i0, i1, j0, j1), block = self._interior(bi, bj), self.block(bi, bj)
                    b = BORDER_CELLS
                    classes[i0:i1, j0:j1] = block[0][b:b + i1 - i0, b:b + j1 - j0]
                    parcel[i0:i1, j0:j1] = block[1][b:b + i1 - i0, b:b + j1 - j0]
            self._cache["whole"] = classes, parcel
        return self._cache["whole"]

    def centres(self) -> tuple[np.ndarray, np.ndarray]:
        """Cell centres: north (R, 1) and east (1, C), m."""
        rows, cols = self.shape
        return (self.north0 + (np.arange(rows)[:, None] + 0.5) * self.cell,
                self.east0 + (np.arange(cols)[None, :] + 0.5) * self.cell)

    def cell_index(self, north, east) -> tuple[np.ndarray, np.ndarray]:
        """(row, column) of the cell under each point; points off the map take the nearest edge cell."""
        rows, cols = self.shape
        i = np.clip(np.floor((np.asarray(north) - self.north0) / self.cell), 0, rows - 1).astype(np.intp)
        j = np.clip(np.floor((np.asarray(east) - self.east0) / self.cell), 0, cols - 1).astype(np.intp)
        return i, j

    def class_at(self, north, east) -> np.ndarray:
        """The class under each (north, east) point (working out only the blocks they fall in)."""
        i, j = self.cell_index(north, east)
        if "whole" in self._cache:
            return self.classes[i, j]
        out = np.zeros(i.shape, np.uint8)
        bi, bj = i // self.block_cells, j // self.block_cells
        for key in np.unique(bi * 100000 + bj):
            a, b = divmod(int(key), 100000)
            pick = (bi == a) & (bj == b)
            block = self.block(a, b)[0]
            out[pick] = block[i[pick] - a * self.block_cells + BORDER_CELLS, j[pick] - b * self.block_cells
                              + BORDER_CELLS]
        return out

    def mask(self, *classes: int) -> np.ndarray:
        """(R, C) bool: cells of any of `classes`, e.g. `land.mask(WOOD)`."""
        return np.isin(self.classes, classes)

    def fractions(self) -> dict[str, float]:
        """Share of the map each class covers, by name."""
        counts = np.bincount(self.classes.ravel(), minlength=len(CLASS_NAMES)) / self.classes.size
        return {name: float(c) for name, c in zip(CLASS_NAMES, counts)}

    # -- blocks ---------------------------------------------------------------------------------------------------
    @property
    def blocks(self) -> tuple[int, int]:
        """How many blocks cover the map, north and east."""
        return tuple(-(-n // self.block_cells) for n in self.shape)

    def _interior(self, bi: int, bj: int) -> tuple[int, int, int, int]:
        b = self.block_cells
        return bi * b, min((bi + 1) * b, self.shape[0]), bj * b, min((bj + 1) * b, self.shape[1])

    def block_axes(self, bi: int, bj: int) -> tuple[np.ndarray, np.ndarray]:
        """Cell centres of block (bi, bj) with BORDER_CELLS of its neighbours round it: north (R, 1), east (1, C).
        Blocks off the map (the distant land round it) work the same way."""
        b, k = self.block_cells, np.arange(self.block_cells + 2 * BORDER_CELLS) - BORDER_CELLS + 0.5
        return ((self.north0 + (bi * b + k) * self.cell)[:, None], (self.east0 + (bj * b + k) * self.cell)[None, :])

    def block(self, bi: int, bj: int, rows: slice | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Classes and parcels of block (bi, bj) and its border, (B + 2 * BORDER_CELLS) square, remembered. With
        `rows`, only those rows (not remembered: for working a block out a little at a time)."""
        north, east = self.block_axes(bi, bj)
        if rows is not None:
            return self.classes_on(north[rows], east)
        key = ("block", bi, bj)
        if key not in self._cache:
            self._cache[key] = self.classes_on(north, east)
        return self._cache[key]

    def store_block(self, bi: int, bj: int, classes: np.ndarray, parcel: np.ndarray) -> None:
        """Remember a block worked out row by row with `block(bi, bj, rows)`."""
        self._cache[("block", bi, bj)] = classes, parcel

    def has_block(self, bi: int, bj: int) -> bool:
        return ("block", bi, bj) in self._cache

    # -- the classes at any grid of points --------------------------------------------------------------------------
    def classes_on(self, north: np.ndarray, east: np.ndarray, cell: float | None = None
                   ) -> tuple[np.ndarray, np.ndarray]:
        """Classes (uint8) and parcels (int32) at the points of an evenly spaced grid, north (R, 1) and east (1, C),
        sampled every `cell` m (default the land use's own): roads, trenches and the river are drawn at least one
        sample wide so they stay unbroken on a coarse grid."""
        cell = self.cell if cell is None else cell
        parcel = self.parcels.owner(north, east)
        classes = self.parcels.strips(parcel, north, east)[0]
        river = polyline_distance(self.river, north, east, 140.0) if len(self.river) > 1 else np.full(
            classes.shape, 140.0)
        wood = self.wood_noise.at(north, east)
        classes[river < 70.0 + 60.0 * wood] = MEADOW  # water meadows along the banks
        allowed = (river > 40.0) & self._open(north, east)
        classes[allowed & (wood > self.wood_threshold)] = WOOD
        for n, e, r in self.villages:  # ragged edges: gardens and orchards straggle out along the lanes
            window = _window(north, east, n, e, 1.25 * r)
            if window is not None:
                sub_n, sub_e = north[window[0]], east[:, window[1]]
                wobble = 0.8 + 0.4 * self.edge_noise.at(sub_n, sub_e)
                part = classes[window]
                part[np.hypot(sub_n - n, sub_e - e) < r * wobble] = VILLAGE
        if self.front is not None:
            self._front_classes(classes, parcel, north, east, cell)
        classes[river < max(RIVER_HALF_WIDTH_M, 0.6 * cell)] = WATER
        road_half_width = max(ROAD_HALF_WIDTH_M, 0.75 * cell)  # at least one sample wide, unbroken on diagonals
        classes[self.road_points.mask(north, east, road_half_width)] = ROAD
        for n, e, r in self.aerodromes:
            window = _window(north, east, n, e, r)
            if window is not None:
                part = classes[window]
                part[np.hypot(north[window[0]] - n, east[:, window[1]] - e) < r] = AERODROME
        for n_lo, n_hi, e_lo, e_hi in self.yards:
            rows = (north[:, 0] >= n_lo) & (north[:, 0] < n_hi)
            cols = (east[0] >= e_lo) & (east[0] < e_hi)
            classes[np.ix_(rows, cols)] = YARD
        classes[self.track_points.mask(north, east, road_half_width)] = ROAD  # tracks cross grass and yards
        return classes, parcel.astype(np.int32)

    def craters(self, north: np.ndarray, east: np.ndarray, churn: np.ndarray | None = None):
        """The nearest shell hole to each of the points (1-D arrays): distance over its radius (inf: none near) and
        a number 0..1 per hole (Front.craters); clustered where the guns have worked hardest."""
        if self.front is None:
            return np.full(np.shape(north), np.inf), np.zeros(np.shape(north))
        churn = self.front.churn(north, east) if churn is None else churn
        cluster = np.clip((self.churn_noise.at(north, east) - 0.3) * 2.5, 0.15, 1.0)
        return self.front.craters(north, east, np.minimum(churn * 2.5 * cluster, 1.0))

    def _open(self, north: np.ndarray, east: np.ndarray) -> np.ndarray:
        """Where woods may grow: away from the villages, the airfields' approaches and no-man's-land."""
        ok = np.ones(np.broadcast_shapes(north.shape, east.shape), dtype=bool)
        for circles, margin in ((self.villages, 60.0), (self.aerodromes, 250.0)):
            for n, e, r in circles:
                window = _window(north, east, n, e, r + margin)
                if window is not None:
                    part = ok[window]
                    part &= np.hypot(north[window[0]] - n, east[:, window[1]] - e) > r + margin
        if self.front is not None and self.front.within(east, 0.0).any():
            ok &= ~self.front.no_mans_land(north, east)
        return ok

    def _front_classes(self, classes: np.ndarray, parcel: np.ndarray, north: np.ndarray, east: np.ndarray,
                       cell: float) -> None:
        """The lines over the classes in place: mud and shell holes in no-man's-land, torn ground behind each line
        (less and less further back), woods near the lines shot to stumps, the wire belts and the trenches."""
        front = self.front
        cols = np.flatnonzero(front.within(east[0], 0.0))
        if len(cols) == 0:
            return
        sub = np.s_[:, cols[0]:cols[-1] + 1]
        part, e = classes[sub], east[sub]
        behind = {side: front.behind(side, north, e) for side in SIDES}
        nearest = np.minimum(np.abs(behind["british"]), np.abs(behind["german"]))
        churn = front.churn(north, e)
        centre = self.parcels.centre[parcel[sub]]  # nobody ploughs within sight of the lines: whole parcels fallow
        part[np.isin(part, FIELDS) & (front.churn(centre[..., 0], centre[..., 1]) > 0.02)] = MEADOW
        part[(part == WOOD) & (nearest < SHATTERED_WITHIN_M)] = SHATTERED
        rows, cols = np.nonzero(churn > 0.0)  # thrown-up earth round each shell hole
        if len(rows):
            reach, _ = self.craters(np.broadcast_to(north, churn.shape)[rows, cols],
                                    np.broadcast_to(e, churn.shape)[rows, cols], churn[rows, cols])
            torn = np.zeros(churn.shape, dtype=bool)
            torn[rows, cols] = reach < 2.0
            part[torn & (part != SHATTERED) & (part != WATER)] = SCARRED
        part[(behind["british"] < 0.0) & (behind["german"] < 0.0)] = CRATERED
        for side in SIDES:
            ahead = -behind[side]
            part[(ahead > WIRE_AHEAD_M[0]) & (ahead < WIRE_AHEAD_M[1])] = WIRE
        part[self.trench_points.mask(north, e, max(TRENCH_HALF_WIDTH_M, 0.75 * cell))] = TRENCH
        classes[sub] = part


def _window(north: np.ndarray, east: np.ndarray, n: float, e: float, reach: float):
    """Index slices of an evenly spaced grid within `reach` of (n, e), or None if the grid is all further."""
    n_axis, e_axis = north[:, 0], east[0]
    i0, i1 = np.searchsorted(n_axis, n - reach), np.searchsorted(n_axis, n + reach, side="right")
    j0, j1 = np.searchsorted(e_axis, e - reach), np.searchsorted(e_axis, e + reach, side="right")
    if i0 >= i1 or j0 >= j1:
        return None
    return np.s_[i0:i1, j0:j1]


def land_use(terrain: Terrain, seed: int, aerodromes=((0.0, 0.0, 600.0),),
             cells_per_spacing: int = CELLS_PER_SPACING, front: Front | None = None, yards=(), tracks=()) -> LandUse:
    """The land use of `terrain` (with its river) for the level's terrain seed; `aerodromes` are the levelled
    grass fields as (north, east, radius), as in the level file (over the theatre also the camp's ground);
    `front` the lines, `yards` beaten-earth rectangles (north min, north max, east min, east max), `tracks`
    polylines of (north, east) drawn like roads, across grass and yards too. Quick: the classes themselves are
    worked out block by block when they are asked for."""
    rows, cols = terrain.heights.shape
    cell = terrain.spacing / cells_per_spacing
    fields = np.array(aerodromes, dtype=float).reshape(-1, 3)
    river = terrain.river if terrain.river is not None else np.zeros((0, 2))
    extent = (terrain.north0, terrain.north0 + terrain.size[0], terrain.east0, terrain.east0 + terrain.size[1])
    wide = (extent[0] - APRON_M, extent[1] + APRON_M, extent[2] - APRON_M, extent[3] + APRON_M)
    villages = villages_for(np.random.default_rng([seed, _VILLAGES]), river, fields, extent, front)
    roads = country_roads(np.random.default_rng([seed, _ROADS]), villages, fields, extent, front)
    tracks = tuple(np.array(track, dtype=float).reshape(-1, 2) for track in tracks)
    trenches = [line for lines in front.trenches().values() for line in lines] if front is not None else []
    land = LandUse(shape=((rows - 1) * cells_per_spacing, (cols - 1) * cells_per_spacing), north0=terrain.north0,
                   east0=terrain.east0, cell=cell, parcels=Parcels.make(np.random.default_rng([seed, _PARCELS]), wide),
                   villages=villages, roads=roads + tracks, river=river, aerodromes=fields,
                   yards=np.array(yards, dtype=float).reshape(-1, 4), front=front,
                   wood_noise=ValueNoise.make(np.random.default_rng([seed, _WOODS]), wide, (1100.0, 420.0, 160.0)),
                   edge_noise=ValueNoise.make(np.random.default_rng([seed, _EDGES]), wide, (130.0,)),
                   churn_noise=ValueNoise.make(np.random.default_rng([seed, _CHURN]), wide, (90.0, 35.0)),
                   wood_threshold=np.inf, road_points=LinePoints(roads), track_points=LinePoints(tracks),
                   trench_points=LinePoints(trenches),
                   block_cells=BLOCK_SPACINGS * cells_per_spacing)
    return _with_wood_threshold(land, 2.0 * terrain.spacing, extent)


def _with_wood_threshold(land: LandUse, spacing: float, extent) -> LandUse:
    """WOOD_FRACTION of the open country becomes woods: the threshold on the wood noise, from a coarse sample."""
    from dataclasses import replace
    north = (extent[0] + (np.arange(int((extent[1] - extent[0]) / spacing)) + 0.5) * spacing)[:, None]
    east = (extent[2] + (np.arange(int((extent[3] - extent[2]) / spacing)) + 0.5) * spacing)[None, :]
    clear = (polyline_distance(land.river, north, east, 140.0) > 40.0) if len(land.river) > 1 else np.ones(
        (north.shape[0], east.shape[1]), dtype=bool)
    clear &= land._open(north, east)
    noise = land.wood_noise.at(north, east)
    threshold = float(np.quantile(noise[clear], 1.0 - WOOD_FRACTION)) if clear.any() else np.inf
    return replace(land, wood_threshold=threshold, _cache={})
