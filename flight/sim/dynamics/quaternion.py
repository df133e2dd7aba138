"""Unit quaternions (w, x, y, z) for attitude: `q_ned_from_body` rotates body vectors into NED.

The kernels here work on one aircraft's numbers (a rotation matrix is a 9-tuple, row by row); `to_matrix`,
`from_euler` and `to_euler` serve (N, 4) arrays to the rest of the sim. Only `+ - * /`, sqrt and stablemath run,
so the bits are the same on every CPU. The sums keep numpy's order (DESIGN.md, Replays): the Fleet's numpy code
summed `R v` (einsum over the contiguous axis) as (0 + 2) + 1 and `R^T v` in order, and the kernels still do.
Imports numpy, numba and stablemath only.
"""
import numpy as np
from numba import types

from flight.sim.dynamics import stablemath
from flight.sim.jit import kernel

_TWO_PI = 2.0 * np.pi


@kernel
def matrix(w, x, y, z):
    """R_ned_from_body of one unit quaternion, row by row."""
    x2, y2, z2 = x + x, y + y, z + z
    xx, yy, zz, xy, xz, yz = x * x2, y * y2, z * z2, x * y2, x * z2, y * z2
    wx, wy, wz = w * x2, w * y2, w * z2
    return (1.0 - (yy + zz), xy - wz, xz + wy,
            xy + wz, 1.0 - (xx + zz), yz - wx,
            xz - wy, yz + wx, 1.0 - (xx + yy))


@kernel
def rotate(m, a, b, c):
    """m (a, b, c) for a 3x3 matrix m given row by row (a tuple or a flat array)."""
    return (((0.0 + m[0] * a) + m[2] * c) + m[1] * b,
            ((0.0 + m[3] * a) + m[5] * c) + m[4] * b,
            ((0.0 + m[6] * a) + m[8] * c) + m[7] * b)


@kernel
def rotate_back(m, a, b, c):
    """m^T (a, b, c): NED to body for m = R_ned_from_body."""
    return (((0.0 + m[0] * a) + m[3] * b) + m[6] * c,
            ((0.0 + m[1] * a) + m[4] * b) + m[7] * c,
            ((0.0 + m[2] * a) + m[5] * b) + m[8] * c)


@kernel
def cross(a0, a1, a2, b0, b1, b2):
    return a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, a0 * b1 - a1 * b0


@kernel(inline="always")
def integrate(w, x, y, z, p, q, r, dt):
    """Rotate q by the body rate (p, q, r) over dt (exact for constant rates) and renormalise:
    q <- q * exp(omega dt / 2)."""
    rate = np.sqrt(((0.0 + p * p) + q * q) + r * r)
    half = (0.5 * dt) * rate
    # d = (cos half, omega/|omega| sin half): at |omega| -> 0 the vector part is ~omega dt/2, and 0 at rest
    scale = stablemath.sin1(half) / stablemath.maximum(rate, 1e-300)
    dx, dy, dz = p * scale, q * scale, r * scale
    dw = stablemath.cos1(half)
    ow = w * dw - x * dx - y * dy - z * dz
    ox = w * dx + x * dw + y * dz - z * dy
    oy = w * dy - x * dz + y * dw + z * dx
    oz = w * dz + x * dy - y * dx + z * dw
    norm = np.sqrt((((0.0 + ow * ow) + ox * ox) + oy * oy) + oz * oz)
    return ow / norm, ox / norm, oy / norm, oz / norm


@kernel(types.void(types.float64[:, ::1], types.float64[:, :, ::1]))
def _matrices(q, out):
    for n in range(q.shape[0]):
        m = matrix(q[n, 0], q[n, 1], q[n, 2], q[n, 3])
        for k in range(9):
            out[n, k // 3, k % 3] = m[k]


def to_matrix(q: np.ndarray) -> np.ndarray:
    """(N, 4) -> (N, 3, 3) R_ned_from_body."""
    q = np.ascontiguousarray(q, dtype=np.float64)
    out = np.empty((len(q), 3, 3))
    _matrices(q, out)
    return out


def from_euler(roll: np.ndarray, pitch: np.ndarray, heading: np.ndarray) -> np.ndarray:
    """Aerospace Z-Y-X Euler angles (rad) to q_ned_from_body, shape (N, 4)."""
    cr, sr = stablemath.cos(roll / 2), stablemath.sin(roll / 2)
    cp, sp = stablemath.cos(pitch / 2), stablemath.sin(pitch / 2)
    cy, sy = stablemath.cos(heading / 2), stablemath.sin(heading / 2)
    return np.stack([cr * cp * cy + sr * sp * sy,
                     sr * cp * cy - cr * sp * sy,
                     cr * sp * cy + sr * cp * sy,
                     cr * cp * sy - sr * sp * cy], axis=-1)


@kernel
def euler1(w, x, y, z):
    """q_ned_from_body to roll, pitch, heading in rad (heading 0..2pi), with arcsin x written as
    atan2(x, sqrt(1 - x^2)). AI pilots read these, so they use the CPU-independent atan2."""
    sin_pitch = stablemath.minimum(stablemath.maximum(2.0 * (w * y - z * x), -1.0), 1.0)
    roll = stablemath.atan2_1(2.0 * (w * x + y * z), 1.0 - 2.0 * (x * x + y * y))
    pitch = stablemath.atan2_1(sin_pitch, np.sqrt(1.0 - sin_pitch * sin_pitch))
    heading = stablemath.atan2_1(2.0 * (w * z + x * y), 1.0 - 2.0 * (y * y + z * z)) % _TWO_PI
    return roll, pitch, heading


@kernel(types.void(types.float64[:, ::1], types.float64[:, ::1]))
def _eulers(q, out):
    for n in range(q.shape[0]):
        out[n, 0], out[n, 1], out[n, 2] = euler1(q[n, 0], q[n, 1], q[n, 2], q[n, 3])


def to_euler(q: np.ndarray) -> np.ndarray:
    """q_ned_from_body (N, 4) to (N, 3) roll, pitch, heading in rad (heading 0..2pi): `euler1` of each."""
    out = np.empty((len(q), 3))
    _eulers(np.ascontiguousarray(q, dtype=np.float64), out)
    return out
