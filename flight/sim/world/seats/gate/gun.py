"""Part 1 of Level 2: Allison at the Maxim outside the camp gate, the guards who come for him, the prisoners who
run past him to the bombers, and the towers' searchlights. `Gate.tick` advances it while the player's seat is
"gate": the frame lays the gun (aileron traverse, elevator elevation, both absolute over their range), FIRE fires
it, RELOAD changes the belt. The gun's rounds are real (flight.sim.world.seats.gate.rounds) and strike the guards
(upright cylinders), the lamps and the ground. A tick is a few kernels with the numpy code's bits (DESIGN.md,
Replays); random numbers only from the world's rng, drawn here and in Guards between them. Imports numpy and
flight.sim only.
"""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.command import FIRE, RELOAD
from flight.sim.dynamics import DT
from flight.sim.dynamics.stablemath import cos1, maximum, sin1
from flight.sim.jit import kernel
from flight.sim.world.combat.aiming import SQRT3, unit
from flight.sim.world.combat.bullets import LIFETIME_TICKS
from flight.sim.world.combat.events import Events
from flight.sim.world.combat.ground_units import MG_DRAG, MG_INTERVAL, MG_MUZZLE_VELOCITY, MG_TRACER_EVERY
from flight.sim.world.seats.gate import lights
from flight.sim.world.seats.gate.gate_spec import GateSpec
from flight.sim.world.seats.gate.guards import LYING, RIFLE_WOUND, SILENT_S, Guards
from flight.sim.world.seats.gate.lights import LIGHT_ALERT_S
from flight.sim.world.seats.gate.men import is_out, showing
from flight.sim.world.seats.gate.prisoners import ARRIVED, RUNNING, WAITING, Prisoners
from flight.sim.world.seats.gate.rounds import Rounds, fly

TRAVERSE_RATE, ELEVATION_RATE = np.radians(60.0), np.radians(30.0)  # rad/s: a Maxim on its sledge, laid by hand
PIVOT_HEIGHT = 0.6  # m above the ground: the sledge's trunnions, the gunner sitting behind
BARREL = 1.0  # m from the pivot to the muzzle
DISPERSION = 0.005  # rad, sd of a round about the line of the bore (a sledge mount, laid by hand at night)
RELOAD_S = 5.0  # s to pull out a belt and feed in a full one
HEAT_PER_ROUND = 0.012  # of the heat that stops the gun: about 85 rounds' continuous fire (boiling, steam)
COOLING = 0.04  # of it shed per second
CLEARED_HEAT = 0.7  # a stoppage from heat clears once the barrel is down to this
SIGHT_RUNNING, SIGHT_LYING = 60.0, 30.0  # m: how far Allison makes out a man by moonlight, moving or lying still
FLASH_SEEN_S = 1.5  # s: a rifle's flash shows the gunner where its man lies
GUN_STATE = ("traverse", "elevation", "rounds", "spares", "reload_ticks", "cooldown", "heat", "stopped", "fired",
             "last_shot", "health")
_FLOAT = ("traverse", "elevation", "cooldown", "heat", "health")  # in Gate.floats, in this order; the rest in ints
_INT = tuple(name for name in GUN_STATE if name not in _FLOAT)
TRAVERSE, ELEVATION, COOLDOWN, HEAT, HEALTH = range(len(_FLOAT))
ROUNDS, SPARES, RELOAD_TICKS, STOPPED, FIRED, LAST_SHOT = range(len(_INT))
RELOAD_TICKS_FULL = round(RELOAD_S / DT)
_ROUND_ROOM = 2 * int(LIFETIME_TICKS * DT / MG_INTERVAL + 2)  # rounds the gun can have in the air, twice over


class _Scalar:
    """One of the gun's scalars, kept in Gate.floats or Gate.ints for the kernels."""

    def __set_name__(self, owner, name):
        self.array, self.index = ("floats", _FLOAT.index(name)) if name in _FLOAT else ("ints", _INT.index(name))
        self.cast = float if name in _FLOAT else (bool if name == "stopped" else int)

    def __get__(self, gate, owner=None):
        return self.cast(getattr(gate, self.array)[self.index])

    def __set__(self, gate, value) -> None:
        getattr(gate, self.array)[self.index] = value


class Gate:
    """The gun and the position (scalars), its bullets, the searchlights (L,), the guards (flight.sim.world.seats.gate.guards)
    and the prisoners (flight.sim.world.seats.gate.prisoners). The mission reads `through`, `arrived`, `target`, `fallen`,
    `done` and `count`. The gun's scalars are attributes kept in two arrays for the kernels, `floats` (traverse,
    elevation, cooldown, heat, health) and `ints` (the rest).

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
    | bullets      | B     | -    | the gun's rounds in flight (flight.sim.world.seats.gate.rounds)        |
    | events       | -     | -    | hits on men, dust of ground strikes, grenade bursts (flight.sim.world.combat.events) |
    """

    traverse, elevation, cooldown, heat, health = (_Scalar() for _ in _FLOAT)
    rounds, spares, reload_ticks, stopped, fired, last_shot = (_Scalar() for _ in _INT)

    def __init__(self, spec: GateSpec, terrain, rng: np.random.Generator):
        self.spec = spec
        self.ground = terrain.height_at
        self.heightfield = terrain.heightfield
        north, east = spec.gun
        self.pivot = np.array([north, east, -float(self.ground(np.array([north]), np.array([east]))[0]) - PIVOT_HEIGHT])
        self.facing = float(np.radians(spec.facing_deg))
        self.arc = float(np.radians(spec.traverse_deg))
        self.low, self.high = (float(a) for a in np.radians(spec.elevation_deg))
        self.floats, self.ints = np.zeros(len(_FLOAT)), np.zeros(len(_INT), dtype=np.int64)
        self.traverse, self.elevation = 0.0, 0.5 * (self.low + self.high)  # where a neutral frame lays it
        self.rounds, self.spares, self.reload_ticks = spec.belt_rounds, spec.spare_belts, 0
        self.cooldown, self.heat, self.stopped, self.fired, self.last_shot = 0.0, 0.0, False, 0, -1000
        self.health = 1.0
        spots = np.array(spec.lights, dtype=float).reshape(-1, 2)
        self.light_pos = np.stack([spots[:, 0], spots[:, 1],
                                   -self.ground(spots[:, 0], spots[:, 1]) - spec.light_height_m], axis=1)
        self.sweep = np.array(spec.sweep, dtype=float)
        self.light_aim = np.zeros((len(spots), 2))
        lights.search_spots(0, self.sweep, self.light_aim)
        self.light_on = np.ones(len(spots), dtype=bool)
        self.bullets = Rounds(_ROUND_ROOM)
        self.events = Events()
        self.guards = Guards(spec, terrain)
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
        return part_over(self.prisoners.state, self.spec.target, self.floats)

    @property
    def count(self) -> int:
        """The men who made it: at the bombers when the part ended (those still running when the position falls
        are caught in the open)."""
        return self.arrived

    @property
    def held(self) -> bool:
        """A burning searchlight holds the gun: the guards see Allison."""
        return lights.held(self.pivot, self.light_aim, self.light_on)

    def lit(self) -> np.ndarray:
        """(M,) bool: the guards in a burning beam's pool of light."""
        m = self.guards
        out = np.empty(len(m.state), dtype=bool)
        lights.lit(self.light_aim, self.light_on, m.pos, m.state, out)
        return out

    def seen(self, tick: int) -> np.ndarray:
        """(M,) bool: the guards Allison can see at night: near enough by moonlight (further if moving), in a
        beam, or just after his rifle's flash."""
        m = self.guards
        out = np.empty(len(m.state), dtype=bool)
        seen(tick, self.pivot, self.light_aim, self.light_on, m.pos, m.state, m.throw, m.sheltered, m.last_shot, out)
        return out

    def direction(self) -> np.ndarray:
        """(3,) NED unit vector along the bore."""
        return np.array(bore(self.facing, self.floats))

    # ---- per tick ---------------------------------------------------------------------------------------------
    def tick(self, world, controls: np.ndarray, buttons: int) -> None:
        """One tick with the player's frame: `controls` (6,) as ControlFrame.to_array() (aileron, elevator used),
        `buttons` (FIRE, RELOAD). Nothing moves once the part is done."""
        prisoners, guards, pivot = self.prisoners, self.guards, self.pivot
        if part_over(prisoners.state, self.spec.target, self.floats):
            return
        tick, rng = world.tick_count, world.rng
        if work(float(controls[0]), float(controls[1]), bool(buttons & RELOAD), bool(buttons & FIRE), tick,
                self.spec.belt_rounds, self.arc, self.low, self.high, self.floats, self.ints):
            self.bullets.room()
            shoot(rng.random((4, 1, 3)), tick, self.facing, pivot, self.floats, self.ints, *self.bullets.arrays[:8])
        m, events = guards, self.events
        fly(tick, *self.bullets.arrays, m.pos, m.state, m.throw, m.sheltered, m.pinned, m.near, self.light_pos,
            self.light_on, *self.heightfield, events.kind, events.pos, events.tick, events.head)
        last_shot = self.ints[LAST_SHOT]
        lights.move(tick, (tick - last_shot) * DT < LIGHT_ALERT_S, self.sweep, pivot, self.light_aim, self.light_on)
        guards.tick(pivot, rng, tick)
        silent = (tick - last_shot) * DT > SILENT_S
        hits = guards.fire(pivot, lights.held(pivot, self.light_aim, self.light_on), silent, prisoners, rng, tick)
        guards.throw_grenades(pivot, rng)
        wear = guards.fly_grenades(pivot, events, tick)
        self.health = max(self.health - hits * RIFLE_WOUND - wear, 0.0)
        prisoners.tick(tick)

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


_F1, _F2, _I64 = types.float64[::1], types.float64[:, ::1], types.int64[::1]


@kernel
def _py_max(a, b):
    """Python's max(a, b): the first unless the second is greater (NaN first stays NaN)."""
    return b if b > a else a


@kernel
def _py_min(a, b):
    return b if b < a else a


@kernel(types.boolean(types.float64, types.float64, types.boolean, types.boolean, types.int64, types.int64,
                      types.float64, types.float64, types.float64, _F1, _I64))
def work(aileron, elevator, reload, trigger, tick, belt_rounds, arc, low, high, floats, ints):
    """The gun's tick before its round flies: it slews toward the frame's angles at the hand-laid rates; RELOAD
    begins a belt change (RELOAD_S) if a full belt is left and this one is not full; the barrel cools, and a stoppage
    clears once it is down to CLEARED_HEAT. True when a round fires: one every MG_INTERVAL (the cooldown carries
    over, so the rate is exact though MG_INTERVAL is not whole ticks) while the trigger is held, the belt has
    rounds and the gun is not stopped; each heats the barrel, which stops the gun when it boils."""
    wanted_traverse = _py_min(_py_max(aileron, -1.0), 1.0) * arc
    wanted_elevation = low + (_py_min(_py_max(elevator, -1.0), 1.0) + 1.0) * 0.5 * (high - low)
    floats[TRAVERSE] += _py_min(_py_max(wanted_traverse - floats[TRAVERSE], -TRAVERSE_RATE * DT), TRAVERSE_RATE * DT)
    floats[ELEVATION] += _py_min(_py_max(wanted_elevation - floats[ELEVATION], -ELEVATION_RATE * DT),
                                 ELEVATION_RATE * DT)
    if ints[RELOAD_TICKS] > 0:
        ints[RELOAD_TICKS] -= 1
        if ints[RELOAD_TICKS] == 0:
            ints[ROUNDS], ints[SPARES] = belt_rounds, ints[SPARES] - 1
    elif reload and ints[SPARES] > 0 and ints[ROUNDS] < belt_rounds:
        ints[RELOAD_TICKS], ints[ROUNDS] = RELOAD_TICKS_FULL, 0
    floats[HEAT] = _py_max(floats[HEAT] - COOLING * DT, 0.0)
    if ints[STOPPED] and floats[HEAT] <= CLEARED_HEAT:
        ints[STOPPED] = 0
    cooldown = floats[COOLDOWN] - DT
    if not (trigger and ints[ROUNDS] > 0 and ints[RELOAD_TICKS] == 0 and not ints[STOPPED] and cooldown <= 0.0):
        floats[COOLDOWN] = _py_max(cooldown, 0.0)
        return False
    floats[COOLDOWN] = cooldown + MG_INTERVAL
    ints[ROUNDS] -= 1
    ints[FIRED] += 1
    ints[LAST_SHOT] = tick
    floats[HEAT] += HEAT_PER_ROUND
    ints[STOPPED] = floats[HEAT] >= 1.0
    return True


@kernel
def bore(facing, floats):
    """NED unit vector along the bore."""
    bearing, elevation = facing + floats[TRAVERSE], floats[ELEVATION]
    cos_e = cos1(elevation)
    return cos_e * cos1(bearing), cos_e * sin1(bearing), -sin1(elevation)


@kernel(types.void(types.float64[:, :, ::1], types.int64, types.float64, _F1, _F1, _I64, _F2, _F2, _F1,
                   types.int32[::1], _I64, types.boolean[::1], types.int32[::1], _I64))
def shoot(draws, tick, facing, pivot, floats, ints, pos, vel, drag, owner, born, tracer, struck, count):
    """The round `work` fired leaves the muzzle along the bore, off it by DISPERSION times an Irwin-Hall normal of
    the uniforms draws[:, 0] (combat.aiming.scatter's); every MG_TRACER_EVERY-th a tracer."""
    b = bore(facing, floats)
    v0 = b[0] + (draws[0, 0, 0] + draws[1, 0, 0] + draws[2, 0, 0] + draws[3, 0, 0] - 2.0) * SQRT3 * DISPERSION
    v1 = b[1] + (draws[0, 0, 1] + draws[1, 0, 1] + draws[2, 0, 1] + draws[3, 0, 1] - 2.0) * SQRT3 * DISPERSION
    v2 = b[2] + (draws[0, 0, 2] + draws[1, 0, 2] + draws[2, 0, 2] + draws[3, 0, 2] - 2.0) * SQRT3 * DISPERSION
    length = maximum(np.sqrt((v0 * v0 + v2 * v2) + v1 * v1), 1e-12)  # numpy's einsum over 3: (x0 + x2) + x1
    at = count[0]
    pos[at, 0], pos[at, 1], pos[at, 2] = pivot[0] + BARREL * b[0], pivot[1] + BARREL * b[1], pivot[2] + BARREL * b[2]
    vel[at, 0] = v0 / length * MG_MUZZLE_VELOCITY
    vel[at, 1] = v1 / length * MG_MUZZLE_VELOCITY
    vel[at, 2] = v2 / length * MG_MUZZLE_VELOCITY
    drag[at], owner[at], born[at] = MG_DRAG, 0, tick
    tracer[at], struck[at] = ints[FIRED] % MG_TRACER_EVERY == 0, -1
    count[0] = at + 1


@kernel
def sees(tick, pivot, light_aim, light_on, pos, state, throw, sheltered, last_shot, k):
    """Allison can see guard k at night: near enough by moonlight (further if moving), in a beam, or just after his
    rifle's flash."""
    d0, d1 = pos[k, 0] - pivot[0], pos[k, 1] - pivot[1]
    sight = SIGHT_RUNNING if showing(state, throw, sheltered, k) > LYING else SIGHT_LYING
    return is_out(state, k) and (np.sqrt(d0 * d0 + d1 * d1) < sight or (tick - last_shot[k]) * DT < FLASH_SEEN_S
                                 or lights.in_light(light_aim, light_on, pos, k))


@kernel(types.void(types.int64, _F1, _F2, types.boolean[::1], _F2, types.int8[::1], types.int32[::1],
                   types.boolean[::1], _I64, types.boolean[::1]))
def seen(tick, pivot, light_aim, light_on, pos, state, throw, sheltered, last_shot, out):
    """out (M,): `sees` of every guard."""
    for k in range(state.size):
        out[k] = sees(tick, pivot, light_aim, light_on, pos, state, throw, sheltered, last_shot, k)


@kernel(types.boolean(types.int8[::1], types.int64, _F1))
def part_over(prisoner_state, target, floats):
    """The target has reached the bombers, the position has fallen, or nobody is left to run."""
    arrived, left = 0, False
    for p in range(prisoner_state.size):
        arrived += prisoner_state[p] == ARRIVED
        left |= prisoner_state[p] == WAITING or prisoner_state[p] == RUNNING
    return arrived >= target or floats[HEALTH] <= 0.0 or not left
