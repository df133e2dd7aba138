"""Rounds left per gun, JAM for a jammed one (the snapshot's `ammunition` and `jammed`, (N, guns); -1 rounds is
no gun in that slot). An unarmed aircraft's gauge shows nothing."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from flight.sim.world import WorldSnapshot


def text(s: WorldSnapshot, units: str) -> str:
    ammunition = getattr(s, "ammunition", None)  # (N,) or (N, guns) rounds
    jammed = getattr(s, "jammed", None)
    return "" if ammunition is None else rounds_text(np.asarray(ammunition)[0],
                                                     None if jammed is None else np.asarray(jammed)[0])


def rounds_text(rounds: int | Sequence[int] | None, jammed: Sequence[bool] | None = None) -> str:
    """'AMMO 500 | 500' for two guns, 'AMMO 480 | JAM' with the second jammed; '' for none."""
    if rounds is None:
        return ""
    counts = np.atleast_1d(rounds).tolist()  # Python numbers: a frame formats them, and numpy's cost 10x
    stuck = [False] * len(counts) if jammed is None else np.atleast_1d(jammed).tolist()
    shown = [("JAM" if jam else f"{int(count):3d}") for count, jam in zip(counts, stuck) if count >= 0]
    return "AMMO " + " | ".join(shown) if shown else ""
