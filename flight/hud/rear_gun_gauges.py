"""At the Gotha's rear gun (the snapshot's `rear_gun_aim` is set): a line saying so, and the heading the autopilot
holds meanwhile (V gives the controls back)."""
from __future__ import annotations

import numpy as np

from flight.sim.world import WorldSnapshot
from flight.sim.world.seats.rear_gun import RearGunSeat

SEAT = RearGunSeat.name  # the widget's name: it shows in this seat only
PLACE = ("a2dTopCenter", (0.0, -0.5), "center")  # anchor, (x, z), alignment


def text(s: WorldSnapshot, units: str) -> str:
    if getattr(s, "rear_gun_aim", None) is None:
        return ""
    heading = round(float(np.degrees(s.euler[0, 2]))) % 360
    return f"REAR GUN   autopilot holding {heading:03d}   (V: back to the controls)"
