"""The guards of the gate fight (Part 1 of Level 2): men who turn out by squads, rush from cover to cover towards
the gun, lie in cover between rushes, fire rifles at Allison (at the running prisoners too while his gun is silent)
and throw stick grenades from close in; the grenades in the air and on the ground until their fuses burn down.
Rifle fire is resolved by chance (range, a searchlight on the gate); the gun's bullets are real (flight.sim.world.seats.gate.gun).
Imports numpy only."""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.dynamics.atmosphere import GRAVITY
from flight.sim.dynamics.stablemath import atan2
from flight.sim.world.combat.aiming import normal, norm
from flight.sim.world.seats.gate.gate_spec import GateSpec

MAN_STATES = ("waiting", "running", "cover", "down")  # not turned out yet; dashing; lying in cover; hit
WAITING, RUNNING, COVER, DOWN = range(len(MAN_STATES))
TURN_OUT_S = 0.5  # s between the men of a squad coming out of the door
RUSH_SPEED = 4.5  # m/s, a dash with a rifle
RUSH_MAX = 25.0  # m: the longest dash from cover to cover (3 to 5 s: up, seen, down)
RUSH_GAIN = 8.0  # m nearer the gun a rush must bring a man
CLOSEST = 12.0  # m: nobody makes for cover nearer the gun than this
OPEN_RUSH, OPEN_STOP = 20.0, 45.0  # m: with no cover nearer, a dash this long to drop in the open, if still this far
PAUSE_S = (3.0, 4.0)  # s in cover between rushes: at least, and up to this much more
SPREAD_M = 1.5  # men making for one cover point drop about this far apart
MAN_RADIUS = 0.3  # m, a man as an upright cylinder
STANDING, LYING, SHELTERED = 1.75, 0.45, 0.3  # m of him showing: dashing or throwing; lying in the open; behind
#                                              cover (the head and the rifle over a woodpile or a wall)
PIN_RADIUS, PIN_S = 2.5, 2.5  # a round passing this close keeps a man's head down this long
RIFLE_INTERVAL = (4.0, 3.0)  # s between a man's aimed shots: at least, and up to this much more
RIFLE_RANGE = 300.0  # m
ALLISON_HIT = 0.05  # chance a shot at point-blank finds Allison behind the post's sandbags (less with range)
HELD_FACTOR = 2.0  # a searchlight on the gate: the guards see what they shoot at
RIFLE_WOUND = 0.04  # of the position's health, a rifle hit
PRISONER_HIT = 0.3  # chance a shot at a running prisoner at point-blank hits him
SILENT_S = 5.0  # s without a round from the gate before the guards raise their heads and shoot the runners too
GRENADE_RANGE = 30.0  # m: a grenadier throws from this close to the gun
THROW_S = 1.0  # s up on his knees with the grenade: a standing target
THROW_HEIGHT = 1.8  # m, where the grenade leaves his hand
GRENADE_MISS = (1.5, 0.08)  # m: where it lands, sd: and more per metre thrown
FUSE_S = (4.0, 1.0)  # s of a stick grenade's fuse from the throw: at least, and up to this much more
BLAST_RADIUS = 10.0  # m: the burst wears the position inside this, the more the closer
GRENADE_WOUND = 0.6  # of the position's health, a grenade bursting in the gun pit
MEN_STATE = ("pos", "heading", "state", "run_to", "sheltered", "timer", "shot_timer", "pinned", "grenades", "throw",
             "last_shot")
GRENADE_STATE = ("grenade_pos", "grenade_vel", "grenade_fuse")
_GRAVITY_NED = np.array([0.0, 0.0, GRAVITY])


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

    def __init__(self, spec: GateSpec, ground):
        self.ground = ground
        rows = [(n, k, s) for n, s in enumerate(spec.squads) for k in range(s.count)]
        self.squad = np.array([n for n, _, _ in rows], dtype=np.int16)
        self.start = np.array([round((s.start_s + k * TURN_OUT_S) / DT) for _, k, s in rows], dtype=np.int64)
        # out of the door in a file, a pace and a half apart
        at = np.array([(s.north, s.east + 1.5 * k) for _, k, s in rows])
        self.pos = np.stack([at[:, 0], at[:, 1], -ground(at[:, 0], at[:, 1])], axis=1)
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
        self.grenade_pos = np.zeros((0, 3))
        self.grenade_vel = np.zeros((0, 3))
        self.grenade_fuse = np.zeros(0)
        self.cover = np.array(spec.cover, dtype=float).reshape(-1, 2)

    def state_arrays(self) -> dict[str, np.ndarray]:
        return {name: np.array(getattr(self, name), copy=True) for name in MEN_STATE + GRENADE_STATE}

    def restore(self, state: dict[str, np.ndarray]) -> None:
        for name in MEN_STATE + GRENADE_STATE:
            setattr(self, name, np.array(state[name], dtype=getattr(self, name).dtype, copy=True))

    @property
    def out(self) -> np.ndarray:
        """(M,) bool: turned out and not hit."""
        return (self.state == RUNNING) | (self.state == COVER)

    def height(self) -> np.ndarray:
        """(M,) m: how tall a target each man makes (0 for those not in the fight)."""
        upright = (self.state == RUNNING) | ((self.state == COVER) & (self.throw > 0))
        down = np.where(self.sheltered, SHELTERED, LYING)
        return np.where(upright, STANDING, np.where(self.state == COVER, down, 0.0))

    # ---- moving ----------------------------------------------------------------------------------------------
    def tick(self, gun: np.ndarray, rng: np.random.Generator, tick: int) -> None:
        """Turn out, let heads come up, start dashes and run them. `gun` (2,): north, east of the gun."""
        out = (self.state == WAITING) & (tick >= self.start)
        self.state[out] = COVER
        self.pinned = np.maximum(self.pinned - DT, 0.0)
        lying = self.state == COVER
        self.timer = np.where(lying & (self.pinned <= 0.0), np.maximum(self.timer - DT, 0.0), self.timer)
        ready = lying & (self.timer <= 0.0) & (self.pinned <= 0.0) & (self.throw == 0) & ~self._in_throwing_range(gun)
        ready = np.flatnonzero(ready)
        if ready.size:
            self._dash(ready, gun, rng)
        self._run(gun, rng)

    def _dash(self, men: np.ndarray, gun: np.ndarray, rng: np.random.Generator) -> None:
        """Each man picks the cover nearest the gun that a dash of RUSH_MAX reaches and that brings him RUSH_GAIN
        nearer (a little chance in the choice spreads a squad); with none, and still far off, he dashes into the
        open; close in, he stays and fires."""
        here = self.pos[men, :2]
        to_gun = norm(gun - here)
        cover_to_gun = norm(self.cover - gun)
        reach = norm(self.cover[None, :, :] - here[:, None, :])
        draws = rng.random((men.size, len(self.cover) + 3))
        score = cover_to_gun[None, :] + 6.0 * draws[:, :len(self.cover)]
        fits = ((reach <= RUSH_MAX) & (cover_to_gun[None, :] <= to_gun[:, None] - RUSH_GAIN)
                & (cover_to_gun[None, :] >= CLOSEST))
        score = np.where(fits, score, np.inf)
        best = np.argmin(score, axis=1)
        found = np.isfinite(score[np.arange(men.size), best])
        open_dash = np.minimum(OPEN_RUSH, to_gun - OPEN_STOP)
        into_open = here + (gun - here) * (open_dash / np.maximum(to_gun, 1e-9))[:, None]
        goal = np.where(found[:, None], self.cover[best], into_open)
        goal = goal + (draws[:, -2:] - 0.5) * (2.0 * SPREAD_M)
        dashes = found | (open_dash > 5.0)
        way = goal - here
        self.run_to[men[dashes]] = goal[dashes]
        self.sheltered[men[dashes]] = found[dashes]
        self.heading[men[dashes]] = atan2(way[dashes, 1], way[dashes, 0])
        self.state[men[dashes]] = RUNNING
        self.timer[men[~dashes]] = PAUSE_S[0] + PAUSE_S[1] * draws[~dashes, -3]

    def _in_throwing_range(self, gun: np.ndarray) -> np.ndarray:
        """(M,) bool: grenadiers with a grenade left close enough to throw it: they stay to throw, not dash."""
        return (self.grenades > 0) & (norm(gun[:2] - self.pos[:, :2]) < GRENADE_RANGE)

    def _run(self, gun: np.ndarray, rng: np.random.Generator) -> None:
        """Running men go straight for their cover and drop into it, facing the gun."""
        men = np.flatnonzero(self.state == RUNNING)
        if not men.size:
            return
        way = self.run_to[men] - self.pos[men, :2]
        distance = norm(way)
        step = np.minimum(RUSH_SPEED * DT, distance)
        self.pos[men, :2] += way * (step / np.maximum(distance, 1e-9))[:, None]
        self.pos[men, 2] = -self.ground(self.pos[men, 0], self.pos[men, 1])
        there = men[distance <= RUSH_SPEED * DT]
        if there.size:
            self.state[there] = COVER
            self.timer[there] = PAUSE_S[0] + PAUSE_S[1] * rng.random(there.size)
            face = gun - self.pos[there, :2]
            self.heading[there] = atan2(face[:, 1], face[:, 0])

    # ---- hit -------------------------------------------------------------------------------------------------
    def strike(self, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """Bullets' paths this tick, (B, 3) NED each: downs the first man each path passes through (an upright
        cylinder of his height) and pins the men it passes near. Returns (B,) the index of the man each bullet
        struck, -1 none."""
        struck = np.full(len(start), -1, dtype=np.intp)
        men = np.flatnonzero(self.out)
        if not men.size or not len(start):
            return struck
        path = end[:, :2] - start[:, :2]
        length2 = np.maximum(np.einsum("bi,bi->b", path, path), 1e-12)
        offset = self.pos[None, men, :2] - start[:, None, :2]  # (B, K, 2)
        t = np.clip(np.einsum("bki,bi->bk", offset, path) / length2[:, None], 0.0, 1.0)
        miss = offset - t[..., None] * path[:, None, :]
        miss2 = np.einsum("bki,bki->bk", miss, miss)
        above = self.pos[None, men, 2] - (start[:, None, 2] + t * (end[:, None, 2] - start[:, None, 2]))
        hit = (miss2 < MAN_RADIUS * MAN_RADIUS) & (above >= 0.0) & (above <= self.height()[men][None, :])
        first = np.argmin(np.where(hit, t, np.inf), axis=1)
        hits = hit[np.arange(len(start)), first]
        struck[hits] = men[first[hits]]
        near = (miss2 < PIN_RADIUS * PIN_RADIUS) & (above > -1.0) & (above < 3.0)
        self.pinned[men[near.any(axis=0)]] = PIN_S
        down = struck[hits]
        self.state[down] = DOWN
        self.throw[down] = 0
        return struck

    # ---- firing ----------------------------------------------------------------------------------------------
    def fire(self, gun: np.ndarray, held: bool, silent: bool, runners: np.ndarray, rng: np.random.Generator,
             tick: int) -> tuple[int, np.ndarray]:
        """Aimed shots of the men in cover whose heads are up. `gun` (3,) NED; `runners` (R, 2) north, east of the
        running prisoners. Returns the rifle hits on Allison and the runners' indices hit."""
        lying = (self.state == COVER) & (self.pinned <= 0.0) & (self.throw == 0)
        self.shot_timer = np.where(lying, self.shot_timer - DT, self.shot_timer)
        shooters = np.flatnonzero(lying & (self.shot_timer <= 0.0))
        if not shooters.size:
            return 0, np.zeros(0, dtype=np.intp)
        draws = rng.random((shooters.size, 3))
        self.shot_timer[shooters] = RIFLE_INTERVAL[0] + RIFLE_INTERVAL[1] * draws[:, 0]
        self.last_shot[shooters] = tick
        here = self.pos[shooters, :2]
        to_gun = norm(gun[:2] - here)
        chance = ALLISON_HIT * np.maximum(1.0 - to_gun / RIFLE_RANGE, 0.0) * (HELD_FACTOR if held else 1.0)
        runner = np.full(shooters.size, -1, dtype=np.intp)
        if silent and len(runners):
            gap = norm(runners[None, :, :] - here[:, None, :])
            nearest = np.argmin(gap, axis=1)
            reach = gap[np.arange(shooters.size), nearest]
            at_runner = (draws[:, 1] < 0.5) & (reach < RIFLE_RANGE)
            runner = np.where(at_runner, nearest, -1)
            chance = np.where(at_runner, PRISONER_HIT * (1.0 - reach / RIFLE_RANGE), chance)
        hit = draws[:, 2] < chance
        return int((hit & (runner < 0)).sum()), np.unique(runner[hit & (runner >= 0)])

    def throw_grenades(self, gun: np.ndarray, rng: np.random.Generator) -> None:
        """Grenadiers within GRENADE_RANGE rise to throw when their pause in cover is over; THROW_S later the
        grenade is lobbed at 45 degrees to land about the gun (`gun` (3,) NED), short or long by GRENADE_MISS."""
        self.throw = np.where(self.throw > 0, self.throw - 1, 0).astype(np.int32)
        rise = ((self.state == COVER) & (self.pinned <= 0.0) & (self.throw == 0) & (self.timer <= 0.0)
                & self._in_throwing_range(gun))
        self.throw[rise] = round(THROW_S / DT)
        thrown = np.flatnonzero((self.throw == 1) & (self.state == COVER))
        if not thrown.size:
            return
        self.grenades[thrown] -= 1
        self.timer[thrown] = PAUSE_S[0]
        hand = self.pos[thrown] - np.array([0.0, 0.0, THROW_HEIGHT])
        distance = norm(gun[:2] - hand[:, :2])
        aim = gun[:2] + normal(rng, (thrown.size, 2)) * (GRENADE_MISS[0] + GRENADE_MISS[1] * distance)[:, None]
        way = aim - hand[:, :2]
        reach = np.maximum(norm(way), 1.0)
        speed = np.sqrt(GRAVITY * reach / 2.0)  # each way, horizontal and up: a 45-degree lob to level ground
        velocity = np.concatenate([way * (speed / reach)[:, None], -speed[:, None]], axis=1)
        fuse = FUSE_S[0] + FUSE_S[1] * rng.random(thrown.size)
        self.grenade_pos = np.concatenate([self.grenade_pos, hand])
        self.grenade_vel = np.concatenate([self.grenade_vel, velocity])
        self.grenade_fuse = np.concatenate([self.grenade_fuse, fuse])

    def fly_grenades(self, gun: np.ndarray) -> tuple[float, np.ndarray]:
        """Grenades fly, land and lie; those whose fuse has burnt burst. Returns the wear on the position (bursts
        within BLAST_RADIUS of the gun `gun` (3,) NED) and the burst points (K, 3)."""
        if not len(self.grenade_fuse):
            return 0.0, np.zeros((0, 3))
        self.grenade_pos = self.grenade_pos + self.grenade_vel * DT + _GRAVITY_NED * (0.5 * DT * DT)
        self.grenade_vel = self.grenade_vel + _GRAVITY_NED * DT
        floor = -self.ground(self.grenade_pos[:, 0], self.grenade_pos[:, 1])
        landed = self.grenade_pos[:, 2] >= floor
        self.grenade_pos[landed, 2] = floor[landed]
        self.grenade_vel[landed] = 0.0
        self.grenade_fuse = self.grenade_fuse - DT
        burst = self.grenade_fuse <= 0.0
        points = self.grenade_pos[burst]
        for name in GRENADE_STATE:
            setattr(self, name, getattr(self, name)[~burst])
        wear = np.maximum(1.0 - norm(points - gun) / BLAST_RADIUS, 0.0) * GRENADE_WOUND
        return float(wear.sum()), points
