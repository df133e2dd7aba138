"""Small flights for the AI tests: aircraft in the air over flat ground, flown by AI pilots, stepped together."""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT, Fleet, load_aircraft
from flight.sim.world.ai import Pilot


def air_start(types: list[str], starts: list[tuple[float, float, float, float, float]]) -> Fleet:
    """A fleet of `types` in the air, each at (north, east, altitude, heading_deg, speed)."""
    fleet = Fleet([load_aircraft(name) for name in types])
    for i, (north, east, altitude, heading, speed) in enumerate(starts):
        fleet.reset(i, pos=(north, east, -altitude), speed=speed, heading=heading, throttle=0.7)
    return fleet


def fly(fleet: Fleet, pilots: list[Pilot], seconds: float, each_tick=None) -> None:
    """Every pilot's update, then the fleet's step, for `seconds`; `each_tick(tick)` after each step (a True
    return stops the flight)."""
    for tick in range(round(seconds / DT)):
        for pilot in pilots:
            pilot.update()
        fleet.step(fleet.controls, DT)
        if each_tick is not None and each_tick(tick):
            return


def nose(fleet: Fleet, i: int) -> np.ndarray:
    """The unit vector along aircraft i's body x axis (its guns' boresight), NED."""
    roll, pitch, heading = fleet.euler[i]
    return np.array([np.cos(pitch) * np.cos(heading), np.cos(pitch) * np.sin(heading), -np.sin(pitch)])
