"""A sortie: one flight of a level from its start, the world plus the level's mission script that decides how it
ends. Given the level, the seed and the player's controls tick by tick it is fully determined, so the live game,
`flight run` and replay playback and verification all drive this one object. Imports no panda3d."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.missions import MissionRunner
from flight.sim.missions.snapshot import MissionSnapshot, mission_snapshot
from flight.sim.world.level import Level
from flight.sim.world.world import World


@dataclass(frozen=True)
class Ending:
    outcome: str  # "success", "partial" or "failure"
    reason: str
    seconds: float  # mission time when it ended


def landing_quality(sink: float) -> str:
    """A touchdown in words, by the sink rate (m/s) at the wheels' touch."""
    for limit, word in ((0.6, "a greaser"), (1.2, "good"), (2.0, "firm")):
        if sink < limit:
            return word
    return "hard"


class Sortie:
    """`tick` advances one DT with the player's (quantised) controls and then the mission; `end` is set on the
    tick the mission ends, after which `tick` refuses to run. A broken mission script raises MissionError."""

    def __init__(self, level: Level, seed: int = 0, difficulty: str = "normal"):
        self.level = level
        self.seed = seed
        self.difficulty = difficulty  # enemy skill and flak once there are enemies; never the flight model
        self.world = World.from_level(level, seed, difficulty)
        aircraft = {name: slots[0] for name, slots in self.world.units.items() if len(slots) == 1}
        self.mission = MissionRunner(level, self.world, aircraft)
        self.end: Ending | None = None
        self.distance = 0.0  # m flown over the ground by the player

    @property
    def tick_count(self) -> int:
        return self.world.tick_count

    def tick(self, player_controls: np.ndarray, buttons: int = 0) -> Ending | None:
        """One tick with the frame's controls and buttons (FIRE, CLEAR_JAM); returns the Ending on the tick the
        mission ends."""
        if self.end is not None:
            raise RuntimeError("the sortie has ended")
        self.world.tick(player_controls, buttons)
        vel = self.world.fleet.vel
        vn, ve = float(vel[0, 0]), float(vel[0, 1])
        self.distance += math.sqrt(vn * vn + ve * ve) * DT
        self.mission.tick()
        outcome = self.mission.outcome
        if outcome is not None:
            self.end = Ending(outcome.speaker, outcome.text, self.tick_count * DT)
        return self.end

    def mission_snapshot(self) -> MissionSnapshot:
        """What the HUD shows of the mission now: the app reads the mission through this, never its log."""
        return mission_snapshot(self.mission.m)

    def state(self) -> dict[str, np.ndarray]:
        """The world's state and the mission's: all a replay hashes, and a keyframe."""
        state = self.world.state()
        state.update(self.mission.state())
        state["sortie/distance"] = np.array(self.distance)
        return state

    def restore(self, state: dict[str, np.ndarray]) -> None:
        self.world.restore(state)
        self.mission.restore(state)
        self.distance = float(state["sortie/distance"])
        outcome = self.mission.outcome
        self.end = Ending(outcome.speaker, outcome.text, outcome.tick * DT) if outcome is not None else None

    def result(self) -> dict:
        """The outcome so far and the debrief's figures, as the debrief, `flight run` and the replay report it."""
        player = self.mission.m.player
        reason = self.end.reason if self.end else "still flying"
        if player.crashed:
            reason += f" ({player.crash_cause.replace('_', ' ')} at {player.impact_speed * 3.6:.0f} km/h)"
        stats = {"time_s": round(self.tick_count * DT, 2),
                 "flight_s": round(float(self.world.airborne_ticks[0]) * DT, 2),
                 "distance_km": round(self.distance / 1000.0, 3),
                 "shots_fired": player.shots_fired, "hits": int(self.world.combat.condition.hits[0]),
                 "downed": int((self.world.combat.condition.downed_by == 0).sum()),
                 "damage_taken": round(player.damage, 3)} | self.mission.m.stats
        if player.crashed:  # for a debrief in the player's units
            stats["crash_cause"], stats["impact_speed_ms"] = player.crash_cause, round(player.impact_speed, 2)
        if player.landed:
            stats["landing"] = landing_quality(player.touchdown_sink)
            stats["touchdown_sink_ms"] = round(player.touchdown_sink, 2)
        return {"outcome": self.end.outcome if self.end else "timeout", "reason": reason, "stats": stats,
                "epilogue": self.mission.epilogue()}
