"""Display units: the aircraft's nation picks imperial (British: mph, feet, gallons) or metric (German: km/h,
metres, litres) by default; settings may override. The conversion factors from SI live here and nowhere else."""
from __future__ import annotations

UNITS = ("imperial", "metric")

MPH = 2.236936  # mph per m/s
KMH = 3.6  # km/h per m/s
FEET = 3.280840  # ft per m
LITRES = 1.0 / 0.72  # litres per kg of aviation petrol (0.72 kg/l: the Camel's 72 kg "about 100 litres")
GALLONS = LITRES / 4.54609  # imperial gallons per kg of petrol


def units_for(nation: str) -> str:
    """The units an aircraft's own instruments read in: imperial for British aircraft, metric for the rest."""
    return "imperial" if nation.strip().lower() == "british" else "metric"

MILES = 1.0 / 1609.344  # statute miles per m


def speed_text(ms: float, units: str) -> str:
    """A speed as the player's units write it: "50 mph" or "80 km/h"."""
    return f"{ms * MPH:.0f} mph" if units == "imperial" else f"{ms * KMH:.0f} km/h"


def distance_text(m: float, units: str) -> str:
    """A distance flown: "3.1 miles" or "5.0 km"."""
    return f"{m * MILES:.1f} miles" if units == "imperial" else f"{m / 1000.0:.1f} km"


def sink_text(ms: float, units: str) -> str:
    """A touchdown's sink rate: "300 ft/min" or "1.5 m/s"."""
    return f"{ms * FEET * 60.0:.0f} ft/min" if units == "imperial" else f"{ms:.1f} m/s"
