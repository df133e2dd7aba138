"""Piston engines (rotary and inline) and fixed-pitch propellers, up to two per aircraft, as (N, E) arrays.

Engine power follows throttle, rpm (a full-throttle curve), air density (Gagg-Ferrar lapse: no supercharger)
and the ignition; the propeller's thrust and torque come from CT/CP tables over advance ratio J = V / (n D).
Engine speed integrates (engine torque - propeller torque) / rotating inertia. On the airframe: thrust at each
hub, the engine's reaction torque, and the slipstream's swirl on the fin; the spinning mass's angular momentum
(returned for the gyroscopic couple) is largest on a rotary, where the whole engine turns. Imports numpy only.
"""
from dataclasses import dataclass

import numpy as np

from flight.dynamics.atmosphere import SEA_LEVEL_DENSITY
from flight.dynamics.params import FleetParams

_TWO_PI = 2.0 * np.pi


@dataclass
class PropulsionOutput:
    force: np.ndarray  # (N, 3) body
    moment: np.ndarray  # (N, 3) body, about the CG
    angular_momentum: np.ndarray  # (N, 3) body, of the spinning engines and propellers
    omega_dot: np.ndarray  # (N, E) engine angular acceleration
    tail_dynamic_pressure: np.ndarray  # (N,) extra dynamic pressure of the slipstream at the tail
    fuel_flow: np.ndarray  # (N,) kg/s


def torques(p: FleetParams, engine_omega: np.ndarray, axial_speed: np.ndarray, rho: np.ndarray,
            throttle: np.ndarray, ignition: np.ndarray, engine_health: np.ndarray):
    """Engine torque, propeller torque, thrust and shaft power, each (N, E); arguments as for `propulsion`."""
    sigma = (rho / SEA_LEVEL_DENSITY)[:, None]
    lapse = np.maximum(sigma - (1.0 - sigma) / 7.55, 0.0)
    full_power = p.rated_power * lapse * p.power_curve.lookup(engine_omega / p.rated_omega)
    setting = p.idle_fraction + (1.0 - p.idle_fraction) * throttle[:, None]
    power = full_power * setting * (ignition[:, None] * engine_health)
    spin = np.maximum(engine_omega, 1.0)
    friction = p.friction_torque * (engine_omega / p.rated_omega) * (engine_omega / p.rated_omega)
    engine_torque = np.where(power > 0.0, power / spin, -friction)

    n = spin * (1.0 / _TWO_PI)
    d = p.prop_diameter
    j = np.maximum(axial_speed, 0.0)[:, None] / (n * d)
    rho_n2 = rho[:, None] * n * n
    thrust = p.thrust_coefficient.lookup(j) * rho_n2 * d ** 4 * p.engine_mask
    prop_torque = p.power_coefficient.lookup(j) * rho_n2 * d ** 5 * (1.0 / _TWO_PI)
    return engine_torque, prop_torque, thrust, power


def propulsion(p: FleetParams, engine_omega: np.ndarray, axial_speed: np.ndarray, rho: np.ndarray,
               throttle: np.ndarray, ignition: np.ndarray, engine_health: np.ndarray) -> PropulsionOutput:
    """Forces and engine dynamics. engine_omega (N, E) rad/s; axial_speed, rho, throttle, ignition (N,);
    engine_health (N, E) scales each engine's power."""
    engine_torque, prop_torque, thrust, power = torques(p, engine_omega, axial_speed, rho, throttle, ignition,
                                                        engine_health)
    omega_dot = (engine_torque - prop_torque) / p.rotating_inertia * p.engine_mask
    thrust_total = thrust.sum(1)
    hub = p.hub
    force = np.zeros((len(rho), 3))
    force[:, 0] = thrust_total
    # moment of the thrust (along body x) at each hub: r x (T, 0, 0) = (0, z T, -y T)
    moment = np.zeros((len(rho), 3))
    moment[:, 0] = -(p.rotation * engine_torque).sum(1)
    moment[:, 1] = (hub[:, :, 2] * thrust).sum(1)
    moment[:, 2] = -(hub[:, :, 1] * thrust).sum(1) - (p.rotation * p.swirl_yaw_arm * thrust).sum(1)
    momentum = np.zeros((len(rho), 3))
    momentum[:, 0] = (p.rotation * p.rotating_inertia * engine_omega).sum(1)
    # far-wake momentum theory: the slipstream carries T/A of extra dynamic pressure
    tail_q = (p.tail_in_slipstream * thrust / p.prop_disc_area).sum(1)
    fuel_flow = (p.sfc * power).sum(1)
    return PropulsionOutput(force, moment, momentum, omega_dot, np.maximum(tail_q, 0.0), fuel_flow)
