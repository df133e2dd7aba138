"""How a free flight ends: landed and stopped on the home field after flying, or crashed. Reads snapshots only
(one a frame is enough: it counts airborne time by the snapshots' ticks), so it works the same live and in a
replay. Imports no panda3d."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.dynamics import DT
from flight.world.world import WorldSnapshot

_MIN_FLIGHT_TICKS = round(10.0 / DT)  # a hop off the grass is not a flight
_STOPPED = 0.5  # m/s ground speed


@dataclass(frozen=True)
class FlightEnd:
    outcome: str  # "landed" or "crashed"
    cause: str  # the crash cause, "" when landed
    speed: float  # m/s: ground speed just before the crash (or 0 when landed)
    seconds: float  # flight time


class LandingWatch:
    """Feed every snapshot to `update`; it returns a FlightEnd once, when the flight is over."""

    def __init__(self, aerodrome: tuple[float, float, float]):
        self.aerodrome = aerodrome
        self.airborne_ticks = 0
        self.last_tick = 0
        self.last_speed = 0.0
        self.ended: FlightEnd | None = None

    def update(self, s: WorldSnapshot) -> FlightEnd | None:
        if self.ended is not None:
            return None
        seconds = s.tick * DT
        if s.crashed[0]:
            self.ended = FlightEnd("crashed", s.crash_cause[0], self.last_speed, seconds)
            return self.ended
        self.last_speed = float(np.linalg.norm(s.vel[0]))
        ticks, self.last_tick = s.tick - self.last_tick, s.tick
        if not s.on_ground[0]:
            self.airborne_ticks += ticks
            return None
        north, east, radius = self.aerodrome
        on_field = np.hypot(s.pos[0, 0] - north, s.pos[0, 1] - east) < radius
        if self.airborne_ticks >= _MIN_FLIGHT_TICKS and on_field and self.last_speed < _STOPPED:
            self.ended = FlightEnd("landed", "", 0.0, seconds)
        return self.ended
