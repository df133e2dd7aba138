"""The AI pilot: flies K aircraft of a fleet by their orders through the same control columns a player's input
writes, with the flight model doing the rest: kernels over the K aircraft every tick (sensing, the inner loops)
and at the guidance rate (planning); Python gives the orders, draws the aim errors from the world's generator
and sends home those whose target or leader is down. Imports numpy and flight only (never panda3d).

    pilot = Pilot(fleet, [1, 2], teams=[0, 1, 1], rng=world.rng, skill="veteran")
    pilot.circuit([1, 2], Airfield(north=0.0, east=0.0, landing_heading=np.radians(270.0), radius=600.0))
    pilot.pursue([2], target=0)
    while ...:
        pilot.update()          # writes fleet.controls[1] and [2], and pilot.fire (the triggers of their guns)
        fleet.step(fleet.controls, DT)
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import fields

import numpy as np

from flight.sim.dynamics import Fleet
from flight.sim.dynamics.stablemath import cos, sin
from flight.sim.jit import KernelArgumentError
from flight.sim.world.ai.airwork import FIGHT_FLOOR, GUIDANCE_TICKS
from flight.sim.world.ai.behaviours import TUNING_ROWS
from flight.sim.world.ai.fighting import REVERSE_TICKS
from flight.sim.world.ai.gunnery import Gunnery
from flight.sim.world.ai.loops import COMMAND_ROWS, Commands, InnerLoops, command_table
from flight.sim.world.ai.orders import AIRBORNE_PHASES, Airfield, Order, Orders, Phase
from flight.sim.world.ai.planning import (FLEET, FLEET_NAMES, GUNNERY, GUNNERY_NAMES, ORDER_NAMES, ORDERS, PILOT,
                                          PILOT_NAMES, SCRATCH_ROWS, SKILL, SKILL_NAMES, finish_plan, plan, refused,
                                          survey)
from flight.sim.world.ai.sensing import (INSTRUMENT_ROWS, TRACK_ROWS, instrument_table, read_instruments,
                                         read_track, sense, terrain_of)
from flight.sim.world.combat.aiming import normal
from flight.sim.world.ai.skill import Skill
from flight.sim.world.ai.stations import escort_offsets, formation_offsets
from flight.sim.world.ai.tuning import tuning_for

PATTERN_HEIGHT = 250.0  # m above the field, unless the order says otherwise
TAKEOFF_HEIGHT = 300.0  # m above the ground, for an order from the ground that gives no altitude
HOME_RADIUS = 600.0  # m: the field an aircraft took off from, when it goes home
SPACING = 2.5  # spans: a formation's default spacing
TAKEOFF_INTERVAL = 4.0  # s: parked wingmen start their rolls this long one after another, after the leader
LANE = 45.0  # m between the landing lines of aircraft landing in turn (a Gotha spans 24 m) ...
QUEUE_GAP = 400.0  # m: ... each place in the queue extends its downwind this much (20-25 s between touchdowns)
QUEUE_STACK = 30.0  # m: ... and flies its circuit this much higher, clear of those joining with it
TACTICS = ("tactic", "tactic_ticks", "engaged", "threat_ticks", "evade_ticks", "evade_dir", "trim", "home",
           "sighted")
_PARKED_UNTIL_LEADER = (Order.FORMATION, Order.ESCORT)  # parked, they start rolling when the leader does
_STAY_PARKED = (Order.NONE, Order.RETURN, Order.STALL)


class Pilot:
    """Flies the aircraft `index` of `fleet`. Give orders with `takeoff`, `fly_to`, `hold_heading`, `circuit`,
    `land`, `pursue`, `attack`, `escort`, `formation`, `patrol`, `return_to_base` and `stall` (by fleet index, any
    time; `set_skill`, `set_teams` and `take_over` too); call `update` every tick before `fleet.step`. `teams`
    (N,) says who is whose enemy (None: nobody), `rng` draws the aim errors (the world's generator; None: none),
    `skill` is a name of skill.SKILLS or one per aircraft. `state` and `restore` keep everything below for replay
    keyframes.

    | field          | shape  | meaning                                                                      |
    |----------------|--------|------------------------------------------------------------------------------|
    | orders         | (K,)   | Orders: what each is told, its targets, leader and station                   |
    | phase          | (K,)   | Phase: parked .. enroute .. the circuit .. stopped                            |
    | commands       | (K,)   | Commands: what the inner loops fly to until the next guidance pass          |
    | skill          | (K,)   | Skill: reaction, aim error, g, opening range, burst length                   |
    | gunnery        | (K,)   | Gunnery: the trigger (`fire`, bool, what the world's combat reads) and aim   |
    | tactic, _ticks | (K,)   | the step of an attack run, a chase or a practice stall, and ticks in it      |
    | engaged        | (K,)   | fleet index of the enemy an escort or a patrol fights, -1 none               |
    | threat_ticks   | (K,)   | how long an enemy has been on the tail                                       |
    | evade_ticks    | (K,)   | > 0: ticks left of a break; <= 0: ticks since the last (floored)            |
    | evade_dir      | (K,)   | +1 the break is to the right, -1 left                                        |
    | trim           | (K,)   | the throttle that holds a station, negative until found                      |
    | home           | (K, 3) | north, east (m) and heading (rad) where it last took off (or started)        |
    | sighted        | (K, 3) | NED m: where a chaser last saw its target, or was told it was (at night)     |

    At night (`sight` m, finite) a chaser sees its target within `sight`, or while a searchlight holds it (`lit`,
    (N,) bool, which the world sets every tick); until then it flies to where the target was reported, when
    ordered, and a fresh report comes each time it gets there and finds nothing.
    """

    def __init__(self, fleet: Fleet, index: Sequence[int], teams: Sequence[int] | None = None,
                 rng: np.random.Generator | None = None, skill: str | Sequence[str] = "regular",
                 sight: float = math.inf):
        self.fleet = fleet
        self.index = np.ascontiguousarray(np.asarray(index, dtype=np.intp).reshape(-1))
        k = len(self.index)
        in_order = k > 0 and bool(np.array_equal(self.index, np.arange(self.index[0], self.index[0] + k)))
        self._rows = slice(int(self.index[0]), int(self.index[0]) + k) if in_order else self.index  # of the fleet
        self._instruments = np.empty((len(INSTRUMENT_ROWS), k))  # this tick's readings (sensing.sense)
        self.tuning = tuning_for([fleet.specs[i] for i in self.index])
        self._tuning_table = np.array([getattr(self.tuning, name) for name in TUNING_ROWS], dtype=np.float64)
        self.skill = Skill.of([skill] * k if isinstance(skill, str) else list(skill))
        self.loops = InnerLoops(self.tuning)
        self.rng = rng
        self.set_teams(np.zeros(fleet.n, dtype=np.int64) if teams is None else teams)
        self.side = np.where(np.arange(k) % 2 == 0, 1.0, -1.0)  # attack runs from the right, or the left
        self.gunnery = Gunnery(fleet, self.index)
        self.orders = Orders.empty(k)
        self.phase = np.zeros(k, dtype=np.int8)
        self.runway_heading = np.zeros(k)  # rad: held on the takeoff roll and the climb-out
        self.airborne_ticks = np.zeros(k, dtype=np.int64)
        self.tactic = np.zeros(k, dtype=np.int8)
        self.tactic_ticks = np.zeros(k, dtype=np.int64)
        self.engaged = np.full(k, -1, dtype=np.int64)
        self.threat_ticks = np.zeros(k, dtype=np.int64)
        self.evade_ticks = np.full(k, -REVERSE_TICKS - 1, dtype=np.int64)
        self.evade_dir = np.ones(k)
        self.trim = np.full(k, -1.0)
        self.home = np.stack([fleet.pos[self.index, 0], fleet.pos[self.index, 1], fleet.euler[self.index, 2]],
                             axis=1)
        self.sight = sight
        self.lit = np.zeros(fleet.n, dtype=bool)
        self.sighted = fleet.pos[self.index].copy()
        self._ticks_to_guidance = 0
        self._slot_of = {int(i): slot for slot, i in enumerate(self.index)}
        self._track = np.empty((len(TRACK_ROWS), k))  # the guidance pass's tables, kept between passes
        self._scratch = np.zeros((len(SCRATCH_ROWS), k), dtype=bool)
        self._command_table = np.empty((len(COMMAND_ROWS), k))
        self._no_draws = np.zeros((0, 2))
        self._give(np.arange(k), Order.NONE)
        self._plan(instrument_table(fleet, self.index), advance=False)

    @property
    def commands(self) -> Commands:
        """What the inner loops fly to until the next guidance pass (views of the table the pass writes)."""
        table = self._command_table
        return Commands(*table[:8], blip=table[8] != 0.0, brake=table[9], load_max=table[10])

    @commands.setter
    def commands(self, commands: Commands) -> None:
        self._command_table = command_table(commands)

    @property
    def fire(self) -> np.ndarray:
        """(K,) bool: the pilots' triggers of their fixed guns, as the world's combat reads them."""
        return self.gunnery.fire

    def set_teams(self, teams: Sequence[int]) -> None:
        """Who is whose enemy, (N,) team numbers: at the start, and when a crew changes sides."""
        teams = np.asarray(teams)
        self.hostile = teams[None, :] != teams[self.index][:, None]  # (K, N)
        self.any_hostile = bool(self.hostile.any())

    def take_over(self, aircraft) -> None:
        """Take the controls from a pilot's hands as they are: the loops start from them, without a jump."""
        slots = self._slots(aircraft)
        self.loops.take_over(slots, self.fleet.applied[self.index[slots]])

    def set_skill(self, aircraft, skill: str) -> None:
        """How well they fly and fight: a name of flight.sim.world.ai.skill.SKILLS ("novice" .. "ace")."""
        self.skill.set(self._slots(aircraft), skill)

    # ---- orders ----------------------------------------------------------------------------------------------
    def takeoff(self, aircraft, altitude: float | None = None, speed: float | None = None) -> None:
        """Take off along the heading it faces, climb straight ahead to `altitude` (m above sea level; default
        300 m above the ground it starts from)."""
        self._give(self._slots(aircraft), Order.TAKEOFF, altitude=altitude, speed=speed)

    def fly_to(self, aircraft, north: float | None = None, east: float | None = None, altitude: float | None = None,
               speed: float | None = None, zone: tuple[float, float] | None = None, floor: float = 0.0) -> None:
        """Fly (taking off first if parked) to the point (or the `zone`'s centre) at `altitude` (m above sea level;
        default as it is, or 300 m up from the ground), at least `floor` m over the ground ahead, and circle it."""
        north, east = _point(north, east, zone)
        self._give(self._slots(aircraft), Order.FLY_TO, north=north, east=east, altitude=altitude, speed=speed,
                   floor=floor)

    def hold_heading(self, aircraft, heading: float | None = None, altitude: float | None = None,
                     speed: float | None = None, heading_deg: float | None = None, floor: float = 0.0) -> None:
        """Fly `heading` (rad; or `heading_deg`) at `altitude` and `speed` (EAS, m/s; default the type's pattern
        speed)."""
        if heading_deg is not None:
            heading = math.radians(heading_deg)
        self._give(self._slots(aircraft), Order.HEADING, heading=heading, altitude=altitude, speed=speed,
                   floor=floor)

    def circuit(self, aircraft, field: Airfield, height: float = PATTERN_HEIGHT) -> None:
        """Take off (if parked), fly the field's circuit at `height` above it, land and stop on it."""
        self._give_field(self._slots(aircraft), Order.CIRCUIT, field, height)

    def land(self, aircraft, field: Airfield, height: float = PATTERN_HEIGHT, in_turn: bool = False) -> None:
        """Join the field's circuit from wherever it is, land and stop on it. `in_turn`: one after another, in the
        order given and after any already landing there, each on a landing line of its own."""
        self._give_field(self._slots(aircraft), Order.LAND, field, height, in_turn)

    def pursue(self, aircraft, target: int) -> None:
        """Take off if parked, chase aircraft `target` (a fleet index) with lead and fire short bursts when in
        range and in the gun cone; home when it is down."""
        self._give(self._slots(aircraft), Order.PURSUE, target=int(target), floor=FIGHT_FLOOR)

    def attack(self, aircraft, target: int) -> None:
        """Attack runs on `target` (a bomber): from a perch above and behind, a diving pass firing, a break away,
        and round again; home when it is down."""
        self._give(self._slots(aircraft), Order.ATTACK, target=int(target), floor=FIGHT_FLOOR)

    def escort(self, aircraft, leader: int) -> None:
        """A loose station above and behind `leader`; go for enemies that come near him, then back to it."""
        slots = self._slots(aircraft, leader)
        self._give_stations(slots, Order.ESCORT, leader, escort_offsets(len(slots)),
                            TAKEOFF_INTERVAL * np.arange(1, len(slots) + 1))

    def formation(self, aircraft, leader: int, shape: str = "vic", spacing: float | None = None,
                  interval: float = TAKEOFF_INTERVAL) -> None:
        """Keep station on `leader` in a "vic", "echelon" (right) or "box", `spacing` m apart (default 2.5 spans of
        the leader), taking the stations after those already on him. Parked, they roll after him, `interval` s
        one after another in the order given."""
        slots = self._slots(aircraft, leader)
        spacing = SPACING * float(self.fleet.params.span[int(leader)]) if spacing is None else float(spacing)
        ahead = self._on_station(Order.FORMATION, leader, slots)
        rank = np.arange(ahead + 1, ahead + len(slots) + 1)
        self._give_stations(slots, Order.FORMATION, leader, formation_offsets(shape, ahead + len(slots), spacing)[ahead:],
                            interval * rank)

    def patrol(self, aircraft, north: float | None = None, east: float | None = None, radius: float = 1500.0,
               altitude: float | None = None, zone: tuple[float, float] | None = None) -> None:
        """Circle the point (or the `zone`'s centre) at `radius` and `altitude`; go for enemies that come near."""
        north, east = _point(north, east, zone)
        self._give(self._slots(aircraft), Order.PATROL, north=north, east=east, radius=radius, altitude=altitude,
                   floor=FIGHT_FLOOR)

    def return_to_base(self, aircraft, field: Airfield | None = None, height: float = PATTERN_HEIGHT,
                       in_turn: bool = False) -> None:
        """Fly to `field` (default: where each took off from, landing into the wind) and land there (`in_turn`:
        as `land` says)."""
        slots = self._slots(aircraft)
        for slot in slots:
            self._give_field(np.array([slot]), Order.RETURN, field or self._home_field(slot), height, in_turn)

    def stall(self, aircraft) -> None:
        """A practice stall: throttle back, hold the nose up until she stalls, recover, then fly level."""
        self._give(self._slots(aircraft), Order.STALL)

    def _slots(self, aircraft, leader: int | None = None) -> np.ndarray:
        chosen = [int(i) for i in np.atleast_1d(aircraft) if leader is None or int(i) != int(leader)]
        return np.array([self._slot_of[i] for i in chosen], dtype=np.intp)

    def _home_field(self, slot: int) -> Airfield:
        north, east, heading = (float(v) for v in self.home[slot])
        return Airfield(north, east, heading, HOME_RADIUS).into_wind(self.fleet.wind)

    def _give_field(self, slots: np.ndarray, kind: Order, field: Airfield, height: float,
                    in_turn: bool = False) -> None:
        """A field's circuit; in turn, each its place in the queue: a landing line LANE m right or left of the
        last, its downwind extended and its circuit stacked higher by the place."""
        elevation = float(self.fleet.ground(np.array([field.north]), np.array([field.east]))[0])
        place = self._queue(field, slots) + np.arange(len(slots)) if in_turn else np.zeros(len(slots), dtype=int)
        lane = LANE * np.where(place % 2 == 1, 1.0, -1.0) * ((place + 1) // 2)
        heading = field.landing_heading
        self._give(slots, kind, north=field.north - lane * sin(heading),
                   east=field.east + lane * cos(heading), altitude=elevation + height + QUEUE_STACK * place,
                   heading=heading, radius=field.radius, elevation=elevation,
                   floor=FIGHT_FLOOR if kind == Order.RETURN else 0.0)
        self.orders.extend[slots] = QUEUE_GAP * place

    def _queue(self, field: Airfield, slots: np.ndarray) -> int:
        """How many others are flying to land on `field` (or its circuit) and not yet down."""
        o = self.orders
        others = np.ones(len(self.index), dtype=bool)
        others[slots] = False
        landing = np.isin(o.kind, (Order.CIRCUIT, Order.LAND, Order.RETURN)) & (self.phase != Phase.STOPPED)
        dn, de = o.north - field.north, o.east - field.east
        there = dn * dn + de * de < field.radius * field.radius
        return int((others & landing & there & ~self.fleet.crashed[self.index]).sum())

    def _on_station(self, kind: Order, leader: int, slots: np.ndarray) -> int:
        """How many others keep station (`kind`) on `leader`: those given stations now take the ones after."""
        others = np.ones(len(self.index), dtype=bool)
        others[slots] = False
        return int((others & (self.orders.kind == kind) & (self.orders.target == int(leader))).sum())

    def _give_stations(self, slots: np.ndarray, kind: Order, leader: int, offsets: np.ndarray,
                       delay: np.ndarray) -> None:
        self._give(slots, kind, target=int(leader), floor=FIGHT_FLOOR)
        self.orders.forward[slots], self.orders.right[slots], self.orders.down[slots] = offsets.T
        self.orders.delay[slots] = delay

    def _give(self, slots: np.ndarray, kind: Order, *, north: float = 0.0, east: float = 0.0,
              altitude: float | None = None, speed: float | None = None, heading: float | None = None,
              radius: float = 0.0, elevation: float | None = None, target: int = -1, floor: float = 0.0) -> None:
        """Set the orders of `slots` and the phase each starts from, given where it is now."""
        if not len(slots):
            return
        i = read_instruments(self.fleet, self.index[slots])
        s = read_track(self.fleet, self.index[slots], i.heading)
        o, t = self.orders, self.tuning
        o.kind[slots] = kind
        o.north[slots], o.east[slots], o.radius[slots] = north, east, radius
        # no altitude given: as it is, or, on the ground, a safe height over it
        o.altitude[slots] = (np.where(i.on_ground, s.altitude - s.height + TAKEOFF_HEIGHT, s.altitude)
                             if altitude is None else altitude)
        o.speed[slots] = t.pattern_speed[slots] if speed is None else speed
        o.heading[slots] = i.heading if heading is None else heading
        o.elevation[slots] = s.altitude - s.height if elevation is None else elevation
        o.target[slots], o.floor[slots] = target, floor
        if target >= 0:
            self.sighted[slots] = self.fleet.pos[target]  # the ground's report that sends him
        o.forward[slots] = o.right[slots] = o.down[slots] = o.delay[slots] = o.extend[slots] = 0.0
        self.tactic[slots], self.tactic_ticks[slots], self.engaged[slots] = 0, 0, -1
        parked = i.on_ground & (s.ground_speed < 3.0)
        phase = self.phase[slots]
        starting = np.isin(phase, (Phase.TAKEOFF_ROLL, Phase.CLIMB_OUT))  # a new order does not abort a takeoff
        if kind == Order.NONE:
            new = np.where(parked, Phase.PARKED, Phase.ENROUTE)
        elif kind == Order.LAND:
            new = np.where(i.on_ground, np.where(parked, Phase.STOPPED, Phase.ROLLOUT),
                           np.where(np.isin(phase, AIRBORNE_PHASES[2:]), phase, Phase.DOWNWIND))
        else:
            flying = Phase.DOWNWIND if kind == Order.CIRCUIT else Phase.ENROUTE
            if kind in _STAY_PARKED:
                waiting = np.where(phase == Phase.STOPPED, Phase.STOPPED, Phase.PARKED)
            else:
                waiting = Phase.PARKED if kind in _PARKED_UNTIL_LEADER else Phase.TAKEOFF_ROLL
            new = np.where(starting, phase, np.where(parked, waiting, flying))
        self._set_phase(slots, new, i.heading)
        self._ticks_to_guidance = 0  # re-plan on the next tick

    def _set_phase(self, slots: np.ndarray, new: np.ndarray, heading: np.ndarray) -> None:
        """New phases; a takeoff roll starting holds the heading it faces, and makes here home."""
        taking_off = (new == Phase.TAKEOFF_ROLL) & (self.phase[slots] != Phase.TAKEOFF_ROLL)
        self.runway_heading[slots] = np.where(taking_off, heading, self.runway_heading[slots])
        pos = self.fleet.pos[self.index[slots]]
        self.home[slots] = np.where(taking_off[:, None], np.stack([pos[:, 0], pos[:, 1], heading], axis=1),
                                    self.home[slots])
        self.phase[slots] = new

    # ---- per tick --------------------------------------------------------------------------------------------
    def update(self) -> np.ndarray:
        """One tick: read the instruments, re-plan if it is a guidance tick, fly the loops; writes the aircraft's
        (K, 6) rows of `fleet.controls` and returns them (a view of them when the aircraft are in fleet order)."""
        f = self.fleet
        sense(self.index, f.quat, f.vel, f.pos, f.omega, f.specific_force, f.wind, f.on_ground,
              self.airborne_ticks, self._instruments)
        if self._ticks_to_guidance <= 0:
            self._plan(self._instruments)
            self._ticks_to_guidance = GUIDANCE_TICKS
        self._ticks_to_guidance -= 1
        self.loops.run(self.index, self._instruments, self._command_table, f)
        return f.controls[self._rows]

    def _plan(self, readings: np.ndarray, advance: bool = True) -> None:
        """The guidance pass into the commands table, from this tick's instrument `readings` (sensing.sense's
        table): where each aircraft is, its next phase, what that phase asks of the loops, and the air work
        (fights, stations, patrols, the way home) over it (planning's kernels)."""
        terrain = terrain_of(self.fleet, self.index)
        bundles = self._bundles()
        fleet, pilot, orders, skill, gunnery = bundles
        tables, sight = (self._tuning_table, skill, gunnery, readings, self._track), float(self.sight)
        if self._run(bundles, survey, self.index, fleet, self.phase, orders, readings, terrain, advance,
                     self._track, self._scratch):
            self.return_to_base(self.index[self._scratch[0]])  # the target or the leader is down
        due, anyone_fights = self._run(bundles, plan, self.index, fleet, pilot, orders, *tables, self.hostile,
                                       self.any_hostile, sight, advance, self._command_table, self._scratch)
        if advance:
            draws = normal(self.rng, (due, 2)) if due and self.rng is not None else self._no_draws
            self._run(bundles, finish_plan, self.index, fleet, pilot, orders, *tables, self._command_table, terrain,
                      sight, anyone_fights, draws, self._scratch)

    @staticmethod
    def _run(bundles: tuple, kernel, *args):
        """A guidance kernel; one clear error for an array of the state it was not compiled for."""
        try:
            return kernel(*args)
        except TypeError:
            names = (FLEET_NAMES, PILOT_NAMES, ORDER_NAMES, SKILL_NAMES, GUNNERY_NAMES)
            wrong = refused(names, bundles, (FLEET, PILOT, ORDERS, SKILL, GUNNERY))
            raise KernelArgumentError(f"Pilot guidance ({kernel.__name__}): "
                                      + (wrong or "a table of another dtype or shape")) from None

    def _bundles(self) -> tuple:
        """The state as planning's kernels take it (its FLEET, PILOT, ORDERS, SKILL and GUNNERY bundles)."""
        f, k = self.fleet, self.skill
        return ((f.pos, f.vel, f.quat, f.on_ground, f.crashed, f.applied, f.wind, f.params.span, self.lit),
                ((self.phase, self.tactic, self.airborne_ticks, self.tactic_ticks, self.engaged, self.threat_ticks,
                  self.evade_ticks),
                 (self.runway_heading, self.evade_dir, self.trim, self.side, self.home, self.sighted)),
                (self.orders.kind, self.orders.target, self.orders.table),
                (k.reaction_ticks, k.burst_ticks, k.aim_error, k.g_limit, k.bank_limit, k.fire_range),
                self.gunnery.arrays())

    # ---- keyframes -------------------------------------------------------------------------------------------
    def state(self) -> dict[str, np.ndarray]:
        """Copies of everything the next `update` reads besides the fleet: for replay keyframes and hashes."""
        state = {f"orders/{name}": getattr(self.orders, name) for name in Orders.FIELDS}
        state.update({f"commands/{f.name}": getattr(self.commands, f.name) for f in fields(Commands)})
        state.update({f"loops/{name}": getattr(self.loops, name) for name in InnerLoops.STATE})
        state.update({f"skill/{f.name}": getattr(self.skill, f.name) for f in fields(Skill)})
        state.update({f"gunnery/{name}": getattr(self.gunnery, name) for name in Gunnery.STATE})
        state.update({name: getattr(self, name) for name in TACTICS})
        state.update(phase=self.phase, runway_heading=self.runway_heading, airborne_ticks=self.airborne_ticks,
                     ticks_to_guidance=np.array(self._ticks_to_guidance, dtype=np.int64))
        return {name: np.array(value, copy=True) for name, value in state.items()}

    def restore(self, state: dict[str, np.ndarray]) -> None:
        """Put back a `state()` of a pilot flying the same aircraft; anything else is refused."""
        mine = self.state()
        for name, value in mine.items():
            theirs = np.asarray(state[name])
            if theirs.shape != value.shape or theirs.dtype != value.dtype:
                raise ValueError(f"pilot state {name}: {theirs.dtype}{theirs.shape}, "
                                 f"expected {value.dtype}{value.shape}")
        value = {name: np.array(state[name], copy=True) for name in mine}
        for name in Orders.FIELDS:
            setattr(self.orders, name, value[f"orders/{name}"])
        self.commands = Commands(**{f.name: value[f"commands/{f.name}"] for f in fields(Commands)})
        for name in InnerLoops.STATE:
            setattr(self.loops, name, value[f"loops/{name}"])
        for f in fields(Skill):
            setattr(self.skill, f.name, value[f"skill/{f.name}"])
        for name in Gunnery.STATE:
            setattr(self.gunnery, name, value[f"gunnery/{name}"])
        for name in TACTICS:
            setattr(self, name, value[name])
        self.phase, self.runway_heading = value["phase"], value["runway_heading"]
        self.airborne_ticks, self._ticks_to_guidance = value["airborne_ticks"], int(value["ticks_to_guidance"])


def _point(north: float | None, east: float | None, zone: tuple[float, float] | None) -> tuple[float, float]:
    """A point given as north and east, or as a zone's centre."""
    if zone is not None:
        return float(zone[0]), float(zone[1])
    if north is None or east is None:
        raise ValueError("give north= and east=, or zone=")
    return float(north), float(east)
