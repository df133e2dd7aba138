"""Small worlds for the combat tests: a few aircraft in the air over the generated terrain (about 60 m above sea
level round the origin) and the ground units a test needs."""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from flight.sim.world.combat.ground_units import GroundGroup
from flight.sim.map.terrain import generate_terrain
from flight.sim.world.world import Slot, World

CRUISE = np.array([0.0, 0.0, 0.0, 0.8, 0.0, 0.0])


@lru_cache(maxsize=1)
def terrain():
    return generate_terrain(seed=1)


def flying(name: str, aircraft: str, side: str, north: float, east: float, heading_deg: float = 0.0,
           altitude: float = 1000.0, speed: float = 50.0) -> Slot:
    return Slot(name, aircraft, side, north, east, heading_deg, on_ground=False, altitude=altitude, speed=speed)


def ground(name: str, kind: str, side: str, north: float = 0.0, east: float = 0.0, count: int = 1,
           heading_deg: float = 0.0, route=()) -> GroundGroup:
    return GroundGroup(name, kind, side, north, east, heading_deg, count, 20.0, tuple(route))


def world(slots: list[Slot], groups=(), seed: int = 1, time_of_day: str = "day") -> World:
    w = World(terrain(), slots, seed=seed, ground_units=tuple(groups), time_of_day=time_of_day)
    for i, s in enumerate(slots[1:], start=1):  # the AI holds its heading, height and speed
        w.pilot.hold_heading([i], np.radians(s.heading_deg), s.altitude, s.speed)
    return w


def run(w: World, ticks: int, buttons: int = 0, controls=CRUISE) -> None:
    for _ in range(ticks):
        w.tick(controls, buttons)
