"""Steering for the AI's air work, one aircraft at a time (scalar kernels): the bank and climb rate that put the
nose on a direction, the bank for a turn rate, and the climb that keeps a floor over the ground ahead. CPU-stable
arithmetic only. Imports numpy, numba and flight only.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics.atmosphere import GRAVITY
from flight.sim.dynamics.stablemath import atan2_1, cos1, maximum, minimum, sin1
from flight.sim.jit import kernel
from flight.sim.world.ai.guidance import saturating_angle1
from flight.sim.world.ai.loops import wrap1

AIM_TURN_RATE = 0.8  # rad/s of turn asked per rad of the nose off the aim: steady on the aim in 1-2 s
MAX_CLIMB, MAX_DIVE = 0.35, 0.5  # rad of flight path: a fighter chases up to 20 deg nose up, 29 deg down
FLOOR_GAIN = 0.5  # m/s of climb per m below the floor
LOW_BANK = 0.8  # rad: the steepest bank below the floor (a wing low near the ground is how fights end)
PULL_OUT = 4.0  # s of the sink rate: a dive is pulled out of this far above the floor


@kernel
def angles_of1(north, east, down):
    """Bearing (rad, 0 north, -pi..pi) and elevation (rad, + up) of a NED direction."""
    horizontal = np.sqrt(north * north + east * east)
    return atan2_1(east, north), atan2_1(-down, horizontal)


@kernel
def bank_for_rate1(tas, rate, bank_limit):
    """About the coordinated bank for a turn rate (rad/s, + right), within +-bank_limit."""
    bank = saturating_angle1(tas * rate * (1.0 / GRAVITY))
    return minimum(maximum(bank, -bank_limit), bank_limit)


@kernel
def point_nose1(roll, pitch, heading, tas, alpha, bearing, elevation, bank_limit):
    """Bank and climb rate that swing the nose onto the bearing and elevation; and the nose's errors (rad: to the
    right, and up) for the trigger. The nose sits alpha above the flight path, along the lift."""
    yaw_error = wrap1(bearing - heading)
    pitch_error = elevation - pitch
    bank = bank_for_rate1(tas, AIM_TURN_RATE * yaw_error, bank_limit)
    path = minimum(maximum(elevation - alpha * cos1(roll), -MAX_DIVE), MAX_CLIMB)
    return bank, tas * sin1(path), yaw_error * cos1(elevation), pitch_error


@kernel
def keep_floor1(climb_rate, bank, ground, floor, altitude, own_climb_rate):
    """At least `floor` m (> 0) over the ground ahead: climbing to it, the bank eased; coming down, the pull-out
    starts PULL_OUT seconds of the sink rate above it. The commanded climb rate and bank."""
    below = ground + floor - altitude - PULL_OUT * minimum(own_climb_rate, 0.0)
    climb_rate = maximum(climb_rate, minimum(FLOOR_GAIN * below, 10.0))
    if below > 0.0:
        bank = minimum(maximum(bank, -LOW_BANK), LOW_BANK)
    return climb_rate, bank
