"""The training flight's instructor: short prompts in story order as the pupil takes off, climbs, turns both ways
and comes back. Reads snapshots only (like any mission, it will move into `levels/training/mission.py` once the
mission API exists). Imports no panda3d."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from flight.world.world import WorldSnapshot

SPEAKER = "Instructor"


@dataclass(frozen=True)
class Lesson:
    done: Callable[[WorldSnapshot, "Coach"], bool]  # when this step is over
    prompt: str  # said when the step begins


def _rolling(s: WorldSnapshot, coach: "Coach") -> bool:
    return float(np.hypot(*s.vel[0, :2])) > 3.0


def _airborne(s: WorldSnapshot, coach: "Coach") -> bool:
    return not s.on_ground[0] and s.height[0] > 15.0


def _climbed(s: WorldSnapshot, coach: "Coach") -> bool:
    return s.height[0] > 300.0


def _turned_right(s: WorldSnapshot, coach: "Coach") -> bool:
    return coach.turned > np.radians(90.0)


def _turned_left(s: WorldSnapshot, coach: "Coach") -> bool:
    return coach.turned < coach.turned_at_start - np.radians(90.0)


def _home(s: WorldSnapshot, coach: "Coach") -> bool:
    return False  # the landing watch ends the flight


LESSONS = (
    Lesson(_rolling, "Chocks are in. Open her up: 0 for full throttle, and the chaps will pull the chocks."),
    Lesson(_airborne, "Keep her straight with the rudder as the tail comes up, then ease back at 45 mph."),
    Lesson(_climbed, "Good. Climb to a thousand feet at about 65 mph."),
    Lesson(_turned_right, "Now a turn to the right. She'll whip round and drop her nose: hold it up with rudder."),
    Lesson(_turned_left, "And to the left. Slower, and the nose wants to rise: keep left rudder on."),
    Lesson(_home, "That's the Camel. Bring her home: throttle back, blip with B, and put her down on the field."),
)


class Coach:
    """Feed every snapshot to `update`; it returns the next line to say, once per lesson."""

    def __init__(self):
        self.step = -1
        self.turned = 0.0  # heading change since take-off, rad, right positive
        self.turned_at_start = 0.0
        self._last_heading: float | None = None

    def update(self, s: WorldSnapshot) -> str | None:
        heading = float(s.euler[0, 2])
        if self._last_heading is not None and not s.on_ground[0]:
            self.turned += (heading - self._last_heading + np.pi) % (2 * np.pi) - np.pi
        self._last_heading = heading
        if self.step >= 0 and not LESSONS[self.step].done(s, self):
            return None
        self.step += 1
        if self.step >= len(LESSONS):
            return None
        self.turned_at_start = self.turned
        return LESSONS[self.step].prompt
