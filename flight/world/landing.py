"""How a free flight ends: landed and stopped on the home field after flying, or crashed. Checked after every
tick from the fleet's arrays, so the end falls on the same tick live, headless and in a replay. Imports no
panda3d."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from flight.dynamics import DT

_MIN_FLIGHT_TICKS = round(10.0 / DT)  # a hop off the grass is not a flight
_STOPPED = 0.5  # m/s ground speed


@dataclass(frozen=True)
class FlightEnd:
    outcome: str  # "landed" or "crashed"
    cause: str  # the crash cause, "" when landed
    speed: float  # m/s: speed just before the crash (or 0 when landed)
    seconds: float  # flight time


class LandingWatch:
    """Call `update` after every tick; it returns a FlightEnd once, on the tick the flight is over. Watches
    aircraft 0 of a Fleet (or anything with its pos, vel, on_ground, crashed and crash_cause_name)."""

    def __init__(self, aerodrome: tuple[float, float, float]):
        self.aerodrome = aerodrome
        self.airborne_ticks = 0
        self.last_speed = 0.0
        self.ended: FlightEnd | None = None

    def update(self, fleet, tick: int) -> FlightEnd | None:
        if self.ended is not None:
            return None
        if fleet.crashed[0]:
            self.ended = FlightEnd("crashed", fleet.crash_cause_name(0), self.last_speed, tick * DT)
            return self.ended
        vn, ve, vd = (float(v) for v in fleet.vel[0])
        self.last_speed = math.sqrt(vn * vn + ve * ve + vd * vd)
        if not fleet.on_ground[0]:
            self.airborne_ticks += 1
            return None
        north, east, radius = self.aerodrome
        dn, de = float(fleet.pos[0, 0]) - north, float(fleet.pos[0, 1]) - east
        on_field = dn * dn + de * de < radius * radius
        if self.airborne_ticks >= _MIN_FLIGHT_TICKS and on_field and self.last_speed < _STOPPED:
            self.ended = FlightEnd("landed", "", 0.0, tick * DT)
        return self.ended

    def state(self) -> dict[str, np.ndarray]:
        return {"airborne_ticks": np.array(self.airborne_ticks, dtype=np.int64),
                "last_speed": np.array(self.last_speed)}

    def restore(self, state: dict[str, np.ndarray]) -> None:
        self.airborne_ticks = int(state["airborne_ticks"])
        self.last_speed = float(state["last_speed"])
        self.ended = None
