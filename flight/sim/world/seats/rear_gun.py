"""The rear gun seat: while the player mans his bomber's rear flexible gun (the frame's REAR_GUN bit held), an
autopilot holds aircraft 0's heading and height, and the frame's aileron and elevator aim that gun over its arc.
Offered where aircraft 0 has a flexible gun pointing aft; the gun is laid by one kernel a tick (`lay`). Imports numpy,
numba and flight.sim only; draws no random numbers.
"""
from __future__ import annotations

import math

import numpy as np
from numba import types

from flight.sim.command import PARKED, REAR_GUN
from flight.sim.dynamics import Fleet
from flight.sim.dynamics.stablemath import atan2, cos1, sin1
from flight.sim.jit import kernel
from flight.sim.world.ai import Pilot
from flight.sim.world.ai.airwork import FIGHT_FLOOR
from flight.sim.world.combat.guns import FleetGuns
from flight.sim.world.seats.seat import Seat

# a dorsal ring: the fuselage and tail stop the gun lower than this, and it cannot swing past the vertical
ELEVATION_LIMITS = (math.radians(-20.0), math.radians(85.0))
REST_ELEVATION = math.radians(5.0)


class RearGunSeat(Seat):
    """Aircraft 0's rear gun in the player's hands, and the autopilot that flies her meanwhile.

    | field     | shape | unit | meaning                                                                      |
    |-----------|-------|------|------------------------------------------------------------------------------|
    | gun       | -     | -    | the gun's index among the fleet's guns (FleetGuns)                          |
    | arc       | (4,)  | rad  | azimuth min, max (from the nose, + right, through pi astern), elevation min, max |
    | autopilot | -     | -    | a Pilot of aircraft 0 (its state is the seat's: `state`, `restore`)          |
    | aim_angles| (2,)  | rad  | azimuth and elevation the frame laid the gun at this tick (None: not manned) |
    """
    name = "rear_gun"
    aims_gun = True
    button = REAR_GUN

    def __init__(self, fleet: Fleet, guns: FleetGuns, gun: int):
        self.fleet, self.gun = fleet, gun
        x, y, z = guns.direction[gun]
        azimuth = float(atan2(np.array(y), np.array(x))) % (2.0 * math.pi)
        elevation = float(atan2(np.array(-z), np.array(math.sqrt(x * x + y * y))))
        c = float(guns.arc_cos[gun])
        half = float(atan2(np.array(math.sqrt(1.0 - c * c)), np.array(c)))
        self.arc = np.array([azimuth - half, azimuth + half, max(elevation - half, ELEVATION_LIMITS[0]),
                             min(elevation + half, ELEVATION_LIMITS[1])])
        self.autopilot = Pilot(fleet, [0], skill="regular")
        self.aim_angles: np.ndarray | None = None

    @classmethod
    def of(cls, world, specs: dict) -> RearGunSeat | None:
        """The seat of aircraft 0's flexible gun that points farthest aft, if it has one that points aft at all."""
        fleet, guns = world.fleet, world.combat.guns
        rear = np.flatnonzero((guns.owner == 0) & guns.flexible & (guns.direction[:, 0] < 0.0))
        if not rear.size:
            return None
        return cls(fleet, guns, int(rear[np.argmin(guns.direction[rear, 0])]))

    def enter(self, world) -> None:
        """The player leaves the controls for the gun: the autopilot holds her heading, height and speed as they
        are (at least her pattern speed, and FIGHT_FLOOR over the ground ahead)."""
        f, a = self.fleet, self.autopilot
        if f.on_ground[0]:
            return
        a.take_over(0)
        a.hold_heading(0, float(f.euler[0, 2]), altitude=float(f.altitude[0]),
                       speed=max(float(f.eas[0]), float(a.tuning.pattern_speed[0])), floor=FIGHT_FLOOR)

    def fly(self, world, controls: np.ndarray) -> tuple[np.ndarray, tuple]:
        """The autopilot's row for aircraft 0 (parked on the ground); the frame's aileron and elevator lay the gun."""
        row = PARKED.to_array() if self.fleet.on_ground[0] else self.autopilot.update()[0]
        aim = np.empty(3)
        self.aim_angles = np.empty(2)
        lay(float(controls[0]), float(controls[1]), self.arc, self.aim_angles, aim)
        return row, (self.gun, aim)

    def snapshot_fields(self, tick: int, current: bool) -> dict:
        aim = self.aim_angles if current else None
        return {"rear_gun_aim": None if aim is None else aim.copy(), "rear_gun_arc": self.arc.copy()}

    def state(self) -> dict[str, np.ndarray]:
        return self.autopilot.state()

    def restore(self, state: dict[str, np.ndarray]) -> None:
        self.autopilot.restore(state)
        self.aim_angles = None


@kernel
def _clip(x):
    """np.clip(x, -1.0, 1.0) of one float."""
    return -1.0 if x < -1.0 else (1.0 if x > 1.0 else x)


@kernel(types.void(types.float64, types.float64, types.float64[::1], types.float64[::1], types.float64[::1]))
def lay(aileron, elevator, arc, angles, aim):
    """The gun's azimuth and elevation (rad, into `angles`) and its direction in body axes (unit, into `aim`) for the
    frame's aileron and elevator: -1..1 across the arc; + aileron swings it clockwise seen from above; elevator 0
    is REST_ELEVATION, + raises it to the top of the arc, - lowers it to the bottom."""
    aileron, elevator = _clip(aileron), _clip(elevator)
    left, right, low, high = arc[0], arc[1], arc[2], arc[3]
    rest = low if low > REST_ELEVATION else REST_ELEVATION  # a centred stick lays the gun astern, over the tail
    rest = high if high < rest else rest
    elevation = rest + elevator * ((high - rest) if elevator > 0.0 else (rest - low))
    azimuth = 0.5 * (left + right) + 0.5 * aileron * (right - left)
    angles[0], angles[1] = azimuth, elevation
    aim[0], aim[1], aim[2] = cos1(elevation) * cos1(azimuth), cos1(elevation) * sin1(azimuth), -sin1(elevation)
