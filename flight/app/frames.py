"""The one place that converts between the simulation's frames and Panda3D's (DESIGN.md, "Layers").

Sim: world NED, body x forward / y right / z down, `q_ned_from_body` as (w, x, y, z). Panda3D: X east, Y north,
Z up, and models face +Y with +X right and +Z up. Both swaps are the same proper rotation C = [[0,1,0],[1,0,0],
[0,0,-1]] (180 deg about (1,1,0)/sqrt 2), so R_panda_from_model = C R_ned_from_body C and the quaternion keeps its
scalar part while C maps its axis: (w, x, y, z) -> (w, y, x, -z).
"""
from __future__ import annotations

import numpy as np
from panda3d.core import LPoint3, LQuaternion, NodePath

from flight.sim.dynamics.quaternion import to_euler


def position_to_panda(pos_ned: np.ndarray) -> np.ndarray:
    """(N, 3) north, east, down -> (N, 3) Panda3D x east, y north, z up."""
    pos_ned = np.asarray(pos_ned, dtype=float)
    return np.stack([pos_ned[..., 1], pos_ned[..., 0], -pos_ned[..., 2]], axis=-1)


def quat_to_panda(q_ned_from_body: np.ndarray) -> np.ndarray:
    """(N, 4) sim quaternions -> (N, 4) Panda3D (r, i, j, k) orienting a +Y-forward, +Z-up model like the body."""
    q = np.asarray(q_ned_from_body, dtype=float)
    return np.stack([q[..., 0], q[..., 2], q[..., 1], -q[..., 3]], axis=-1)


def hpr_from_quat(q_ned_from_body: np.ndarray) -> np.ndarray:
    """(N, 4) sim quaternions -> (N, 3) Panda3D heading, pitch, roll in degrees.

    Panda applies roll, then pitch, then heading, the same order as the aerospace Z-Y-X angles; its heading turns
    counter-clockwise seen from above, the compass clockwise, hence the sign.
    """
    roll, pitch, heading = np.degrees(to_euler(np.atleast_2d(np.asarray(q_ned_from_body, dtype=float)))).T
    return np.stack([-heading, pitch, roll], axis=-1)


def set_node_transform(node: NodePath, pos_ned: np.ndarray, q_ned_from_body: np.ndarray) -> None:
    """Place a node at one sim position (3,) and attitude (4,)."""
    x, y, z = position_to_panda(pos_ned)
    r, i, j, k = quat_to_panda(q_ned_from_body)
    node.set_pos_quat(LPoint3(x, y, z), LQuaternion(r, i, j, k))


def lerp(a: np.ndarray, b: np.ndarray, t: float) -> np.ndarray:
    """Linear blend from a (t = 0) to b (t = 1), for positions between two ticks."""
    a = np.asarray(a, dtype=float)
    return a + (np.asarray(b, dtype=float) - a) * t


def nlerp(q0: np.ndarray, q1: np.ndarray, t: float) -> np.ndarray:
    """(N, 4) attitudes between two ticks: normalised linear blend along the shorter arc.

    Between two ticks the rotation is small, where nlerp and slerp agree to well under a pixel.
    """
    q0 = np.asarray(q0, dtype=float)
    q1 = np.asarray(q1, dtype=float)
    q1 = np.where(np.sum(q0 * q1, axis=-1, keepdims=True) < 0.0, -q1, q1)  # q and -q are the same attitude
    q = q0 + (q1 - q0) * t
    return q / np.linalg.norm(q, axis=-1, keepdims=True)


def pose_to_ned(node: NodePath, relative_to: NodePath) -> tuple[np.ndarray, np.ndarray]:
    """A node's position (3,) NED m and its axes as the columns of a (3, 3) NED matrix: forward (its +Y), right
    (+X), down (-Z), as the sound's listener takes them. (The swap C is its own inverse: position_to_panda of a
    Panda3D vector is the NED one.)"""
    q = node.get_quat(relative_to)
    axes_panda = np.array([tuple(q.get_forward()), tuple(q.get_right()), tuple(-q.get_up())])
    return position_to_panda(np.array(tuple(node.get_pos(relative_to)))), position_to_panda(axes_panda).T
