"""How well each AI pilot flies and fights, as (K,) arrays: how long he takes to react to what he sees, how far
off his aim is, how many g he will pull, where he opens fire and how long his bursts are. Set per aircraft by
name; a world's difficulty picks the enemy's. Skill never touches the flight model. Imports numpy, flight.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.dynamics.stablemath import atan2

# name: reaction s, aim error mrad (one standard deviation, each way), g he will pull, opening range m, burst s.
# A novice of 1918 had a few hours on type and opened fire far too soon; an ace closed to 100 m and fired short.
SKILLS = {
    "novice": (1.2, 22.0, 3.0, 250.0, 1.5),
    "regular": (0.7, 11.0, 3.5, 200.0, 1.0),
    "veteran": (0.45, 6.0, 4.0, 180.0, 0.7),
    "ace": (0.3, 3.0, 4.5, 150.0, 0.5),
}
DIFFICULTY = {"easy": "novice", "normal": "regular", "hard": "veteran"}  # the enemy's skill at each difficulty
FRIENDLY = "regular"  # the player's side, whatever the difficulty


@dataclass
class Skill:
    """(K,) arrays. `bank_limit` follows from `g_limit`: the bank of a level turn at that load factor."""
    reaction_ticks: np.ndarray  # int: a threat or a firing solution must last this long before he acts on it
    aim_error: np.ndarray  # rad
    g_limit: np.ndarray
    bank_limit: np.ndarray  # rad
    fire_range: np.ndarray  # m
    burst_ticks: np.ndarray  # int

    @classmethod
    def of(cls, names: list[str]) -> "Skill":
        rows = [_row(name) for name in names]
        return cls(**{f.name: np.array([r[f.name] for r in rows]) for f in fields(cls)})

    def set(self, slots: np.ndarray, name: str) -> None:
        row = _row(name)
        for f in fields(self):
            getattr(self, f.name)[slots] = row[f.name]


def _row(name: str) -> dict:
    if name not in SKILLS:
        raise ValueError(f"unknown skill {name!r} (skills: {', '.join(SKILLS)})")
    reaction, aim_mrad, g, fire_range, burst = SKILLS[name]
    return dict(reaction_ticks=round(reaction / DT), aim_error=aim_mrad * 1e-3, g_limit=g,
                bank_limit=float(atan2(np.array(np.sqrt(g * g - 1.0)), np.array(1.0))), fire_range=fire_range,
                burst_ticks=round(burst / DT))
