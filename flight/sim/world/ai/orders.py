"""What an AI pilot is told to do (an Order per aircraft, with its targets) and where it is in doing it (a Phase).
Plain data: small int arrays and float arrays, so orders vectorise, copy and compare. Imports numpy, flight.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

import numpy as np

from flight.sim.dynamics.stablemath import atan2


class Order(IntEnum):
    NONE = 0  # parked on the ground; in the air, straight and level
    TAKEOFF = 1  # take off along the heading it faces, climb straight ahead to `altitude`, hold that heading
    FLY_TO = 2  # (take off and) fly to north, east at `altitude` and `speed`, then circle the point
    HEADING = 3  # hold `heading`, `altitude` and `speed`
    CIRCUIT = 4  # take off (if parked), fly the field's circuit, land into `heading`, stop on the field
    LAND = 5  # join the field's circuit from wherever it is, land into `heading`, stop on the field
    PURSUE = 6  # (take off and) chase `target` with lead, firing in bursts when in range and in the gun cone
    ATTACK = 7  # attack runs on `target` (a bomber): climb to a perch above and behind, dive, fire, break away
    ESCORT = 8  # keep a loose station on `target` (the leader); engage enemies that come near it
    FORMATION = 9  # keep station `offset` on `target` (the leader)
    PATROL = 10  # circle north, east at `radius` and `altitude`; engage enemies that come near
    RETURN = 11  # fly to the field north, east at `altitude`, then join its circuit and land (becomes LAND)
    STALL = 12  # throttle back, hold the nose up until she stalls, recover; then straight and level


class Phase(IntEnum):
    PARKED = 0
    TAKEOFF_ROLL = 1  # full throttle, runway heading, tail up, rotate
    CLIMB_OUT = 2  # straight ahead at the climb speed to a safe height (also a go-around)
    ENROUTE = 3  # TAKEOFF, FLY_TO, HEADING in the air
    DOWNWIND = 4  # the circuit: the downwind leg (joined from anywhere)
    BASE = 5
    FINAL = 6  # down the glide path to the touchdown point
    FLARE = 7  # throttle closed, sink rate eased off, holding off to a three-point touchdown
    ROLLOUT = 8  # stick back, straight with the rudder, until stopped
    STOPPED = 9


ORDER_ROWS = ("north", "east", "altitude", "speed", "heading", "radius", "elevation", "extend", "forward", "right",
              "down", "floor", "delay")  # Orders' float fields, as the guidance pass's kernels index them
AIRBORNE_PHASES = (Phase.CLIMB_OUT, Phase.ENROUTE, Phase.DOWNWIND, Phase.BASE, Phase.FINAL, Phase.FLARE)


@dataclass(frozen=True)
class Airfield:
    """A grass field: landing is into `landing_heading` (rad, 0 north), on the field within `radius` m of its
    centre (north, east, m)."""
    north: float
    east: float
    landing_heading: float
    radius: float

    def into_wind(self, wind: np.ndarray) -> "Airfield":
        """The same field landing into `wind` (NED m/s, the air's velocity), as the windsock says: on a round
        grass field nobody lands across the wind (a Camel ground-loops in 6 m/s of it). Calm: unchanged."""
        north, east = float(wind[0]), float(wind[1])
        if north * north + east * east < 1.0:
            return self
        heading = float(atan2(np.array(-east), np.array(-north))) % (2.0 * np.pi)
        return Airfield(self.north, self.east, heading, self.radius)


class Orders:
    """Orders of K aircraft; which fields matter depends on `kind`. The float fields are the rows of `table`
    ((13, K), rows by ORDER_ROWS), which the guidance pass's kernels take whole; assigning a field writes its row.

    | field     | shape | unit | used by                       | meaning                                        |
    |-----------|-------|------|-------------------------------|------------------------------------------------|
    | kind      | (K,)  | -    | all                           | an Order                                       |
    | north     | (K,)  | m    | FLY_TO, CIRCUIT, LAND         | the point to fly to, or the field's centre     |
    | east      | (K,)  | m    | FLY_TO, CIRCUIT, LAND         |                                                |
    | altitude  | (K,)  | m    | all airborne                  | above sea level (CIRCUIT/LAND: the circuit's)  |
    | speed     | (K,)  | m/s  | TAKEOFF, FLY_TO, HEADING      | equivalent airspeed to cruise at               |
    | heading   | (K,)  | rad  | TAKEOFF, HEADING, CIRCUIT, LAND | to hold; for a field, the landing direction  |
    | radius    | (K,)  | m    | CIRCUIT, LAND                 | the field's radius                             |
    | elevation | (K,)  | m    | all                           | ground height the climb-out and circuit use    |
    | target    | (K,)  | -    | PURSUE .. FORMATION           | fleet index of the target or leader, -1 none   |
    | forward   | (K,)  | m    | ESCORT, FORMATION             | the station: ahead of the leader (- behind),   |
    | right     | (K,)  | m    |                               | to its right (- left) and below it (- above),  |
    | down      | (K,)  | m    |                               | in the frame of its course over the ground     |
    | floor     | (K,)  | m    | all airborne                  | at least this high over the ground ahead (0: -) |
    | delay     | (K,)  | s    | ESCORT, FORMATION             | parked: it starts rolling this long after the  |
    |           |       |      |                               | leader does (one after another, not abreast)   |
    | extend    | (K,)  | m    | CIRCUIT, LAND                 | the downwind leg runs this much farther out:   |
    |           |       |      |                               | its place in a queue to land                   |
    """
    FIELDS = ("kind", "north", "east", "altitude", "speed", "heading", "radius", "elevation", "target", "forward",
              "right", "down", "floor", "delay", "extend")  # every field, in the order a Pilot's state lists them

    def __init__(self, k: int):
        self.kind = np.zeros(k, dtype=np.int8)
        self.target = np.full(k, -1, dtype=np.int64)
        self.table = np.zeros((len(ORDER_ROWS), k))

    @classmethod
    def empty(cls, k: int) -> "Orders":
        return cls(k)


def table_row(table: str, row: int) -> property:
    """An attribute that is row `row` of the object's (R, K) array `table`: the kernels take the table whole,
    Python reads and assigns a field by name (assignment writes the row in place)."""
    def get(self) -> np.ndarray:
        return getattr(self, table)[row]

    def put(self, value: np.ndarray) -> None:
        getattr(self, table)[row] = value
    return property(get, put)


for _row, _name in enumerate(ORDER_ROWS):
    setattr(Orders, _name, table_row("table", _row))
