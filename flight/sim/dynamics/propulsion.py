"""Piston engines (rotary and inline) and fixed-pitch propellers, up to two per aircraft, as (N, E) arrays.

Engine power follows throttle, rpm (a full-throttle curve), air density (density ratio ** exponent, no supercharger)
and the ignition; the propeller's thrust and torque come from CT/CP tables over advance ratio J = V / (n D).
Engine speed integrates (engine torque - propeller torque) / rotating inertia. On the airframe: thrust at each
hub, the engine's reaction torque, and the slipstream's swirl on the fin; the spinning mass's angular momentum
(returned for the gyroscopic couple) is largest on a rotary, where the whole engine turns. Kernels for one
aircraft, in the numpy code's order of operations (sums over engines as numpy reduces: (0 + first) + second).
Imports numpy, numba and the dynamics kernels only.
"""
import numpy as np

from flight.sim.dynamics import params as c
from flight.sim.dynamics.atmosphere import SEA_LEVEL_DENSITY
from flight.sim.jit import kernel
from flight.sim.dynamics.stablemath import maximum
from flight.sim.dynamics.tables import ADVANCE_RATIO, RPM_FRACTION, blend, locate

_TWO_PI = 2.0 * np.pi


@kernel(inline="always")
def torques(a, e, power_table, prop_table, i, k, engine_omega, axial_speed, rho, throttle, ignition, health):
    """Engine torque, propeller torque, thrust and shaft power of engine k of aircraft i (a, e: FleetParams
    aircraft and engines; the tables: TableSets' flat)."""
    sigma = rho * (1.0 / SEA_LEVEL_DENSITY)
    lapse = maximum(a[i, c.LAPSE_A] + sigma * (a[i, c.LAPSE_B] + sigma * a[i, c.LAPSE_C]), 0.0)
    speed_ratio = engine_omega / e[i, k, c.RATED_OMEGA]
    idle = e[i, k, c.IDLE_FRACTION]
    setting = idle + (1.0 - idle) * throttle
    row, fraction = locate(RPM_FRACTION, i, speed_ratio)
    power = (e[i, k, c.RATED_POWER] * blend(power_table, row, fraction, 0, 1)) * (lapse * setting * ignition
                                                                                  * health)
    spin = maximum(engine_omega, 1.0)
    if power > 0.0:
        engine_torque = power / spin
    else:
        engine_torque = -e[i, k, c.FRICTION_TORQUE] * speed_ratio * speed_ratio

    n = spin * (1.0 / _TWO_PI)
    diameter = e[i, k, c.PROP_DIAMETER]
    row, fraction = locate(ADVANCE_RATIO, i, maximum(axial_speed, 0.0) / (n * diameter))
    rho_n2_d4 = rho * n * n * e[i, k, c.PROP_DIAMETER_4]
    thrust = blend(prop_table, row, fraction, 0, 2) * rho_n2_d4 * e[i, k, c.ENGINE_MASK]
    prop_torque = blend(prop_table, row, fraction, 1, 2) * rho_n2_d4 * diameter * (1.0 / _TWO_PI)
    return engine_torque, prop_torque, thrust, power


@kernel(inline="always")
def propulsion(a, e, power_table, prop_table, i, engine_omega, axial_speed, rho, throttle, ignition, health,
               omega_dot):
    """Forces and engine dynamics of aircraft i: engine_omega and health (E,) per engine slot; writes each
    engine's angular acceleration into omega_dot (E,). Returns (thrust along body x, moment about x, y, z,
    angular momentum along body x, the slipstream's extra dynamic pressure at the tail, fuel flow kg/s)."""
    thrust_sum, roll, pitch, yaw, momentum, tail_q, fuel_flow = 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0
    for k in range(engine_omega.size):
        engine_torque, prop_torque, thrust, power = torques(a, e, power_table, prop_table, i, k, engine_omega[k],
                                                            axial_speed, rho, throttle, ignition, health[k])
        omega_dot[k] = (engine_torque - prop_torque) * e[i, k, c.INV_ROTATING_INERTIA]
        # thrust (along body x) at each hub: r x (T, 0, 0) = (0, z T, -y T); the engine's reaction torque about
        # x, less what the slipstream's swirl gives back over the wing roots; the swirl on the fin
        thrust_sum += thrust
        roll += e[i, k, c.TORQUE_ROLL] * engine_torque
        pitch += e[i, k, c.HUB_Z] * thrust
        yaw += e[i, k, c.YAW_ARM] * thrust
        momentum += e[i, k, c.SPIN_INERTIA] * engine_omega[k]
        # far-wake momentum theory: the slipstream carries T/A of extra dynamic pressure
        tail_q += e[i, k, c.TAIL_Q_PER_THRUST] * thrust
        fuel_flow += e[i, k, c.SFC] * power
    return thrust_sum, roll, pitch, -yaw, momentum, maximum(tail_q, 0.0), fuel_flow
