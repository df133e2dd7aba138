"""Where bullets strike aircraft: each type's hit volumes (boxes in body axes, laid out from its dimensions, engine
hubs and structure points), a grid broad phase that pairs bullets with the aircraft near them, and a swept
segment-box test so a bullet that moves 7 m a tick cannot pass through a wing between two ticks; `find_strikes`
is the kernel that does both. Imports numpy and numba only (and flight.sim).
"""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.dynamics.spec import AircraftSpec
from flight.sim.dynamics.stablemath import maximum, minimum
from flight.sim.jit import kernel
from flight.sim.world.combat.aiming import dot

PARTS = ("engine", "fuel_tank", "pilot", "left_wing", "right_wing", "tailplane", "fin", "fuselage")
ENGINE, FUEL_TANK, PILOT, LEFT_WING, RIGHT_WING, TAILPLANE, FIN, FUSELAGE = range(len(PARTS))
FABRIC = (LEFT_WING, RIGHT_WING, TAILPLANE, FIN, FUSELAGE)  # a bullet goes on through these
CELL = 48.0  # m: a grid cell is wider than twice any aircraft's reach plus half a bullet's step
_OFFSET = 1 << 19  # cell indices are shifted positive, then packed 20 bits an axis into one int64 key
STEP_REACH = 5.0  # m: half a bullet's step relative to an aircraft (up to about 1,000 m/s closing speed)
ROW_FIELDS = 7  # a struck box's row: bullet, aircraft, part, engine, outer, scored, stops the bullet
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




@kernel
def _key(x, y, z):
    """The packed cell key of cell indices (floats); -1 for a cell outside the keys' range (or NaN)."""
    if not (-_OFFSET <= x < _OFFSET and -_OFFSET <= y < _OFFSET and -_OFFSET <= z < _OFFSET):
        return -1
    return ((int(x) + _OFFSET) << 40) | ((int(y) + _OFFSET) << 20) | (int(z) + _OFFSET)


@kernel
def _aircraft_cells(pos, vel, alive, reach, dt, keys, start_pos):
    """The 8 grid cells about each live aircraft's mid-step position, sorted (stable: aircraft in fleet order
    within a cell); start_pos[n] <- where the semi-implicit step moved it from. Returns the sort order."""
    m = 0
    for n in range(pos.shape[0]):
        for i in range(3):
            start_pos[n, i] = pos[n, i] - vel[n, i] * dt
        if not alive[n]:
            continue
        low = np.empty(3)
        for i in range(3):
            low[i] = np.floor(((start_pos[n, i] + 0.5 * vel[n, i] * dt) - (reach[n] + STEP_REACH)) * (1.0 / CELL))
        for c in range(8):
            keys[m, 0] = _key(low[0] + (c >> 2), low[1] + ((c >> 1) & 1), low[2] + (c & 1))
            keys[m, 1] = n
            m += 1
    return np.argsort(keys[:m, 0], kind="mergesort"), m


@kernel
def _crossed(start, path, low, high, half_span):
    """Slab test of one path (body axes) against one box: (entered, outer: entered beyond 0.55 of the half
    span). A path that starts inside a box entered it on an earlier tick."""
    t_in, t_out, y = -np.inf, np.inf, 0.0
    for i in range(3):
        s, d = start[i], path[i]
        inverse = 1.0 / (1.0 / _FAR if d == 0.0 else d)
        t_low, t_high = (low[i] - s) * inverse, (high[i] - s) * inverse
        t_in = minimum(t_low, t_high) if i == 0 else maximum(t_in, minimum(t_low, t_high))
        t_out = maximum(t_low, t_high) if i == 0 else minimum(t_out, maximum(t_low, t_high))
    entered = t_in <= t_out and t_in > 0.0 and t_in <= 1.0
    if entered:
        y = start[1] + path[1] * t_in
    return entered, abs(y) > 0.55 * half_span


_I1, _F1, _F2, _F3 = types.intp[::1], types.float64[::1], types.float64[:, ::1], types.float64[:, :, ::1]


@kernel(types.intp(_F2, _F2, types.int32[::1], types.int32[::1], types.intp, _F2, _F2, types.boolean[::1], _F3,
                   _F1, _F3, _F3, types.int8[:, ::1], types.intp[:, ::1], _F1,
                   types.float64, types.int64[:, ::1], _F2, types.intp[:, ::1]))
def find_strikes(before, pos, owner, struck, count, fleet_pos, fleet_vel, alive, rot, reach, low, high, part,
                 engine, half_span, dt, keys, start_pos, rows):
    """The boxes this tick's bullet paths (before -> pos, `count` of them) entered, relative to the aircraft's
    own motion, one row each into `rows` (ROW_FIELDS columns): bullet by bullet, then aircraft and box in order.
    A round that goes on through scores once per aircraft. Returns the rows found, or minus the rows needed if
    `rows` is too short (nothing else is written). `keys` (8 N, 2) and `start_pos` (N, 3) are scratch."""
    order, m = _aircraft_cells(fleet_pos, fleet_vel, alive, reach, dt, keys, start_pos)
    sorted_keys = np.empty(m, dtype=np.int64)
    for j in range(m):
        sorted_keys[j] = keys[order[j], 0]
    h = 0
    s, d = np.empty(3), np.empty(3)
    for b in range(count):
        key = _key(np.floor(0.5 * (before[b, 0] + pos[b, 0]) * (1.0 / CELL)),
                   np.floor(0.5 * (before[b, 1] + pos[b, 1]) * (1.0 / CELL)),
                   np.floor(0.5 * (before[b, 2] + pos[b, 2]) * (1.0 / CELL)))
        j = np.searchsorted(sorted_keys, key)
        while key >= 0 and j < m and sorted_keys[j] == key:
            a = keys[order[j], 1]
            j += 1
            # the path relative to the aircraft must pass within its reach of the centre of gravity
            s0, s1, s2 = (before[b, 0] - start_pos[a, 0], before[b, 1] - start_pos[a, 1],
                          before[b, 2] - start_pos[a, 2])
            p0 = pos[b, 0] - fleet_pos[a, 0] - s0
            p1 = pos[b, 1] - fleet_pos[a, 1] - s1
            p2 = pos[b, 2] - fleet_pos[a, 2] - s2
            along = minimum(maximum(-dot(s0, s1, s2, p0, p1, p2) / maximum(dot(p0, p1, p2, p0, p1, p2), 1e-12),
                                    0.0), 1.0)
            c0, c1, c2 = s0 + p0 * along, s1 + p1 * along, s2 + p2 * along
            if not (dot(c0, c1, c2, c0, c1, c2) < reach[a] * reach[a] and owner[b] != a):
                continue
            r = rot[a]
            for i in range(3):
                s[i] = ((0.0 + r[0, i] * s0) + r[1, i] * s1) + r[2, i] * s2
                d[i] = (s[i] + (((0.0 + r[0, i] * p0) + r[1, i] * p1) + r[2, i] * p2)) - s[i]
            other = False
            for v in range(part.shape[1]):
                if _crossed(s, d, low[a, v], high[a, v], half_span[a])[0]:
                    other |= part[a, v] != FUSELAGE
            first = h
            for v in range(part.shape[1]):
                entered, outer = _crossed(s, d, low[a, v], high[a, v], half_span[a])
                if not entered or (other and part[a, v] == FUSELAGE):
                    continue
                if h < rows.shape[0]:
                    rows[h, 0], rows[h, 1], rows[h, 2], rows[h, 3] = b, a, part[a, v], engine[a, v]
                    rows[h, 4], rows[h, 5] = outer, h == first and struck[b] != a
                    rows[h, 6] = not (part[a, v] == LEFT_WING or part[a, v] == RIGHT_WING or part[a, v] == TAILPLANE
                                      or part[a, v] == FIN or part[a, v] == FUSELAGE)
                h += 1
    return h if h <= rows.shape[0] else -h
