"""Per-type numbers an AI pilot flies by, derived once from the aircraft specs as (K,) arrays: speeds as multiples
of the 1-g stall, the roll authority that scales the aileron loop, gear geometry for the flare and the circuit's
size from the turn radius. Runs when a Pilot is built, not per tick, but AI pilots fly inside the replayed
sim, so these numbers too come from CPU-stable operations only. Imports numpy and flight.sim.dynamics only.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from flight.sim.dynamics.atmosphere import GRAVITY, SEA_LEVEL_DENSITY
from flight.sim.dynamics.spec import AircraftSpec
from flight.sim.dynamics.stablemath import atan2, cos1, sin1

# Speeds as multiples of the 1-g stall, from the types' climb and glide curves flown at 300 m (all three climb
# within 5 % of their best at 1.3 Vs; the circuit and approach want a margin a gust or a turn cannot eat).
_CLIMB, _PATTERN, _APPROACH = 1.3, 1.45, 1.3
_TAIL_UP, _ROTATE = 0.45, 0.9  # the takeoff: raise the tail, then ease back and let her fly off
_BIG_SPAN = (10.0, 20.0)  # m: bank limit falls from a fighter's to a bomber's over this span (its wingtips are
_BANK_LIMIT = (math.radians(30.0), math.radians(25.0))  # close to the ground and it rolls slowly)
_PANEL_ROLL_DAMPING = 0.5  # |Cl_p| the two wing panels give (CL slope ~4 / 8), besides the file's Cl_p


@dataclass(frozen=True)
class Tuning:
    """(K,) arrays, SI units. Speeds are equivalent airspeeds at the take-off mass."""
    stall_speed: np.ndarray  # m/s, 1 g, wings level, power off
    stall_alpha: np.ndarray  # rad, angle of attack of the highest lift
    climb_speed: np.ndarray
    pattern_speed: np.ndarray
    approach_speed: np.ndarray
    tail_up_speed: np.ndarray
    rotate_speed: np.ndarray
    bank_limit: np.ndarray  # rad
    roll_authority: np.ndarray  # rad/s of steady roll rate per m/s of airspeed at full aileron
    three_point_pitch: np.ndarray  # rad: wheels and tail skid on level ground together
    wheel_depth: np.ndarray  # m: main wheels below the CG (level attitude)
    wingtip_clearance: np.ndarray  # rad of bank on one wheel that puts a wingtip on the grass
    turn_radius: np.ndarray  # m, at pattern speed and the bank limit
    has_brakes: np.ndarray  # bool
    rotary: np.ndarray  # bool: slowed with the blip switch, its idle is a third of full power


def tuning_for(specs: list[AircraftSpec]) -> Tuning:
    """The numbers for each spec in order."""
    rows = [_row(s) for s in specs]
    return Tuning(**{name: np.array([r[name] for r in rows]) for name in rows[0]})


def _row(s: AircraftSpec) -> dict:
    alpha, cl = np.array(s.aero.alpha), np.array(s.aero.CL)
    flying = (alpha >= 0.0) & (alpha <= math.radians(30.0))
    best = int(np.argmax(np.where(flying, cl, -np.inf)))
    stall = math.sqrt(2.0 * s.mass * GRAVITY / (SEA_LEVEL_DENSITY * s.wing_area * cl[best]))
    slope = float(np.interp(math.radians(2.0), alpha, cl) - np.interp(math.radians(-2.0), alpha, cl)) / math.radians(4)
    roll_damping = slope / 8.0 + abs(s.aero.derivatives["Cl_p"])  # p b / 2V = Cl_da / damping at full aileron
    roll_authority = 2.0 * s.aero.derivatives["Cl_da"] / roll_damping / s.span
    bank = float(np.interp(s.span, _BIG_SPAN, _BANK_LIMIT))
    pattern = _PATTERN * stall
    wheels = [c.position for c in s.contacts if c.kind == "wheel"]
    skid = min((c.position for c in s.contacts if c.kind == "skid"), key=lambda p: p[0])
    main_x, main_z = float(np.mean([w[0] for w in wheels])), float(np.mean([w[2] for w in wheels]))
    track = max(abs(w[1]) for w in wheels)
    tips = np.array([c.position for c in s.contacts if c.crash_cause == "wing_strike"]).reshape(-1, 3)
    clearance = atan2(main_z - tips[:, 2], np.abs(tips[:, 1]) - track).min() if len(tips) else np.pi / 4
    three_point = float(atan2(np.array(main_z - skid[2]), np.array(main_x - skid[0])))
    return dict(stall_speed=stall, stall_alpha=float(alpha[best]), climb_speed=_CLIMB * stall,
                pattern_speed=pattern, approach_speed=_APPROACH * stall, tail_up_speed=_TAIL_UP * stall,
                rotate_speed=_ROTATE * stall, bank_limit=bank, roll_authority=roll_authority,
                three_point_pitch=three_point, wheel_depth=main_z, wingtip_clearance=float(clearance),
                turn_radius=pattern * pattern / GRAVITY * cos1(bank) / sin1(bank),
                has_brakes=s.has_brakes, rotary=s.engine.kind == "rotary")
