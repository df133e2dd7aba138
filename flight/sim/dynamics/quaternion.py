"""Unit quaternions (w, x, y, z) for attitude, as (N, 4) arrays: `q_ned_from_body` rotates body vectors into NED.

Only CPU-independent operations (`+ - * /`, sqrt, sin, cos, stablemath) run per tick. Imports numpy only.
"""
import numpy as np

from flight.sim.dynamics.stablemath import atan2


def from_euler(roll: np.ndarray, pitch: np.ndarray, heading: np.ndarray) -> np.ndarray:
    """Aerospace Z-Y-X Euler angles (rad) to q_ned_from_body, shape (N, 4)."""
    cr, sr = np.cos(roll / 2), np.sin(roll / 2)
    cp, sp = np.cos(pitch / 2), np.sin(pitch / 2)
    cy, sy = np.cos(heading / 2), np.sin(heading / 2)
    return np.stack([cr * cp * cy + sr * sp * sy,
                     sr * cp * cy - cr * sp * sy,
                     cr * sp * cy + sr * cp * sy,
                     cr * cp * sy - sr * sp * cy], axis=-1)


def to_euler(q: np.ndarray) -> np.ndarray:
    """q_ned_from_body to (N, 3) roll, pitch, heading in rad (heading 0..2pi). AI pilots read these, so they use
    the CPU-independent atan2."""
    angles = atan2(*euler_terms(q))
    angles[:, 2] %= 2 * np.pi
    return angles


def euler_terms(q: np.ndarray, extra: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(rise, run), each (N, 3 + extra): atan2 of the first three columns is roll, pitch and heading (-pi..pi),
    with arcsin x written as atan2(x, sqrt(1 - x^2)). A caller needing more angles fills the `extra` columns and
    makes one atan2 call for all."""
    w, x, y, z = q.T
    sin_pitch = np.clip(2 * (w * y - z * x), -1.0, 1.0)
    rise, run = np.empty((len(q), 3 + extra)), np.empty((len(q), 3 + extra))
    rise[:, 0], run[:, 0] = 2 * (w * x + y * z), 1 - 2 * (x * x + y * y)
    rise[:, 1], run[:, 1] = sin_pitch, np.sqrt(1.0 - sin_pitch * sin_pitch)
    rise[:, 2], run[:, 2] = 2 * (w * z + x * y), 1 - 2 * (y * y + z * z)
    return rise, run


def to_matrix(q: np.ndarray) -> np.ndarray:
    """(N, 4) -> (N, 3, 3) R_ned_from_body."""
    w, x, y, z = q[:, 0], q[:, 1], q[:, 2], q[:, 3]
    x2, y2, z2 = x + x, y + y, z + z
    xx, yy, zz, xy, xz, yz = x * x2, y * y2, z * z2, x * y2, x * z2, y * z2
    wx, wy, wz = w * x2, w * y2, w * z2
    r = np.empty((len(q), 3, 3))
    r[:, 0, 0] = 1.0 - (yy + zz)
    r[:, 0, 1] = xy - wz
    r[:, 0, 2] = xz + wy
    r[:, 1, 0] = xy + wz
    r[:, 1, 1] = 1.0 - (xx + zz)
    r[:, 1, 2] = yz - wx
    r[:, 2, 0] = xz - wy
    r[:, 2, 1] = yz + wx
    r[:, 2, 2] = 1.0 - (xx + yy)
    return r


def integrate(q: np.ndarray, omega_body: np.ndarray, dt: float) -> np.ndarray:
    """Rotate q by the body rate over dt (exact for constant omega) and renormalise: q <- q * exp(omega dt / 2)."""
    rate = np.sqrt(np.add.reduce(omega_body * omega_body, 1))
    half = (0.5 * dt) * rate
    # d = (cos half, omega/|omega| sin half): at |omega| -> 0 the vector part is ~omega dt/2, and 0 at rest
    dx, dy, dz = (omega_body * (np.sin(half) / np.maximum(rate, 1e-300))[:, None]).T
    dw = np.cos(half)
    w, x, y, z = q.T
    out = np.empty_like(q)
    out[:, 0] = w * dw - x * dx - y * dy - z * dz
    out[:, 1] = w * dx + x * dw + y * dz - z * dy
    out[:, 2] = w * dy - x * dz + y * dw + z * dx
    out[:, 3] = w * dz + x * dy - y * dx + z * dw
    return out / np.sqrt(np.add.reduce(out * out, 1))[:, None]
