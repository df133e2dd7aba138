"""The damage state: fire, the pilot's wounds, the engine and the tank (the snapshot's `combat`), then one line per
damaged part (the flight model's DAMAGE_PARTS, 1 intact .. 0 gone). While all is well it shows nothing."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from flight.sim.dynamics import DAMAGE_PARTS
from flight.sim.world import WorldSnapshot

# (at or above this fraction left, what the pilot sees); below the last, the part is gone
WORDS = ((0.99, None), (0.6, "holed"), (0.01, "badly hit"))


def text(s: WorldSnapshot, units: str) -> str:
    damage = getattr(s, "damage", None)  # (N, len(DAMAGE_PARTS))
    parts = "" if damage is None else parts_text(np.asarray(damage)[0].tolist())
    combat = getattr(s, "combat", None)  # the pilot, fire, fuel and engine (flight.sim.world.combat.combat_snapshot)
    if combat is None:
        return parts
    return "\n".join(line for line in (condition_text(float(combat.pilot[0]), bool(combat.burning[0]),
                                                      bool(combat.leaking[0]), float(combat.smoke[0])), parts) if line)


def condition_text(pilot: float, burning: bool, leaking: bool, engine_hit: float) -> str:
    """'ON FIRE\npilot wounded\nengine hit\nfuel tank holed', as far as each applies."""
    lines = ["ON FIRE"] if burning else []
    if pilot < 1.0:
        lines.append("pilot wounded" if pilot > 0.0 else "pilot killed")
    if engine_hit > 0.0:
        lines.append("engine hit" if engine_hit < 1.0 else "engine dead")
    if leaking:
        lines.append("fuel tank holed")
    return "\n".join(lines)


def parts_text(damage: Sequence[float] | None) -> str:
    """'left wing holed\\nrudder shot away'; '' when every part is intact or there is no readout."""
    if damage is None:
        return ""
    return "\n".join(f"{part.replace('_', ' ')} {word}" for part, left in zip(DAMAGE_PARTS, damage)
                     if (word := describe(float(left))) is not None)


def describe(left: float) -> str | None:
    for threshold, word in WORDS:
        if left >= threshold:
            return word
    return "shot away"
