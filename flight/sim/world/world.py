"""The World: every aircraft, the fighting and the player's seat, advanced in fixed ticks by `tick`, the only
mutator. The app reads `snapshot()`; input reaches the world only as ControlFrames. Imports no panda3d."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from flight.sim.command import FIRE
from flight.sim.dynamics import DT, Fleet, load_aircraft, readings
from flight.sim.dynamics.stablemath import cos1, sin1
from flight.sim.world.combat.combat import Combat
from flight.sim.world.combat.combat_snapshot import CombatSnapshot, combat_snapshot
from flight.sim.world.seats import FLYING, SEAT_NAMES, seats_of
from flight.sim.world.seats.gate.gate_snapshot import GateSnapshot
from flight.sim.world.tallies import tally
from flight.sim.world.combat.ground_units import SIGHT
from flight.sim.world.combat.ground_units import SIDES, GroundGroup
from flight.sim.world.level import Level
from flight.sim.world.records import made
from flight.sim.map.terrain import Terrain, generate_terrain


@dataclass(frozen=True)
class WorldSnapshot:
    """What the app draws and the HUD shows after one tick: copies, so the next tick cannot change them."""
    tick: int
    pos: np.ndarray  # (N, 3) NED m
    quat: np.ndarray  # (N, 4) body -> NED
    vel: np.ndarray  # (N, 3) NED m/s
    airspeed: np.ndarray  # (N,) TAS m/s
    eas: np.ndarray  # (N,) m/s
    altitude: np.ndarray  # (N,) m above sea level
    height: np.ndarray  # (N,) m above the ground under it
    euler: np.ndarray  # (N, 3) roll, pitch, heading rad
    specific_force: np.ndarray  # (N, 3) body, g
    alpha: np.ndarray  # (N,) rad
    rpm: np.ndarray  # (N,)
    fuel: np.ndarray  # (N,) kg
    controls: np.ndarray  # (N, 6) as applied
    on_ground: np.ndarray  # (N,) bool
    crashed: np.ndarray  # (N,) bool
    crash_cause: tuple[str, ...]
    engine_angle: np.ndarray  # (N,) propeller angle, rad, for the spinning propeller
    ammunition: np.ndarray | None = None  # (N, G) rounds left per gun, -1 where it has no such gun
    jammed: np.ndarray | None = None  # (N, G) bool
    damage: np.ndarray | None = None  # (N, 5) per DAMAGE_PARTS, 1 intact .. 0 gone
    seat: str = FLYING  # where the player is (flight.sim.world.seats)
    combat: CombatSnapshot | None = None  # tracers, flashes, smoke, bursts, ground units (flight.sim.world.combat.combat_snapshot)
    gate: GateSnapshot | None = None  # Part 1 at the camp gate's gun (flight.sim.world.seats.gate.gate_snapshot); None without [gate]
    # at the rear gun: the manned gun's azimuth (from the nose, + right, through pi astern) and elevation (+ up),
    # rad in the body axes, as this tick's frame aimed it; and its arc (azimuth min, max, elevation min, max)
    rear_gun_aim: np.ndarray | None = None  # (2,) rad, None at any other seat
    rear_gun_arc: np.ndarray | None = None  # (4,) rad, None when aircraft 0 has no rear gun
    engine_rpm: np.ndarray | None = None  # (N, E) per engine slot (0 where a type has fewer), for the sound
    engine_health: np.ndarray | None = None  # (N, E) 1 intact .. 0 dead, per engine slot

    @property
    def seconds(self) -> float:
        return self.tick * DT


@dataclass(frozen=True)
class Slot:
    """One aircraft of the world at the start: the player's (slot 0) or an AI's."""
    name: str  # "player", or "<flight>/<n>"
    aircraft: str
    side: str  # "allied" or "german"
    north: float
    east: float
    heading_deg: float
    on_ground: bool = True
    altitude: float = 0.0  # m above sea level, for an air start
    speed: float = 45.0  # m/s, for an air start


def slots_of(level: Level) -> list[Slot]:
    """The player's slot and every aircraft of the level's flights, in flight order."""
    slots = [Slot("player", level.aircraft, level.side, *level.start, level.start_heading, level.start_on_ground,
                  level.start_altitude)]
    for flight in level.flights:
        heading = math.radians(flight.heading_deg)
        for n in range(flight.count):
            # parked: a line abreast to the right; flying: echelon right, each a spacing back and to the right
            right = n * flight.spacing
            back = 0.0 if flight.on_ground else n * flight.spacing
            north = flight.north - back * cos1(heading) - right * sin1(heading)
            east = flight.east - back * sin1(heading) + right * cos1(heading)
            slots.append(Slot(f"{flight.name}/{n}", flight.aircraft, flight.side, float(north), float(east),
                              flight.heading_deg, flight.on_ground, flight.altitude, flight.speed))
    return slots


class World:
    """A level's simulation: every aircraft (slot 0 the player's, the rest flown by the AI pilot), advanced by
    `tick`. All randomness comes from `rng`, seeded per world.

    | field          | shape | meaning                                                         |
    |----------------|-------|-----------------------------------------------------------------|
    | fleet          | N     | the aircraft (flight.sim.dynamics.Fleet)                            |
    | names, sides   | N     | slot names ("player", "scramble/0") and "allied"/"german"       |
    | units          | -     | unit name -> fleet indices: each slot, and each flight as a whole |
    | pilot          | N-1   | the AI pilot of slots 1.. (None when the player flies alone)     |
    | combat         | -     | guns, bullets, damage and ground units (flight.sim.world.combat)   |
    | seats          | -     | seat name -> Seat: the places the player can be (flight.sim.world.seats) |
    | seat           | -     | the name of the one he is in: the mission and the frame's buttons move him |
    """

    def __init__(self, terrain: Terrain, slots: list[Slot] | None = None, seed: int = 0,
                 ground_units: tuple[GroundGroup, ...] = (), time_of_day: str = "day", difficulty: str = "normal",
                 seat_specs: dict | None = None):
        slots = slots or [Slot("player", "camel", "allied", 0.0, 0.0, 0.0)]
        self.terrain = terrain
        self.rng = np.random.Generator(np.random.PCG64(seed))
        self.fleet = Fleet([load_aircraft(s.aircraft) for s in slots], ground=terrain.height_at)
        for i, s in enumerate(slots):
            if s.on_ground:
                self.fleet.reset(i, on_ground=True, pos=(s.north, s.east, 0.0), heading=s.heading_deg)
            else:
                self.fleet.reset(i, pos=(s.north, s.east, -s.altitude), speed=s.speed, heading=s.heading_deg,
                                 throttle=0.8)
        self.names = [s.name for s in slots]
        self.sides = [s.side for s in slots]
        self.units: dict[str, list[int]] = {}
        for i, name in enumerate(self.names):
            self.units[name] = [i]
            if "/" in name:
                self.units.setdefault(name.split("/")[0], []).append(i)
        self.tick_count = 0
        self._propeller_angle = np.zeros(self.fleet.n)
        n = self.fleet.n
        self.airborne_ticks = np.zeros(n, dtype=np.int64)  # ticks off the ground, in all
        self.airborne_run = np.zeros(n, dtype=np.int64)  # ticks off the ground since it last touched
        self.last_speed = np.zeros(n)  # m/s, kept from before a crash: the impact speed
        self.touchdown_sink = np.zeros(n)  # m/s: how fast it was coming down when its wheels last touched
        self._was_on_ground, self._sink = np.zeros(n, dtype=bool), np.zeros(n)  # scratch: before the step
        self.shots_fired = np.zeros(n, dtype=np.int64)
        self.player_fire = False
        self.combat = Combat(self.fleet, terrain, self.sides, ground_units, time_of_day)
        self.pilot = _ai_pilot(self.fleet, self.combat.allegiance, self.rng, difficulty, time_of_day)
        self.seats = seats_of(self, seat_specs or {})
        self.seat = next((name for name, seat in self.seats.items() if seat.starts_here), FLYING)

    @classmethod
    def from_level(cls, level: Level, seed: int = 0, difficulty: str = "normal") -> World:
        if level.theatre is not None:
            from flight.sim.map.theatre import load_theatre
            terrain = load_theatre(level.theatre).terrain()
        else:
            terrain = generate_terrain(seed=level.terrain_seed)
        return cls(terrain, slots_of(level), seed=seed, ground_units=level.ground_units,
                   time_of_day=level.time_of_day, difficulty=difficulty, seat_specs=level.seat_specs)

    def tick(self, player_controls: np.ndarray, buttons: int = 0) -> None:
        """Advance one DT with the player's quantised controls (a (6,) array from ControlFrame.to_array()) and
        the frame's buttons (FIRE, CLEAR_JAM, a seat's bit; True reads as FIRE); the player's seat says what they
        drive (flight.sim.world.seats)."""
        player_controls, buttons = self.seats[self.seat].take_frame(self, player_controls, int(buttons))
        self.player_fire = bool(buttons & FIRE)
        self._change_seat(buttons)
        controls = self.fleet.controls
        if self.pilot is not None:
            self.combat.units.held(self.fleet.n, self.pilot.lit)  # what night fighters can see besides by sight
            self.pilot.update()  # writes the AI's rows
        controls[0], manned = self.seats[self.seat].fly(self, player_controls)
        self.combat.steer(controls)
        fleet = self.fleet
        self._was_on_ground[:] = fleet.on_ground  # (slice assignment: np.copyto is a Python wrapper in numpy 2)
        self._sink[:] = fleet.vel[:, 2]
        fleet.step(controls, DT)
        self.combat.tick(self, buttons, manned)
        tally(self._was_on_ground, self._sink, fleet.on_ground, fleet.crashed, fleet.vel, fleet.engine_omega,
              self.touchdown_sink, self.airborne_ticks, self.airborne_run, self.last_speed, self._propeller_angle)
        self.tick_count += 1

    def _change_seat(self, buttons: int) -> None:
        """A seat's button held moves the player there from flying aircraft 0 (the seat takes her as she is) and,
        let go, back; the seats without a button are the mission's to change."""
        for name, seat in self.seats.items():
            held = bool(buttons & seat.button)
            if held and self.seat == FLYING:
                seat.enter(self)
                self.seat = name
            elif not held and seat.button and self.seat == name:
                self.seat = FLYING

    def join_side(self, unit: str, side: str) -> None:
        """The crews of `unit` (a slot or a flight, by name) fight for `side` ("allied", "german") from now on:
        their gunners and pilots pick their enemies by it. Their markings stay, and the ground gunners of both
        sides go by markings too (the stolen Gothas keep their crosses)."""
        self.combat.allegiance[self.units[unit]] = SIDES.index(side)
        if self.pilot is not None:
            self.pilot.set_teams(self.combat.allegiance)

    def height_above_ground(self) -> np.ndarray:
        """(N,) m between each aircraft's CG and the ground under it."""
        return self.fleet.readings()[readings.HEIGHT]

    def snapshot(self) -> WorldSnapshot:
        f = self.fleet
        read = f.readings()
        engine_rpm = f.engine_rpm  # a new array each time
        combat, ammunition, jammed = combat_snapshot(self.combat, self.tick_count)
        return made(WorldSnapshot, dict(
            tick=self.tick_count, pos=f.pos.copy(), quat=f.quat.copy(), vel=f.vel.copy(),
            airspeed=read[readings.AIRSPEED], eas=read[readings.EAS], altitude=f.altitude,
            height=read[readings.HEIGHT], euler=np.ascontiguousarray(read[readings.ROLL:readings.HEADING + 1].T),
            specific_force=f.specific_force.copy(), alpha=read[readings.ALPHA], rpm=engine_rpm[:, 0].copy(),
            fuel=f.fuel.copy(), controls=f.applied.copy(), on_ground=f.on_ground.copy(), crashed=f.crashed.copy(),
            crash_cause=f.crash_cause_names(),
            engine_angle=self._propeller_angle.copy(), ammunition=ammunition, jammed=jammed, damage=f.damage.copy(),
            engine_rpm=engine_rpm, engine_health=f.damage_engine.copy(), seat=self.seat, combat=combat,
            **{field: value for name, seat in self.seats.items()
               for field, value in seat.snapshot_fields(self.tick_count, name == self.seat).items()}))

    def state(self) -> dict[str, np.ndarray]:
        """Everything the next tick reads, as named arrays (copies): hashed by replays, restored to seek."""
        state = {f"fleet/{name}": value for name, value in self.fleet.state().items()}
        state["world/tick"] = np.array(self.tick_count, dtype=np.int64)
        state["world/propeller_angle"] = self._propeller_angle.copy()
        state["world/rng"] = rng_state(self.rng)
        state["world/seat"] = np.array(SEAT_NAMES.index(self.seat), dtype=np.int8)
        for name in _TRACKED:
            state[f"world/{name}"] = getattr(self, name).copy()
        state.update({f"combat/{name}": value for name, value in self.combat.state().items()})
        if self.pilot is not None:
            state.update({f"pilot/{name}": value for name, value in self.pilot.state().items()})
        for seat_name, seat in self.seats.items():
            state.update({f"{seat_name}/{name}": value for name, value in seat.state().items()})
        return state

    def restore(self, state: dict[str, np.ndarray]) -> None:
        self.fleet.restore({name[len("fleet/"):]: value for name, value in state.items() if name.startswith("fleet/")})
        self.tick_count = int(state["world/tick"])
        self._propeller_angle = np.array(state["world/propeller_angle"], dtype=float)
        set_rng_state(self.rng, state["world/rng"])
        self.seat = SEAT_NAMES[int(state["world/seat"])]
        for name in _TRACKED:
            setattr(self, name, np.array(state[f"world/{name}"], copy=True))
        self.combat.restore({name[len("combat/"):]: value for name, value in state.items()
                             if name.startswith("combat/")})
        if self.pilot is not None:
            self.pilot.restore({name[len("pilot/"):]: value for name, value in state.items()
                                if name.startswith("pilot/")})
            self.pilot.set_teams(self.combat.allegiance)
        for seat_name, seat in self.seats.items():
            prefix = f"{seat_name}/"
            seat.restore({name[len(prefix):]: value for name, value in state.items() if name.startswith(prefix)})


def _ai_pilot(fleet: Fleet, allegiance: np.ndarray, rng: np.random.Generator, difficulty: str, time_of_day: str):
    """The AI pilot of slots 1..: enemies of the player fly at the difficulty's skill, friends as regulars; they
    see as far as the ground's gunners do at that time of day (flight.sim.world.combat.ground_units.SIGHT)."""
    if fleet.n < 2:
        return None
    from flight.sim.world.ai import Pilot
    from flight.sim.world.ai.skill import DIFFICULTY, FRIENDLY
    skills = [DIFFICULTY[difficulty] if allegiance[i] != allegiance[0] else FRIENDLY for i in range(1, fleet.n)]
    return Pilot(fleet, range(1, fleet.n), teams=allegiance.copy(), rng=rng, skill=skills,
                 sight=SIGHT.get(time_of_day, math.inf))


_TRACKED = ("airborne_ticks", "airborne_run", "touchdown_sink", "last_speed", "shots_fired")
_WORD = (1 << 64) - 1


def rng_state(rng: np.random.Generator) -> np.ndarray:
    """A PCG64 generator's state as six uint64 words (its 128-bit state and increment, and the cached half-word),
    so it can be stored and hashed like any other array."""
    s = rng.bit_generator.state
    state, inc = s["state"]["state"], s["state"]["inc"]
    return np.array([state >> 64, state & _WORD, inc >> 64, inc & _WORD, s["has_uint32"], s["uinteger"]],
                    dtype=np.uint64)


def set_rng_state(rng: np.random.Generator, words: np.ndarray) -> None:
    w = [int(x) for x in words]
    rng.bit_generator.state = {"bit_generator": "PCG64", "state": {"state": (w[0] << 64) | w[1],
                                                                    "inc": (w[2] << 64) | w[3]},
                               "has_uint32": w[4], "uinteger": w[5]}
