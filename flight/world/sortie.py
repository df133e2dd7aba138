"""A sortie: one flight of a level from its start, the world plus what ends it. Given the level, the seed and
the player's controls tick by tick it is fully determined, so the live game, `flight run` and replay playback and
verification all drive this one object. Imports no panda3d."""
from __future__ import annotations

import math

import numpy as np

from flight.dynamics import DT

from flight.world.landing import FlightEnd, LandingWatch
from flight.world.level import Level
from flight.world.world import World


class Sortie:
    """`tick` advances one DT with the player's (quantised) controls; `end` is set on the tick the flight ends,
    after which `tick` refuses to run."""

    def __init__(self, level: Level, seed: int = 0, difficulty: str = "normal"):
        self.level = level
        self.seed = seed
        self.difficulty = difficulty  # enemy skill and flak once there are enemies; never the flight model
        self.world = World.from_level(level, seed)
        self.watch = LandingWatch(level.aerodrome)
        self.end: FlightEnd | None = None
        self.distance = 0.0  # m flown over the ground

    @property
    def tick_count(self) -> int:
        return self.world.tick_count

    def tick(self, player_controls: np.ndarray) -> FlightEnd | None:
        """One tick; returns the FlightEnd on the tick the flight ends."""
        if self.end is not None:
            raise RuntimeError("the sortie has ended")
        self.world.tick(player_controls)
        vn, ve = (float(v) for v in self.world.fleet.vel[0, :2])
        self.distance += math.sqrt(vn * vn + ve * ve) * DT
        self.end = self.watch.update(self.world.fleet, self.world.tick_count)
        return self.end

    def state(self) -> dict[str, np.ndarray]:
        """The world's state and the watch's: all a replay hashes, and a keyframe."""
        state = self.world.state()
        state.update({f"watch/{name}": value for name, value in self.watch.state().items()})
        state["sortie/distance"] = np.array(self.distance)
        return state

    def restore(self, state: dict[str, np.ndarray]) -> None:
        self.world.restore(state)
        self.watch.restore({name[len("watch/"):]: v for name, v in state.items() if name.startswith("watch/")})
        self.distance = float(state["sortie/distance"])
        self.end = None

    def result(self) -> dict:
        """The outcome so far, as the debrief, `flight run` and the replay's outcome chunk report it."""
        end = self.end
        if end is None:
            outcome, reason = "timeout", "still flying"
        elif end.outcome == "landed":
            outcome, reason = "success", "landed on the aerodrome"
        else:
            outcome, reason = "failure", f"crashed ({end.cause}) at {end.speed * 3.6:.0f} km/h"
        stats = {"flight_seconds": round(self.watch.airborne_ticks * DT, 2),
                 "distance_km": round(self.distance / 1000.0, 3)}
        return {"outcome": outcome, "reason": reason, "end": end.outcome if end else None, "stats": stats}
