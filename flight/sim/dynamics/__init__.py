"""Numpy flight-dynamics core: every aircraft of a fleet advanced in one vectorised step.

Public API (DESIGN.md): `load_aircraft`, `Fleet`, `DT`. Imports numpy and the standard library only.
"""
from flight.sim.dynamics.fleet import CONTROL_NAMES, DT, Fleet
from flight.sim.dynamics.params import DAMAGE_PARTS
from flight.sim.dynamics.spec import CRASH_CAUSES, AircraftFileError, AircraftSpec, known_aircraft, load_aircraft

__all__ = ["AircraftFileError", "AircraftSpec", "CONTROL_NAMES", "CRASH_CAUSES", "DAMAGE_PARTS", "DT", "Fleet",
           "known_aircraft", "load_aircraft"]
