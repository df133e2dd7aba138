"""The video's director: picks the camera shot by itself from the flight, by simple fixed rules, so the same
replay always cuts the same way. The chase by default; a fly-by while another aircraft is within NEAR_M; a fly-by
now and then on a quiet stretch; every shot held at least HOLD_S. Imports no panda3d (pure rules)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.sim.dynamics import DT

HOLD_S = 4.0  # no shot is cut away from sooner: the eye needs that long to read it
NEAR_M = 300.0  # another aircraft this close is the action: watch the pass from the side
FLYBY_MAX_S = 8.0  # a fly-by's camera is left behind after a few seconds; back to the chase
QUIET_CHASE_S = 15.0  # this long on the chase with nobody near, a fly-by for a change of view
QUIET_FLYBY_S = 5.0


@dataclass
class Director:
    """`shot` is the camera on now (a CameraRig name), chosen at `since` (a tick). Call `choose` every frame."""
    shot: str = "chase"
    since: int | None = None

    def choose(self, tick: int, nearest_m: float) -> str:
        """The shot for `tick`, given the distance to the nearest other aircraft still flying (inf: none)."""
        if self.since is None:
            self.since = tick
        held_s = (tick - self.since) * DT
        if held_s < HOLD_S:
            return self.shot
        near = nearest_m < NEAR_M
        if self.shot == "chase":
            wanted = "flyby" if near or held_s >= QUIET_CHASE_S else "chase"
        else:
            wanted = "chase" if held_s >= FLYBY_MAX_S or (not near and held_s >= QUIET_FLYBY_S) else "flyby"
        if wanted != self.shot:
            self.shot, self.since = wanted, tick
        return self.shot


def nearest_other_m(pos: np.ndarray, crashed: np.ndarray, followed: int) -> float:
    """Metres from aircraft `followed` to the nearest other one not crashed (inf when there is none)."""
    others = np.ones(len(pos), dtype=bool)
    others[followed] = False
    others &= ~np.asarray(crashed, dtype=bool)
    if not others.any():
        return float("inf")
    return float(np.min(np.linalg.norm(pos[others] - pos[followed], axis=1)))
