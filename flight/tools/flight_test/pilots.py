"""A vectorised test pilot that flies any rig: the generic autopilot of the JSBSim oracle script
(/work/shared/reference/jsbsim_reference.py, class AP) on (N,) arrays, with per-aircraft targets.

Elevator: PI on load factor, n_cmd = (1 + Kvs (hdot_cmd - hdot) / g) / cos(phi), with pitch-rate damping; hdot_cmd
comes from altitude hold, speed held by pitch, or a commanded vertical speed. Aileron: PI on bank with a roll-rate
inner loop. Rudder: PI driving sideslip to zero with yaw damping about the coordinated-turn yaw rate, or (on the
ground, engine out) heading hold. Throttle: optional PI on equivalent airspeed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.tools.flight_test.rigs import DT, FlightState

G = 9.80665

ALTITUDE, SPEED, VERTICAL_SPEED = 0, 1, 2  # sources of the climb-rate command


def isa_density_ratio(alt: np.ndarray | float) -> np.ndarray:
    """sigma = rho / rho_0 in the ISA troposphere, to turn equivalent into true airspeed (tas = eas / sqrt(sigma))."""
    return (1.0 - 2.25577e-5 * np.asarray(alt, dtype=float)) ** 4.2559


def tas_from_eas(eas, alt):
    return np.asarray(eas, dtype=float) / np.sqrt(isa_density_ratio(alt))


def wrap_pi(angle):
    return (angle + np.pi) % (2.0 * np.pi) - np.pi


def _clip(x, low, high):
    """np.clip, at half its cost on small arrays (the pilot runs every tick)."""
    return np.minimum(np.maximum(x, low), high)


@dataclass(frozen=True)
class Gains:
    """The oracle script's gains (they flew the Camel, Dr.I and Cub unchanged) unless noted; SI units, radians."""

    altitude: float = 0.25       # hdot_cmd per m of altitude error, 1/s
    climb: float = 0.8           # load-factor command per (climb-rate error / g), 1/s
    nz: float = 0.3              # elevator per g of load-factor error
    nz_integral: float = 1.5     # elevator per g.s
    pitch_damping: float = 0.3   # elevator per rad/s of pitch rate
    alpha_limit: float = 10.0    # g of load factor given up per rad of alpha beyond alpha_limit (not in the oracle)
    bank: float = 1.5            # roll-rate command per rad of bank error
    roll_rate: float = 0.8       # aileron per rad/s of roll-rate error
    # The bank error is integrated only while holding a bank (roll rate below bank_integral_below_p), not while
    # rolling to it: the oracle's integrator wound up during roll-ins and overshot the bank by 20 deg on our Camel.
    bank_integral: float = 0.3   # aileron per rad.s
    bank_integral_below_p: float = 0.1  # rad/s
    beta: float = 2.0            # rudder per rad of sideslip
    beta_integral: float = 2.0   # rudder per rad.s
    yaw_damping: float = 0.5     # rudder per rad/s of yaw rate beyond the coordinated rate
    # Speed by pitch, hdot_cmd per m/s of airspeed error: 3x the oracle's 0.5 / 0.1, which left a 40 s speed
    # oscillation in its climbs (its sweep flagged points as not held); these settle in about 12 s on both models.
    speed: float = 1.5
    speed_integral: float = 0.3
    throttle: float = 0.1        # throttle per m/s of airspeed error
    throttle_integral: float = 0.02
    heading: float = 4.6         # rudder per rad of heading error (the oracle's 0.08 per degree)
    heading_integral: float = 0.5
    heading_damping: float = 1.0  # rudder per rad/s of yaw rate


class TestPilot:
    """Flies N aircraft to per-aircraft targets; write the public arrays to change mode or target.

    An axis switched off (`pitch_on`, `roll_on`, `yaw_on` False) leaves its command where it is, so a maneuver can
    freeze a trimmed control or set it by hand (`pilot.aileron[0] = 1.0`). `heading_cmd` NaN means the rudder
    coordinates (beta -> 0); a number means the rudder holds that heading. `throttle_eas_cmd` NaN leaves the
    throttle alone. `alpha_limit` (rad) makes the pilot ease the stick rather than pull beyond it, as a test pilot
    finding the best sustained turn would, instead of the oracle pilot's pull into a locked-in stall.
    """

    __test__ = False  # not a pytest test class

    def __init__(self, n: int, gains: Gains = Gains()):
        self.gains = gains
        self.mode = np.full(n, ALTITUDE)
        self.alt_cmd = np.zeros(n)
        self.eas_cmd = np.zeros(n)
        self.hdot_cmd = np.zeros(n)
        self.bank_cmd = np.zeros(n)
        self.alpha_limit = np.full(n, np.inf)
        self.heading_cmd = np.full(n, np.nan)
        self.throttle_eas_cmd = np.full(n, np.nan)
        self.pitch_on = np.ones(n, bool)
        self.roll_on = np.ones(n, bool)
        self.yaw_on = np.ones(n, bool)
        self.elevator = np.zeros(n)
        self.aileron = np.zeros(n)
        self.rudder = np.zeros(n)
        self.throttle = np.ones(n)
        self._nz_integral = np.zeros(n)
        self._speed_integral = np.zeros(n)
        self._bank_integral = np.zeros(n)
        self._yaw_integral = np.zeros(n)
        self._throttle_integral = np.zeros(n)

    def release(self) -> None:
        """Hands off the loops: every command stays where it is until set by hand."""
        self.pitch_on[:] = self.roll_on[:] = self.yaw_on[:] = False
        self.throttle_eas_cmd[:] = np.nan

    def update(self, s: FlightState) -> dict[str, np.ndarray]:
        """One tick of the loops; returns the commands for `Rig.command`."""
        self._pitch(s)
        self._roll(s)
        self._yaw(s)
        self._speed_by_throttle(s)
        return dict(aileron=self.aileron, elevator=self.elevator, rudder=self.rudder, throttle=self.throttle)

    def _pitch(self, s: FlightState) -> None:
        g = self.gains
        on = self.pitch_on
        by_speed = on & (self.mode == SPEED)
        speed_error = s.eas - self.eas_cmd
        self._speed_integral = np.where(
            by_speed, _clip(self._speed_integral + g.speed_integral * speed_error * DT, -15.0, 25.0),
            self._speed_integral)
        hdot_by_altitude = _clip(g.altitude * (self.alt_cmd - s.alt), -8.0, 8.0)
        hdot_by_speed = _clip(g.speed * speed_error + self._speed_integral, -20.0, 30.0)
        hdot_cmd = np.where(self.mode == ALTITUDE, hdot_by_altitude,
                            np.where(self.mode == SPEED, hdot_by_speed, self.hdot_cmd))
        nz_cmd = _clip((1.0 + g.climb * (hdot_cmd - s.hdot) / G) / np.maximum(np.cos(s.phi), 0.25), -1.0, 6.0)
        nz_cmd = np.minimum(nz_cmd, s.nz + g.alpha_limit * (self.alpha_limit - s.alpha))
        nz_error = nz_cmd - s.nz
        self._nz_integral = np.where(
            on, _clip(self._nz_integral + g.nz_integral * nz_error * DT, -1.0, 1.0), self._nz_integral)
        elevator = g.nz * nz_error + self._nz_integral - g.pitch_damping * s.q
        self.elevator = np.where(on, _clip(elevator, -1.0, 1.0), self.elevator)

    def _roll(self, s: FlightState) -> None:
        g = self.gains
        on = self.roll_on
        bank_error = wrap_pi(self.bank_cmd - s.phi)
        roll_rate_cmd = _clip(g.bank * bank_error, -1.5, 1.5)
        integrating = on & (np.abs(s.p) < g.bank_integral_below_p)
        self._bank_integral = np.where(
            integrating, _clip(self._bank_integral + g.bank_integral * bank_error * DT, -0.6, 0.6), self._bank_integral)
        aileron = g.roll_rate * (roll_rate_cmd - s.p) + self._bank_integral
        self.aileron = np.where(on, _clip(aileron, -1.0, 1.0), self.aileron)

    def _yaw(self, s: FlightState) -> None:
        g = self.gains
        on = self.yaw_on
        by_heading = ~np.isnan(self.heading_cmd)
        heading_error = wrap_pi(np.where(by_heading, self.heading_cmd, s.psi) - s.psi)
        coordinated_r = G * np.sin(s.phi) / np.maximum(s.tas, 10.0)
        integrand = np.where(by_heading, g.heading_integral * heading_error, g.beta_integral * s.beta)
        self._yaw_integral = np.where(on, _clip(self._yaw_integral + integrand * DT, -1.0, 1.0), self._yaw_integral)
        rudder = np.where(by_heading,
                          g.heading * heading_error - g.heading_damping * s.r,
                          g.beta * s.beta - g.yaw_damping * (s.r - coordinated_r)) + self._yaw_integral
        self.rudder = np.where(on, _clip(rudder, -1.0, 1.0), self.rudder)

    def _speed_by_throttle(self, s: FlightState) -> None:
        g = self.gains
        on = ~np.isnan(self.throttle_eas_cmd)
        speed_error = np.where(on, self.throttle_eas_cmd, s.eas) - s.eas
        # Off, the integrator tracks the throttle so the loop takes over without a jump.
        self._throttle_integral = np.where(
            on, _clip(self._throttle_integral + g.throttle_integral * speed_error * DT, 0.0, 1.0), self.throttle)
        self.throttle = np.where(on, _clip(self._throttle_integral + g.throttle * speed_error, 0.0, 1.0),
                                 self.throttle)
