"""The vertical speed indicator: climb rate, ft/min in steps of 10 or m/s in steps of 0.1."""
from __future__ import annotations

from flight.hud.display_units import FEET
from flight.sim.world import WorldSnapshot


def text(s: WorldSnapshot, units: str) -> str:
    climb = -float(s.vel[0, 2])  # NED: down is positive
    # rounded to the needle's resolution first, so a parked aircraft shows +0, never -0
    if units == "imperial":
        return f"VSI {round(climb * FEET * 6.0) * 10:+5d} ft/min"
    return f"VSI {round(climb * 10.0) / 10.0 + 0.0:+5.1f} m/s"
