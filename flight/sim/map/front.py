"""The front: two trench systems facing each other across no-man's-land, north-south through the theatre. Each side
has a crenellated fire trench along its line (`front.german_trench_east` and `british_trench_east` in the theatre
file), a zig-zag support trench and a reserve trench behind it, winding communication trenches between them, saps
pushed out into no-man's-land and a belt of wire in front. Everything is deterministic from the seed and made with
+ - * /, floor, sin and cos (float64: the same bits on every CPU). Imports numpy only."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from flight.sim.map.noise import unit_hash

SUPPORT_BEHIND_M = 110.0  # from the fire trench to the support trench
RESERVE_BEHIND_M = 380.0
WIRE_AHEAD_M = (28.0, 46.0)  # the wire belt lies this far in front of the fire trench
BAND_M = 1500.0  # behind each fire trench the ground is shell-torn, less and less, out to this far
SHATTERED_WITHIN_M = 900.0  # woods this near the fire trench are stumps
BAY_M, TRAVERSE_M, JOG_M = 9.0, 3.0, 4.5  # the fire trench's bays, the traverses between them and their offset
COMMUNICATION_EVERY_M = (550.0, 950.0)
CRATER_SPACING_M = 11.0  # shell holes lie on a jittered lattice this fine, as many of its points as `churn` says
CRATER_RADIUS_M = (1.5, 7.0)  # field guns' small holes to the heavies' big ones
SAP_EVERY_M = (300.0, 600.0)
SIDES = ("british", "german")


@dataclass(frozen=True)
class Front:
    """The lines between `north_min` and `north_max`. `rear` is +1 for the German side (its rear is east) and
    -1 for the British. `wander` gives each fire trench a gentle meander (amplitude m, wavelength m, phase rad) on
    top of its east value."""
    middle_east: float
    trench_east: dict[str, float]
    north_min: float
    north_max: float
    seed: int
    wander: dict[str, tuple[tuple[float, float, float], ...]] = field(default_factory=dict)

    @classmethod
    def from_theatre(cls, front: dict[str, float], north_min: float, north_max: float, seed: int) -> Front:
        rng = np.random.default_rng([seed, 21])
        wander = {side: tuple((rng.uniform(12.0, 30.0), rng.uniform(700.0, 2600.0), rng.uniform(0.0, 2 * np.pi))
                              for _ in range(3)) for side in SIDES}
        return cls(middle_east=float(front["east"]),
                   trench_east={"british": float(front["british_trench_east"]),
                                "german": float(front["german_trench_east"])},
                   north_min=float(north_min), north_max=float(north_max), seed=int(seed), wander=wander)

    @staticmethod
    def rear(side: str) -> float:
        return 1.0 if side == "german" else -1.0

    def line_east(self, side: str, north) -> np.ndarray:
        """East of the side's fire trench's middle at each north (without its bays): the meandering line."""
        north = np.asarray(north, dtype=float)
        east = np.full(north.shape, self.trench_east[side])
        for amplitude, wavelength, phase in self.wander[side]:
            east = east + amplitude * np.sin(north * (2.0 * np.pi / wavelength) + phase)
        return east

    def behind(self, side: str, north, east) -> np.ndarray:
        """Metres behind the side's fire trench (negative: in front of it, towards the enemy)."""
        return (np.asarray(east) - self.line_east(side, north)) * self.rear(side)

    def no_mans_land(self, north, east) -> np.ndarray:
        """True between the two fire trenches."""
        return (self.behind("british", north, east) < 0.0) & (self.behind("german", north, east) < 0.0)

    def trenches(self) -> dict[str, list[np.ndarray]]:
        """Every trench as (K, 2) north/east polylines, by side: fire trench first, then support and reserve, then
        the communication trenches and saps."""
        return {side: self._system(side) for side in SIDES}

    def _system(self, side: str) -> list[np.ndarray]:
        rear = self.rear(side)
        n0, n1 = self.north_min, self.north_max
        # the fire trench: bays along the line, each stepped out and back by a traverse (a crenellated line)
        period = 2.0 * (BAY_M + TRAVERSE_M)
        count = int(np.ceil((n1 - n0) / period)) + 1
        start = n0 + period * np.arange(count)[:, None]
        pattern_n = np.array([0.0, BAY_M, BAY_M + TRAVERSE_M, 2 * BAY_M + TRAVERSE_M])
        pattern_e = np.array([0.0, 0.0, JOG_M, JOG_M]) * -rear  # the bays alternate, the forward ones towards the enemy
        north = (start + pattern_n[None]).ravel()
        fire = np.column_stack([north, self.line_east(side, north) + np.tile(pattern_e, count) + 0.5 * JOG_M * rear])
        lines = [fire]
        for behind, leg, amplitude in ((SUPPORT_BEHIND_M, 22.0, 6.0), (RESERVE_BEHIND_M, 30.0, 8.0)):
            north = np.arange(n0, n1 + leg, leg)
            zig = amplitude * (1.0 - 2.0 * (np.arange(len(north)) % 2))
            lines.append(np.column_stack([north, self.line_east(side, north) + rear * (behind + zig)]))
        lines += self._winding(side, COMMUNICATION_EVERY_M, 0.0, RESERVE_BEHIND_M + 10.0, 31)
        lines += self._winding(side, SAP_EVERY_M, -np.array(WIRE_AHEAD_M).mean() - 15.0, 0.0, 32)
        return lines

    def _winding(self, side: str, every: tuple[float, float], from_behind: float, to_behind: float,
                 stream: int) -> list[np.ndarray]:
        """Short zig-zag trenches across the line every `every` m (a random gap each), from `from_behind` to
        `to_behind` m behind the fire trench."""
        rear = self.rear(side)
        lines = []
        k = 0
        north = self.north_min + every[0] * unit_hash(self.seed, stream, SIDES.index(side))
        while north < self.north_max:
            u = unit_hash(self.seed * 7919 + k, stream, SIDES.index(side) + 2)
            drift = (u - 0.5) * 120.0
            steps = max(2, int(abs(to_behind - from_behind) / 18.0))
            t = np.linspace(0.0, 1.0, steps + 1)
            wiggle = 5.0 * (1.0 - 2.0 * (np.arange(steps + 1) % 2)) * (t > 0) * (t < 1)
            n = north + drift * t + wiggle
            behind = from_behind + (to_behind - from_behind) * t
            lines.append(np.column_stack([n, self.line_east(side, n) + rear * behind]))
            gap = every[0] + (every[1] - every[0]) * unit_hash(self.seed * 7919 + k, stream, SIDES.index(side) + 4)
            north += float(gap)
            k += 1
        return lines

    def churn(self, north, east) -> np.ndarray:
        """How shell-torn the ground is, 0..1: 1 in no-man's-land and over the fire trenches, falling off behind
        each line to 0 at BAND_M."""
        out = np.zeros(np.broadcast_shapes(np.shape(north), np.shape(east)))
        for side in SIDES:
            d = self.behind(side, north, east)
            fall = np.clip(1.0 - d / BAND_M, 0.0, 1.0)
            out = np.maximum(out, np.where(d < 0.0, 0.0, np.where(d < 60.0, 1.0, 0.85 * fall * fall)))
        return np.where(self.no_mans_land(north, east), 1.0, out)

    def craters(self, north: np.ndarray, east: np.ndarray, churn: np.ndarray | None = None
                ) -> tuple[np.ndarray, np.ndarray]:
        """The nearest shell hole to each point (1-D arrays): distance over its radius (inf if none near) and a
        number in 0..1 that tells holes apart (for water standing in some). Where `churn` is 1 nearly every
        lattice point has a hole; where it is 0, none."""
        churn = self.churn(north, east) if churn is None else churn
        share = 0.95 * churn
        best = np.full(np.shape(north), np.inf)
        which = np.zeros(np.shape(north))
        a0 = np.floor(north / CRATER_SPACING_M).astype(np.int64)
        b0 = np.floor(east / CRATER_SPACING_M).astype(np.int64)
        for da in (-1, 0, 1):
            for db in (-1, 0, 1):
                a, b = a0 + da, b0 + db
                there = unit_hash(a, b, self.seed * 16 + 4) < share
                cn = (a + 0.2 + 0.6 * unit_hash(a, b, self.seed * 16 + 1)) * CRATER_SPACING_M
                ce = (b + 0.2 + 0.6 * unit_hash(a, b, self.seed * 16 + 2)) * CRATER_SPACING_M
                h = unit_hash(a, b, self.seed * 16 + 3)
                radius = CRATER_RADIUS_M[0] + (CRATER_RADIUS_M[1] - CRATER_RADIUS_M[0]) * h * np.sqrt(h)
                d = np.where(there, np.sqrt((north - cn) ** 2 + (east - ce) ** 2) / radius, np.inf)
                nearer = d < best
                best = np.where(nearer, d, best)
                which = np.where(nearer, unit_hash(a, b, self.seed * 16 + 5), which)
        return best, which

    def within(self, east, margin: float) -> np.ndarray:
        """True where `east` may lie in the front's band (both trench systems and the torn ground), widened by
        `margin` m: a cheap test before the exact ones."""
        lo = min(self.trench_east.values()) - BAND_M - 100.0 - margin
        hi = max(self.trench_east.values()) + BAND_M + 100.0 + margin
        return (np.asarray(east) > lo) & (np.asarray(east) < hi)
