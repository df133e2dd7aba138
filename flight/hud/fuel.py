"""The fuel gauge: petrol left, imperial gallons or litres (the simulation keeps kilograms)."""
from __future__ import annotations

from flight.hud.display_units import GALLONS, LITRES
from flight.sim.world import WorldSnapshot


def text(s: WorldSnapshot, units: str) -> str:
    fuel = float(s.fuel[0])
    return f"FUEL {fuel * GALLONS:4.1f} gal" if units == "imperial" else f"FUEL {fuel * LITRES:4.0f} l"
