"""A test card's maneuvers, each flown as the acceptance tests and `flight report` both fly it: the card's start
speeds and heights, the climb swept like the oracle's (from 1.25 Vs to 0.95 Vmax, unless the card says), the spin
entered from 1.5 Vs."""

from __future__ import annotations

import numpy as np

from flight.tools.flight_test import ground_run, maneuvers, spins
from flight.tools.flight_test.cards import TestCard
from flight.tools.flight_test.maneuvers import MakeRig


# Level turns right (+) and left (-), finer where the fighters' best sustained turn lies (55-66 deg).
TURN_BANKS_DEG = tuple(b * s for b in (30, 45, 50, 55, 58, 60, 62, 64, 66, 70) for s in (1, -1))


def turns(card: TestCard, make: MakeRig, stall_result: dict, banks_deg=TURN_BANKS_DEG,
          settle: float = 60.0) -> dict:
    return maneuvers.level_turns(make, list(banks_deg), card.turn_start_kmh,
                                 stall_alpha_deg=stall_result["alpha_deg"], settle=settle)


def top_speed(card: TestCard, make: MakeRig) -> dict:
    return maneuvers.max_level_speed(make, list(card.top_speed_altitudes_m), card.top_speed_start_kmh)


def stall(card: TestCard, make: MakeRig) -> dict:
    return maneuvers.stall_ignition_off(make, card.stall_start_kmh)


def climb(card: TestCard, make: MakeRig, stall_result: dict | None, top_speed_result: dict, points: int = 12,
          levels: int = 7) -> dict:
    """The sweep from 1.25 Vs (stall_result) or the card's fraction of Vmax (and its count), up to 0.95 Vmax."""
    vmax = top_speed_result["eas_kmh"][0]
    if card.climb_sweep_from_vmax:
        low, points = vmax * card.climb_sweep_from_vmax[0], min(points, card.climb_sweep_from_vmax[1])
    else:
        low = 1.25 * stall_result["eas_kmh"]
    speeds = np.linspace(low, 0.95 * vmax, points)
    return maneuvers.climb_performance(make, speeds, top_m=card.climb_top_m, levels=levels)


def roll(card: TestCard, make: MakeRig) -> dict:
    return maneuvers.roll_rate(make, card.cruise_kmh)


def spin(card: TestCard, make: MakeRig, stall_result: dict) -> dict:
    return spins.spin(make, stall_result["alpha_deg"], start_eas_kmh=1.5 * stall_result["eas_kmh"])


def takeoff(card: TestCard, make: MakeRig) -> dict:
    return ground_run.takeoff(make, rotate_kmh=card.rotate_kmh)
