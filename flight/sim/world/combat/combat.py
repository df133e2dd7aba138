"""Combat: the aircraft's guns, the bullets in flight, hits and damage, and the ground units, advanced by one
`tick` after the flight model's step. Owns no aircraft state beyond what the world lets it write (Fleet.damage,
damage_engine, fuel, and a crash against a lorry). Deterministic: CPU-stable numpy and kernels; imports no panda3d.

Order within a tick: bullets fly and strike (aircraft, then the ground) -> leaks, fire, who is downed -> the
aircraft's guns fire -> ground units see, move and fire, flak bursts. New rounds start at the muzzle at the end
of the tick and first move on the next.
"""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.dynamics import Fleet
from flight.sim.dynamics.spec import CRASH_CAUSES
from flight.sim.jit import kernel
from flight.sim.world.combat.bullets import Bullets
from flight.sim.world.combat.damage import Condition
from flight.sim.world.combat.events import EXPLOSION, Events
from flight.sim.world.combat.firing import GUNNER_ERROR, NIGHT_GUNNER_ERROR, GunScratch, fire_guns
from flight.sim.world.combat.flak import FlakShells
from flight.sim.world.combat.ground_units import TARGET_TICKS, GroundUnits
from flight.sim.world.combat.guns import FleetGuns
from flight.sim.world.combat.machine_guns import SmallArmsScratch, fire_small_arms
from flight.sim.world.combat.hits import ROW_FIELDS, HitVolumes
from flight.sim.world.combat.strikes import fly_bullets
from flight.sim.world.combat.ground_units import SIDES, GroundGroup

ALLIED = SIDES.index("allied")
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
        self._held = np.zeros(fleet.n, dtype=bool)  # the tick's aircraft held by a searchlight (scratch)
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
        self._crashed_now = np.zeros(n, dtype=bool)  # scratch of _wrecks
        self.gun_position = g.per_aircraft(g.position, 0.0)
        self.rot = np.zeros((n, 3, 3))  # R_ned_from_body of each aircraft this tick
        self.heightfield = terrain.heightfield
        self.cell_keys = np.zeros((8 * n, 2), dtype=np.int64)  # scratch of the kernels (strikes.fly_bullets)
        self.start_pos = np.zeros((n, 3))
        self.strike_rows = np.zeros((64, ROW_FIELDS), dtype=np.intp)
        self.near = np.zeros(len(self.units), dtype=np.int64)
        self.gun_scratch = GunScratch(g.count, n)
        self.small_arms = SmallArmsScratch(len(self.units))

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
        self.condition.tick(fleet)
        if _wrecks(fleet.crashed, self.wrecked, self._crashed_now):
            self.events.add(EXPLOSION, fleet.pos[self._crashed_now], tick)
        if self.guns.count:
            fire_guns(self, world, buttons, tick, manned)
        if len(self.units):
            self._ground(world, tick)

    def _ground(self, world, tick: int) -> None:
        units, f = self.units, self.fleet
        rng = world.rng
        held = units.held(f.n, self._held)
        if tick % TARGET_TICKS == 0:
            units.choose_targets(f.pos, self.side, self.allegiance, f.crashed, f.on_ground,
                                 world.height_above_ground(), held, rng)
            units.held(f.n, held)
        units.move_beams(f.pos)
        units.move(settle=tick % TARGET_TICKS == 0)
        alive = ~f.crashed
        rammed = units.collisions(f.pos, self.half_span, alive)
        if np.count_nonzero(rammed):
            self._crash(rammed)
        fire_small_arms(units, self.small_arms, f.pos, f.vel, rng, tick, self.bullets)
        self.flak.fire(units, f.pos, f.vel, held, rng, tick)
        hits = self.flak.burst(tick, f.pos, alive, self.area, self.engines, self.events, rng)
        if hits is not None:
            aircraft, part, engine, outer, shooter = hits
            self.condition.strike(f, rng, aircraft, part, engine, outer, shooter + f.n)

    def _crash(self, which: np.ndarray) -> None:
        """Aircraft that struck a lorry: wrecked where they are, as the flight model wrecks a wing strike."""
        f = self.fleet
        new = which & ~f.crashed
        f.crashed |= new
        f.crash_cause = np.where(new, WING_STRIKE, f.crash_cause).astype(np.int8)
        for name in ("vel", "omega", "engine_omega"):
            getattr(f, name)[new] = 0.0


_B1 = types.boolean[::1]


@kernel(types.intp(_B1, _B1, _B1))
def _wrecks(crashed, wrecked, crashed_now):
    """How many aircraft crashed since the last tick, marked in `crashed_now`; `wrecked` then follows `crashed` (a
    mission may put one back on its wheels). One call a tick instead of a handful of numpy operations."""
    count = 0
    for a in range(crashed.size):
        crashed_now[a] = crashed[a] and not wrecked[a]
        count += crashed_now[a]
        wrecked[a] = crashed[a]
    return count
