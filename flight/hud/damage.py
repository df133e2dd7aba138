"""The damage state: one line per damaged part (the flight model's DAMAGE_PARTS, 1 intact .. 0 gone). The
snapshot has no `damage` yet (the theatre issue adds it): until then, and while intact, it shows nothing."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from flight.dynamics import DAMAGE_PARTS
from flight.world import WorldSnapshot

# (at or above this fraction left, what the pilot sees); below the last, the part is gone
WORDS = ((0.99, None), (0.6, "holed"), (0.01, "badly hit"))


def text(s: WorldSnapshot, units: str) -> str:
    damage = getattr(s, "damage", None)  # (N, len(DAMAGE_PARTS))
    return "" if damage is None else parts_text(np.asarray(damage)[0])


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
