"""Farm parcels: one owner's block of land, sown in strips, on a jittered lattice (a point belongs to the parcel whose
centre is nearest). Deterministic from the seed; + - * /, floor, sin and cos (of the per-parcel angles) only.
Imports numpy only."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.sim.map.land_classes import CROP, FIELDS, MEADOW, PLOUGHED, STUBBLE
from flight.sim.map.noise import hash32

PARCEL_M = 380.0  # typical size of a farm parcel
STRIP_WIDTH_M = (16.0, 42.0)
# strips alternately ploughed and sown, sown and stubble, any of the three; a pasture; one crop over the parcel
PATTERNS = ("ploughed-crop", "crop-stubble", "mixed", "pasture", "single")
PATTERN_SHARE = (0.28, 0.2, 0.2, 0.12, 0.2)
_PATTERN_CLASSES = np.array([(PLOUGHED, CROP, CROP), (STUBBLE, CROP, CROP), FIELDS, (MEADOW,) * 3, FIELDS],
                            dtype=np.uint8)  # by pattern, then: the strip's parity, or its hash or the parcel's % 3


@dataclass(frozen=True)
class Parcels:
    """Parcels on a jittered PARCEL_M lattice whose cell (a, b) has its corner at `origin` + (a, b) * PARCEL_M.
    Each parcel is sown in strips `width` m wide, their long sides along compass bearing 90 deg + `angle` (rad), in
    one of PATTERNS. Arrays are (P,), indexed by parcel id = a * lattice_cols + b."""
    centre: np.ndarray  # (P, 2) north, east, m
    angle: np.ndarray
    width: np.ndarray
    pattern: np.ndarray
    origin: tuple[float, float]
    lattice: tuple[int, int]

    @classmethod
    def make(cls, rng: np.random.Generator, extent) -> Parcels:
        """The parcels over `extent` (north min, north max, east min, east max)."""
        a0, b0 = np.floor(extent[0] / PARCEL_M) - 2, np.floor(extent[2] / PARCEL_M) - 2
        shape = (int(np.floor(extent[1] / PARCEL_M) - a0) + 3, int(np.floor(extent[3] / PARCEL_M) - b0) + 3)
        jitter = rng.uniform(-0.38, 0.38, (*shape, 2))
        ia, ib = np.meshgrid(np.arange(shape[0]), np.arange(shape[1]), indexing="ij")
        centre = np.stack([(ia + a0 + 0.5 + jitter[..., 0]) * PARCEL_M, (ib + b0 + 0.5 + jitter[..., 1]) * PARCEL_M],
                          -1)
        return cls(centre=centre.reshape(-1, 2), angle=rng.uniform(0.0, np.pi, shape).ravel(),
                   width=rng.uniform(*STRIP_WIDTH_M, shape).ravel(),
                   pattern=rng.choice(len(PATTERNS), size=shape, p=PATTERN_SHARE).ravel(),
                   origin=(float(a0 * PARCEL_M), float(b0 * PARCEL_M)), lattice=shape)

    def owner(self, north: np.ndarray, east: np.ndarray) -> np.ndarray:
        """The parcel (id) each point lies in: the nearest centre among the lattice cells round it."""
        rows, cols = self.lattice
        a = np.clip(np.floor((north - self.origin[0]) / PARCEL_M).astype(np.intp), 1, rows - 2)
        b = np.clip(np.floor((east - self.origin[1]) / PARCEL_M).astype(np.intp), 1, cols - 2)
        best = np.full(np.broadcast_shapes(np.shape(north), np.shape(east)), np.inf)
        owner = np.zeros(best.shape, dtype=np.intp)
        for da in (-1, 0, 1):
            for db in (-1, 0, 1):
                k = (a + da) * cols + (b + db)
                d2 = (north - self.centre[k, 0]) ** 2 + (east - self.centre[k, 1]) ** 2
                nearer = d2 < best
                best = np.where(nearer, d2, best)
                owner = np.where(nearer, k, owner)
        return owner

    def strips(self, parcel: np.ndarray, north: np.ndarray, east: np.ndarray, footprint_m: float = 0.0):
        """At points in `parcel` (ids, any shape, broadcast with north and east): the strip's class and variety
        (0..255, a random number per strip), the class of the nearer neighbouring strip and how much of a square
        footprint_m on a side around the point it covers (0..0.5), for drawing strip edges smoothly."""
        cos_t, sin_t = np.cos(self.angle)[parcel], np.sin(self.angle)[parcel]
        width = self.width[parcel]
        across = (north * cos_t + east * sin_t) / width
        strip = np.floor(across)
        phase = across - strip
        strip = strip.astype(np.int32)
        near_side = phase < 0.5
        share = np.zeros(phase.shape, np.float32)
        if footprint_m > 0:
            edge_m = np.where(near_side, phase, 1.0 - phase) * width
            span = footprint_m * (np.abs(cos_t) + np.abs(sin_t))
            share = np.clip(0.5 - edge_m / span, 0.0, 0.5).astype(np.float32)
        kind = self.pattern[parcel]
        single = (hash_pair(np.arange(len(self.angle)), np.zeros(len(self.angle), np.int32)) % np.uint32(3))[parcel]
        h = hash_pair(parcel, strip)
        neighbour = strip + np.where(near_side, -1, 1).astype(np.int32)
        return (_strip_class(kind, strip, h, single), (h >> np.uint32(8) & np.uint32(0xFF)).astype(np.uint8),
                _strip_class(kind, neighbour, hash_pair(parcel, neighbour), single), share)


def _strip_class(kind: np.ndarray, strip: np.ndarray, h: np.ndarray, single: np.ndarray) -> np.ndarray:
    choice = np.where(kind == 2, h % np.uint32(3), np.where(kind == 4, single, (strip & 1).astype(np.uint32)))
    return _PATTERN_CLASSES[kind, choice]


def hash_pair(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """A well-mixed uint32 from two integer arrays (flight.sim.map.noise.hash32)."""
    return hash32(a, b)

