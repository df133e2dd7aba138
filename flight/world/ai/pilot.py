"""The AI pilot: flies K aircraft of a fleet by their orders through the same control columns a player's input
writes, with the flight model doing the rest. One vectorised pass per tick (phases are masks, not a loop over
aircraft); deterministic, CPU-stable numpy only. Imports numpy and flight only (never panda3d).

    pilot = Pilot(fleet, [1, 2])
    pilot.circuit([1, 2], Airfield(north=0.0, east=0.0, landing_heading=np.radians(270.0), radius=600.0))
    while ...:
        pilot.update()          # writes fleet.controls[1] and [2]
        fleet.step(fleet.controls, DT)
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields

import numpy as np

from flight.dynamics import Fleet
from flight.world.ai.behaviours import commands_for, next_phases
from flight.world.ai.circuit import field_position
from flight.world.ai.loops import Commands, InnerLoops
from flight.world.ai.orders import AIRBORNE_PHASES, Airfield, Order, Orders, Phase
from flight.world.ai.sensing import read_instruments, read_track
from flight.world.ai.tuning import tuning_for

PATTERN_HEIGHT = 250.0  # m above the field, unless the order says otherwise
GUIDANCE_TICKS = 4  # the behaviours and guidance run every 4th tick (30 Hz); the inner loops every tick


class Pilot:
    """Flies the aircraft `index` of `fleet`. Give orders with `takeoff`, `fly_to`, `hold_heading`, `circuit` and
    `land` (by fleet index, any time); call `update` every tick before `fleet.step`. Public state, (K,) arrays in
    the order of `index`: `orders` (Orders), `phase` (Phase values), `commands` (what the loops fly to); `state`
    and `restore` keep all of it for replay keyframes, beside the fleet's."""

    def __init__(self, fleet: Fleet, index: Sequence[int]):
        self.fleet = fleet
        self.index = np.asarray(index, dtype=np.intp).reshape(-1)
        self.tuning = tuning_for([fleet.specs[i] for i in self.index])
        self.loops = InnerLoops(self.tuning)
        k = len(self.index)
        self.orders = Orders.empty(k)
        self.phase = np.zeros(k, dtype=np.int8)
        self.runway_heading = np.zeros(k)  # rad: held on the takeoff roll and the climb-out
        self.airborne_ticks = np.zeros(k, dtype=np.int64)
        self._ticks_to_guidance = 0
        self._slot_of = {int(i): slot for slot, i in enumerate(self.index)}
        self._give(np.arange(k), Order.NONE)
        self.commands = self._plan(read_instruments(fleet, self.index), advance=False)

    # ---- orders ----------------------------------------------------------------------------------------------
    def takeoff(self, aircraft, altitude: float, speed: float | None = None) -> None:
        """Take off along the heading it faces, climb straight ahead to `altitude` (m above sea level)."""
        self._give(self._slots(aircraft), Order.TAKEOFF, altitude=altitude, speed=speed)

    def fly_to(self, aircraft, north: float, east: float, altitude: float, speed: float | None = None) -> None:
        """Fly (taking off first if parked) to the point at `altitude` and circle it."""
        self._give(self._slots(aircraft), Order.FLY_TO, north=north, east=east, altitude=altitude, speed=speed)

    def hold_heading(self, aircraft, heading: float, altitude: float, speed: float | None = None) -> None:
        """Fly `heading` (rad) at `altitude` and `speed` (EAS, m/s; default the type's pattern speed)."""
        self._give(self._slots(aircraft), Order.HEADING, heading=heading, altitude=altitude, speed=speed)

    def circuit(self, aircraft, field: Airfield, height: float = PATTERN_HEIGHT) -> None:
        """Take off (if parked), fly the field's circuit at `height` above it, land and stop on it."""
        self._give_field(self._slots(aircraft), Order.CIRCUIT, field, height)

    def land(self, aircraft, field: Airfield, height: float = PATTERN_HEIGHT) -> None:
        """Join the field's circuit from wherever it is, land and stop on it."""
        self._give_field(self._slots(aircraft), Order.LAND, field, height)

    def _slots(self, aircraft) -> np.ndarray:
        return np.array([self._slot_of[int(i)] for i in np.atleast_1d(aircraft)], dtype=np.intp)

    def _give_field(self, slots: np.ndarray, kind: Order, field: Airfield, height: float) -> None:
        elevation = float(self.fleet.ground(np.array([field.north]), np.array([field.east]))[0])
        self._give(slots, kind, north=field.north, east=field.east, altitude=elevation + height,
                   heading=field.landing_heading, radius=field.radius, elevation=elevation)

    def _give(self, slots: np.ndarray, kind: Order, *, north: float = 0.0, east: float = 0.0,
              altitude: float | None = None, speed: float | None = None, heading: float | None = None,
              radius: float = 0.0, elevation: float | None = None) -> None:
        """Set the orders of `slots` and the phase each starts from, given where it is now."""
        i = read_instruments(self.fleet, self.index[slots])
        s = read_track(self.fleet, self.index[slots], i.heading)
        o, t = self.orders, self.tuning
        o.kind[slots] = kind
        o.north[slots], o.east[slots], o.radius[slots] = north, east, radius
        o.altitude[slots] = s.altitude if altitude is None else altitude
        o.speed[slots] = t.pattern_speed[slots] if speed is None else speed
        o.heading[slots] = i.heading if heading is None else heading
        o.elevation[slots] = s.altitude - s.height if elevation is None else elevation
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
            new = np.where(starting, phase, np.where(parked, Phase.TAKEOFF_ROLL, flying))
        taking_off = (new == Phase.TAKEOFF_ROLL) & (phase != Phase.TAKEOFF_ROLL)
        self.runway_heading[slots] = np.where(taking_off, i.heading, self.runway_heading[slots])
        self.phase[slots] = new
        self._ticks_to_guidance = 0  # re-plan on the next tick

    # ---- per tick --------------------------------------------------------------------------------------------
    def update(self) -> np.ndarray:
        """One tick: read the instruments, re-plan if it is a guidance tick, fly the loops; writes and returns the
        aircraft's (K, 6) control rows."""
        i = read_instruments(self.fleet, self.index)
        self.airborne_ticks = np.where(i.on_ground, 0, self.airborne_ticks + 1)
        if self._ticks_to_guidance <= 0:
            self.commands = self._plan(i)
            self._ticks_to_guidance = GUIDANCE_TICKS
        self._ticks_to_guidance -= 1
        u = self.loops.run(i, self.commands)
        u[i.crashed] = 0.0
        self.fleet.controls[self.index] = u
        return u

    def _plan(self, i, advance: bool = True) -> Commands:
        """The guidance pass: where each aircraft is, its next phase, and what that phase asks of the loops."""
        track = read_track(self.fleet, self.index, i.heading)
        along, across = field_position(track, self.orders)
        if advance:
            self.phase, go_around = next_phases(self.phase, self.orders, self.tuning, i, track, along, across,
                                                self.airborne_ticks)
            self.runway_heading[go_around] = self.orders.heading[go_around]
        return commands_for(self.phase, self.orders, self.tuning, i, track, along, across, self.runway_heading)

    # ---- keyframes -------------------------------------------------------------------------------------------
    def state(self) -> dict[str, np.ndarray]:
        """Copies of everything the next `update` reads besides the fleet: for replay keyframes and hashes."""
        state = {f"orders/{f.name}": getattr(self.orders, f.name) for f in fields(Orders)}
        state.update({f"commands/{f.name}": getattr(self.commands, f.name) for f in fields(Commands)})
        state.update({f"loops/{name}": getattr(self.loops, name) for name in InnerLoops.STATE})
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
        for f in fields(Orders):
            setattr(self.orders, f.name, value[f"orders/{f.name}"])
        self.commands = Commands(**{f.name: value[f"commands/{f.name}"] for f in fields(Commands)})
        for name in InnerLoops.STATE:
            setattr(self.loops, name, value[f"loops/{name}"])
        self.phase, self.runway_heading = value["phase"], value["runway_heading"]
        self.airborne_ticks, self._ticks_to_guidance = value["airborne_ticks"], int(value["ticks_to_guidance"])
