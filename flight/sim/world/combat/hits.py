"""Where bullets strike aircraft: each type's hit volumes (boxes in body axes, laid out from its dimensions, engine
hubs and structure points), a grid broad phase that pairs bullets with the aircraft near them, and a swept
segment-box test so a bullet that moves 7 m a tick cannot pass through a wing between two ticks. Imports numpy.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.sim.dynamics.spec import AircraftSpec

PARTS = ("engine", "fuel_tank", "pilot", "left_wing", "right_wing", "tailplane", "fin", "fuselage")
ENGINE, FUEL_TANK, PILOT, LEFT_WING, RIGHT_WING, TAILPLANE, FIN, FUSELAGE = range(len(PARTS))
FABRIC = (LEFT_WING, RIGHT_WING, TAILPLANE, FIN, FUSELAGE)  # a bullet goes on through these
CELL = 48.0  # m: a grid cell is wider than twice any aircraft's reach plus half a bullet's step
_OFFSET = 1 << 19  # cell indices are shifted positive, then packed 20 bits an axis into one int64 key
_FAR = 1e30


def type_boxes(spec: AircraftSpec) -> list[tuple[int, int, tuple, tuple]]:
    """(part, engine index, low corner, high corner) in body axes for one type: the wings as four thin boxes
    (upper and lower, each side), an engine box per hub, the fuel tank, the pilot, the tailplane and the fin (thin
    slabs too) and the fuselage."""
    where = {c.name: np.array(c.position) for c in spec.contacts}
    tips = [p for name, p in where.items() if "wingtip" in name]
    upper = min(tips, key=lambda p: p[2]) if tips else np.array([0.2, spec.span / 2, -0.1 * spec.span])
    lower = max(tips, key=lambda p: p[2]) if tips else np.array([0.0, spec.span / 2, 0.07 * spec.span])
    tail_x = min(p[0] for p in where.values())
    fin_z = min((p[2] for name, p in where.items() if "fin" in name), default=-0.9)
    c, half_width = spec.chord, 0.06 * spec.length + 0.05
    thickness = 0.1 * c + 0.05
    root = max(0.4, 0.055 * spec.span)
    boxes = []
    for level in (upper, lower):
        x0, x1 = level[0] - 0.65 * c, level[0] + 0.35 * c
        z0, z1 = level[2] - thickness, level[2] + thickness
        tip = abs(level[1]) + 0.1
        boxes += [(LEFT_WING, 0, (x0, -tip, z0), (x1, -root, z1)), (RIGHT_WING, 0, (x0, root, z0), (x1, tip, z1))]
    hubs = spec.engine.positions
    for e, (x, y, z) in enumerate(hubs):
        if x > 0.0:  # a tractor: the engine behind its propeller
            boxes.append((ENGINE, e, (x - 1.1, y - 0.45, z - 0.45), (x, y + 0.45, z + 0.45)))
        else:  # a pusher in its nacelle: the engine ahead of the propeller
            boxes.append((ENGINE, e, (x, y - 0.4, z - 0.5), (x + 1.7, y + 0.4, z + 0.45)))
    if len(hubs) == 1 and hubs[0][0] > 0.0:
        front = hubs[0][0] - 1.1
        boxes += [(FUEL_TANK, 0, (front - 0.7, -0.32, -0.45), (front, 0.32, 0.2)),
                  (PILOT, 0, (front - 1.4, -0.3, -0.75), (front - 0.7, 0.3, 0.15))]
        nose = hubs[0][0]
    else:  # a multi-engined type: the tanks amidships, the pilot ahead of the wings
        nose = max(p[0] for p in where.values())
        boxes += [(FUEL_TANK, 0, (0.2, -0.45, -0.5), (1.4, 0.45, 0.3)),
                  (PILOT, 0, (0.2 * spec.length - 0.4, -0.35, -1.0), (0.2 * spec.length + 0.4, 0.35, 0.1))]
    tail_span, tailplane_z = min(0.18 * spec.span, 0.3 * spec.length), 0.3 * fin_z
    boxes += [(TAILPLANE, 0, (tail_x - 0.3, -tail_span, tailplane_z - 0.12),
               (tail_x + 1.3, tail_span, tailplane_z + 0.12)),
              (FIN, 0, (tail_x - 0.3, -0.12, fin_z - 0.1), (tail_x + 1.0, 0.12, tailplane_z)),
              (FUSELAGE, 0, (tail_x + 1.3, -half_width, -1.6 * half_width), (nose, half_width, 1.6 * half_width))]
    return boxes


class HitVolumes:
    """The boxes of N aircraft, (N, V[, 3]) padded with points far away (part -1) that nothing reaches, and each
    type's reach: the radius of a sphere about the CG that holds all its boxes."""

    def __init__(self, specs: list[AircraftSpec]):
        per_type = {s.name: type_boxes(s) for s in specs}
        v = max(len(b) for b in per_type.values())
        n = len(specs)
        self.low = np.full((n, v, 3), _FAR)
        self.high = np.full((n, v, 3), _FAR)
        self.part = np.full((n, v), -1, dtype=np.int8)
        self.engine = np.zeros((n, v), dtype=np.intp)
        for i, s in enumerate(specs):
            for j, (part, engine, low, high) in enumerate(per_type[s.name]):
                self.low[i, j], self.high[i, j], self.part[i, j], self.engine[i, j] = low, high, part, engine
        corners = np.maximum(np.abs(self.low), np.abs(self.high)) * (self.part >= 0)[..., None]
        self.reach = np.sqrt(np.einsum("nvi,nvi->nv", corners, corners)).max(axis=1)


@dataclass
class Strikes:
    """The bullets that struck aircraft this tick: one row per (bullet, aircraft) pair with any box crossed."""
    bullet: np.ndarray  # (H,) index into the bullets
    aircraft: np.ndarray  # (H,)
    crossed: np.ndarray  # (H, V) bool: the boxes its path crossed
    entry: np.ndarray  # (H, V, 3) body axes: where it entered each box


def candidate_pairs(bullet_mid: np.ndarray, aircraft_mid: np.ndarray,
                    reach: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(bullets, aircraft) index pairs whose grid cells overlap: every bullet whose segment midpoint lies within
    `reach` (per aircraft, m, at most CELL / 2) of an aircraft's midpoint on each axis, and some more. The
    aircraft's 8 N cells are sorted and each bullet's cell looked up among them (cheaper than sorting the
    bullets)."""
    if len(bullet_mid) == 0 or len(aircraft_mid) == 0:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    low = np.floor((aircraft_mid - reach[:, None]) * (1.0 / CELL))  # the box spans this cell and the next
    cells = _keys((low[:, None, :] + _CORNERS[None, :, :]).reshape(-1, 3))
    order = np.argsort(cells, kind="stable")
    cells = cells[order]
    keys = _keys(np.floor(bullet_mid * (1.0 / CELL)))
    first = np.searchsorted(cells, keys, "left")
    bullets = np.flatnonzero(cells[np.minimum(first, len(cells) - 1)] == keys)
    if not bullets.size:
        return bullets, bullets
    first = first[bullets]
    count = np.searchsorted(cells, keys[bullets], "right") - first
    total = int(count.sum())
    starts = np.repeat(first - (np.cumsum(count) - count), count)
    return np.repeat(bullets, count), order[np.arange(total) + starts] // 8


_CORNERS = np.array([[i, j, k] for i in (0, 1) for j in (0, 1) for k in (0, 1)], dtype=float)


def _keys(cells: np.ndarray) -> np.ndarray:
    c = cells.astype(np.int64) + _OFFSET
    return (c[:, 0] << 40) | (c[:, 1] << 20) | c[:, 2]


def segment_boxes(start: np.ndarray, end: np.ndarray, low: np.ndarray,
                  high: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Slab test of segments (P, 3) against boxes (P, V, 3): which boxes each enters, (P, V) (a segment that
    starts inside a box entered it on an earlier tick), and the entry points (P, V, 3)."""
    d = (end - start)[:, None, :]
    inverse = 1.0 / np.where(d == 0.0, 1.0 / _FAR, d)
    s = start[:, None, :]
    t_low, t_high = (low - s) * inverse, (high - s) * inverse
    t_in = np.minimum(t_low, t_high).max(axis=2)
    t_out = np.maximum(t_low, t_high).min(axis=2)
    entered = (t_in <= t_out) & (t_in > 0.0) & (t_in <= 1.0)
    return entered, s + d * t_in[..., None]
