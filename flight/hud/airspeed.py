"""The airspeed indicator: equivalent airspeed (what a pitot-static ASI reads), mph or km/h."""
from __future__ import annotations

from flight.hud.display_units import KMH, MPH
from flight.sim.world import WorldSnapshot


def text(s: WorldSnapshot, units: str) -> str:
    eas = float(s.eas[0])
    return f"ASI {eas * MPH:4.0f} mph" if units == "imperial" else f"ASI {eas * KMH:4.0f} km/h"
