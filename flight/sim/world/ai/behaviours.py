"""The AI pilot's behaviours for K aircraft: when each moves on to its next Phase, and what each phase asks of
the inner loops (bank, flight path, attitude on the ground, speed or throttle, rudder steering, brakes). Phases
are masks, not a loop over aircraft: every behaviour is computed for all and each aircraft's phase picks its own.
CPU-stable numpy only. Imports numpy and flight only.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.world.ai.circuit import GLIDE, circuit_targets, final_length
from flight.sim.world.ai.guidance import bank_for_course, circle_point
from flight.sim.world.ai.loops import Commands, wrap
from flight.sim.world.ai.orders import AIRBORNE_PHASES, Order, Orders, Phase
from flight.sim.world.ai.sensing import Instruments, Track
from flight.sim.world.ai.tuning import Tuning

CLIMB_OUT_HEIGHT = 60.0  # m above the field before turning: clear of the hangars and trees, room to recover
LIFTOFF_TICKS = round(1.0 / DT)  # off the ground this long before it counts as flying (a bounce is not)
TAIL_UP_PITCH, ROTATE_PITCH = np.radians(2.0), np.radians(10.0)  # the takeoff roll's attitudes
FLARE_SECONDS = 3.0  # the flare eases the sink as (wheel height - HOLD_OFF) / this, never steeper than the glide
FLARE_LEAD = 1.0  # s: it begins this long before that law alone would, for the throttle to close and the pitch-up
                  # to take hold
HOLD_OFF = 0.3  # m: the wheels are held this far off the grass while the speed bleeds away ...
SETTLE_SINK = 0.15  # m/s: ... sinking this slowly, so she settles in the three-point attitude as she slows
STOP_SPEED = 0.3  # m/s over the ground
GO_AROUND_HEIGHT = 25.0  # m: below this on final, off the centre line by more than GO_AROUND_ACROSS, go around
GO_AROUND_ACROSS = 0.15  # of the field's radius: a grass field has room either side of the landing line
SIDESLIP_HEIGHT = 20.0  # m of the wheels: below this on final she lines up with the field and slips
SIDESLIP_BANK = 3.0  # rad of bank into the wind per rad of drift off the wanted track, while slipping
LONG_FLOAT = 0.8  # still flying this many field radii past the touchdown point: too little field left to stop

# The phases and orders as plain ints (an IntEnum member lookup costs as much as a numpy call)
(PARKED, TAKEOFF_ROLL, CLIMB_OUT, ENROUTE, DOWNWIND, BASE, FINAL, FLARE, ROLLOUT, STOPPED) = (int(p) for p in Phase)
_PHASES = np.arange(len(Phase))[:, None]
_FLY_TO, _CIRCUIT, _LAND = int(Order.FLY_TO), int(Order.CIRCUIT), int(Order.LAND)


def flare_height(t: Tuning) -> np.ndarray:
    """Wheel height (m) at which the flare begins: where its law asks for the approach's sink rate, plus the lead."""
    sink = GLIDE * t.approach_speed
    return HOLD_OFF + FLARE_SECONDS * (sink - SETTLE_SINK) + FLARE_LEAD * sink


def next_phases(phase: np.ndarray, o: Orders, t: Tuning, i: Instruments, track: Track, along: np.ndarray,
                across: np.ndarray, airborne_ticks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The phases after this tick's changes (each a mask on the phase it started in) and which aircraft went
    around."""
    at = phase == _PHASES  # (phases, K)
    new = phase.copy()
    wheels = track.height - t.wheel_depth
    in_circuit = (o.kind == _CIRCUIT) | (o.kind == _LAND)
    lifted_off = airborne_ticks >= LIFTOFF_TICKS
    new[at[TAKEOFF_ROLL] & lifted_off] = CLIMB_OUT
    climbed = at[CLIMB_OUT] & (track.altitude - o.elevation > CLIMB_OUT_HEIGHT)
    new[climbed] = np.where(in_circuit[climbed], DOWNWIND, ENROUTE)
    new[at[DOWNWIND] & (along < t.turn_radius - final_length(t, o))] = BASE
    new[at[BASE] & (np.abs(across) < t.turn_radius)] = FINAL
    new[at[FINAL] & (wheels < flare_height(t))] = FLARE
    new[at[FLARE] & i.on_ground] = ROLLOUT
    new[at[ROLLOUT] & lifted_off & (wheels > 2.0)] = FLARE
    new[at[ROLLOUT] & (track.ground_speed < STOP_SPEED)] = STOPPED
    go_around = ((at[FINAL] & (wheels < GO_AROUND_HEIGHT) & (np.abs(across) > GO_AROUND_ACROSS * o.radius))
                 | (at[FLARE] & ~i.on_ground & (along > LONG_FLOAT * o.radius)))
    new[go_around] = CLIMB_OUT
    return new, go_around


def commands_for(phase: np.ndarray, o: Orders, t: Tuning, i: Instruments, track: Track, along: np.ndarray,
                 across: np.ndarray, runway_heading: np.ndarray) -> Commands:
    """What each aircraft's phase asks of the inner loops."""
    at = phase == _PHASES
    wheels = np.maximum(track.height - t.wheel_depth, 0.0)
    above_field = track.altitude - o.elevation
    on_leg, flying = _ON_LEG[phase], _FLYING[phase]

    course = np.where(at[ENROUTE] & (o.kind != _FLY_TO), o.heading, runway_heading)
    circling = at[ENROUTE] & (o.kind == _FLY_TO)
    if circling.any():
        course = np.where(circling, circle_point(track, o.north, o.east, 2.0 * t.turn_radius, t.turn_radius), course)
    leg_height = leg_sink = 0.0
    if on_leg.any():
        leg_course, leg_height, leg_sink = circuit_targets(track, o, t, phase, along, across)
        course = np.where(on_leg, leg_course, course)
    # on short final the bank limit shrinks with height: a wingtip is a few feet off the grass
    low = np.where(at[FINAL], np.minimum(np.maximum(wheels * (1.0 / 60.0), 0.3), 1.0), 1.0)
    bank = np.where(flying, bank_for_course(track, i.tas, course, t.bank_limit * low), 0.0)
    # low on final and in the flare the rudder keeps the nose straight down the field and the same bank now
    # slips her sideways against the drift (the wing-down method: she touches down rolling the way she points);
    # in the flare only as far as the wingtip's clearance allows
    sideslip = at[FLARE] | (at[FINAL] & (wheels < SIDESLIP_HEIGHT))
    slip_limit = np.where(at[FLARE], 0.5 * t.wingtip_clearance, t.bank_limit * low)
    slip_bank = SIDESLIP_BANK * wrap(np.where(at[FLARE], o.heading, course) - track.course)
    bank = np.where(sideslip, np.minimum(np.maximum(slip_bank, -slip_limit), slip_limit), bank)
    steer = np.where(at[TAKEOFF_ROLL], runway_heading, np.where(sideslip | at[ROLLOUT], o.heading, i.heading))
    heading = np.where(flying & ~sideslip, np.nan, steer)

    flare = -np.minimum(np.maximum(wheels - HOLD_OFF, 0.0) * (1.0 / FLARE_SECONDS) + SETTLE_SINK,
                        GLIDE * t.approach_speed)
    climb_rate = np.where(on_leg, 0.25 * (leg_height - above_field) - leg_sink,
                          np.where(at[ENROUTE], 0.25 * (o.altitude - track.altitude), flare))
    climb_out_floor = t.climb_speed * np.minimum(0.8 + above_field * (1.0 / 150.0), 1.0)
    min_speed = np.where(at[BASE] | at[FINAL], 0.9 * t.approach_speed,
                         np.where(at[CLIMB_OUT], climb_out_floor, np.where(at[FLARE], 0.0, t.climb_speed)))
    takeoff_pitch = np.where(i.eas < t.tail_up_speed, t.three_point_pitch,
                             np.where(i.eas < t.rotate_speed, TAIL_UP_PITCH, ROTATE_PITCH))
    # rolling out: touched down fast on the wheels, hold that attitude (raising the tail would fly her off
    # again); slower, the tail down; then the stick hard back once she is too slow to fly again
    rolling_pitch = np.where(i.eas > 1.1 * t.stall_speed, np.minimum(i.pitch, t.three_point_pitch),
                             np.where(i.eas > 0.8 * t.stall_speed, t.three_point_pitch, t.three_point_pitch + 0.2))
    speed = np.where(at[ENROUTE], o.speed, np.where(at[DOWNWIND], t.pattern_speed,
                                                    np.where(at[BASE] | at[FINAL], t.approach_speed, np.nan)))
    return Commands(
        bank=bank, climb_rate=np.minimum(np.maximum(np.where(at[CLIMB_OUT], 10.0, climb_rate), -6.0), 10.0),
        min_speed=min_speed, pitch=np.where(at[TAKEOFF_ROLL], takeoff_pitch, np.where(_STICK_BACK[phase],
                                                                                      rolling_pitch, np.nan)),
        pitch_max=np.where(at[FLARE], t.three_point_pitch + np.radians(1.0), np.pi / 2),
        speed=speed, throttle=_FULL_THROTTLE[phase], heading=heading,
        blip=t.rotary & (at[FLARE] | (at[ROLLOUT] & (track.ground_speed > 1.0))),
        brake=np.where(at[ROLLOUT], t.has_brakes, _PARKING_BRAKE[phase]), load_max=np.full(len(phase), 4.0))


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
