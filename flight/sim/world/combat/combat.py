"""Combat: the aircraft's guns, the bullets in flight, hits and damage, and the ground units, advanced by one
`tick` after the flight model's step. Owns no aircraft state beyond what the world lets it write (Fleet.damage,
damage_engine, fuel, and a crash against a lorry). Deterministic; CPU-stable numpy only; imports no panda3d.

Order within a tick: bullets fly and strike (aircraft, then the ground) -> leaks, fire, who is downed -> the
aircraft's guns fire -> ground units see, move and fire, flak bursts. New rounds start at the muzzle at the end
of the tick and first move on the next.
"""
from __future__ import annotations

import math

import numpy as np

from flight.sim.command import CLEAR_JAM, FIRE
from flight.sim.dynamics import DT, Fleet
from flight.sim.dynamics.atmosphere import SEA_LEVEL_DENSITY, density
from flight.sim.dynamics.spec import CRASH_CAUSES
from flight.sim.dynamics.stablemath import cos1
from flight.sim.world.combat.aiming import lead, norm, scatter
from flight.sim.world.combat.bullets import Bullets
from flight.sim.world.combat.damage import Condition
from flight.sim.world.combat.events import EXPLOSION, FLAK_BURST, Events
from flight.sim.world.combat.flak import FlakShells
from flight.sim.world.combat.ground_units import TARGET_TICKS, GroundUnits, Sky
from flight.sim.world.combat.guns import FleetGuns
from flight.sim.world.combat.hits import ROW_FIELDS, HitVolumes
from flight.sim.world.combat.strikes import fly_bullets
from flight.sim.world.combat.ground_units import SIDES, GroundGroup

ALLIED = SIDES.index("allied")
JAM_BASE, JAM_HEAT = 1.0 / 1500.0, 1.0 / 40000.0  # chance per round: and more per round of heat in the barrel
HEAT_COOL = 4.0  # rounds of heat the gun sheds a second
CLEAR_TICKS, CLEAR_CHANCE = 90, 0.6  # one attempt at a stoppage: 0.75 s of work on the cocking handle
SYNC_MIN_OMEGA = 20.0  # rad/s: the interrupter gear needs the engine turning
GUNNER_ERROR = 0.008  # rad, a bomber's gunner's aim on top of his gun's cone of fire
FRIEND_IN_LINE_COS = cos1(math.radians(5.0))  # a friend this near the line of fire blocks it
NIGHT_GUNNER_ERROR = 0.025  # rad: at night he lays on an exhaust flame and a shape against the stars
GUNNER_BURST, GUNNER_CYCLE = 180, 300  # ticks: a gunner fires 1.5 s in every 2.5 s while he has a target
FLASH_TICKS = 3
WING_STRIKE = CRASH_CAUSES.index("wing_strike")
GUN_STATE = ("rounds", "cooldown", "heat", "jammed", "clearing", "fired", "last_shot", "target")


class Combat:
    """Guns (flat (G,) arrays, see FleetGuns), bullets, the aircraft's condition and the ground units of a world.

    | field       | shape | meaning                                                                    |
    |-------------|-------|----------------------------------------------------------------------------|
    | rounds      | (G,)  | left in each gun's belt                                                    |
    | cooldown    | (G,)  | s until the gun can fire its next round                                    |
    | heat        | (G,)  | rounds' worth of heat in the barrel (long bursts jam more)                 |
    | jammed      | (G,)  | bool: stopped until cleared                                                |
    | clearing    | (G,)  | ticks left of an attempt to clear it                                       |
    | fired       | (G,)  | rounds fired (every `tracer_every`-th is a tracer)                         |
    | last_shot   | (G,)  | tick of its last round                                                     |
    | target      | (G,)  | flexible guns: the fleet index the gunner engages, -1 none                  |
    | trigger     | (N,)  | bool: hold the fixed guns' triggers of these aircraft (tests, missions)    |
    | side        | (N,)  | markings (SIDES index): what ground gunners see                            |
    | allegiance  | (N,)  | whose side the crew is on: the player is Allied whatever he flies          |
    """

    def __init__(self, fleet: Fleet, terrain, sides: list[str], ground_units: tuple[GroundGroup, ...] = (),
                 time_of_day: str = "day"):
        self.fleet = fleet
        n = fleet.n
        self.terrain = terrain
        self.terrain_top = float(terrain.heights.max())
        self.guns = g = FleetGuns(fleet.specs)
        self.volumes = HitVolumes(fleet.specs)
        self.bullets = Bullets()
        self.condition = Condition(n)
        self.units = GroundUnits(ground_units, terrain, time_of_day)
        self.gunner_error = NIGHT_GUNNER_ERROR if time_of_day == "night" else GUNNER_ERROR
        self.flak = FlakShells()
        self.events = Events()
        self.side = np.array([SIDES.index(s) for s in sides], dtype=np.int8)
        self.allegiance = self.side.copy()
        self.allegiance[0] = ALLIED
        self.half_span = fleet.params.span * 0.5
        self.area = np.array([s.span * s.length for s in fleet.specs]) * 0.25  # presented to a burst, m2
        self.engines = fleet.params.engine_mask.sum(axis=1)
        self.rounds = g.rounds.copy()
        self.cooldown = np.zeros(g.count)
        self.heat = np.zeros(g.count)
        self.jammed = np.zeros(g.count, dtype=bool)
        self.clearing = np.zeros(g.count, dtype=np.int32)
        self.fired = np.zeros(g.count, dtype=np.int32)
        self.last_shot = np.full(g.count, -1000, dtype=np.int64)
        self.target = np.full(g.count, -1, dtype=np.int32)
        self.trigger = np.zeros(n, dtype=bool)
        self.wrecked = np.zeros(n, dtype=bool)  # crashed as of the last tick
        self.gun_position = g.per_aircraft(g.position, 0.0)
        self.rot = np.zeros((n, 3, 3))  # R_ned_from_body of each aircraft this tick
        self.heightfield = terrain.heightfield
        self.cell_keys = np.zeros((8 * n, 2), dtype=np.int64)  # scratch of the kernels (strikes.fly_bullets)
        self.start_pos = np.zeros((n, 3))
        self.strike_rows = np.zeros((64, ROW_FIELDS), dtype=np.intp)
        self.near = np.zeros(len(self.units), dtype=np.int64)

    # ---- state ------------------------------------------------------------------------------------------------
    def state(self) -> dict[str, np.ndarray]:
        state = {f"gun/{name}": np.array(getattr(self, name), copy=True) for name in GUN_STATE}
        for prefix, part in (("bullets", self.bullets), ("condition", self.condition), ("ground", self.units),
                             ("flak", self.flak), ("events", self.events)):
            state.update({f"{prefix}/{k}": v for k, v in part.state().items()})
        for name in ("trigger", "side", "allegiance", "wrecked"):
            state[name] = getattr(self, name).copy()
        return state

    def restore(self, state: dict[str, np.ndarray]) -> None:
        for name in GUN_STATE:
            setattr(self, name, np.array(state[f"gun/{name}"], dtype=getattr(self, name).dtype, copy=True))
        for prefix, part in (("bullets", self.bullets), ("condition", self.condition), ("ground", self.units),
                             ("flak", self.flak), ("events", self.events)):
            part.restore({k[len(prefix) + 1:]: v for k, v in state.items() if k.startswith(prefix + "/")})
        for name in ("trigger", "side", "allegiance", "wrecked"):
            setattr(self, name, np.array(state[name], dtype=getattr(self, name).dtype, copy=True))

    def ammunition(self) -> np.ndarray:
        """(N, G) rounds left per gun slot, -1 where an aircraft has no gun."""
        return self.guns.per_aircraft(self.rounds, -1)

    def jammed_guns(self) -> np.ndarray:
        """(N, G) bool."""
        return self.guns.per_aircraft(self.jammed, False)

    def order(self, group: str, what: str, **details) -> None:
        """A mission's order to a ground group by name (GroundUnits.order: "drive", "advance", "hold")."""
        if group not in self.units.units:
            raise KeyError(f"no ground group {group!r}")
        unknown = sorted(set(details) - {"target", "zone"})
        if unknown:
            raise ValueError(f"ground orders take target= or zone=, not {', '.join(unknown)}")
        self.units.order(self.units.units[group], what, **details)

    # ---- per tick ---------------------------------------------------------------------------------------------
    def steer(self, controls: np.ndarray) -> None:
        """Before the flight model's step: wounded and killed pilots' hands on the controls."""
        self.condition.steer(controls)

    def tick(self, world, buttons: int = 0, manned: tuple[int, np.ndarray] | None = None) -> None:
        """One tick after the flight model's step. `buttons`: the player's ControlFrame buttons (FIRE, CLEAR_JAM).
        `manned`: a flexible gun the player aims instead of its gunner, (its index, direction in body axes); FIRE
        fires it."""
        tick = world.tick_count
        fleet = self.fleet
        fly_bullets(self, tick, world.rng)
        rot = self.rot
        self.condition.tick(fleet)
        crashed_now = fleet.crashed & ~self.wrecked
        if crashed_now.any():
            self.events.add(EXPLOSION, fleet.pos[crashed_now], tick)
        self.wrecked = fleet.crashed.copy()
        if self.guns.count:
            self._fire_guns(world, buttons, rot, tick, manned)
        if len(self.units):
            self._ground(world, tick)

    def _fire_guns(self, world, buttons: int, rot: np.ndarray, tick: int,
                   manned: tuple[int, np.ndarray] | None) -> None:
        g, f = self.guns, self.fleet
        owner = g.owner
        wish = self.trigger.copy()
        wish[0] |= bool(buttons & FIRE)
        pilot = getattr(world, "pilot", None)
        if pilot is not None and getattr(pilot, "fire", None) is not None:
            wish[pilot.index] |= np.asarray(pilot.fire, dtype=bool)
        able = ~f.crashed[owner] & (self.condition.pilot[owner] > 0.0)
        by_player = np.zeros(g.count, dtype=bool)
        if manned is not None:
            by_player[manned[0]] = True
        self._clear_jams(bool(buttons & CLEAR_JAM), able, world.rng, by_player)
        aim = self._gunners(rot, able & ~by_player, tick)
        turning = f.engine_omega[owner, 0] > SYNC_MIN_OMEGA
        pulled = np.where(g.flexible, self.target >= 0, wish[owner])
        pulled &= ~g.flexible | (((tick + 37 * np.arange(g.count)) % GUNNER_CYCLE) < GUNNER_BURST)
        if manned is not None:
            gun, direction = manned
            aim[gun] = np.einsum("ij,j->i", rot[owner[gun]], direction)  # not @: BLAS's kernels differ by CPU
            pulled[gun] = bool(buttons & FIRE)
            self.target[gun] = -1  # his gunner stands aside
        cooldown = self.cooldown - DT
        shoot = pulled & able & ~self.jammed & (self.rounds > 0) & (cooldown <= 0.0) & (~g.synchronised | turning)
        self.cooldown = np.where(shoot, cooldown + g.interval, np.maximum(cooldown, 0.0))
        self.heat = np.maximum(self.heat - HEAT_COOL * DT, 0.0) + shoot
        s = np.flatnonzero(shoot)
        if not s.size:
            return
        rng = world.rng
        self.jammed[s] = rng.random(s.size) < JAM_BASE + JAM_HEAT * self.heat[s]
        self.rounds[s] -= 1
        self.fired[s] += 1
        self.last_shot[s] = tick
        world.shots_fired += np.bincount(owner[s], minlength=f.n)
        r = rot[owner[s]]
        flexible = g.flexible[s][:, None]
        boresight = np.einsum("pij,pj->pi", r, g.direction[s])
        direction = np.where(flexible, aim[s], boresight)
        muzzle = f.pos[owner[s]] + np.einsum("pij,pj->pi", r, g.position[s]) + np.where(flexible, 1.2 * direction, 0.0)
        sigma = np.where(g.flexible[s], g.dispersion[s] + self.gunner_error, g.dispersion[s])
        direction = scatter(rng, direction, sigma)
        every = g.tracer_every[s]
        tracer = (every > 0) & (self.fired[s] % np.maximum(every, 1) == 0)
        drag = g.drag[s] * density(f.altitude[owner[s]]) * (1.0 / SEA_LEVEL_DENSITY)
        self.bullets.add(muzzle, f.vel[owner[s]] + direction * g.muzzle_velocity[s][:, None], drag, owner[s], tick,
                         tracer)

    def _clear_jams(self, player_clears: bool, able: np.ndarray, rng: np.random.Generator,
                    by_player: np.ndarray) -> None:
        """A stoppage is cleared by attempts of CLEAR_TICKS, each working with CLEAR_CHANCE: the player's guns (his
        own and one he mans, `by_player`) while he holds CLEAR_JAM, the AI's and gunners' whenever one is jammed."""
        if not self.jammed.any():
            return
        working = self.jammed & (self.clearing > 0)
        self.clearing = np.where(working, self.clearing - 1, self.clearing)
        done = np.flatnonzero(working & (self.clearing == 0))
        if done.size:
            self.jammed[done] = rng.random(done.size) >= CLEAR_CHANCE
        wants = ((self.guns.owner > 0) | self.guns.flexible) & ~by_player | player_clears
        begin = self.jammed & (self.clearing == 0) & wants & able
        begin[done] = False
        self.clearing[begin] = CLEAR_TICKS

    def _gunners(self, rot: np.ndarray, able: np.ndarray, tick: int) -> np.ndarray:
        """Flexible guns: each gunner picks the nearest hostile aircraft in the air in his gun's arc and range (15
        times a second) and leads it. Returns (G, 3) aim directions (NED; zero rows for the fixed guns)."""
        g, f = self.guns, self.fleet
        aim = np.zeros((g.count, 3))
        flex = np.flatnonzero(g.flexible & able)
        if not flex.size:
            self.target[g.flexible] = -1
            return aim
        owner = g.owner[flex]
        pivot = f.pos[owner] + np.einsum("pij,pj->pi", rot[owner], g.position[flex])
        arc = np.einsum("pij,pj->pi", rot[owner], g.direction[flex])
        if tick % TARGET_TICKS == 0:
            offset = f.pos[None, :, :] - pivot[:, None, :]
            distance = norm(offset)
            facing = np.einsum("pni,pi->pn", offset, arc) > g.arc_cos[flex][:, None] * distance
            # only aircraft in the air: a parked one is no threat (and on a field the gunners' own stand between)
            hostile = ((self.allegiance[None, :] != self.allegiance[owner][:, None])
                       & ~f.crashed[None, :] & ~f.on_ground[None, :])
            score = np.where(hostile & facing & (distance < g.range[flex][:, None]) & self._clear(owner, offset, distance),
                             distance, np.inf)
            best = np.argmin(score, axis=1)
            self.target[flex] = np.where(np.isfinite(score[np.arange(flex.size), best]), best, -1)
        target = self.target[flex]
        has = target >= 0
        t = np.maximum(target, 0)
        direction, _ = lead(f.pos[t] - pivot, f.vel[t] - f.vel[owner], 0.85 * g.muzzle_velocity[flex])
        in_arc = np.einsum("pi,pi->p", direction, arc) > g.arc_cos[flex]
        self.target[flex] = np.where(has & in_arc & ~f.crashed[t], target, -1)
        aim[flex] = direction
        return aim

    def _clear(self, owner: np.ndarray, offset: np.ndarray, distance: np.ndarray) -> np.ndarray:
        """(P, N) bool: gunner p has a clear line to aircraft n, no friendly aircraft nearer along it (a gunner in
        a bomber box holds his fire rather than rake the next bomber)."""
        f = self.fleet
        along = offset / np.maximum(distance, 1e-6)[..., None]
        friend = ((self.allegiance[None, :] == self.allegiance[owner][:, None]) & ~f.crashed[None, :]
                  & (np.arange(f.n)[None, :] != owner[:, None]))
        in_line = np.einsum("pni,pmi->pnm", along, along) > FRIEND_IN_LINE_COS
        nearer = distance[:, None, :] < distance[:, :, None]
        return ~(friend[:, None, :] & nearer & in_line).any(axis=2)

    def _ground(self, world, tick: int) -> None:
        units, f = self.units, self.fleet
        choosing = tick % TARGET_TICKS == 0
        alive = ~f.crashed
        hostile = np.stack([(self.side != s) | (self.allegiance != s) for s in range(len(SIDES))]) if choosing else None
        sky = Sky(f.pos, f.vel, world.height_above_ground() if choosing else None, alive, alive & ~f.on_ground,
                  hostile, units.held(f.n))
        if choosing:
            units.choose_targets(sky, world.rng)
            sky.held = units.held(f.n)
        units.move_beams(sky)
        units.move(settle=choosing)
        rammed = units.collisions(f.pos, self.half_span, alive)
        if rammed.any():
            self._crash(rammed)
        fired = units.machine_guns(sky, world.rng, tick)
        if fired is not None:
            origin, velocity, drag, shooter, tracer = fired
            self.bullets.add(origin, velocity, drag, shooter + f.n, tick, tracer)
        self.flak.fire(units, sky, world.rng, tick)
        burst = self.flak.burst(tick, f.pos, alive, self.area, world.rng)
        if burst is not None:
            points, hits = burst
            self.events.add(FLAK_BURST, points, tick)
            if hits is not None:
                aircraft, part, outer, shooter = hits
                engine = np.minimum((world.rng.random(len(aircraft)) * self.engines[aircraft]).astype(np.intp),
                                    np.maximum(self.engines[aircraft].astype(np.intp) - 1, 0))
                self.condition.strike(f, world.rng, aircraft, part, engine, outer, shooter + f.n)

    def _crash(self, which: np.ndarray) -> None:
        """Aircraft that struck a lorry: wrecked where they are, as the flight model wrecks a wing strike."""
        f = self.fleet
        new = which & ~f.crashed
        f.crashed |= new
        f.crash_cause = np.where(new, WING_STRIKE, f.crash_cause).astype(np.int8)
        for name in ("vel", "omega", "engine_omega"):
            getattr(f, name)[new] = 0.0
