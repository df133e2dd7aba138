"""The flight gauges' text: airspeed, altimeter, vertical speed, engine, compass. Units follow the aircraft's
nation (British mph and feet, German km/h and metres)."""
from __future__ import annotations

import math

from flight.world import WorldSnapshot

MPH, KMH, FEET = 2.236936, 3.6, 3.280840


def airspeed(s: WorldSnapshot, units: str) -> str:
    eas = float(s.eas[0])
    return f"ASI {eas * MPH:4.0f} mph" if units == "imperial" else f"ASI {eas * KMH:4.0f} km/h"


def altimeter(s: WorldSnapshot, units: str) -> str:
    alt = float(s.altitude[0])
    return f"ALT {alt * FEET:5.0f} ft" if units == "imperial" else f"ALT {alt:5.0f} m"


def vertical_speed(s: WorldSnapshot, units: str) -> str:
    climb = -float(s.vel[0, 2])
    # rounded to the needle's resolution first, so a parked aircraft shows +0, never -0
    if units == "imperial":
        return f"VSI {round(climb * FEET * 6.0) * 10:+5d} ft/min"
    return f"VSI {round(climb * 10.0) / 10.0 + 0.0:+5.1f} m/s"


def engine(s: WorldSnapshot, units: str) -> str:
    return f"RPM {float(s.rpm[0]):4.0f}  THR {100 * float(s.controls[0, 3]):3.0f}%"


def compass(s: WorldSnapshot, units: str) -> str:
    return f"HDG {math.degrees(float(s.euler[0, 2])) % 360:03.0f}"


def warnings(s: WorldSnapshot, units: str) -> str:
    if s.crashed[0]:
        return f"CRASHED: {s.crash_cause[0].replace('_', ' ')}"
    if not s.on_ground[0] and float(s.alpha[0]) > math.radians(14.0):
        return "STALL"
    return ""
