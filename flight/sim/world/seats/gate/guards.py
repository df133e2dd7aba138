"""The guards of the gate fight (Part 1 of Level 2): men who turn out by squads, rush from cover to cover towards
the gun (flight.sim.world.seats.gate.rushes), fire rifles at Allison, at the running prisoners too while his gun is
silent, and throw stick grenades from close in (flight.sim.world.seats.gate.rifles). This class holds their state
and draws the random numbers, in the numpy code's order and sizes, between the kernels that say how many they need.
Imports numpy and flight.sim only."""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.world.seats.gate import rifles, rushes
from flight.sim.world.seats.gate.gate_spec import GateSpec
from flight.sim.world.seats.gate.men import COVER, DOWN, LYING, MAN_RADIUS, MAN_STATES, PIN_RADIUS, PIN_S, \
    RUNNING, SHELTERED, STANDING, WAITING, strike  # noqa: F401 - the men's states and sizes, read from here
from flight.sim.world.seats.gate.rifles import GRENADE_MISS, RIFLE_RANGE, RIFLE_WOUND, SILENT_S, THROW_S  # noqa: F401
from flight.sim.world.seats.gate.rushes import GRENADE_RANGE, PAUSE_S, RUSH_SPEED, TURN_OUT_S  # noqa: F401
from flight.sim.world.seats.gate.men import showing_all

MEN_STATE = ("pos", "heading", "state", "run_to", "sheltered", "timer", "shot_timer", "pinned", "grenades", "throw",
             "last_shot")
GRENADE_STATE = ("grenade_pos", "grenade_vel", "grenade_fuse")


class Guards:
    """M men by squads, and G grenades thrown.

    | field        | shape | unit | meaning                                                                 |
    |--------------|-------|------|-------------------------------------------------------------------------|
    | squad        | (M,)  | -    | index into GateSpec.squads                                              |
    | start        | (M,)  | tick | when he turns out                                                       |
    | pos          | (M,3) | m    | NED, his feet on the ground                                             |
    | heading      | (M,)  | rad  | the way he runs, or faces the gun from cover                            |
    | state        | (M,)  | -    | MAN_STATES index                                                        |
    | run_to       | (M,2) | m    | north, east of the cover he dashes for                                  |
    | sheltered    | (M,)  | bool | his cover is a cover point (not the open ground)                        |
    | timer        | (M,)  | s    | left of his pause in cover before the next dash                         |
    | shot_timer   | (M,)  | s    | until his next aimed shot                                               |
    | pinned       | (M,)  | s    | his head kept down by near misses: no dash, no shot, no throw            |
    | grenades     | (M,)  | -    | stick grenades he carries (grenadiers)                                  |
    | throw        | (M,)  | tick | left of a throw he has begun (0: none)                                  |
    | last_shot    | (M,)  | tick | of his last shot (muzzle flash)                                         |
    | grenade_pos  | (G,3) | m    | NED                                                                     |
    | grenade_vel  | (G,3) | m/s  | NED, zero once it lies on the ground                                    |
    | grenade_fuse | (G,)  | s    | until it bursts                                                         |
    """

    def __init__(self, spec: GateSpec, terrain):
        self.heightfield = terrain.heightfield
        rows = [(n, k, s) for n, s in enumerate(spec.squads) for k in range(s.count)]
        self.squad = np.array([n for n, _, _ in rows], dtype=np.int16)
        self.start = np.array([round((s.start_s + k * TURN_OUT_S) / DT) for _, k, s in rows], dtype=np.int64)
        # out of the door in a file, a pace and a half apart
        at = np.array([(s.north, s.east + 1.5 * k) for _, k, s in rows])
        self.pos = np.stack([at[:, 0], at[:, 1], -terrain.height_at(at[:, 0], at[:, 1])], axis=1)
        m = len(rows)
        self.heading = np.zeros(m)
        self.state = np.full(m, WAITING, dtype=np.int8)
        self.run_to = at.copy()
        self.sheltered = np.zeros(m, dtype=bool)
        self.timer = np.zeros(m)
        self.shot_timer = np.zeros(m)
        self.pinned = np.zeros(m)
        self.grenades = np.array([s.grenades if k < s.grenadiers else 0 for _, k, s in rows], dtype=np.int32)
        self.throw = np.zeros(m, dtype=np.int32)
        self.last_shot = np.full(m, -1000, dtype=np.int64)
        self.cover = np.array(spec.cover, dtype=float).reshape(-1, 2)
        # every grenade the men carry can be out at once; a tick's bursts are summed as numpy's first pairwise level
        capacity = int(self.grenades.sum())
        assert capacity <= 128, "more grenades than numpy sums in one block"
        self.grenades_out = np.zeros(1, dtype=np.int64)
        self._grenade = {"pos": np.zeros((capacity, 3)), "vel": np.zeros((capacity, 3)), "fuse": np.zeros(capacity)}
        self._wear = np.zeros((capacity, 1))  # scratch of the kernels below, preallocated
        self._picked = np.zeros(m, dtype=np.intp)
        self._aimed = np.zeros(m, dtype=np.intp)
        self._score = np.zeros(len(self.cover))
        self._struck = np.zeros(1, dtype=np.intp)
        self.near = np.zeros(m, dtype=bool)

    @property
    def grenade_pos(self) -> np.ndarray:
        """(G, 3) NED m of the grenades out."""
        return self._grenade["pos"][:self.grenades_out[0]]

    @property
    def grenade_vel(self) -> np.ndarray:
        return self._grenade["vel"][:self.grenades_out[0]]

    @property
    def grenade_fuse(self) -> np.ndarray:
        return self._grenade["fuse"][:self.grenades_out[0]]

    def state_arrays(self) -> dict[str, np.ndarray]:
        return {name: np.array(getattr(self, name), copy=True) for name in MEN_STATE + GRENADE_STATE}

    def restore(self, state: dict[str, np.ndarray]) -> None:
        for name in MEN_STATE:
            getattr(self, name)[...] = state[name]
        self._room(len(state["grenade_fuse"]))
        self.grenades_out[0] = len(state["grenade_fuse"])
        for name in GRENADE_STATE:
            getattr(self, name)[...] = state[name]

    def _room(self, grenades: int) -> None:
        """Room for this many grenades out (more than the men carried only if a test hands them more)."""
        if grenades > len(self._wear):
            self._grenade = {k: np.concatenate([a, np.zeros((grenades,) + a.shape[1:])])
                             for k, a in self._grenade.items()}
            self._wear = np.zeros((len(self._grenade["fuse"]), 1))

    @property
    def out(self) -> np.ndarray:
        """(M,) bool: turned out and not hit."""
        return (self.state == RUNNING) | (self.state == COVER)

    def height(self) -> np.ndarray:
        """(M,) m: how tall a target each man makes (0 for those not in the fight)."""
        out = np.empty(len(self.state))
        showing_all(self.state, self.throw, self.sheltered, out)
        return out

    # ---- per tick: moving, then firing -------------------------------------------------------------------------
    def tick(self, gun: np.ndarray, rng: np.random.Generator, tick: int) -> None:
        """Turn out, let heads come up, start dashes and run them. `gun` (3,): the gun's pivot, NED."""
        north, east = float(gun[0]), float(gun[1])
        picked = self._picked
        ready = rushes.turn_out(tick, north, east, self.start, self.state, self.pinned, self.timer, self.throw,
                                self.grenades, self.pos, picked)
        if ready:
            draws = rng.random((ready, len(self.cover) + 3))
            rushes.dash(ready, picked, draws, north, east, self.cover, self.pos, self.run_to, self.sheltered,
                        self.heading, self.state, self.timer, self._score)
        there = rushes.run(self.pos, self.run_to, self.state, *self.heightfield, picked)
        if there:
            rushes.drop(there, picked, rng.random(there), north, east, self.pos, self.state, self.timer, self.heading)

    def strike(self, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """Bullets' paths this tick, (B, 3) NED each: downs the first man each path passes through (an upright
        cylinder of his height) and pins the men it passes near. Returns (B,) the index of the man each bullet
        struck, -1 none."""
        struck = np.full(len(start), -1, dtype=np.intp)
        strike(np.ascontiguousarray(start, dtype=float), np.ascontiguousarray(end, dtype=float), len(start),
               self.pos, self.state, self.throw, self.sheltered, self.pinned, struck, self.near)
        return struck

    def fire(self, gun: np.ndarray, held: bool, silent: bool, prisoners, rng: np.random.Generator,
             tick: int) -> int:
        """Aimed shots of the men in cover whose heads are up, at the gun (`gun` (3,) NED) or at the running
        `prisoners` (those hit fall). Returns the rifle hits on Allison."""
        count = rifles.shooters(self.state, self.pinned, self.throw, self.shot_timer, self._picked)
        if not count:
            return 0
        return rifles.shoot(count, self._picked, rng.random((count, 3)), tick, gun, held, silent, self.pos,
                            self.shot_timer, self.last_shot, prisoners.pos, prisoners.state, self._aimed)

    def throw_grenades(self, gun: np.ndarray, rng: np.random.Generator) -> None:
        """Grenadiers within GRENADE_RANGE rise to throw when their pause in cover is over; THROW_S later the
        grenade is lobbed at 45 degrees to land about the gun (`gun` (3,) NED), short or long by GRENADE_MISS."""
        count = rifles.rise(float(gun[0]), float(gun[1]), self.state, self.pinned, self.throw, self.timer,
                            self.grenades, self.pos, self._picked)
        if count:
            miss = rng.random((4, count, 2))  # combat.aiming.normal's draws
            fuse = rng.random(count)
            self._room(int(self.grenades_out[0]) + count)
            g = self._grenade
            rifles.lob(count, self._picked, miss, fuse, gun, self.pos, g["pos"], g["vel"], g["fuse"],
                       self.grenades_out)

    def fly_grenades(self, gun: np.ndarray, events, tick: int) -> float:
        """Grenades fly, land and lie; those whose fuse has burnt burst (an explosion in `events`). Returns the
        wear on the position (bursts within BLAST_RADIUS of the gun `gun` (3,) NED)."""
        if not self.grenades_out[0]:
            return 0.0
        g = self._grenade
        return rifles.fly_grenades(tick, gun, g["pos"], g["vel"], g["fuse"], self.grenades_out, *self.heightfield,
                                   events.kind, events.pos, events.tick, events.head, self._wear)
