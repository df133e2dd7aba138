"""Part 1 of Level 2: Allison at the Maxim outside the camp gate, the guards who come for him, the prisoners who
run past him to the bombers, and the towers' searchlights. `Gate.tick` advances it while the player's seat is
"gate": the frame lays the gun (aileron traverse, elevator elevation, both absolute over their range), FIRE fires
it, RELOAD changes the belt. The gun's bullets are real (flight.sim.world.combat.bullets) and strike the guards (upright
cylinders), the lamps and the ground. Deterministic: random numbers only from the world's rng. Imports numpy and
flight.sim only.
"""
from __future__ import annotations

import numpy as np

from flight.sim.command import FIRE, RELOAD
from flight.sim.dynamics import DT
from flight.sim.dynamics.stablemath import cos, sin
from flight.sim.world.combat.aiming import norm, scatter, unit
from flight.sim.world.combat.bullets import LIFETIME_TICKS, Bullets
from flight.sim.world.combat.events import DUST, EXPLOSION, HIT, Events
from flight.sim.world.seats.gate.guards import LYING, RIFLE_WOUND, SILENT_S, Guards
from flight.sim.world.seats.gate.prisoners import ARRIVED, RUNNING, WAITING, Prisoners
from flight.sim.world.seats.gate.gate_spec import GateSpec
from flight.sim.world.combat.ground_units import MG_DRAG, MG_INTERVAL, MG_MUZZLE_VELOCITY, MG_TRACER_EVERY

TRAVERSE_RATE, ELEVATION_RATE = np.radians(60.0), np.radians(30.0)  # rad/s: a Maxim on its sledge, laid by hand
PIVOT_HEIGHT = 0.6  # m above the ground: the sledge's trunnions, the gunner sitting behind
BARREL = 1.0  # m from the pivot to the muzzle
DISPERSION = 0.005  # rad, sd of a round about the line of the bore (a sledge mount, laid by hand at night)
RELOAD_S = 5.0  # s to pull out a belt and feed in a full one
HEAT_PER_ROUND = 0.012  # of the heat that stops the gun: about 85 rounds' continuous fire (boiling, steam)
COOLING = 0.04  # of it shed per second
CLEARED_HEAT = 0.7  # a stoppage from heat clears once the barrel is down to this
LIGHT_SWEEP = (0.11, 0.07)  # rad/s: the free lights' search pattern, a Lissajous figure over the yard
LIGHT_SLEW = 30.0  # m/s: how fast a beam's spot on the ground moves to the gun or back to its search
LIGHT_ALERT_S = 8.0  # s after the gun's last round the lights hold the gate
LIGHT_HOLD_RADIUS = 5.0  # m: a beam's spot this near the gun lights Allison
LAMP_RADIUS = 0.5  # m: a round passing this close to a lamp puts it out
SPOT_RADIUS = 7.0  # m: the pool of light a beam throws on the ground
SIGHT = {"running": 60.0, "lying": 30.0}  # m: how far Allison makes out a man by moonlight, moving or lying still
FLASH_SEEN_S = 1.5  # s: a rifle's flash shows the gunner where its man lies
MAX_DUST = 8  # ground strikes a tick that raise a puff
GUN_STATE = ("traverse", "elevation", "rounds", "spares", "reload_ticks", "cooldown", "heat", "stopped", "fired",
             "last_shot", "health")
_FLOAT = ("traverse", "elevation", "cooldown", "heat", "health")


class Gate:
    """The gun and the position (scalars), its bullets, the searchlights (L,), the guards (flight.sim.world.seats.gate.guards)
    and the prisoners (flight.sim.world.seats.gate.prisoners). The mission reads `through`, `arrived`, `target`, `fallen`,
    `done` and `count`.

    | field        | shape | unit | meaning                                                                |
    |--------------|-------|------|------------------------------------------------------------------------|
    | traverse     | -     | rad  | of the gun from `facing` (+ to the right, clockwise seen from above)    |
    | elevation    | -     | rad  | of the bore above the horizontal                                       |
    | rounds       | -     | -    | left in the belt                                                       |
    | spares       | -     | -    | full belts left in the boxes                                           |
    | reload_ticks | -     | tick | left of a belt change (0: none)                                        |
    | cooldown     | -     | s    | until the lock can fire the next round                                 |
    | heat         | -     | -    | of the barrel: 1 stops the gun, CLEARED_HEAT clears it                  |
    | stopped      | -     | bool | a stoppage from heat                                                   |
    | fired        | -     | -    | rounds fired (every MG_TRACER_EVERY-th a tracer)                       |
    | last_shot    | -     | tick | of the last round (muzzle flash; the guards hear when it falls silent) |
    | health       | -     | -    | of the position, 1 .. 0 fallen (rifle hits and grenades wear it)        |
    | light_pos    | (L,3) | m    | NED, the towers' lamps                                                 |
    | light_aim    | (L,2) | m    | north, east of the spot each beam lights on the ground                 |
    | light_on     | (L,)  | bool | burning (not shot out)                                                 |
    | bullets      | B     | -    | the gun's rounds in flight (flight.sim.world.combat.bullets)                      |
    | events       | -     | -    | hits on men, dust of ground strikes, grenade bursts (flight.sim.world.combat.events) |
    """

    def __init__(self, spec: GateSpec, ground, rng: np.random.Generator):
        self.spec = spec
        self.ground = ground
        north, east = spec.gun
        self.pivot = np.array([north, east, -float(ground(np.array([north]), np.array([east]))[0]) - PIVOT_HEIGHT])
        self.facing = np.radians(spec.facing_deg)
        self.arc = np.radians(spec.traverse_deg)
        self.low, self.high = np.radians(spec.elevation_deg)
        self.traverse, self.elevation = 0.0, 0.5 * (self.low + self.high)  # where a neutral frame lays it
        self.rounds, self.spares, self.reload_ticks = spec.belt_rounds, spec.spare_belts, 0
        self.cooldown, self.heat, self.stopped, self.fired, self.last_shot = 0.0, 0.0, False, 0, -1000
        self.health = 1.0
        lights = np.array(spec.lights, dtype=float).reshape(-1, 2)
        self.light_pos = np.stack([lights[:, 0], lights[:, 1],
                                   -ground(lights[:, 0], lights[:, 1]) - spec.light_height_m], axis=1)
        self.light_aim = self._search_spots(0)
        self.light_on = np.ones(len(lights), dtype=bool)
        self.bullets = Bullets()
        self.events = Events()
        self.guards = Guards(spec, ground)
        self.prisoners = Prisoners(spec, rng)

    # ---- what the mission reads --------------------------------------------------------------------------------
    @property
    def target(self) -> int:
        return self.spec.target

    @property
    def through(self) -> int:
        """Prisoners past the gate (those who fell after it included)."""
        return int(self.prisoners.passed.sum())

    @property
    def arrived(self) -> int:
        return int((self.prisoners.state == ARRIVED).sum())

    @property
    def fallen(self) -> bool:
        """The position has fallen."""
        return self.health <= 0.0

    @property
    def done(self) -> bool:
        """The part is over: the target has reached the bombers, the position has fallen, or nobody is left to
        run."""
        waiting_or_running = (self.prisoners.state == WAITING) | (self.prisoners.state == RUNNING)
        return self.arrived >= self.target or self.fallen or not waiting_or_running.any()

    @property
    def count(self) -> int:
        """The men who made it: at the bombers when the part ended (those still running when the position falls
        are caught in the open)."""
        return self.arrived

    @property
    def held(self) -> bool:
        """A burning searchlight holds the gun: the guards see Allison."""
        spots = norm(self.light_aim - self.pivot[:2]) < LIGHT_HOLD_RADIUS
        return bool((spots & self.light_on).any())

    def lit(self) -> np.ndarray:
        """(M,) bool: the guards in a burning beam's pool of light."""
        m = self.guards
        gap = norm(m.pos[:, None, :2] - self.light_aim[None, :, :])
        return ((gap < SPOT_RADIUS) & self.light_on[None, :]).any(axis=1) & m.out

    def seen(self, tick: int) -> np.ndarray:
        """(M,) bool: the guards Allison can see at night: near enough by moonlight (further if moving), in a
        beam, or just after his rifle's flash."""
        m = self.guards
        distance = norm(m.pos[:, :2] - self.pivot[:2])
        sight = np.where(m.height() > LYING, SIGHT["running"], SIGHT["lying"])
        flashed = (tick - m.last_shot) * DT < FLASH_SEEN_S
        return m.out & ((distance < sight) | flashed | self.lit())

    def direction(self) -> np.ndarray:
        """(3,) NED unit vector along the bore."""
        bearing, elevation = self.facing + self.traverse, self.elevation
        angles = np.array([bearing, elevation])
        (sin_b, sin_e), (cos_b, cos_e) = sin(angles), cos(angles)
        return np.array([cos_e * cos_b, cos_e * sin_b, -sin_e])

    # ---- per tick ---------------------------------------------------------------------------------------------
    def tick(self, world, controls: np.ndarray, buttons: int) -> None:
        """One tick with the player's frame: `controls` (6,) as ControlFrame.to_array() (aileron, elevator used),
        `buttons` (FIRE, RELOAD). Nothing moves once the part is done."""
        if self.done:
            return
        tick, rng = world.tick_count, world.rng
        self._lay(float(controls[0]), float(controls[1]))
        self._load(bool(buttons & RELOAD))
        self._fire(bool(buttons & FIRE), rng, tick)
        self._fly_bullets(tick)
        self._move_lights(tick)
        guards, prisoners = self.guards, self.prisoners
        guards.tick(self.pivot[:2], rng, tick)
        runners = prisoners.runners
        silent = (tick - self.last_shot) * DT > SILENT_S
        hits, shot = guards.fire(self.pivot, self.held, silent, prisoners.pos[runners], rng, tick)
        prisoners.fall(runners[shot])
        guards.throw_grenades(self.pivot, rng)
        wear, bursts = guards.fly_grenades(self.pivot)
        self.events.add(EXPLOSION, bursts, tick)
        self.health = max(self.health - hits * RIFLE_WOUND - wear, 0.0)
        prisoners.tick(tick)

    def _lay(self, aileron: float, elevator: float) -> None:
        """The gun slews toward the commanded angles at the hand-laid rates."""
        wanted_traverse = min(max(aileron, -1.0), 1.0) * self.arc
        wanted_elevation = self.low + (min(max(elevator, -1.0), 1.0) + 1.0) * 0.5 * (self.high - self.low)
        self.traverse += min(max(wanted_traverse - self.traverse, -TRAVERSE_RATE * DT), TRAVERSE_RATE * DT)
        self.elevation += min(max(wanted_elevation - self.elevation, -ELEVATION_RATE * DT), ELEVATION_RATE * DT)

    def _load(self, reload: bool) -> None:
        """RELOAD begins a belt change if a full belt is left and this one is not full; it takes RELOAD_S."""
        if self.reload_ticks > 0:
            self.reload_ticks -= 1
            if self.reload_ticks == 0:
                self.rounds, self.spares = self.spec.belt_rounds, self.spares - 1
        elif reload and self.spares > 0 and self.rounds < self.spec.belt_rounds:
            self.reload_ticks = round(RELOAD_S / DT)
            self.rounds = 0

    def _fire(self, trigger: bool, rng: np.random.Generator, tick: int) -> None:
        """A round every MG_INTERVAL while the trigger is held, the belt has rounds and the gun is not stopped;
        the barrel heats with each round, cools all the time, and stops the gun when it boils."""
        self.heat = max(self.heat - COOLING * DT, 0.0)
        if self.stopped and self.heat <= CLEARED_HEAT:
            self.stopped = False
        cooldown = self.cooldown - DT  # carried over, so the rate is exact though MG_INTERVAL is not whole ticks
        if not (trigger and self.rounds > 0 and self.reload_ticks == 0 and not self.stopped and cooldown <= 0.0):
            self.cooldown = max(cooldown, 0.0)
            return
        self.cooldown = cooldown + MG_INTERVAL
        self.rounds -= 1
        self.fired += 1
        self.last_shot = tick
        self.heat += HEAT_PER_ROUND
        self.stopped = self.heat >= 1.0
        bore = self.direction()
        direction = scatter(rng, bore[None, :], DISPERSION)
        self.bullets.add((self.pivot + BARREL * bore)[None, :], direction * MG_MUZZLE_VELOCITY, np.array([MG_DRAG]),
                         np.zeros(1, dtype=np.int32), tick, np.array([self.fired % MG_TRACER_EVERY == 0]))

    def _fly_bullets(self, tick: int) -> None:
        """The rounds fly; those that pass through a man, a lamp or into the ground stop."""
        b = self.bullets
        if not len(b):
            return
        before = b.advance(DT)
        keep = (tick - b.born) < LIFETIME_TICKS
        struck = self.guards.strike(before, b.pos) >= 0
        if struck.any():
            self.events.add(HIT, b.pos[struck], tick)
        keep &= ~struck
        if len(self.light_pos):
            self._strike_lamps(before, b.pos)
        ground = -self.ground(b.pos[:, 0], b.pos[:, 1])
        into = keep & (b.pos[:, 2] >= ground)
        if into.any():
            points = b.pos[into].copy()
            points[:, 2] = ground[into]
            self.events.add(DUST, points[:MAX_DUST], tick)
        b.keep(keep & ~into)

    def _strike_lamps(self, start: np.ndarray, end: np.ndarray) -> None:
        path = end - start
        offset = self.light_pos[None, :, :] - start[:, None, :]
        length2 = np.maximum(np.einsum("bi,bi->b", path, path), 1e-12)
        t = np.clip(np.einsum("bli,bi->bl", offset, path) / length2[:, None], 0.0, 1.0)
        miss = offset - t[..., None] * path[:, None, :]
        self.light_on &= ~(np.einsum("bli,bli->bl", miss, miss) < LAMP_RADIUS * LAMP_RADIUS).any(axis=0)

    def _search_spots(self, tick: int) -> np.ndarray:
        """(L, 2): where each free light's search pattern is at `tick`, each light a different part of it."""
        north, east, half = self.spec.sweep
        k = np.arange(len(self.light_pos))
        seconds = tick * DT
        return np.stack([north + half * sin(LIGHT_SWEEP[0] * seconds + 1.9 * k),
                         east + half * sin(LIGHT_SWEEP[1] * seconds + 2.7 * k)], axis=1)

    def _move_lights(self, tick: int) -> None:
        """The beams' spots search the yard; while the gun has fired within LIGHT_ALERT_S they swing to it."""
        if not len(self.light_pos):
            return
        alert = (tick - self.last_shot) * DT < LIGHT_ALERT_S
        goal = np.broadcast_to(self.pivot[:2], self.light_aim.shape) if alert else self._search_spots(tick)
        way = goal - self.light_aim
        distance = norm(way)
        step = np.minimum(LIGHT_SLEW * DT / np.maximum(distance, 1e-9), 1.0)
        self.light_aim = np.where(self.light_on[:, None], self.light_aim + way * step[:, None], self.light_aim)

    def beams(self) -> np.ndarray:
        """(L, 3) NED unit vectors from each lamp to its spot on the ground."""
        spot = np.concatenate([self.light_aim, -self.ground(self.light_aim[:, 0], self.light_aim[:, 1])[:, None]],
                              axis=1)
        return unit(spot - self.light_pos)

    # ---- state ------------------------------------------------------------------------------------------------
    def state(self) -> dict[str, np.ndarray]:
        state = {f"gun/{name}": np.array(getattr(self, name), dtype=float if name in _FLOAT else np.int64)
                 for name in GUN_STATE}
        state["light/aim"], state["light/on"] = self.light_aim.copy(), self.light_on.copy()
        for prefix, part in (("bullets", self.bullets), ("events", self.events)):
            state.update({f"{prefix}/{k}": v for k, v in part.state().items()})
        state.update({f"guards/{k}": v for k, v in self.guards.state_arrays().items()})
        state.update({f"prisoners/{k}": v for k, v in self.prisoners.state_arrays().items()})
        return state

    def restore(self, state: dict[str, np.ndarray]) -> None:
        for name in GUN_STATE:
            value = state[f"gun/{name}"]
            setattr(self, name, float(value) if name in _FLOAT else int(value))
        self.stopped = bool(self.stopped)
        self.light_aim = np.array(state["light/aim"], dtype=float, copy=True)
        self.light_on = np.array(state["light/on"], dtype=bool, copy=True)
        for prefix, part in (("bullets", self.bullets), ("events", self.events)):
            part.restore(_part(state, prefix))
        self.guards.restore(_part(state, "guards"))
        self.prisoners.restore(_part(state, "prisoners"))


def _part(state: dict[str, np.ndarray], prefix: str) -> dict[str, np.ndarray]:
    return {k[len(prefix) + 1:]: v for k, v in state.items() if k.startswith(prefix + "/")}
