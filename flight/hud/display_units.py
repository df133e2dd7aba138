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
