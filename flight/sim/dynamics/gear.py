"""Ground contact: wheels and tail skid as spring-dampers with friction, and structure strikes as crashes.

Friction is solved at the velocity level: each contact asks for the force that cancels its share (by load) of the
other forces and of their yawing moment along the ground, and stops its sliding within a few ticks (through its
effective mass, so a tail skid far from the CG cannot ring), capped at mu times the load. That keeps a parked
aircraft parked, with no creep and none of the stick-slip chatter of a velocity-threshold model.
The ground is horizontal at each contact, at the height the world's terrain gives. A kernel for one aircraft, in
the numpy code's order of operations: sums over the contact points are numpy's pairwise sums (8 partial sums from
8 points on), per-point sums of 3 terms run (0 + x) + y + z. Imports numpy, numba and the dynamics kernels only.
"""
from collections.abc import Callable

import numpy as np

from flight.sim.dynamics import params as c
from flight.sim.dynamics.heightfield import surface
from flight.sim.jit import kernel
from flight.sim.dynamics.quaternion import cross, rotate, rotate_back
from flight.sim.dynamics.spec import CRASH_CAUSES
from flight.sim.dynamics.stablemath import cos1, maximum, minimum, sin1

GroundHeight = Callable[[np.ndarray, np.ndarray], np.ndarray]

_FRICTION_GAIN = 0.3  # share of the sliding velocity removed per tick (several contacts act together)
_CHOCK_FRICTION = 1.0
_BRAKE_FRICTION = 0.4
_GROUND_IMPACT_DEPTH = 0.5  # m of gear compression beyond which the gear has failed
HARD_LANDING = CRASH_CAUSES.index("hard_landing")
TOO_FAST = CRASH_CAUSES.index("touchdown_too_fast")
GROUND_IMPACT = CRASH_CAUSES.index("ground_impact")
# columns of the per-point scratch array
_R, _V, _DEPTH, _LOAD, _SHARE, _PUSH, _DIR, _FRICTION = 0, 3, 6, 7, 8, 9, 12, 18
SCRATCH_COLUMNS = 20


def flat_ground(north: np.ndarray, east: np.ndarray) -> np.ndarray:
    """Height 0 everywhere: the default terrain."""
    return np.zeros_like(north)


@kernel(inline="always")
def pairwise_sum(x, column):
    """np.add.reduce over x[:, column] as numpy sums a contiguous row: in order below 8 terms, else 8 partial
    sums (then the rest in order), the first level of its pairwise summation."""
    n = x.shape[0]
    if n < 8:
        total = 0.0
        for k in range(n):
            total += x[k, column]
        return total
    r0, r1, r2, r3 = x[0, column], x[1, column], x[2, column], x[3, column]
    r4, r5, r6, r7 = x[4, column], x[5, column], x[6, column], x[7, column]
    k = 8
    while k < n - n % 8:
        r0 += x[k, column]
        r1 += x[k + 1, column]
        r2 += x[k + 2, column]
        r3 += x[k + 3, column]
        r4 += x[k + 4, column]
        r5 += x[k + 5, column]
        r6 += x[k + 6, column]
        r7 += x[k + 7, column]
        k += 8
    total = 0.0 + (((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)))
    while k < n:
        total += x[k, column]
        k += 1
    return total


@kernel
def _dot(a0, a1, a2, b0, b1, b2):
    return ((0.0 + a0 * b0) + a1 * b1) + a2 * b2


@kernel(inline="always")
def _inverse_mass(inertia_inv, x, y, z, rot, inv_mass, d0, d1):
    """1/m + (r x d)^T I^-1 (r x d) for the contact point r = (x, y, z) along the horizontal NED direction
    (d0, d1, 0), body axes, given inv_mass = 1/m."""
    b0, b1, b2 = rotate_back(rot, d0, d1, 0.0)
    l0, l1, l2 = cross(x, y, z, b0, b1, b2)
    m0, m1, m2 = rotate(inertia_inv, l0, l1, l2)
    return inv_mass + _dot(l0, l1, l2, m0, m1, m2)


@kernel(inline="always")
def ground_contact(a, contacts, i, terrain, pos, vel, rot, omega, mass, other_ned, other_yaw_moment, rudder,
                   brake, chocks, dt, scratch):
    """Contact forces on aircraft i near the ground.

    terrain: see heightfield.surface; pos, vel (N, 3) NED and omega (N, 3) body, the Fleet's; rot R_ned_from_body
    as a 9-tuple; other_ned the sum of every other force (aero, thrust, weight) and other_yaw_moment their
    moment about the vertical through the CG; chocks block the wheels; scratch (P, SCRATCH_COLUMNS) work space.
    Returns (force body x, y, z, moment body x, y, z, wheels down, crash cause). Inlined into the step (as are the
    helpers it calls for each point), reading the tables and state by index, not through views of a row: a call
    passing arrays and a view each cost a reference count pair, more than the arithmetic per point.
    """
    n_points = contacts.shape[1]
    s = scratch
    w0, w1, w2 = rotate(rot, omega[i, 0], omega[i, 1], omega[i, 2])
    for k in range(n_points):
        r0, r1, r2 = rotate(rot, contacts[i, k, c.POS_X], contacts[i, k, c.POS_Y], contacts[i, k, c.POS_Z])
        s[k, _R], s[k, _R + 1], s[k, _R + 2] = r0, r1, r2
        s[k, _DEPTH] = (pos[i, 2] + r2) + surface(terrain, i, 1 + k, pos[i, 0] + r0, pos[i, 1] + r1)
        x0, x1, x2 = cross(w0, w1, w2, r0, r1, r2)
        s[k, _V], s[k, _V + 1], s[k, _V + 2] = vel[i, 0] + x0, vel[i, 1] + x1, vel[i, 2] + x2
        touching_gear = s[k, _DEPTH] > 0.0 and contacts[i, k, c.IS_GEAR] != 0.0
        load = maximum(contacts[i, k, c.STIFFNESS] * s[k, _DEPTH] + contacts[i, k, c.DAMPING] * s[k, _V + 2], 0.0)
        s[k, _LOAD] = load if touching_gear else 0.0

    # rolling direction: the body x axis on the ground, turned by the steerable skid (which trails like a
    # castor: left pedal points its rolling direction right, so the tail goes right and the nose left)
    norm = np.sqrt(rot[0] * rot[0] + rot[3] * rot[3]) + 1e-9
    hx, hy = rot[0] / norm, rot[3] / norm
    if a[i, c.HAS_BRAKES] != 0.0:
        extra = _BRAKE_FRICTION * brake
    else:
        extra = _CHOCK_FRICTION if chocks else 0.0
    total_load = maximum(pairwise_sum(s, _LOAD), 1e-9)
    for k in range(n_points):
        s[k, _SHARE] = s[k, _LOAD] / total_load
        # what the other forces push on each contact: its share of their force, plus forces that together carry
        # the rest of their yawing moment (r x push sums to it): push_i += M w_i (z x r_i) / sum_j w_j |r_j|^2
        for axis in range(3):
            s[k, _PUSH + axis] = other_ned[axis] * s[k, _SHARE]
        s[k, _FRICTION] = s[k, _R] * s[k, _PUSH + 1] - s[k, _R + 1] * s[k, _PUSH]  # (scratch: r x push, z)
        s[k, _FRICTION + 1] = s[k, _SHARE] * (s[k, _R] * s[k, _R] + s[k, _R + 1] * s[k, _R + 1])
    rest = other_yaw_moment - pairwise_sum(s, _FRICTION)
    twist_per_share = rest / maximum(pairwise_sum(s, _FRICTION + 1), 1e-9)
    for k in range(n_points):
        twist = twist_per_share * s[k, _SHARE]
        s[k, _PUSH] -= twist * s[k, _R + 1]
        s[k, _PUSH + 1] += twist * s[k, _R]
        steer = -contacts[i, k, c.STEER] * rudder
        # cos1 and sin1 of +-0 are exactly 1 and +-0: the contacts that do not steer skip the calls
        cs, sn = (cos1(steer), sin1(steer)) if steer != 0.0 else (1.0, steer)
        along0, along1 = hx * cs - hy * sn, hx * sn + hy * cs
        s[k, _DIR], s[k, _DIR + 1], s[k, _DIR + 2] = along0, along1, 0.0
        s[k, _DIR + 3], s[k, _DIR + 4], s[k, _DIR + 5] = -along1, along0, 0.0

    force0 = force1 = force2 = moment0 = moment1 = moment2 = 0.0
    ground_speed = np.sqrt(vel[i, 0] * vel[i, 0] + vel[i, 1] * vel[i, 1])
    inertia_inv, inv_mass, gain = a[i, c.INERTIA_INV:c.INERTIA_INV + 9], 1.0 / mass, _FRICTION_GAIN / dt
    down, cause = False, 0
    for k in range(n_points):
        load = s[k, _LOAD]
        for d in range(2):  # along and across the rolling direction
            e0, e1, e2 = s[k, _DIR + 3 * d], s[k, _DIR + 3 * d + 1], s[k, _DIR + 3 * d + 2]
            slide = _dot(s[k, _V], s[k, _V + 1], s[k, _V + 2], e0, e1, e2)
            pushed = _dot(s[k, _PUSH], s[k, _PUSH + 1], s[k, _PUSH + 2], e0, e1, e2)
            effective = _inverse_mass(inertia_inv, contacts[i, k, c.POS_X], contacts[i, k, c.POS_Y],
                                      contacts[i, k, c.POS_Z], rot, inv_mass, e0, e1)
            if d == 0:
                mu = contacts[i, k, c.ROLLING_FRICTION] + extra * contacts[i, k, c.IS_WHEEL]
            else:
                mu = contacts[i, k, c.SIDE_FRICTION]
            limit = mu * load
            s[k, _FRICTION + d] = -minimum(maximum(pushed + gain * slide / effective, -limit), limit)
        f_along, f_across = s[k, _FRICTION], s[k, _FRICTION + 1]
        f0 = (0.0 + f_along * s[k, _DIR]) + f_across * s[k, _DIR + 3]
        f1 = (0.0 + f_along * s[k, _DIR + 1]) + f_across * s[k, _DIR + 4]
        f2 = -load
        m0, m1, m2 = cross(s[k, _R], s[k, _R + 1], s[k, _R + 2], f0, f1, f2)
        force0, force1, force2 = force0 + f0, force1 + f1, force2 + f2
        moment0, moment1, moment2 = moment0 + m0, moment1 + m1, moment2 + m2
        touching = s[k, _DEPTH] > 0.0
        gear = touching and contacts[i, k, c.IS_GEAR] != 0.0
        here = int(contacts[i, k, c.CRASH_CAUSE]) if touching and contacts[i, k, c.IS_STRUCTURE] != 0.0 else 0
        if gear:
            down = True
            if s[k, _V + 2] > a[i, c.MAX_SINK_RATE]:
                here = max(here, HARD_LANDING)
            if ground_speed > a[i, c.MAX_TOUCHDOWN_SPEED]:
                here = max(here, TOO_FAST)
            if s[k, _DEPTH] > _GROUND_IMPACT_DEPTH:
                here = max(here, GROUND_IMPACT)
        cause = max(cause, here)
    fb = rotate_back(rot, force0, force1, force2)
    mb = rotate_back(rot, moment0, moment1, moment2)
    return fb[0], fb[1], fb[2], mb[0], mb[1], mb[2], down, cause
