"""The kernel that advances every aircraft of a Fleet one tick, in place, one aircraft at a time.

Order within a tick: sanitise controls -> air data -> propulsion, aerodynamics, ground contact -> semi-implicit
Euler (velocities first, then positions with the new velocities; attitude by the exact rotation over the tick)
-> crash checks. Crashed aircraft are frozen where they lie. Every sum keeps the order of the numpy code this
replaced (DESIGN.md, Replays). The helpers the loop calls for every aircraft are inlined (`inline="always"` here
and in aero, propulsion, quaternion, atmosphere, gear and heightfield): a call passes each array as a dozen words
and counts references on it, which cost more than the physics; for the same reason the loop writes the integrated
state itself and hands the ground contact whole arrays, not views of a row. Inlining changes no operation and no
order, so no bit. Imports numpy, numba and the dynamics kernels only.
"""
import numpy as np
from numba import types

from flight.sim.dynamics import params as c
from flight.sim.dynamics import quaternion
from flight.sim.dynamics.aero import aerodynamics
from flight.sim.dynamics.atmosphere import GRAVITY, density1
from flight.sim.dynamics.gear import SCRATCH_COLUMNS, ground_contact
from flight.sim.dynamics.heightfield import surface
from flight.sim.jit import kernel
from flight.sim.dynamics.propulsion import propulsion, torques
from flight.sim.dynamics.spec import CRASH_CAUSES
from flight.sim.dynamics.stablemath import maximum, minimum

_NUMERICAL = CRASH_CAUSES.index("numerical")
_CHOCKS_AWAY_THROTTLE = 0.5  # opening up past this is the pilot's signal to pull the chocks away
_CHOCK_SPEED = 0.5  # m/s: chocks go back in (brake held, on a type without brakes) only once stopped
_CONTROL_LOW = (-1.0, -1.0, -1.0, 0.0, 0.0, 0.0)
_LARGEST = np.finfo(np.float64).max


@kernel(inline="always")
def _sanitise(controls, applied):
    """Clip the controls to range into applied; non-finite values read as centred (throttle: the last applied
    setting, or closed if that was not finite either); blip reads 0 or 1."""
    last_throttle = applied[3]
    for k in range(6):
        x = controls[k]
        if not (x - x == 0.0):
            x = last_throttle if k == 3 and last_throttle - last_throttle == 0.0 else 0.0
        applied[k] = minimum(maximum(x, _CONTROL_LOW[k]), 1.0)
    applied[5] = 1.0 if applied[5] >= 0.5 else 0.0


@kernel(inline="always")
def _finite_copy(source, target, otherwise):
    """source into target, a non-finite value read as `otherwise` (what the world wrote wrong never reaches the
    equations as NaN)."""
    for k in range(source.shape[0]):
        x = source[k]
        target[k] = x if x - x == 0.0 else otherwise


@kernel
def _row_sum(x, i):
    total = 0.0
    for k in range(x.shape[1]):
        total += x[i, k]
    return total


_F1, _F2, _F3 = types.float64[::1], types.float64[:, ::1], types.float64[:, :, ::1]
_B1 = types.boolean[::1]
TERRAIN = types.Tuple((types.int64, _F2, types.float64, types.float64, types.float64, _F2))
_STEP = types.void(_F2, _F3, _F3, _F2, _F2, _F2, TERRAIN, _F2, _F2, _F2, _F2, _F2, _F1, _F2, _F2, _B1, _B1, _B1,
                   types.int8[::1], _F2, _F2, _F2, _F1, types.float64)


@kernel(inline="always")
def _accelerations(a, i, rot, force, moment, spin_momentum, mass, p, q, r):
    """The acceleration (NED, m/s^2, with gravity) and angular acceleration (body, rad/s^2) of aircraft i under
    force and moment (body axes) while turning at body rates (p, q, r)."""
    f0, f1, f2 = quaternion.rotate(rot, force[0], force[1], force[2])
    # Euler's equations with the spinning engines' angular momentum h: I w' = M - w x (I w + h)
    h = quaternion.rotate(a[i, c.INERTIA:c.INERTIA + 9], p, q, r)
    gyro = quaternion.cross(p, q, r, h[0] + spin_momentum, h[1] + 0.0, h[2] + 0.0)
    rates = quaternion.rotate(a[i, c.INERTIA_INV:c.INERTIA_INV + 9], moment[0] - gyro[0], moment[1] - gyro[1],
                              moment[2] - gyro[2])
    return (f0 / mass, f1 / mass, f2 / mass + GRAVITY), rates


@kernel
def _crash(i, cause, finite, pos, vel, quat, omega, engine_omega, fuel, crashed, crash_cause):
    """Freeze aircraft i where it lies: for `cause`, or, when its state is no longer `finite`, as numerical."""
    crashed[i] = True
    crash_cause[i] = cause if finite else _NUMERICAL
    vel[i, :] = 0.0
    omega[i, :] = 0.0
    engine_omega[i, :] = 0.0
    if not finite:  # a non-finite aircraft keeps its last finite place
        for k in range(3):
            x = pos[i, k]
            pos[i, k] = 0.0 if x != x else (minimum(maximum(x, -_LARGEST), _LARGEST))
        fuel[i] = fuel[i] if fuel[i] - fuel[i] == 0.0 else 0.0
        quat[i, 0], quat[i, 1], quat[i, 2], quat[i, 3] = 1.0, 0.0, 0.0, 0.0


@kernel(_STEP)
def step_fleet(a, e, contacts, aero_table, power_table, prop_table, terrain, pos, vel, quat, omega, engine_omega,
               fuel, controls, applied, on_ground, chocks, crashed, crash_cause, damage, damage_engine,
               specific_force, wind, dt):
    """Advance every aircraft by dt. Parameters: FleetParams' aircraft, engines, contacts and the flat tables;
    terrain as for heightfield.surface; then the Fleet's state arrays (see Fleet), all written in place."""
    omega_dot = np.empty(engine_omega.shape[1])
    scratch = np.empty((contacts.shape[1], SCRATCH_COLUMNS))
    calm = np.empty(3)
    _finite_copy(wind, calm, 0.0)  # a non-finite wind reads as calm
    health, engine_health = np.empty(damage.shape[1]), np.empty(damage_engine.shape[1])
    for i in range(pos.shape[0]):
        _finite_copy(damage[i], health, 0.0)  # a non-finite damage multiplier reads as the part gone
        _finite_copy(damage_engine[i], engine_health, 0.0)
        u = applied[i]
        _sanitise(controls[i], u)
        rot = quaternion.matrix(quat[i, 0], quat[i, 1], quat[i, 2], quat[i, 3])
        altitude = -pos[i, 2]
        rho = density1(altitude)
        vb0, vb1, vb2 = quaternion.rotate_back(rot, vel[i, 0] - calm[0], vel[i, 1] - calm[1], vel[i, 2] - calm[2])
        height = altitude - surface(terrain, i, 0, pos[i, 0], pos[i, 1])
        ignition = 1.0 if u[5] < 0.5 and fuel[i] > 0.0 else 0.0
        thrust, prop_l, prop_m, prop_n, spin_momentum, tail_q, fuel_flow = propulsion(
            a, e, power_table, prop_table, i, engine_omega[i], vb0, rho, u[3], ignition, engine_health, omega_dot)
        fx, fy, fz, aero_l, aero_m, aero_n = aerodynamics(a, aero_table, i, vb0, vb1, vb2, omega[i, 0],
                                                          omega[i, 1], omega[i, 2], rho, height, tail_q, u,
                                                          health)
        mass = a[i, c.MASS_DRY] + fuel[i]
        air_force = (fx + thrust, fy + 0.0, fz + 0.0)
        other_ned = quaternion.rotate(rot, air_force[0], air_force[1], air_force[2])
        air_moment = (aero_l + prop_l, aero_m + prop_m, aero_n + prop_n)

        # chocks come away when the throttle opens; on a type without brakes, holding the brake while stopped on
        # the ground puts them back
        stopped = on_ground[i] and np.sqrt(vel[i, 0] * vel[i, 0] + vel[i, 1] * vel[i, 1]) < _CHOCK_SPEED
        wanted = stopped and a[i, c.HAS_BRAKES] == 0.0 and u[4] > 0.5
        chocks[i] = (chocks[i] and u[3] < _CHOCKS_AWAY_THROTTLE) or wanted

        # ground contact for the aircraft low enough to touch (the rest, and the wrecks, skip the solver)
        gx = gy = gz = gl = gm = gn = 0.0
        down, cause = False, 0
        if height < 2.0 * a[i, c.CONTACT_REACH] and not crashed[i]:
            yaw_moment = quaternion.rotate(rot, air_moment[0], air_moment[1], air_moment[2])[2]
            gx, gy, gz, gl, gm, gn, down, cause = ground_contact(
                a, contacts, i, terrain, pos, vel, rot, omega, mass,
                (other_ned[0], other_ned[1], other_ned[2] + mass * GRAVITY), yaw_moment, u[2], u[4], chocks[i],
                dt, scratch)
        on_ground[i] = down
        force = (air_force[0] + gx, air_force[1] + gy, air_force[2] + gz)
        moment = (air_moment[0] + gl, air_moment[1] + gm, air_moment[2] + gn)
        weight = mass * GRAVITY
        for k in range(3):
            specific_force[i, k] = force[k] / weight
        # semi-implicit Euler; crashed aircraft have no velocity and gain none
        alive_dt = (0.0 if crashed[i] else 1.0) * dt
        accel, rates = _accelerations(a, i, rot, force, moment, spin_momentum, mass, omega[i, 0], omega[i, 1],
                                      omega[i, 2])
        for k in range(3):
            vel[i, k] = vel[i, k] + accel[k] * alive_dt
            pos[i, k] = pos[i, k] + vel[i, k] * dt
            omega[i, k] = omega[i, k] + rates[k] * alive_dt
        quat[i, 0], quat[i, 1], quat[i, 2], quat[i, 3] = quaternion.integrate(
            quat[i, 0], quat[i, 1], quat[i, 2], quat[i, 3], omega[i, 0], omega[i, 1], omega[i, 2], dt)
        for k in range(engine_omega.shape[1]):
            engine_omega[i, k] = maximum(engine_omega[i, k] + omega_dot[k] * alive_dt, 0.0)
        fuel[i] = maximum(fuel[i] - fuel_flow * dt, 0.0)
        # a sum is non-finite when any term is: one cheap test of everything the next step reads
        total = (_row_sum(vel, i) + _row_sum(omega, i) + _row_sum(engine_omega, i) + _row_sum(pos, i)
                 + _row_sum(quat, i) + fuel[i])
        finite = total - total == 0.0
        if not crashed[i] and (cause != 0 or not finite):
            _crash(i, cause, finite, pos, vel, quat, omega, engine_omega, fuel, crashed, crash_cause)


@kernel(types.void(_F3, _F2, _F2, _F2, _F2))
def contact_points(contacts, pos, quat, north, east):
    """Where a ground function will be asked for heights during the next step: under each aircraft's CG (column 0)
    and each of its contact points (1 + k), (N, 1 + P) each, for a ground that is not a kernel (heightfield
    GIVEN). The same arithmetic as the step's, so the same points to the bit."""
    for i in range(pos.shape[0]):
        rot = quaternion.matrix(quat[i, 0], quat[i, 1], quat[i, 2], quat[i, 3])
        north[i, 0], east[i, 0] = pos[i, 0], pos[i, 1]
        for k in range(contacts.shape[1]):
            g = contacts[i, k]
            r0, r1, _ = quaternion.rotate(rot, g[c.POS_X], g[c.POS_Y], g[c.POS_Z])
            north[i, 1 + k], east[i, 1 + k] = pos[i, 0] + r0, pos[i, 1] + r1


@kernel(types.float64(_F2, _F3, _F2, _F2, types.int64, types.int64, types.float64, types.float64, types.float64,
                      types.float64))
def settled_engine_speed(a, e, power_table, prop_table, i, k, speed, throttle, rho, health):
    """The speed (rad/s) where engine k of aircraft i and its propeller balance, by bisection (at reset only)."""
    lo, hi = 0.0, 3.0 * e[i, k, c.RATED_OMEGA]
    for _ in range(50):
        mid = 0.5 * (lo + hi)
        engine, prop, _, _ = torques(a, e, power_table, prop_table, i, k, mid, speed, rho, throttle, 1.0, health)
        if engine > prop:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi) * e[i, k, c.ENGINE_MASK]


@kernel(types.void(_F1, _F2, _F2))
def rotate_points(q, points, out):
    """Body points (M, 3) into NED by the attitude q (4,) (Fleet.reset: where the wheels are, which way to fly)."""
    rot = quaternion.matrix(q[0], q[1], q[2], q[3])
    for k in range(points.shape[0]):
        out[k, 0], out[k, 1], out[k, 2] = quaternion.rotate(rot, points[k, 0], points[k, 1], points[k, 2])
