"""The warning line: CRASHED with its cause, else STALL when airborne past the stalling angle of attack."""
from __future__ import annotations

import math

from flight.sim.world import WorldSnapshot

STALL_ALPHA = math.radians(14.0)  # near the lift peak of the Camel's and the D.VII's CL tables


def text(s: WorldSnapshot, units: str) -> str:
    if s.crashed[0]:
        return f"CRASHED: {s.crash_cause[0].replace('_', ' ')}"
    if not s.on_ground[0] and float(s.alpha[0]) > STALL_ALPHA:
        return "STALL"
    return ""
