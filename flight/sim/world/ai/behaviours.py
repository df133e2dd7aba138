"""The AI pilot's behaviours for K aircraft: when each moves on to its next Phase, and what each phase asks of
the inner loops (bank, flight path, attitude on the ground, speed or throttle, rudder steering, brakes). Phases
are a scalar kernel, `circuit1`, that the guidance pass calls for each of the K aircraft. CPU-stable arithmetic
only. Imports numpy, numba and flight only.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.jit import kernel
from flight.sim.dynamics.stablemath import maximum, minimum
from flight.sim.world.ai.circuit import GLIDE, circuit_targets1, field_position1, final_length1
from flight.sim.world.ai.guidance import bank_for_course1, circle_point1
from flight.sim.world.ai.loops import wrap1
from flight.sim.world.ai.orders import Order, Phase
from flight.sim.world.ai.sensing import TRACK_ROWS

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

# The phases and orders as plain ints (kernel constants)
(PARKED, TAKEOFF_ROLL, CLIMB_OUT, ENROUTE, DOWNWIND, BASE, FINAL, FLARE, ROLLOUT, STOPPED) = (int(p) for p in Phase)
_FLY_TO, _CIRCUIT, _LAND = int(Order.FLY_TO), int(Order.CIRCUIT), int(Order.LAND)


TUNING_ROWS = ("stall_speed", "stall_alpha", "climb_speed", "pattern_speed", "approach_speed", "tail_up_speed",
               "rotate_speed", "bank_limit", "roll_authority", "three_point_pitch", "wheel_depth", "wingtip_clearance",
               "turn_radius", "has_brakes", "rotary")  # Tuning as the rows of `plan_circuit`'s table (Tuning's order)
(_STALL, _ALPHA, _CLIMB, _PATTERN, _APPROACH, _TAIL_UP, _ROTATE, _BANK_LIMIT, _ROLL, _THREE_POINT, _WHEEL_DEPTH,
 _WINGTIP, _TURN_RADIUS, _HAS_BRAKES, _ROTARY) = range(len(TUNING_ROWS))
_NORTH, _EAST, _ALTITUDE, _HEIGHT, _GROUND_SPEED, _COURSE = range(len(TRACK_ROWS))
_O_NORTH, _O_EAST, _O_ALTITUDE, _O_SPEED, _O_HEADING, _O_RADIUS, _O_ELEVATION, _O_EXTEND = range(8)  # ORDER_ROWS
_I_ROLL, _I_PITCH, _I_HEADING, _I_EAS, _I_TAS = 0, 1, 2, 6, 7  # sensing.INSTRUMENT_ROWS
_ONE_DEGREE = np.radians(1.0)
_LEGS = (DOWNWIND, BASE, FINAL)


@kernel
def flare_height1(approach_speed):
    """Wheel height (m) at which the flare begins: where its law asks for the approach's sink rate, plus the lead."""
    sink = GLIDE * approach_speed
    return HOLD_OFF + FLARE_SECONDS * (sink - SETTLE_SINK) + FLARE_LEAD * sink


@kernel
def _next_phase(p, kind, o, t, s, on_ground, k, along, across, airborne_ticks):
    """The phase after this tick's changes (from the phase it started in), and whether it went around."""
    wheels = s[_HEIGHT, k] - t[_WHEEL_DEPTH, k]
    lifted_off = airborne_ticks >= LIFTOFF_TICKS
    new = p
    if p == TAKEOFF_ROLL and lifted_off:
        new = CLIMB_OUT
    elif p == CLIMB_OUT and s[_ALTITUDE, k] - o[_O_ELEVATION, k] > CLIMB_OUT_HEIGHT:
        new = DOWNWIND if kind == _CIRCUIT or kind == _LAND else ENROUTE
    elif p == DOWNWIND and along < t[_TURN_RADIUS, k] - final_length1(t[_TURN_RADIUS, k], o[_O_EXTEND, k]):
        new = BASE
    elif p == BASE and abs(across) < t[_TURN_RADIUS, k]:
        new = FINAL
    elif p == FINAL and wheels < flare_height1(t[_APPROACH, k]):
        new = FLARE
    elif p == FLARE and on_ground:
        new = ROLLOUT
    elif p == ROLLOUT:
        if s[_GROUND_SPEED, k] < STOP_SPEED:
            new = STOPPED
        elif lifted_off and wheels > 2.0:
            new = FLARE
    go_around = ((p == FINAL and wheels < GO_AROUND_HEIGHT and abs(across) > GO_AROUND_ACROSS * o[_O_RADIUS, k])
                 or (p == FLARE and not on_ground and along > LONG_FLOAT * o[_O_RADIUS, k]))
    return (CLIMB_OUT if go_around else new), go_around


@kernel
def _course(p, kind, o, t, s, k, along, across, runway_heading):
    """The course over the ground each phase flies (a circuit leg's, the order's, the runway's), and on a leg the
    height above the field wanted and the sink rate."""
    if p == DOWNWIND or p == BASE or p == FINAL:
        return circuit_targets1(s[_NORTH, k], s[_EAST, k], s[_GROUND_SPEED, k], o[_O_NORTH, k], o[_O_EAST, k],
                                o[_O_HEADING, k], o[_O_RADIUS, k], o[_O_ALTITUDE, k], o[_O_ELEVATION, k],
                                o[_O_EXTEND, k], t[_TURN_RADIUS, k], p, along, across)
    if p == ENROUTE and kind == _FLY_TO:
        turn_radius = t[_TURN_RADIUS, k]
        return circle_point1(s[_NORTH, k], s[_EAST, k], o[_O_NORTH, k], o[_O_EAST, k], 2.0 * turn_radius,
                             turn_radius), 0.0, 0.0
    return (o[_O_HEADING, k] if p == ENROUTE else runway_heading), 0.0, 0.0


@kernel
def _commands(p, kind, o, t, i, s, k, along, across, runway_heading, c):
    """What the phase `p` asks of the inner loops: column k of the commands table (loops.COMMAND_ROWS)."""
    wheels = maximum(s[_HEIGHT, k] - t[_WHEEL_DEPTH, k], 0.0)
    above_field = s[_ALTITUDE, k] - o[_O_ELEVATION, k]
    on_leg = p == DOWNWIND or p == BASE or p == FINAL
    flying = p == CLIMB_OUT or p == ENROUTE or on_leg  # the air loops steer by course (the flare by heading)
    course, leg_height, leg_sink = _course(p, kind, o, t, s, k, along, across, runway_heading)
    # on short final the bank limit shrinks with height: a wingtip is a few feet off the grass
    low = minimum(maximum(wheels * (1.0 / 60.0), 0.3), 1.0) if p == FINAL else 1.0
    bank = bank_for_course1(s[_COURSE, k], i[_I_TAS, k], course, t[_BANK_LIMIT, k] * low) if flying else 0.0
    # low on final and in the flare the rudder keeps the nose straight down the field and the same bank now
    # slips her sideways against the drift (the wing-down method: she touches down rolling the way she points);
    # in the flare only as far as the wingtip's clearance allows
    sideslip = p == FLARE or (p == FINAL and wheels < SIDESLIP_HEIGHT)
    if sideslip:
        slip_limit = 0.5 * t[_WINGTIP, k] if p == FLARE else t[_BANK_LIMIT, k] * low
        slip_bank = SIDESLIP_BANK * wrap1((o[_O_HEADING, k] if p == FLARE else course) - s[_COURSE, k])
        bank = minimum(maximum(slip_bank, -slip_limit), slip_limit)
    if p == TAKEOFF_ROLL:
        steer = runway_heading
    else:
        steer = o[_O_HEADING, k] if sideslip or p == ROLLOUT else i[_I_HEADING, k]
    flare = -minimum(maximum(wheels - HOLD_OFF, 0.0) * (1.0 / FLARE_SECONDS) + SETTLE_SINK,
                     GLIDE * t[_APPROACH, k])
    if on_leg:
        climb_rate = 0.25 * (leg_height - above_field) - leg_sink
    else:
        climb_rate = 0.25 * (o[_O_ALTITUDE, k] - s[_ALTITUDE, k]) if p == ENROUTE else flare
    if p == BASE or p == FINAL:
        min_speed = 0.9 * t[_APPROACH, k]
    elif p == CLIMB_OUT:
        min_speed = t[_CLIMB, k] * minimum(0.8 + above_field * (1.0 / 150.0), 1.0)
    else:
        min_speed = 0.0 if p == FLARE else t[_CLIMB, k]
    eas, three_point, stall = i[_I_EAS, k], t[_THREE_POINT, k], t[_STALL, k]
    if p == TAKEOFF_ROLL:
        pitch = three_point if eas < t[_TAIL_UP, k] else (TAIL_UP_PITCH if eas < t[_ROTATE, k] else ROTATE_PITCH)
    elif p == PARKED or p == ROLLOUT or p == STOPPED:
        # rolling out: touched down fast on the wheels, hold that attitude (raising the tail would fly her off
        # again); slower, the tail down; then the stick hard back once she is too slow to fly again
        if eas > 1.1 * stall:
            pitch = minimum(i[_I_PITCH, k], three_point)
        else:
            pitch = three_point if eas > 0.8 * stall else three_point + 0.2
    else:
        pitch = np.nan
    if p == ENROUTE:
        speed = o[_O_SPEED, k]
    elif p == DOWNWIND:
        speed = t[_PATTERN, k]
    else:
        speed = t[_APPROACH, k] if p == BASE or p == FINAL else np.nan
    c[0, k] = bank
    c[1, k] = minimum(maximum(10.0 if p == CLIMB_OUT else climb_rate, -6.0), 10.0)
    c[2, k] = min_speed
    c[3, k] = pitch
    c[4, k] = three_point + _ONE_DEGREE if p == FLARE else np.pi / 2
    c[5, k] = speed
    c[6, k] = 1.0 if p == TAKEOFF_ROLL or p == CLIMB_OUT else 0.0
    c[7, k] = np.nan if flying and not sideslip else steer
    c[8, k] = 1.0 if t[_ROTARY, k] != 0.0 and (p == FLARE or (p == ROLLOUT and s[_GROUND_SPEED, k] > 1.0)) else 0.0
    if p == ROLLOUT:
        c[9, k] = t[_HAS_BRAKES, k]
    else:
        c[9, k] = 1.0 if p == PARKED or p == STOPPED else 0.0
    c[10, k] = 4.0


@kernel
def circuit1(k, phase, kind, orders, tuning, instruments, track, on_ground, airborne_ticks, runway_heading, advance,
             commands):
    """The circuit behaviours of the k-th aircraft at a guidance pass: where it is on its field's circuit, its next
    phase (when `advance`; `phase` and, for a go-around, `runway_heading` updated) and what that phase asks of the
    loops (column k of `commands`, loops.COMMAND_ROWS); whether it went around. Tables: `orders`
    (orders.Orders.table), TUNING_ROWS, sensing's INSTRUMENT_ROWS and TRACK_ROWS, K columns each."""
    along, across = field_position1(track[_NORTH, k], track[_EAST, k], orders[_O_NORTH, k], orders[_O_EAST, k],
                                    orders[_O_HEADING, k], orders[_O_RADIUS, k])
    around = False
    if advance:
        new, around = _next_phase(phase[k], kind[k], orders, tuning, track, on_ground, k, along, across,
                                  airborne_ticks[k])
        phase[k] = new
        if around:
            runway_heading[k] = orders[_O_HEADING, k]
    _commands(phase[k], kind[k], orders, tuning, instruments, track, k, along, across, runway_heading[k], commands)
    return around
