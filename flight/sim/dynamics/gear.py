"""Ground contact: wheels and tail skid as spring-dampers with friction, and structure strikes as crashes.

Friction is solved at the velocity level: each contact asks for the force that cancels its share (by load) of the
other forces and of their yawing moment along the ground, and stops its sliding within a few ticks (through its
effective mass, so a tail skid far from the CG cannot ring), capped at mu times the load. That keeps a parked
aircraft parked, with no creep and none of the stick-slip chatter of a velocity-threshold model.
The ground is horizontal at each contact, at the height the world's terrain gives. Imports numpy only.
"""
from collections.abc import Callable

import numpy as np

from flight.sim.dynamics.params import GearParams
from flight.sim.dynamics.spec import CRASH_CAUSES

GroundHeight = Callable[[np.ndarray, np.ndarray], np.ndarray]

_FRICTION_GAIN = 0.3  # share of the sliding velocity removed per tick (several contacts act together)
_CHOCK_FRICTION = 1.0
_BRAKE_FRICTION = 0.4
_GROUND_IMPACT_DEPTH = 0.5  # m of gear compression beyond which the gear has failed
HARD_LANDING = CRASH_CAUSES.index("hard_landing")
TOO_FAST = CRASH_CAUSES.index("touchdown_too_fast")
GROUND_IMPACT = CRASH_CAUSES.index("ground_impact")


def flat_ground(north: np.ndarray, east: np.ndarray) -> np.ndarray:
    """Height 0 everywhere: the default terrain."""
    return np.zeros_like(north)


def cross(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cross product over the last axis, written out (np.cross is slow for small arrays)."""
    out = np.empty(np.broadcast_shapes(a.shape, b.shape))
    out[..., 0] = a[..., 1] * b[..., 2] - a[..., 2] * b[..., 1]
    out[..., 1] = a[..., 2] * b[..., 0] - a[..., 0] * b[..., 2]
    out[..., 2] = a[..., 0] * b[..., 1] - a[..., 1] * b[..., 0]
    return out


def ground_contact(g: GearParams, ground: GroundHeight, pos: np.ndarray, vel: np.ndarray, rot: np.ndarray,
                   omega: np.ndarray, mass: np.ndarray, other_force_ned: np.ndarray, other_yaw_moment: np.ndarray,
                   rudder: np.ndarray, brake: np.ndarray, chocks: np.ndarray, dt: float):
    """Contact forces for K aircraft near the ground (every argument has a leading (K,) axis).

    other_force_ned (K,3) is the sum of every other force (aero, thrust, weight) and other_yaw_moment (K,) their
    moment about the vertical through the CG; chocks (K,) block the wheels.
    Returns (force_body (K,3), moment_body (K,3), wheels_down (K,) bool, crash_cause (K,) int8).
    """
    r_ned = np.einsum("nij,npj->npi", rot, g.position)
    world = pos[:, None, :] + r_ned
    depth = world[..., 2] + ground(world[..., 0], world[..., 1])
    touching = depth > 0.0
    gear = touching & g.is_gear
    v_point = vel[:, None, :] + cross(np.einsum("nij,nj->ni", rot, omega)[:, None, :], r_ned)
    sink = v_point[..., 2]
    load = np.where(gear, np.maximum(g.stiffness * depth + g.damping * sink, 0.0), 0.0)

    # rolling direction: the body x axis on the ground, turned by the steerable skid (which trails like a
    # castor: left pedal points its rolling direction right, so the tail goes right and the nose left)
    heading = rot[:, :2, 0] / (np.sqrt(rot[:, 0, 0] ** 2 + rot[:, 1, 0] ** 2) + 1e-9)[:, None]
    steer = -g.steer * rudder[:, None]
    cs, sn = np.cos(steer), np.sin(steer)
    hx, hy = heading[:, None, 0], heading[:, None, 1]
    # directions (K, 2, P, 3): [along, across] each contact, horizontal in NED
    directions = np.zeros((len(pos), 2) + r_ned.shape[1:])
    directions[:, 0, :, 0] = directions[:, 1, :, 1] = hx * cs - hy * sn
    directions[:, 0, :, 1] = hx * sn + hy * cs
    directions[:, 1, :, 0] = -directions[:, 0, :, 1]

    extra = np.where(g.has_brakes, _BRAKE_FRICTION * brake, np.where(chocks, _CHOCK_FRICTION, 0.0))
    mu = np.stack([g.rolling_friction + extra[:, None] * g.is_wheel, g.side_friction], axis=1)
    load_share = load / np.maximum(load.sum(1, keepdims=True), 1e-9)
    # what the other forces push on each contact: its share of their force, plus forces that together carry the
    # rest of their yawing moment (r x push sums to it): push_i += M w_i (z x r_i) / sum_j w_j |r_j|^2
    push = other_force_ned[:, None, :] * load_share[..., None]
    rest = other_yaw_moment - (r_ned[..., 0] * push[..., 1] - r_ned[..., 1] * push[..., 0]).sum(1)
    spread = np.maximum((load_share * (r_ned[..., 0] ** 2 + r_ned[..., 1] ** 2)).sum(1), 1e-9)
    twist = (rest / spread)[:, None] * load_share
    push[..., 0] -= twist * r_ned[..., 1]
    push[..., 1] += twist * r_ned[..., 0]

    slide = (v_point[:, None] * directions).sum(-1)  # (K, 2, P)
    pushed = (push[:, None] * directions).sum(-1)
    # effective mass of each contact along each direction: 1/m + (r x d)^T I^-1 (r x d), body axes
    lever = cross(g.position[:, None], np.einsum("nji,ndpj->ndpi", rot, directions))
    inv_mass = (1.0 / mass)[:, None, None] + (lever * np.einsum("nij,ndpj->ndpi", g.inertia_inv, lever)).sum(-1)
    limit = mu * load[:, None]
    friction = -np.minimum(np.maximum(pushed + (_FRICTION_GAIN / dt) * slide / inv_mass, -limit), limit)
    force_ned = (friction[..., None] * directions).sum(1)
    force_ned[..., 2] = -load

    force_body = np.einsum("nji,nj->ni", rot, force_ned.sum(1))
    moment_body = np.einsum("nji,nj->ni", rot, cross(r_ned, force_ned).sum(1))
    ground_speed = np.sqrt(vel[:, 0] ** 2 + vel[:, 1] ** 2)
    cause = np.where(touching & g.is_structure, g.crash_cause, 0)
    cause = np.where(gear & (sink > g.max_sink_rate[:, None]), np.maximum(cause, HARD_LANDING), cause)
    cause = np.where(gear & (ground_speed > g.max_touchdown_speed)[:, None], np.maximum(cause, TOO_FAST), cause)
    cause = np.where(gear & (depth > _GROUND_IMPACT_DEPTH), np.maximum(cause, GROUND_IMPACT), cause)
    return force_body, moment_body, gear.any(1), cause.max(1).astype(np.int8)
