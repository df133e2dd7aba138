"""The mission API (DESIGN.md, Missions): a level's mission.py stages its scene through `m` (flight.sim.missions.script)
in @phase generators that yield `m.wait(...)` and `m.until(condition)`. Imports no panda3d.

    from flight.sim.missions import phase, airborne, landed

    @phase
    def take_off(m):
        m.say("Instructor", "Open her up.")
        climb = m.objective("Take off")
        yield m.until(airborne("player"))
        climb.complete()
"""
from flight.sim.missions.conditions import (Condition, above, after, airborne, all_of, any_of, crashed, damaged,
                                        destroyed, fired, heading_near, in_zone, landed, left_zone, moving, not_,
                                        shot_down, stalled)
from flight.sim.missions.endings import story_endings
from flight.sim.missions.runner import MissionError, MissionRunner, phase

__all__ = ["Condition", "MissionError", "MissionRunner", "above", "after", "airborne", "all_of", "any_of", "crashed",
           "damaged", "destroyed", "fired", "heading_near", "in_zone", "landed", "left_zone", "moving", "not_", "phase",
           "shot_down", "stalled", "story_endings"]
