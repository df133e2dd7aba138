"""Piston engines (rotary and inline) and fixed-pitch propellers, up to two per aircraft, as (N, E) arrays.

Engine power follows throttle, rpm (a full-throttle curve), air density (density ratio ** exponent, no supercharger)
and the ignition; the propeller's thrust and torque come from CT/CP tables over advance ratio J = V / (n D).
Engine speed integrates (engine torque - propeller torque) / rotating inertia. On the airframe: thrust at each
hub, the engine's reaction torque, and the slipstream's swirl on the fin; the spinning mass's angular momentum
(returned for the gyroscopic couple) is largest on a rotary, where the whole engine turns. Imports numpy only.
"""
from dataclasses import dataclass

import numpy as np

from flight.sim.dynamics.atmosphere import SEA_LEVEL_DENSITY
from flight.sim.dynamics.params import FleetParams

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
    sigma = rho * (1.0 / SEA_LEVEL_DENSITY)
    lapse = np.maximum(p.lapse_a + sigma * (p.lapse_b + sigma * p.lapse_c), 0.0)[:, None]
    speed_ratio = engine_omega / p.rated_omega
    setting = p.idle_fraction + (1.0 - p.idle_fraction) * throttle[:, None]
    power = (p.rated_power * p.power_curve.lookup(speed_ratio)[..., 0]) * (lapse * setting * ignition[:, None]
                                                                          * engine_health)
    spin = np.maximum(engine_omega, 1.0)
    engine_torque = np.where(power > 0.0, power / spin, -p.friction_torque * speed_ratio * speed_ratio)

    n = spin * (1.0 / _TWO_PI)
    j = np.maximum(axial_speed, 0.0)[:, None] / (n * p.prop_diameter)
    coefficients = p.propeller_tables.lookup(j)
    rho_n2_d4 = rho[:, None] * n * n * p.prop_diameter_4
    thrust = coefficients[..., 0] * rho_n2_d4 * p.engine_mask
    prop_torque = coefficients[..., 1] * rho_n2_d4 * p.prop_diameter * (1.0 / _TWO_PI)
    return engine_torque, prop_torque, thrust, power


def propulsion(p: FleetParams, engine_omega: np.ndarray, axial_speed: np.ndarray, rho: np.ndarray,
               throttle: np.ndarray, ignition: np.ndarray, engine_health: np.ndarray) -> PropulsionOutput:
    """Forces and engine dynamics. engine_omega (N, E) rad/s; axial_speed, rho, throttle, ignition (N,);
    engine_health (N, E) scales each engine's power."""
    engine_torque, prop_torque, thrust, power = torques(p, engine_omega, axial_speed, rho, throttle, ignition,
                                                        engine_health)
    omega_dot = (engine_torque - prop_torque) * p.inv_rotating_inertia
    n = len(rho)
    force = np.zeros((n, 3))
    force[:, 0] = np.add.reduce(thrust, 1)
    # thrust (along body x) at each hub: r x (T, 0, 0) = (0, z T, -y T); the engine's reaction torque about x,
    # less what the slipstream's swirl gives back over the wing roots; the swirl on the fin
    moment = np.empty((n, 3))
    moment[:, 0] = np.add.reduce(p.torque_roll * engine_torque, 1)
    moment[:, 1] = np.add.reduce(p.hub_z * thrust, 1)
    moment[:, 2] = -np.add.reduce((p.hub_y + p.rotation * p.swirl_yaw_arm) * thrust, 1)
    momentum = np.zeros((n, 3))
    momentum[:, 0] = np.add.reduce(p.spin_inertia * engine_omega, 1)
    # far-wake momentum theory: the slipstream carries T/A of extra dynamic pressure
    tail_q = np.maximum(np.add.reduce(p.tail_in_slipstream / p.prop_disc_area * thrust, 1), 0.0)
    fuel_flow = np.add.reduce(p.sfc * power, 1)
    return PropulsionOutput(force, moment, momentum, omega_dot, tail_q, fuel_flow)
