"""Rounds left per gun. The snapshot has no `ammunition` yet (the theatre issue adds guns): until then, and for
an unarmed aircraft, the gauge shows nothing."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from flight.world import WorldSnapshot


def text(s: WorldSnapshot, units: str) -> str:
    ammunition = getattr(s, "ammunition", None)  # (N,) or (N, guns) rounds
    return "" if ammunition is None else rounds_text(np.asarray(ammunition)[0])


def rounds_text(rounds: int | Sequence[int] | None) -> str:
    """'AMMO 500 | 500' for two guns; '' for none."""
    if rounds is None:
        return ""
    counts = np.atleast_1d(np.asarray(rounds)).astype(int)
    return "" if counts.size == 0 else "AMMO " + " | ".join(f"{count:3d}" for count in counts)
