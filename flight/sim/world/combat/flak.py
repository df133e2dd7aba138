"""Anti-aircraft shells: a flak gun lays on the point where it predicts its target will be when the shell gets
there, sets the time fuse for it, and the shell bursts there (with the gunners' errors) into a sphere of
shrapnel whose hits thin out with the square of the distance. Shells are not flown: each is its burst point and
tick. Kernels, with the world's generator drawn from in Python between their stages. Imports numpy and numba
only (and flight.sim).

Figures: a 7.7 cm K-Flak or a British 13-pounder fired about 15 rounds a minute; a shell took 4-6 s to reach
2-3 km. Prediction was poor (speed and course by eye, height by a range-finder) and the fuse ran a little long or
short; both are the errors here, smaller when a searchlight holds the target, larger at night when none does.
"""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.dynamics import DT
from flight.sim.dynamics.stablemath import maximum
from flight.sim.jit import kernel
from flight.sim.world.combat.aiming import lead1, normal1, norm1
from flight.sim.world.combat.events import CAPACITY as EVENT_CAPACITY
from flight.sim.world.combat.events import FLAK_BURST, Events, add1
from flight.sim.world.combat.ground_units import FLAK, GUN_HEIGHT, GroundUnits
from flight.sim.world.combat.hits import ENGINE, FIN, FUEL_TANK, FUSELAGE, LEFT_WING, PILOT, RIGHT_WING, TAILPLANE

INTERVAL = (3.2, 1.6)  # s between rounds: at least, and up to this much more
SHELL_SPEED = 480.0  # m/s, average over the flight
SPEED_ERROR = 0.15  # of the target's speed: the gunners' estimate of it
POINTING_ERROR = 0.012  # rad: laying the gun
FUSE_ERROR = 0.02  # of the range: where along its path the shell bursts
HELD_FACTOR, UNSEEN_FACTOR = 0.5, 2.5  # errors with a searchlight on the target; at night with none
FRAGMENTS = 150.0  # shrapnel balls and splinters of one burst fast enough to go through an aircraft
LETHAL_RADIUS = 60.0  # m: beyond this a burst does no harm
MIN_DISTANCE = 4.0  # m: the hits of a closer burst are counted as at this distance
MAX_HITS = 12
# where splinters strike, by share of the presented area: wings, tailplane, fin, fuselage, engine, tank, pilot
PART_SHARES = np.array([0.25, 0.25, 0.1, 0.05, 0.12, 0.1, 0.06, 0.07])
_SHARE_PARTS = np.array([LEFT_WING, RIGHT_WING, TAILPLANE, FIN, FUSELAGE, ENGINE, FUEL_TANK, PILOT], dtype=np.int8)
_CUMULATIVE, _TOTAL = np.cumsum(PART_SHARES), PART_SHARES.sum()  # as np.cumsum and np.sum add them
_ROUNDER = 6755399441055744.0  # 1.5 * 2^52: x + this - this rounds x to an integer, half to even (np.round)
FIELDS = ("burst_tick", "burst_pos", "shooter")


class FlakShells:
    """Shells in flight, oldest first, in the first `count` rows of buffers that grow as needed: (S,) `burst_tick`,
    (S, 3) `burst_pos` NED, (S,) `shooter` (ground unit index); and the work arrays of a burst."""

    def __init__(self, capacity: int = 16):
        self.count = 0
        self._allocate(capacity, 1)

    def _allocate(self, capacity: int, n: int) -> None:
        """Room for `capacity` shells, and for their pairs with `n` aircraft when they burst."""
        old = getattr(self, "buffers", None)
        self.n = n
        self.buffers = (np.zeros(capacity, dtype=np.int64), np.zeros((capacity, 3)), np.zeros(capacity, dtype=np.int32))
        if old is not None:
            for new, previous in zip(self.buffers, old):
                new[:self.count] = previous[:self.count]
        self.pairs = np.zeros((capacity * n, 2), dtype=np.intp)  # (burst, aircraft) near each other
        self.expected = np.zeros(capacity * n)  # splinters expected to strike, per pair
        self.points = np.zeros((capacity, 3))
        self.shooters = np.zeros(capacity, dtype=np.int32)

    def __getattr__(self, name: str) -> np.ndarray:
        if name in FIELDS:
            return self.buffers[FIELDS.index(name)][:self.count]
        raise AttributeError(name)

    def state(self) -> dict[str, np.ndarray]:
        return {name: getattr(self, name).copy() for name in FIELDS}

    def restore(self, state: dict[str, np.ndarray]) -> None:
        self.count = 0
        k = len(state["burst_tick"])
        if k > len(self.points):
            self._allocate(k, self.n)
        for buffer, name in zip(self.buffers, FIELDS):
            buffer[:k] = state[name]
        self.count = k

    def fire(self, units: GroundUnits, pos: np.ndarray, vel: np.ndarray, held: np.ndarray,
             rng: np.random.Generator, tick: int) -> None:
        """Guns that are ready and have a target (aircraft at `pos`, `vel`; `held` by a searchlight) fire one round
        each."""
        args = (units.kind, units.health, units.target, units.pos, units.cooldown, units.last_shot, units.sight, pos,
                vel, held, tick)
        k = _fire(_NONE, _NONE, _NONE, _NONE, self.count, *args, *self.buffers)
        if k:
            if self.count + k > len(self.points):
                self._allocate(2 * (self.count + k), self.n)
            a = rng.random((4, k))
            b = rng.random((4, k, 3)).reshape(4, 3 * k)
            c = rng.random((4, k))
            d = rng.random(k).reshape(1, k)
            self.count = _fire(a, b, c, d, self.count, *args, *self.buffers)

    def burst(self, tick: int, pos: np.ndarray, alive: np.ndarray, area: np.ndarray, engines: np.ndarray,
              events: Events, rng: np.random.Generator):
        """The shells whose fuses run out this tick burst (FLAK_BURST events). Returns None, or the splinter hits:
        aircraft (H,), part (H,) (hits.PARTS), engine (H,), outer (H,), shooter (H,) ground unit index."""
        if len(self.pairs) < len(self.points) * len(pos):
            self._allocate(len(self.points), len(pos))
        args = (tick, pos, alive, area, *self.buffers, self.points, self.shooters, self.pairs, self.expected,
                events.kind, events.pos, events.tick, events.head)
        count, h = _burst(self.count, *args)
        self.count = count
        if not h:
            return None
        chance = rng.random(h)
        total = _splinters(self.pairs, self.expected, h, chance)
        if not total:
            return None
        draws = rng.random((total, 2))
        spread = rng.random(total)
        aircraft, part, engine = (np.zeros(total, dtype=np.intp) for _ in range(3))
        outer, shooter = np.zeros(total, dtype=bool), np.zeros(total, dtype=np.intp)
        _struck(self.pairs, self.expected, h, self.shooters, draws, spread, engines, aircraft, part, engine, outer,
                shooter)
        return aircraft, part, engine, outer, shooter


_NONE = np.zeros((0, 0))
_F1, _F2, _B1, _I32, _I64, _IP = (types.float64[::1], types.float64[:, ::1], types.boolean[::1], types.int32[::1],
                                  types.int64[::1], types.intp[::1])


@kernel
def _round(x):
    """np.round of one float (half to even)."""
    return (x + _ROUNDER) - _ROUNDER if abs(x) < 2251799813685248.0 else x  # 2^51: beyond it x is whole


@kernel(types.intp(_F2, _F2, _F2, _F2, types.intp, types.int8[::1], _F1, _I32, _F2, _F1, _I64, types.float64, _F2,
                   _F2, _B1, types.int64, _I64, _F2, _I32))
def _fire(a, b, c, d, count, kind, health, target, unit_pos, cooldown, last_shot, sight, pos, vel, held, tick,
          burst_tick, burst_pos, shooter):
    """Without draws: the guns' cooldowns, and how many are ready to fire (k). With them (`normal`'s (4, k) speed
    errors in a, (4, 3k) pointing errors in b, (4, k) fuse errors in c, (1, k) uniforms for the next interval in
    d): their shells appended after the `count` in flight; returns the new count."""
    if a.shape[1] == 0:
        k = 0
        for u in range(kind.size):
            if kind[u] == FLAK and health[u] > 0.0:
                cooldown[u] = maximum(cooldown[u] - DT, 0.0)
                k += 1 if target[u] >= 0 and cooldown[u] <= 0.0 else 0
        return k
    j = 0
    for u in range(kind.size):
        if not (kind[u] == FLAK and health[u] > 0.0 and target[u] >= 0 and cooldown[u] <= 0.0):
            continue
        t = target[u]
        o0, o1, o2 = unit_pos[u, 0] + 0.0, unit_pos[u, 1] + 0.0, unit_pos[u, 2] + -GUN_HEIGHT
        f0, f1, f2 = pos[t, 0] - o0, pos[t, 1] - o1, pos[t, 2] - o2
        error = HELD_FACTOR if held[t] else (1.0 if norm1(f0, f1, f2) < sight else UNSEEN_FACTOR)
        scale = 1.0 + SPEED_ERROR * error * normal1(a, j)
        g0, g1, g2 = vel[t, 0] * scale, vel[t, 1] * scale, vel[t, 2] * scale
        a0, a1, a2, time = lead1(f0, f1, f2, g0, g1, g2, SHELL_SPEED)
        distance = time * SHELL_SPEED
        across = POINTING_ERROR * error * distance
        along = FUSE_ERROR * error * distance * normal1(c, j)
        s = count + j
        burst_pos[s, 0] = ((o0 + f0) + g0 * time + normal1(b, 3 * j) * across) + a0 * along
        burst_pos[s, 1] = ((o1 + f1) + g1 * time + normal1(b, 3 * j + 1) * across) + a1 * along
        burst_pos[s, 2] = ((o2 + f2) + g2 * time + normal1(b, 3 * j + 2) * across) + a2 * along
        burst_tick[s] = tick + np.int64(maximum(_round(time / DT), 1.0))
        shooter[s] = u
        cooldown[u] = INTERVAL[0] + INTERVAL[1] * d[0, j]
        last_shot[u] = tick
        j += 1
    return count + j


@kernel(types.UniTuple(types.intp, 2)(types.intp, types.int64, _F2, _B1, _F1, _I64, _F2, _I32, _F2, _I32,
                                      types.intp[:, ::1], _F1, types.int8[::1], _F2, _I64, _I64))
def _burst(count, tick, pos, alive, area, burst_tick, burst_pos, shooter, points, shooters, pairs, expected,
           event_kind, event_pos, event_tick, event_head):
    """The shells due burst: out of the buffers (the rest keep their order) into points and shooters, a FLAK_BURST
    event each, and the (burst, aircraft) pairs near enough to be struck with the splinters they expect. Returns
    (shells left, pairs)."""
    b = kept = 0
    for k in range(count):
        if burst_tick[k] <= tick:
            for i in range(3):
                points[b, i] = burst_pos[k, i]
            shooters[b] = shooter[k]
            b += 1
        else:
            burst_tick[kept], shooter[kept] = burst_tick[k], shooter[k]
            for i in range(3):
                burst_pos[kept, i] = burst_pos[k, i]
            kept += 1
    for k in range(max(b - EVENT_CAPACITY, 0), b):  # as Events.add: the last CAPACITY of them
        add1(event_kind, event_pos, event_tick, event_head, FLAK_BURST, points[k, 0], points[k, 1], points[k, 2], tick)
    h = 0
    for k in range(b):
        for n in range(pos.shape[0]):
            d = maximum(norm1(pos[n, 0] - points[k, 0], pos[n, 1] - points[k, 1], pos[n, 2] - points[k, 2]),
                        MIN_DISTANCE)
            if d < LETHAL_RADIUS and alive[n]:
                pairs[h, 0], pairs[h, 1] = k, n
                expected[h] = FRAGMENTS * area[n] / (4.0 * np.pi * d * d)
                h += 1
    return kept, h


@kernel(types.intp(types.intp[:, ::1], _F1, types.intp, _F1))
def _splinters(pairs, expected, h, chance):
    """expected[k] <- the whole splinters that strike pair k (at most MAX_HITS, chance rounding the fraction);
    returns their sum."""
    total = 0
    for k in range(h):
        x = expected[k] + chance[k]
        whole = MAX_HITS if x >= MAX_HITS else (int(x) if x > 0.0 else 0)  # np.floor of what is not over
        expected[k] = whole
        total += whole
    return total


@kernel(types.void(types.intp[:, ::1], _F1, types.intp, _I32, _F2, _F1, _F1, _IP, _IP, _IP, _B1, _IP))
def _struck(pairs, hits, h, shooters, draws, spread, engines, aircraft, part, engine, outer, shooter):
    """The splinters' rows in order: the part by its share of the area, which engine, whether a wing's outer
    half."""
    j = 0
    for k in range(h):
        n = pairs[k, 1]
        for _ in range(int(hits[k])):
            aircraft[j], shooter[j] = n, shooters[pairs[k, 0]]
            x = draws[j, 0] * _TOTAL
            p = 0
            while p < _CUMULATIVE.size and _CUMULATIVE[p] <= x:  # np.searchsorted(side="right")
                p += 1
            part[j] = _SHARE_PARTS[min(p, _SHARE_PARTS.size - 1)]
            outer[j] = draws[j, 1] < 0.5
            engine[j] = min(int(spread[j] * engines[n]), max(int(engines[n]) - 1, 0))
            j += 1
