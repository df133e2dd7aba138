"""Flies one type's test card for the report: the acceptance maneuvers of tests/sim/dynamics (the same functions and
the same card), plus the sweeps a plot needs, on our model and on JSBSim's where it has the type."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.tools.flight_test import maneuvers, programme
from flight.tools.flight_test.cards import TestCard
from flight.tools.flight_test.maneuvers import MakeRig

QUICK_TURN_BANKS_DEG = [b * s for b in (45, 60) for s in (1, -1)]
POLAR_ALPHA_DEG = np.arange(-8.0, 31.0, 1.0)


@dataclass(frozen=True)
class Flown:
    """Every result of one model's flights, as the maneuvers return them (plain dicts of lists and floats)."""
    model: str                   # "ours" or "JSBSim <name>"
    top_speed: dict
    stall: dict
    climb: dict
    turns: dict
    rolls: dict
    takeoff: dict
    spin: dict
    polar: dict


def fly_card(card: TestCard, make: MakeRig, model: str, quick: bool = False) -> Flown:
    """The whole programme on one model; `quick` flies fewer sweep points (for the tests of the report)."""
    top = programme.top_speed(card, make)
    stall = programme.stall(card, make)
    vs, vmax = stall["eas_kmh"], top["eas_kmh"][0]
    climb = programme.climb(card, make, stall, top, points=6 if quick else 12, levels=4 if quick else 7)
    turns = (programme.turns(card, make, stall, QUICK_TURN_BANKS_DEG, settle=40.0) if quick
             else programme.turns(card, make, stall))
    roll_speeds = [card.cruise_kmh] if quick else np.union1d(np.linspace(1.3 * vs, 0.95 * vmax, 5), [card.cruise_kmh])
    rolls = maneuvers.roll_rates(make, roll_speeds)
    takeoff = programme.takeoff(card, make)
    spin = programme.spin(card, make, stall)
    lift, drag = make(1).static_coefficients(POLAR_ALPHA_DEG)
    polar = dict(alpha_deg=POLAR_ALPHA_DEG.tolist(), CL=lift.round(4).tolist(), CD=drag.round(4).tolist())
    return Flown(model, top, stall, climb, turns, rolls, takeoff, spin, polar)
