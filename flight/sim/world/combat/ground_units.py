"""Ground units from a level's [[ground_units]]: flak guns, machine-gun posts, searchlights, trucks and squads of
guards, as one struct of arrays with a kind per unit. This module chooses the gunners' targets, drives the trucks
and runs the guards; the searchlights are `searchlights`', the machine guns and rifles `machine_guns`', the flak
shells `flak`'s. Imports numpy and numba only (never panda3d).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numba import types

from flight.sim.dynamics import DT
from flight.sim.dynamics.heightfield import height_on_grid
from flight.sim.dynamics.stablemath import atan2_1, cos1, maximum, minimum, sin1
from flight.sim.jit import kernel
from flight.sim.world.combat import searchlights
from flight.sim.world.combat.aiming import norm1
from flight.sim.world.combat.searchlights import SEARCHLIGHT, LightScratch, hostile1

SIDES = ("allied", "german")
GROUND_KINDS = ("flak", "mg", "searchlight", "truck", "guards")


@dataclass(frozen=True)
class GroundGroup:
    """A `[[ground_units]]` table: `count` units of one kind and side in a line `spacing_m` apart from (north,
    east) facing `heading_deg`; a truck may have a `route` of [north, east] points to drive along."""
    name: str
    kind: str  # one of GROUND_KINDS
    side: str
    north: float
    east: float
    heading_deg: float
    count: int
    spacing: float
    route: tuple[tuple[float, float], ...] = ()


FLAK, MG, TRUCK, GUARDS = (GROUND_KINDS.index(k) for k in ("flak", "mg", "truck", "guards"))
assert GROUND_KINDS[SEARCHLIGHT] == "searchlight"  # searchlights' kernels know their kind's index
TARGET_TICKS = 8  # targets are chosen 15 times a second
RANGE = {FLAK: 4500.0, MG: 700.0, GUARDS: 350.0}  # m, slant
_RANGES = np.array([RANGE.get(k, 0.0) for k in range(len(GROUND_KINDS))])
FLAK_MIN_HEIGHT = 100.0  # m: lower than this a flak gun cannot traverse fast enough
SIGHT = {"night": 800.0, "dusk": 2500.0, "dawn": 2500.0}  # m: gunners see an aircraft no searchlight holds
LIT = ("night", "dusk", "dawn")  # searchlights burn
MG_INTERVAL = 60.0 / 500.0  # s: a Maxim 08 on an anti-aircraft mount, 500 rounds a minute
MG_MUZZLE_VELOCITY, MG_DRAG = 890.0, 7.07e-4  # 7.92 mm S round (the aircraft guns' figures)
MG_TRACER_EVERY = 4  # about one round in four a tracer, to see the fall of the shot
GUN_HEIGHT = 1.5  # m above the ground: the muzzle
SPEED = {TRUCK: 6.0, GUARDS: 3.5}  # m/s: a lorry on grass, men running
GUARDS_STOP = 80.0  # m: guards sent after an aircraft stop this far from it to shoot
TRUCK_HALF = (3.0, 1.1)  # m, half length and half width
TRUCK_HEIGHT = 2.8
GROUND_HIT_LOSS = {FLAK: 0.08, MG: 0.08, SEARCHLIGHT: 0.1, TRUCK: 0.05, GUARDS: 0.0}  # health per bullet beside it
GROUND_ORDERS = ("drive", "advance", "hold")
STATE = ("pos", "heading", "health", "cooldown", "target", "burst", "shot_timer", "bias", "beam", "sweep", "leg",
         "run_to", "last_shot", "moving", "chase", "route_length", "cue", "cued")


class GroundUnits:
    """U units. One unit per flak gun, machine gun, searchlight and lorry; a squad of guards is one unit of
    `count` men.

    | field      | shape | unit | meaning                                                              |
    |------------|-------|------|----------------------------------------------------------------------|
    | kind, side | (U,)  | -    | index into GROUND_KINDS, SIDES                                        |
    | names      | U     | -    | "<group>/<n>"; `units` maps a group name to its indices              |
    | count      | (U,)  | -    | men in a squad of guards (1 otherwise)                               |
    | pos        | (U,3) | m    | NED, on the ground                                                   |
    | heading    | (U,)  | rad  | facing (lorries and guards turn the way they go)                     |
    | health     | (U,)  | -    | 1 .. 0 silenced / wrecked                                            |
    | cooldown   | (U,)  | s    | until the next round (flak, rifles) or the next burst (machine guns) |
    | target     | (U,)  | -    | fleet index it engages or holds in its beam, -1 none                 |
    | burst      | (U,)  | tick | left of a machine gun's burst                                        |
    | shot_timer | (U,)  | s    | until a machine gun's next round within its burst                   |
    | bias       | (U,3) | -    | the gunner's error for this burst (searchlights: the locator's, rad)  |
    | beam       | (U,3) | -    | searchlight axis, NED unit vector                                    |
    | sweep      | (U,)  | rad  | phase of the searchlight's search pattern                            |
    | cue, cued  | (U,2),(U,) | rad | azimuth and elevation its sound locator heard an engine at; whether it did |
    | leg, run_to| (U,), (U,2) | - , m | the route point it makes for; where it runs off its route   |
    | moving     | (U,)  | bool | under orders to drive or advance (route_length 0: off its route) |
    | chase      | (U,)  | -    | fleet index of the aircraft guards run at, -1 none               |
    | last_shot  | (U,)  | tick | of the last round fired (muzzle flash)                               |
    """

    def __init__(self, groups: tuple[GroundGroup, ...], terrain, time_of_day: str = "day"):
        rows = []
        for g in groups:
            heading = math.radians(g.heading_deg)
            for k in range(1 if g.kind == "guards" else g.count):
                right = k * g.spacing
                offset = np.array([-right * sin1(heading), right * cos1(heading)])
                route = [tuple(np.array(p) + offset) for p in g.route]
                rows.append((f"{g.name}/{k}", g, heading, np.array([g.north, g.east]) + offset, route))
        u = len(rows)
        self.heightfield = terrain.heightfield  # (heights, north0, east0, spacing) for the kernels
        ground = terrain.height_at
        self.names = [r[0] for r in rows]
        self.units: dict[str, list[int]] = {}
        for i, (name, g, *_) in enumerate(rows):
            self.units.setdefault(name, []).append(i)
            self.units.setdefault(g.name, []).append(i)
        self.kind = np.array([GROUND_KINDS.index(r[1].kind) for r in rows], dtype=np.int8)
        self.side = np.array([SIDES.index(r[1].side) for r in rows], dtype=np.int8)
        self.count = np.array([r[1].count if r[1].kind == "guards" else 1 for r in rows], dtype=np.int32)
        longest = max((len(r[4]) for r in rows), default=0)
        self.route = np.zeros((u, max(longest, 1), 2))
        self.route_length = np.array([len(r[4]) for r in rows], dtype=np.int32)
        for i, r in enumerate(rows):
            if r[4]:
                self.route[i, :len(r[4])] = r[4]
        self.speed = np.array([SPEED.get(k, 0.0) for k in self.kind])
        self.hit_loss = np.array([GROUND_HIT_LOSS[k] for k in self.kind], dtype=np.float64)  # (strikes.settle)
        self.lit = time_of_day in LIT
        self.sight = SIGHT.get(time_of_day, np.inf)
        at = np.array([r[3] for r in rows]).reshape(u, 2)
        self.pos = np.zeros((u, 3))
        self.pos[:, :2] = at
        self.pos[:, 2] = -ground(at[:, 0], at[:, 1]) if u else 0.0
        self.heading = np.array([r[2] for r in rows], dtype=float)
        self.health = np.ones(u)
        self.cooldown = np.zeros(u)
        self.target = np.full(u, -1, dtype=np.int32)
        self.burst = np.zeros(u, dtype=np.int32)
        self.shot_timer = np.zeros(u)
        self.bias = np.zeros((u, 3))
        self.sweep = np.arange(u) * 1.7  # staggered, so neighbouring lights search different sky
        self.beam = np.zeros((u, 3))
        self.leg = np.zeros(u, dtype=np.int32)
        self.run_to = at.copy()
        self.top = float(np.max(-self.pos[:, 2], initial=-1e9)) + 50.0  # m: no aircraft above this strikes a lorry
        self.cue = np.zeros((u, 2))
        self.cued = np.zeros(u, dtype=bool)
        self.moving = np.zeros(u, dtype=bool)
        self.chase = np.full(u, -1, dtype=np.int32)
        self.last_shot = np.full(u, -1000, dtype=np.int64)
        self.lights = LightScratch(u)
        searchlights.aim_beams(self.kind, self.heading, self.sweep, self.cued, self.cue, self.beam)

    def __len__(self) -> int:
        return len(self.kind)

    def state(self) -> dict[str, np.ndarray]:
        return {name: np.array(getattr(self, name), copy=True) for name in STATE}

    def restore(self, state: dict[str, np.ndarray]) -> None:
        for name in STATE:
            setattr(self, name, np.array(state[name], dtype=getattr(self, name).dtype, copy=True))

    @property
    def active(self) -> np.ndarray:
        return self.health > 0.0

    # ---- seeing ----------------------------------------------------------------------------------------------
    def choose_targets(self, pos: np.ndarray, side: np.ndarray, allegiance: np.ndarray, crashed: np.ndarray,
                       on_ground: np.ndarray, height: np.ndarray, held: np.ndarray, rng: np.random.Generator) -> None:
        """Each gun's target: the nearest hostile aircraft in its reach that it can see (a held one counts as
        nearer; the one it engages already, nearer still, so it does not flit between two). Guards sent after an
        aircraft run to where it is now, while it is on the ground; then the searchlights find theirs. The
        aircraft: NED `pos`, markings `side`, crew's `allegiance`, `height` above the ground, `held` by a light."""
        _choose(self.kind, self.side, self.health, self.pos, self.target, self.chase, self.moving, self.run_to, pos,
                side, allegiance, crashed, on_ground, height, held, self.sight)
        if self.lit:
            searchlights.find(self, self.lights, pos, side, allegiance, crashed, on_ground, rng)

    def held(self, n: int, out: np.ndarray | None = None) -> np.ndarray:
        """(n,) bool: the aircraft some burning searchlight holds (into `out`, the tick's own array, if given)."""
        held = np.zeros(n, dtype=bool) if out is None else out
        held[:] = False
        if self.lit:
            searchlights.hold(self.kind, self.health, self.target, held)
        return held

    def move_beams(self, pos: np.ndarray) -> None:
        """Held targets (aircraft at `pos`) are followed at the light's slew rate; free lights sweep their search
        pattern."""
        if self.lit:
            searchlights.move_beams(self.kind, self.heading, self.sweep, self.cued, self.cue, self.target, self.pos,
                                    self.beam, pos)

    # ---- moving ----------------------------------------------------------------------------------------------
    def order(self, index: list[int], what: str, target: int | None = None, zone=None) -> None:
        """Orders from the mission: "drive" (lorries along their route), "advance" (at aircraft `target`, to the
        point `zone` (north, east), or else along the route), "hold" (stop where they are)."""
        index = np.asarray(index, dtype=np.intp)
        if what not in GROUND_ORDERS:
            raise ValueError(f"ground units have no order {what!r} (they know: {', '.join(GROUND_ORDERS)})")
        self.moving[index] = what != "hold"
        self.chase[index] = -1 if target is None or what == "hold" else int(target)
        if zone is not None:
            self.run_to[index] = np.array(zone, dtype=float)[:2]
            self.route_length[index] = 0
        if what == "hold":
            self.run_to[index] = self.pos[index, :2]

    def move(self, settle: bool) -> None:
        """Moving units go along their routes point to point, or run to `run_to` (to within a rifle shot of an
        aircraft they chase). With `settle` (every TARGET_TICKS: the ground is gentle, and they turn only at the
        ends of legs) they are put back on the ground under them and turned the way they go."""
        _move(self.moving, self.speed, self.health, self.route_length, self.chase, self.leg, self.route, self.run_to,
              self.pos, self.heading, settle, *self.heightfield)

    def collisions(self, pos: np.ndarray, half_span: np.ndarray, alive: np.ndarray) -> np.ndarray:
        """(N,) bool: the aircraft low enough over a lorry to strike its body with a wing or the propeller."""
        hit = np.zeros(len(pos), dtype=bool)
        _collisions(self.kind, self.health, self.pos, self.heading, self.top, pos, half_span, alive,
                    *self.heightfield, hit)
        return hit


_F1, _F2, _F3, _B1, _I32 = (types.float64[::1], types.float64[:, ::1], types.float64[:, :, ::1], types.boolean[::1],
                            types.int32[::1])
_GRID = (_F2, types.float64, types.float64, types.float64)


@kernel(types.void(types.int8[::1], types.int8[::1], _F1, _F2, _I32, _I32, _B1, _F2, _F2, types.int8[::1],
                   types.int8[::1], _B1, _B1, _F1, _B1, types.float64))
def _choose(kind, unit_side, health, unit_pos, target, chase, moving, run_to, pos, side, allegiance, crashed,
            on_ground, height, held, sight):
    """GroundUnits.choose_targets but the searchlights."""
    n = pos.shape[0]
    for u in range(kind.size):
        if not (kind[u] == FLAK or kind[u] == MG or kind[u] == GUARDS):
            continue
        reach = _RANGES[kind[u]]
        best, score = -1, np.inf
        for m in range(n):
            distance = norm1(pos[m, 0] - unit_pos[u, 0], pos[m, 1] - unit_pos[u, 1], pos[m, 2] - unit_pos[u, 2])
            able = (hostile1(unit_side[u], m, side, allegiance, crashed) and (distance < sight or held[m])
                    and distance < reach and health[u] > 0.0)
            if kind[u] == FLAK:
                able = able and not crashed[m] and not on_ground[m] and height[m] > FLAK_MIN_HEIGHT
            value = distance * (0.5 if held[m] else 1.0)
            value = 0.5 * value if m == target[u] else value
            if able and (best < 0 or value < score):  # the first least, as np.argmin; a NaN is never able
                best, score = m, value
        target[u] = best
    for u in range(kind.size):
        q = chase[u]
        if q >= 0 and moving[u]:
            grounded = on_ground[q] and not crashed[q]
            run_to[u, 0] = pos[q, 0] if grounded else unit_pos[u, 0]
            run_to[u, 1] = pos[q, 1] if grounded else unit_pos[u, 1]


@kernel(types.void(_B1, _F1, _F1, _I32, _I32, _I32, _F3, _F2, _F2, _F1, types.boolean, *_GRID))
def _move(moving, speed, health, route_length, chase, leg, route, run_to, pos, heading, settle, heights, north0,
          east0, spacing):
    for u in range(moving.size):
        if not (moving[u] and speed[u] > 0.0 and health[u] > 0.0):
            continue
        routed = route_length[u] > 0 and chase[u] < 0
        on_route = routed and leg[u] < route_length[u]
        point = min(leg[u], route.shape[1] - 1)
        if on_route:
            g0, g1 = route[u, point, 0], route[u, point, 1]
        elif routed:
            g0, g1 = pos[u, 0], pos[u, 1]
        else:
            g0, g1 = run_to[u, 0], run_to[u, 1]
        t0, t1 = g0 - pos[u, 0], g1 - pos[u, 1]
        distance = np.sqrt(0.0 + t0 * t0 + t1 * t1)
        step = minimum(speed[u] * DT, maximum(distance - (GUARDS_STOP if chase[u] >= 0 else 2.0), 0.0))
        scale = step / maximum(distance, 1e-9)
        pos[u, 0] += t0 * scale
        pos[u, 1] += t1 * scale
        if on_route and distance <= 2.0:
            leg[u] += 1
        if settle:
            if step > 0.0:
                heading[u] = atan2_1(t1, t0)
            pos[u, 2] = -height_on_grid(heights, north0, east0, spacing, pos[u, 0], pos[u, 1])


@kernel(types.void(types.int8[::1], _F1, _F2, _F1, types.float64, _F2, _F1, _B1, *_GRID, _B1))
def _collisions(kind, health, unit_pos, heading, top, pos, half_span, alive, heights, north0, east0, spacing, hit):
    low = False
    for n in range(pos.shape[0]):
        low |= alive[n] and -pos[n, 2] < top
    if not low:
        return
    for n in range(pos.shape[0]):
        if not alive[n]:
            continue
        reach = 0.9 * half_span[n]
        over = False
        for u in range(kind.size):
            if kind[u] != TRUCK or not health[u] > 0.0:
                continue
            c, s = cos1(heading[u]), sin1(heading[u])
            o0, o1 = pos[n, 0] - unit_pos[u, 0], pos[n, 1] - unit_pos[u, 1]
            along, across = abs(o0 * c + o1 * s), abs(-o0 * s + o1 * c)
            over |= along < TRUCK_HALF[0] + reach and across < TRUCK_HALF[1] + reach
        if over:
            height = -pos[n, 2] - height_on_grid(heights, north0, east0, spacing, pos[n, 0], pos[n, 1])
            hit[n] = height < TRUCK_HEIGHT + 1.5
