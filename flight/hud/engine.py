"""Engine revolutions and throttle setting; BLIP while the blip switch (ignition cut) is held."""
from __future__ import annotations

from flight.sim.world import WorldSnapshot


def text(s: WorldSnapshot, units: str) -> str:
    blip = "  BLIP" if float(s.controls[0, 5]) >= 0.5 else ""
    return f"RPM {float(s.rpm[0]):4.0f}  THR {100 * float(s.controls[0, 3]):3.0f}%{blip}"
