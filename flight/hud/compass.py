"""The compass: magnetic heading taken as true, whole degrees 000-359."""
from __future__ import annotations

import math

from flight.sim.world import WorldSnapshot


def text(s: WorldSnapshot, units: str) -> str:
    # rounded before the wrap, so 359.6 degrees reads 000, not 360
    return f"HDG {round(math.degrees(float(s.euler[0, 2]))) % 360:03d}"
