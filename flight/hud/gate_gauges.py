"""The gate gun's state for Part 1 of the breakout (the snapshot's `gate`): rounds in the belt and spare belts, the
barrel's heat as a bar, CHANGING BELT while a belt goes in, prisoners through the gate and at the bombers of the
target, and how long the position can hold. Empty when the world has no gate."""
from __future__ import annotations

from flight.sim.world import WorldSnapshot
from flight.sim.world.seats.gate.gate_seat import GateSeat

SEAT = GateSeat.name  # the widget's name: it shows in this seat only
PLACE = ("a2dBottomLeft", (0.06, 0.27), "left")  # anchor, (x, z), alignment

BAR = 10  # characters of a bar


def bar(share: float) -> str:
    """'[######....]' for 0.6."""
    filled = round(min(max(share, 0.0), 1.0) * BAR)
    return f"[{'#' * filled}{'.' * (BAR - filled)}]"


def text(s: WorldSnapshot, units: str) -> str:
    gate = getattr(s, "gate", None)
    if gate is None:
        return ""
    belt = "CHANGING BELT" if gate.reloading else f"BELT {gate.rounds:3d}"
    heat = "STOPPED: TOO HOT" if gate.stoppage else bar(gate.heat)
    return (f"{belt}   SPARE BELTS {gate.spare_belts}\nHEAT {heat}\n"
            f"THROUGH {gate.through}   AT THE BOMBERS {gate.arrived}/{gate.target}\n"
            f"POSITION {bar(gate.health)}")
