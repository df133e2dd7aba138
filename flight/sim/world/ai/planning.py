"""The AI's guidance pass over its K aircraft, every GUIDANCE_TICKS ticks, as three kernels split where Python
must act in between: `survey` (where each is over the ground; who must go home, an order a Pilot gives in
Python), `plan` (the orders that change themselves, the circuit behaviours, breaks, engagements and the aim's
drift, up to the fresh aim errors, which the caller draws from the world's numpy generator) and `finish_plan`
(the rest of the air work, airwork.after_draws1). Each aircraft's pass reads the others only through the
fleet, so per aircraft it runs in the order the numpy code it replaced ran over all of them. State comes in the
bundles below, every array written in place. Imports numpy, numba and flight only.
"""
from __future__ import annotations

import numba
import numpy as np
from numba import types

from flight.sim.dynamics import DT
from flight.sim.dynamics.heightfield import surface
from flight.sim.dynamics.step import TERRAIN
from flight.sim.jit import kernel
from flight.sim.world.ai.airwork import after_draws1, before_draws1
from flight.sim.world.ai.behaviours import circuit1
from flight.sim.world.ai.orders import Order, Phase
from flight.sim.world.ai.sensing import ground_point1, track1

JOIN_TURNS = 4.0  # going home: join the circuit this many turn radii beyond the field's edge
_I8, _I1, _F1, _F2, _B1 = (types.int8[::1], types.int64[::1], types.float64[::1], types.float64[:, ::1],
                           types.boolean[::1])
FLEET = types.Tuple((_F2, _F2, _F2, _B1, _B1, _F2, _F1, _F1, _B1))
FLEET_NAMES = ("pos", "vel", "quat", "on_ground", "crashed", "applied", "wind", "span", "lit")  # span: params'
PILOT = types.Tuple((types.Tuple((_I8, _I8, _I1, _I1, _I1, _I1, _I1)), types.Tuple((_F1, _F1, _F1, _F1, _F2, _F2))))
PILOT_NAMES = (("phase", "tactic", "airborne_ticks", "tactic_ticks", "engaged", "threat_ticks", "evade_ticks"),
               ("runway_heading", "evade_dir", "trim", "side", "home", "sighted"))
ORDERS = types.Tuple((_I8, _I1, _F2))  # kind, target, table
ORDER_NAMES = ("kind", "target", "table")
SKILL = types.Tuple((_I1, _I1, _F1, _F1, _F1, _F1))
SKILL_NAMES = ("reaction_ticks", "burst_ticks", "aim_error", "g_limit", "bank_limit", "fire_range")
GUNNERY = types.Tuple((_B1, _F1, _I1, _I1, _I1, _I1, _F2, _F2, _B1))  # gunnery.Gunnery.arrays()
GUNNERY_NAMES = ("armed", "muzzle_speed", "solution_ticks", "burst", "pause", "aim_ticks", "aim_offset", "aim_goal",
                 "fire")
SCRATCH_ROWS = ("going_home", "following", "leader_rolling", "due", "evading")  # (5, K) bool, between the kernels
_GOING_HOME, _FOLLOWING, _LEADER_ROLLING, _DUE, _EVADING = range(len(SCRATCH_ROWS))
_PURSUE, _ATTACK, _ESCORT, _FORMATION, _RETURN, _LAND = (int(Order.PURSUE), int(Order.ATTACK), int(Order.ESCORT),
                                                          int(Order.FORMATION), int(Order.RETURN), int(Order.LAND))
_PARKED, _TAKEOFF_ROLL, _ENROUTE, _DOWNWIND = (int(Phase.PARKED), int(Phase.TAKEOFF_ROLL), int(Phase.ENROUTE),
                                               int(Phase.DOWNWIND))
_O_NORTH, _O_EAST, _O_RADIUS, _O_DELAY = 0, 1, 5, 12  # ORDER_ROWS
_HEADING, _TURN_RADIUS = 2, 12  # sensing.INSTRUMENT_ROWS, behaviours.TUNING_ROWS


@kernel(types.int64(types.intp[::1], FLEET, _I8, ORDERS, _F2, TERRAIN, types.boolean, _F2, types.boolean[:, ::1]))
def survey(index, fleet, phase, orders, readings, terrain, advance, track, scratch):
    """Each one's Track into `track` (sensing.TRACK_ROWS) and, when `advance`, who must go home (scratch rows, for
    the Pilot's return_to_base), his target or leader down: how many."""
    pos, vel, on_ground, crashed = fleet[0], fleet[1], fleet[3], fleet[4]
    kind, target = orders[0], orders[1]
    homes = 0
    for k in range(index.size):
        n = index[k]
        north, east = ground_point1(pos, vel, n, 0)
        row = track1(pos, vel, n, readings[_HEADING, k], surface(terrain, k, 0, north, east))
        for r in range(6):
            track[r, k] = row[r]
        if not advance:
            continue
        other = max(target[k], 0)
        chasing = kind[k] == _PURSUE or kind[k] == _ATTACK
        following = kind[k] == _FORMATION or kind[k] == _ESCORT
        other_speed = np.sqrt(vel[other, 0] * vel[other, 0] + vel[other, 1] * vel[other, 1])
        leader_down = crashed[other] or (on_ground[other] and other_speed < 15.0 and phase[k] == _ENROUTE)
        scratch[_GOING_HOME, k] = ((chasing and crashed[other]) or (following and leader_down)) and not crashed[n]
        # as they were before anyone went home (a flight parked behind a fallen leader rolls all the same)
        scratch[_FOLLOWING, k] = following
        scratch[_LEADER_ROLLING, k] = not on_ground[other] or other_speed > 5.0
        homes += scratch[_GOING_HOME, k]
    return homes


@kernel
def _carry_on1(k, n, pos, pilot, orders, readings, track, tuning, scratch):
    """The orders that change themselves: the circuit on reaching home, the takeoff roll of each of a parked
    flight its delay after the leader starts his (the delay counts from his start)."""
    phase, tactic_ticks = pilot[0][0], pilot[0][3]
    runway_heading, home = pilot[1][0], pilot[1][4]
    kind, o = orders[0], orders[2]
    dn, de = o[_O_NORTH, k] - track[0, k], o[_O_EAST, k] - track[1, k]
    if (kind[k] == _RETURN and phase[k] == _ENROUTE
            and np.sqrt(dn * dn + de * de) < o[_O_RADIUS, k] + JOIN_TURNS * tuning[_TURN_RADIUS, k]):
        kind[k], phase[k] = _LAND, _DOWNWIND
    if scratch[_FOLLOWING, k] and phase[k] == _PARKED:
        if not scratch[_LEADER_ROLLING, k]:
            tactic_ticks[k] = 0
        elif tactic_ticks[k] * DT >= o[_O_DELAY, k]:  # rolling: here is home
            heading = readings[_HEADING, k]
            runway_heading[k] = heading
            home[k, 0], home[k, 1], home[k, 2] = pos[n, 0], pos[n, 1], heading
            phase[k] = _TAKEOFF_ROLL


@kernel(types.Tuple((types.int64, types.boolean))(
    types.intp[::1], FLEET, PILOT, ORDERS, _F2, SKILL, GUNNERY, _F2, _F2, types.boolean[:, ::1], types.boolean,
    types.float64, types.boolean, _F2, types.boolean[:, ::1]))
def plan(index, fleet, pilot, orders, tuning, skill, gunnery, readings, track, hostile, any_hostile, sight, advance,
         commands, scratch):
    """After `survey` (and anyone's going home): when `advance`, the orders that change themselves; the circuit
    behaviours (all of `commands`, loops.COMMAND_ROWS); when `advance`, breaks, engagements and the aim's drift.
    How many need a fresh aim error (scratch row "due"), and whether anyone fights."""
    phase, airborne_ticks = pilot[0][0], pilot[0][2]
    runway_heading = pilot[1][0]
    due, anyone_fights = 0, False
    for k in range(index.size):
        n = index[k]
        if advance:
            _carry_on1(k, n, fleet[0], pilot, orders, readings, track, tuning, scratch)
        circuit1(k, phase, orders[0], orders[2], tuning, readings, track, fleet[3][n], airborne_ticks,
                 runway_heading, advance, commands)
        if advance:
            scratch[_DUE, k], fighting = before_draws1(k, n, fleet, pilot, orders, skill, gunnery, track, hostile,
                                                       any_hostile, sight, scratch[_EVADING])
            due += scratch[_DUE, k]
            anyone_fights = anyone_fights or fighting
    return due, anyone_fights


@kernel(types.void(types.intp[::1], FLEET, PILOT, ORDERS, _F2, SKILL, GUNNERY, _F2, _F2, _F2, TERRAIN,
                   types.float64, types.boolean, _F2, types.boolean[:, ::1]))
def finish_plan(index, fleet, pilot, orders, tuning, skill, gunnery, readings, track, commands, terrain, sight,
                anyone_fights, draws, scratch):
    """After `plan`: the fresh aim errors `draws` ((due, 2) standard deviates, in the order of the aircraft; none
    without a generator) and the rest of the air work (airwork.after_draws1)."""
    drawn = 0
    for k in range(index.size):
        draw = -1
        if scratch[_DUE, k] and drawn < draws.shape[0]:
            draw, drawn = drawn, drawn + 1
        after_draws1(k, index[k], fleet, pilot, orders, skill, gunnery, readings, track, tuning, commands, terrain,
                     sight, scratch[_EVADING], anyone_fights, draws, draw)


def refused(names, values, wanted) -> str:
    """Which of the arrays in `values` (bundles as tuples, named alike by `names`) a kernel's signature (`wanted`,
    its numba types, alike) refuses, and what it wanted: for KernelArgumentError's one line."""
    if isinstance(names, tuple):
        return "; ".join(filter(None, (refused(n, v, t) for n, v, t in zip(names, values, tuple(wanted)))))
    found = numba.typeof(values)
    return "" if found == wanted else f"{names} is {found}, not {wanted}"
