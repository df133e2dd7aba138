"""Unit quaternions (w, x, y, z) for attitude, as (N, 4) arrays: `q_ned_from_body` rotates body vectors into NED.

Only stable operations (`+ - * /`, sqrt, sin, cos) run per tick. Imports numpy only.
"""
import numpy as np


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
    """q_ned_from_body to (N, 3) roll, pitch, heading in rad (heading 0..2pi). For display and tests, not the sim."""
    w, x, y, z = q.T
    roll = np.arctan2(2 * (w * x + y * z), 1 - 2 * (x * x + y * y))
    pitch = np.arcsin(np.clip(2 * (w * y - z * x), -1.0, 1.0))
    heading = np.arctan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z)) % (2 * np.pi)
    return np.stack([roll, pitch, heading], axis=-1)


def to_matrix(q: np.ndarray) -> np.ndarray:
    """(N, 4) -> (N, 3, 3) R_ned_from_body."""
    w, x, y, z = q.T
    return np.stack([
        1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
        2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
        2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y),
    ], axis=-1).reshape(-1, 3, 3)


def integrate(q: np.ndarray, omega_body: np.ndarray, dt: float) -> np.ndarray:
    """Rotate q by the body rate over dt (exact for constant omega) and renormalise."""
    angle = np.sqrt(np.einsum("ij,ij->i", omega_body, omega_body)) * dt
    half = 0.5 * angle
    # sin(half)/angle -> 0.5 as angle -> 0; the series avoids 0/0
    scale = np.where(angle > 1e-6, np.sin(half) / np.where(angle > 1e-6, angle, 1.0), 0.5 - angle * angle / 48.0)
    d = np.empty_like(q)
    d[:, 0] = np.cos(half)
    d[:, 1:] = omega_body * (scale * dt)[:, None]
    w1, x1, y1, z1 = q.T
    w2, x2, y2, z2 = d.T
    out = np.stack([w1 * w2 - x1 * x2 - y1 * y2 - z1 * z2,
                    w1 * x2 + x1 * w2 + y1 * z2 - z1 * y2,
                    w1 * y2 - x1 * z2 + y1 * w2 + z1 * x2,
                    w1 * z2 + x1 * y2 - y1 * x2 + z1 * w2], axis=-1)
    return out / np.sqrt(np.einsum("ij,ij->i", out, out))[:, None]
