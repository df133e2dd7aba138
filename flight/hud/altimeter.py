"""The altimeter: height above sea level, feet or metres."""
from __future__ import annotations

from flight.hud.display_units import FEET
from flight.sim.world import WorldSnapshot


def text(s: WorldSnapshot, units: str) -> str:
    altitude = float(s.altitude[0])
    return f"ALT {altitude * FEET:5.0f} ft" if units == "imperial" else f"ALT {altitude:5.0f} m"
