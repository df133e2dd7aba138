"""Flight-dynamics core: every aircraft of a fleet, a struct of numpy arrays, advanced in one compiled step.

Public API (DESIGN.md): `load_aircraft`, `Fleet`, `DT`. Imports numpy, numba and the standard library only; numba's
on-disk cache is set up first, in one place (flight.sim.jit).
"""
from flight.sim import jit  # noqa: F401 - before any kernel: where compiled kernels are cached
from flight.sim.dynamics.fleet import CONTROL_NAMES, DT, Fleet
from flight.sim.dynamics.params import DAMAGE_PARTS
from flight.sim.dynamics.spec import CRASH_CAUSES, AircraftFileError, AircraftSpec, known_aircraft, load_aircraft

__all__ = ["AircraftFileError", "AircraftSpec", "CONTROL_NAMES", "CRASH_CAUSES", "DAMAGE_PARTS", "DT", "Fleet",
           "known_aircraft", "load_aircraft"]
