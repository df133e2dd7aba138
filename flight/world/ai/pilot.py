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

import numpy as np

from flight.dynamics import DT, Fleet
from flight.world.ai.circuit import GLIDE, circuit_targets, field_position, final_length
from flight.world.ai.guidance import bank_for_course, circle_point
from flight.world.ai.loops import Commands, InnerLoops
from flight.world.ai.orders import AIRBORNE_PHASES, Airfield, Order, Orders, Phase
from flight.world.ai.sensing import Sensed, sense
from flight.world.ai.tuning import tuning_for

CLIMB_OUT_HEIGHT = 60.0  # m above the field before turning: clear of the hangars and trees, room to recover
PATTERN_HEIGHT = 250.0  # m above the field, unless the order says otherwise
LIFTOFF_TICKS = round(1.0 / DT)  # off the ground this long before it counts as flying (a bounce is not)
FLARE_SECONDS = 3.0  # the flare eases the sink as (wheel height - HOLD_OFF) / this
FLARE_LEAD = 1.5  # s: it begins this much earlier than that law alone would, for the pitch-up to take hold
HOLD_OFF = 0.3  # m: the wheels are held this far off the grass while the speed bleeds away ...
SETTLE_SINK = 0.15  # m/s: ... sinking this slowly, so she settles in the three-point attitude as she slows
STOP_SPEED = 0.3  # m/s over the ground
ROTATE_PITCH, TAIL_UP_PITCH = np.radians(10.0), np.radians(2.0)
# The phases as plain ints for the per-tick path (an IntEnum member lookup costs as much as a numpy call)
(PARKED, TAKEOFF_ROLL, CLIMB_OUT, ENROUTE, DOWNWIND, BASE, FINAL, FLARE, ROLLOUT, STOPPED) = (int(p) for p in Phase)
_PHASES = np.arange(len(Phase))[:, None]
_FLY_TO, _CIRCUIT, _LAND = int(Order.FLY_TO), int(Order.CIRCUIT), int(Order.LAND)
GO_AROUND_HEIGHT = 25.0  # m: below this on final, off the centre line by more than GO_AROUND_ACROSS, go around
GO_AROUND_ACROSS = 0.15  # of the field's radius: a grass field has room either side of the landing line
LONG_FLOAT = 0.8  # still flying this many field radii past the touchdown point: too little field left to stop


class Pilot:
    """Flies the aircraft `index` of `fleet`. Give orders with `takeoff`, `fly_to`, `hold_heading`, `circuit` and
    `land` (by fleet index, any time); call `update` every tick before `fleet.step`. Public state, (K,) arrays in
    the order of `index`: `orders` (Orders), `phase` (Phase values)."""

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
        self._slot_of = {int(i): slot for slot, i in enumerate(self.index)}
        self.flare_height = (FLARE_SECONDS + FLARE_LEAD) * GLIDE * self.tuning.approach_speed + HOLD_OFF  # wheels
        self._give(np.arange(k), Order.NONE)

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
        s = sense(self.fleet, self.index[slots])
        o, t = self.orders, self.tuning
        o.kind[slots] = kind
        o.north[slots], o.east[slots], o.radius[slots] = north, east, radius
        o.altitude[slots] = s.altitude if altitude is None else altitude
        o.speed[slots] = t.pattern_speed[slots] if speed is None else speed
        o.heading[slots] = s.heading if heading is None else heading
        o.elevation[slots] = s.altitude - s.height if elevation is None else elevation
        parked = s.on_ground & (s.ground_speed < 3.0)
        phase = self.phase[slots]
        starting = np.isin(phase, (Phase.TAKEOFF_ROLL, Phase.CLIMB_OUT))  # a new order does not abort a takeoff
        if kind == Order.NONE:
            new = np.where(parked, Phase.PARKED, Phase.ENROUTE)
        elif kind == Order.LAND:
            new = np.where(s.on_ground, np.where(parked, Phase.STOPPED, Phase.ROLLOUT),
                           np.where(np.isin(phase, AIRBORNE_PHASES[2:]), phase, Phase.DOWNWIND))
        else:
            flying = Phase.DOWNWIND if kind == Order.CIRCUIT else Phase.ENROUTE
            new = np.where(starting, phase, np.where(parked, Phase.TAKEOFF_ROLL, flying))
        taking_off = (new == Phase.TAKEOFF_ROLL) & (phase != Phase.TAKEOFF_ROLL)
        self.runway_heading[slots] = np.where(taking_off, s.heading, self.runway_heading[slots])
        self.phase[slots] = new

    # ---- per tick --------------------------------------------------------------------------------------------
    def update(self) -> np.ndarray:
        """One tick: read the aircraft, move on through the phases, write and return their (K, 6) control rows."""
        s = sense(self.fleet, self.index)
        self.airborne_ticks = np.where(s.on_ground, 0, self.airborne_ticks + 1)
        along, across = field_position(s, self.orders)
        self._advance(s, along, across)
        commands = self._commands(s, along, across)
        u = self.loops.run(s, commands)
        u[s.crashed] = 0.0
        self.fleet.controls[self.index] = u
        return u

    def _advance(self, s: Sensed, along: np.ndarray, across: np.ndarray) -> None:
        """Phase changes, each a mask over the aircraft (tested against the phase at the start of the tick)."""
        o, t = self.orders, self.tuning
        at = self.phase == _PHASES  # (phases, K)
        new = self.phase.copy()
        wheels = s.height - t.wheel_depth
        in_circuit = (o.kind == _CIRCUIT) | (o.kind == _LAND)
        lifted_off = self.airborne_ticks >= LIFTOFF_TICKS
        new[at[TAKEOFF_ROLL] & lifted_off] = CLIMB_OUT
        climbed = at[CLIMB_OUT] & (s.altitude - o.elevation > CLIMB_OUT_HEIGHT)
        new[climbed] = np.where(in_circuit[climbed], DOWNWIND, ENROUTE)
        new[at[DOWNWIND] & (along < t.turn_radius - final_length(t))] = BASE
        new[at[BASE] & (np.abs(across) < t.turn_radius)] = FINAL
        new[at[FINAL] & (wheels < self.flare_height)] = FLARE
        new[at[FLARE] & s.on_ground] = ROLLOUT
        new[at[ROLLOUT] & lifted_off & (wheels > 2.0)] = FLARE
        new[at[ROLLOUT] & (s.ground_speed < STOP_SPEED)] = STOPPED
        go_around = ((at[FINAL] & (wheels < GO_AROUND_HEIGHT) & (np.abs(across) > GO_AROUND_ACROSS * o.radius))
                     | (at[FLARE] & ~s.on_ground & (along > LONG_FLOAT * o.radius)))
        new[go_around] = CLIMB_OUT
        self.runway_heading[go_around] = o.heading[go_around]
        self.phase = new

    def _commands(self, s: Sensed, along: np.ndarray, across: np.ndarray) -> Commands:
        """Every behaviour computed for every aircraft, each phase picking its own (cheaper than gathering)."""
        o, t, ph = self.orders, self.tuning, self.phase
        at = ph == _PHASES
        c = Commands.empty(len(ph))
        wheels = np.maximum(s.height - t.wheel_depth, 0.0)
        above_field = s.altitude - o.elevation
        on_leg, flying = _ON_LEG[ph], _FLYING[ph]

        leg_course, leg_height, leg_sink = circuit_targets(s, o, t, ph, along, across)
        course = np.where(at[ENROUTE] & (o.kind != _FLY_TO), o.heading, self.runway_heading)
        if (at[ENROUTE] & (o.kind == _FLY_TO)).any():
            to_point = circle_point(s, o.north, o.east, 2.0 * t.turn_radius, t.turn_radius)
            course = np.where(at[ENROUTE] & (o.kind == _FLY_TO), to_point, course)
        course = np.where(on_leg, leg_course, course)
        # on short final the bank limit shrinks with height: a wingtip is a few feet off the grass
        low = np.where(at[FINAL], np.minimum(np.maximum(wheels * (1.0 / 60.0), 0.3), 1.0), 1.0)
        c.bank = np.where(flying, bank_for_course(s, course, t.bank_limit * low), 0.0)
        steer = np.where(at[TAKEOFF_ROLL], self.runway_heading, np.where(at[FLARE] | at[ROLLOUT], o.heading,
                                                                          s.heading))
        c.heading = np.where(flying, np.nan, steer)

        flare = -(np.maximum(wheels - HOLD_OFF, 0.0) * (1.0 / FLARE_SECONDS) + SETTLE_SINK)
        climb_rate = np.where(on_leg, 0.25 * (leg_height - above_field) - leg_sink,
                              np.where(at[ENROUTE], 0.25 * (o.altitude - s.altitude), flare))
        c.climb_rate = np.minimum(np.maximum(np.where(at[CLIMB_OUT], 10.0, climb_rate), -6.0), 10.0)
        climb_out_floor = t.climb_speed * np.minimum(0.8 + above_field * (1.0 / 150.0), 1.0)
        c.min_speed = np.where(at[BASE] | at[FINAL], 0.9 * t.approach_speed,
                               np.where(at[CLIMB_OUT], climb_out_floor, np.where(at[FLARE], 0.0, t.climb_speed)))
        c.pitch_max = np.where(at[FLARE], t.three_point_pitch + np.radians(1.0), np.pi / 2)
        takeoff_pitch = np.where(s.eas < t.tail_up_speed, t.three_point_pitch,
                                 np.where(s.eas < t.rotate_speed, TAIL_UP_PITCH, ROTATE_PITCH))
        rolling_pitch = np.where(s.eas > t.stall_speed * 0.8, t.three_point_pitch, t.three_point_pitch + 0.2)
        c.pitch = np.where(at[TAKEOFF_ROLL], takeoff_pitch, np.where(_STICK_BACK[ph], rolling_pitch, np.nan))

        c.speed = np.where(at[ENROUTE], o.speed, np.where(at[DOWNWIND], t.pattern_speed,
                                                          np.where(at[BASE] | at[FINAL], t.approach_speed, np.nan)))
        c.throttle = _FULL_THROTTLE[ph]
        c.blip = t.rotary & (at[FLARE] | (at[ROLLOUT] & (s.ground_speed > 1.0)))
        c.brake = np.where(at[ROLLOUT], t.has_brakes, _PARKING_BRAKE[ph])
        return c


def _phase_table(phases, dtype=bool) -> np.ndarray:
    """A lookup by phase: True (1) for the given phases."""
    table = np.zeros(len(Phase), dtype=dtype)
    table[list(phases)] = 1
    return table


_FLYING = _phase_table(AIRBORNE_PHASES[:-1])  # the air loops steer by course (the flare steers by heading)
_ON_LEG = _phase_table((Phase.DOWNWIND, Phase.BASE, Phase.FINAL))
_STICK_BACK = _phase_table((Phase.PARKED, Phase.ROLLOUT, Phase.STOPPED))
_FULL_THROTTLE = _phase_table((Phase.TAKEOFF_ROLL, Phase.CLIMB_OUT), float)
_PARKING_BRAKE = _phase_table((Phase.PARKED, Phase.STOPPED), float)
