"""The AI pilot's inner loops: bank, flight path and pitch attitude, rudder and throttle for K aircraft at once,
turning commands (what the behaviour wants) into the Fleet's control columns. Gains are the flight-test pilot's
(tests/sim/dynamics/pilots.py, after JSBSim's generic autopilot), with the aileron scaled by each type's roll authority.
Per tick only CPU-stable numpy (no arctan/exp/power): replays must be exact. Imports numpy and flight only.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.dynamics.atmosphere import GRAVITY
from flight.sim.dynamics.stablemath import cos, sin
from flight.sim.world.ai.sensing import Instruments
from flight.sim.world.ai.tuning import Tuning


@dataclass
class Commands:
    """What the behaviours ask of the loops, (K,) arrays. NaN switches an optional command off."""
    bank: np.ndarray  # rad, + right wing down
    climb_rate: np.ndarray  # m/s: the flight path, unless `pitch` is given
    min_speed: np.ndarray  # m/s EAS: the elevator gives up climb rather than fly slower (0: no floor)
    pitch: np.ndarray  # rad: hold this attitude with the elevator instead (on the ground); NaN: flight path
    pitch_max: np.ndarray  # rad: a ceiling on the attitude in the air (the flare: tail skid first, not the fin)
    speed: np.ndarray  # m/s EAS held by the throttle; NaN: `throttle` as given
    throttle: np.ndarray  # 0..1
    heading: np.ndarray  # rad: the rudder steers this heading (ground, flare); NaN: it keeps the slip ball centred
    blip: np.ndarray  # bool: ignition cut regardless of the throttle loop
    brake: np.ndarray  # 0..1
    load_max: np.ndarray | float = 4.0  # g: the most the elevator pulls (a pilot's tolerance in a fight)


def _clip(x, low, high):
    """np.clip at a fraction of its cost on small arrays (the loops run every tick)."""
    return np.minimum(np.maximum(x, low), high)


def wrap(angle: np.ndarray) -> np.ndarray:
    """Angle to -pi..pi with floor only (CPU-stable)."""
    turns = np.floor((angle + np.pi) * (0.5 / np.pi))
    return angle - (2.0 * np.pi) * turns


class InnerLoops:
    """Integrator state for K aircraft; `run` returns the (K, 6) control rows. An integrator whose loop is not in
    charge tracks the control so the loop takes over without a jump (bumpless transfer)."""

    # elevator: PI on load factor, n_cmd = (1 + CLIMB (hdot_cmd - hdot) / g) / cos(bank), pitch-rate damping
    CLIMB, NZ, NZ_INTEGRAL, PITCH_DAMPING = 0.8, 0.3, 1.5, 0.3
    ALPHA_LIMIT = 10.0  # g given up per rad beyond the alpha limit
    PITCH_LIMIT = 5.0  # g given up per rad above the pitch ceiling
    SPEED, SPEED_INTEGRAL = 1.0, 0.3  # climb rate per m/s below the minimum speed, and per m
    ATTITUDE, ATTITUDE_DAMPING = 4.0, 1.0  # elevator per rad of pitch error and per rad/s, on the ground
    BANK, ROLL_RATE, BANK_INTEGRAL = 1.5, 1.0, 1.0  # roll-rate cmd per rad; extra rate per rate error; per rad.s
    ROLL_RATE_SHARE = 0.6  # commanded roll rate at most this share of what full aileron gives
    BETA, BETA_INTEGRAL, YAW_DAMPING = 2.0, 2.0, 0.5
    HEADING, HEADING_INTEGRAL, HEADING_DAMPING = 4.6, 0.5, 1.0
    THROTTLE, THROTTLE_INTEGRAL = 0.15, 0.04
    BLIP_ON, BLIP_OFF = -0.1, 0.0  # throttle-loop demand below idle that cuts the ignition, and that restores it
    STATE = ("nz_integral", "speed_integral", "bank_integral", "yaw_integral", "throttle_integral", "blipping")

    def __init__(self, tuning: Tuning):
        k = len(tuning.stall_speed)
        self.tuning = tuning
        self.nz_integral = np.zeros(k)
        self.speed_integral = np.zeros(k)
        self.bank_integral = np.zeros(k)
        self.yaw_integral = np.zeros(k)
        self.throttle_integral = np.zeros(k)
        self.blipping = np.zeros(k, dtype=bool)

    def take_over(self, rows: np.ndarray, applied: np.ndarray) -> None:
        """Start the loops of `rows` from the controls `applied` (their (R, 6) rows) as a pilot leaves them: the
        elevator and throttle integrators hold what he held, so nothing jumps."""
        self.nz_integral[rows], self.throttle_integral[rows] = applied[:, 1], applied[:, 3]
        self.speed_integral[rows] = self.bank_integral[rows] = self.yaw_integral[rows] = 0.0

    def run(self, s: Instruments, c: Commands) -> np.ndarray:
        u = np.empty((len(s.roll), 6))
        u[:, 0] = self._aileron(s, c)
        u[:, 1] = self._elevator(s, c)
        u[:, 2] = self._rudder(s, c)
        u[:, 3], u[:, 5] = self._throttle(s, c)
        u[:, 4] = c.brake
        return u

    def _climb_rate(self, s: Instruments, c: Commands) -> np.ndarray:
        """The commanded climb rate, less whatever would take the speed below the minimum (speed by pitch)."""
        error = s.eas - c.min_speed
        by_speed = self.SPEED * error + self.speed_integral
        limiting = by_speed < c.climb_rate
        self.speed_integral = np.where(limiting, _clip(self.speed_integral + self.SPEED_INTEGRAL * error * DT,
                                                       -5.0, 10.0),
                                       _clip(c.climb_rate - self.SPEED * error, -5.0, 10.0))
        return np.minimum(c.climb_rate, by_speed)

    def _elevator(self, s: Instruments, c: Commands) -> np.ndarray:
        climb_rate = self._climb_rate(s, c)
        nz_cmd = (1.0 + (self.CLIMB / GRAVITY) * (climb_rate - s.climb_rate)) / np.maximum(cos(s.roll), 0.25)
        nz_cmd = np.minimum(nz_cmd, s.load_factor + self.ALPHA_LIMIT * (self.tuning.stall_alpha - 0.05 - s.alpha))
        nz_cmd = np.minimum(nz_cmd, 1.0 + self.PITCH_LIMIT * (c.pitch_max - s.pitch))
        nz_error = _clip(nz_cmd, -1.0, c.load_max) - s.load_factor
        integral = _clip(self.nz_integral + self.NZ_INTEGRAL * DT * nz_error, -1.0, 1.0)
        by_path = _clip(self.NZ * nz_error + integral - self.PITCH_DAMPING * s.q, -1.0, 1.0)
        by_attitude = _clip(self.ATTITUDE * (c.pitch - s.pitch) - self.ATTITUDE_DAMPING * s.q, -1.0, 1.0)
        attitude = ~np.isnan(c.pitch)
        elevator = np.where(attitude, by_attitude, by_path)
        self.nz_integral = np.where(attitude, elevator, integral)
        return elevator

    def _aileron(self, s: Instruments, c: Commands) -> np.ndarray:
        full_rate = self.tuning.roll_authority * np.maximum(s.tas, 10.0)  # steady roll rate at full aileron
        limit = self.ROLL_RATE_SHARE * full_rate
        error = wrap(c.bank - s.roll)
        rate_cmd = _clip(self.BANK * error, -limit, limit)
        holding = (np.abs(s.p) < 0.1) & ~s.on_ground
        self.bank_integral = np.where(holding, _clip(self.bank_integral + self.BANK_INTEGRAL * DT * error, -0.4, 0.4),
                                      self.bank_integral)
        return _clip((rate_cmd + self.ROLL_RATE * (rate_cmd - s.p)) / full_rate + self.bank_integral, -1.0, 1.0)

    def _rudder(self, s: Instruments, c: Commands) -> np.ndarray:
        steering = ~np.isnan(c.heading)
        heading_error = wrap(np.where(steering, c.heading, s.heading) - s.heading)
        coordinated_r = GRAVITY * sin(s.roll) / np.maximum(s.tas, 10.0)
        integrand = np.where(steering, self.HEADING_INTEGRAL * heading_error, self.BETA_INTEGRAL * s.beta)
        self.yaw_integral = _clip(self.yaw_integral + integrand * DT, -1.0, 1.0)
        by_heading = self.HEADING * heading_error - self.HEADING_DAMPING * s.r
        by_slip = self.BETA * s.beta - self.YAW_DAMPING * (s.r - coordinated_r)
        return _clip(np.where(steering, by_heading, by_slip) + self.yaw_integral, -1.0, 1.0)

    def _throttle(self, s: Instruments, c: Commands) -> tuple[np.ndarray, np.ndarray]:
        """Throttle, and the rotary's blip switch where the loop wants less than idle."""
        holding = ~np.isnan(c.speed)
        error = np.where(holding, c.speed - s.eas, 0.0)
        demand = self.throttle_integral + self.THROTTLE * error
        self.throttle_integral = np.where(holding, _clip(self.throttle_integral + self.THROTTLE_INTEGRAL * DT * error,
                                                         -0.3, 1.0), c.throttle)
        throttle = np.where(holding, _clip(demand, 0.0, 1.0), c.throttle)
        self.blipping = self.tuning.rotary & holding & np.where(self.blipping, demand < self.BLIP_OFF,
                                                                demand < self.BLIP_ON)
        return throttle, (self.blipping | c.blip).astype(float)
