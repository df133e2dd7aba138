"""Maths whose results have the same bits on every CPU: sin, cos and atan2 from `+ - * /` alone.

The C library picks an FMA or an SSE2 version of `sin`, `cos`, `atan2`... by CPU, and numpy's SIMD kernels round
differently from one CPU to the next (DESIGN.md, Replays); both differ in the last bit for a few inputs in ten
thousand, which is enough to make a replay diverge. The scalar functions here are numba kernels that the tick's
kernels call; `atan2`, `sin` and `cos` on arrays run the same code over every element. sin and cos follow
FreeBSD's msun (k_sin.c, k_cos.c, e_rem_pio2.c; Sun's freely redistributable fdlibm): within 1 ulp of the true
value for |x| < 1.6e6 rad. Imports numpy and numba only.
"""
import numpy as np
from numba import types

from flight.sim.jit import kernel

_F1 = types.float64[::1]

_TAN_15 = 0.2679491924311227
_TAN_30 = 0.5773502691896258
_PI = np.pi

# sin and cos on [-pi/4, pi/4] (msun k_sin.c, k_cos.c)
_S1, _S2, _S3 = -1.66666666666666324348e-01, 8.33333333332248946124e-03, -1.98412698298579493134e-04
_S4, _S5, _S6 = 2.75573137070700676789e-06, -2.50507602534068634195e-08, 1.58969099521155010221e-10
_C1, _C2, _C3 = 4.16666666666666019037e-02, -1.38888888888741095749e-03, 2.48015872894767294178e-05
_C4, _C5, _C6 = -2.75573143513906633035e-07, 2.08757232129817482790e-09, -1.13596475577881948265e-11
# pi/2 in pieces of 33 bits, so n * piece is exact for n < 2^20 (msun e_rem_pio2.c)
_INV_PIO2 = 6.36619772367581382433e-01
_PIO2_1, _PIO2_1T = 1.57079632673412561417e+00, 6.07710050650619224932e-11
_PIO2_2, _PIO2_2T = 6.07710050630396597660e-11, 2.02226624879595063154e-21
_PIO2_3, _PIO2_3T = 2.02226624871116645580e-21, 8.47842766036889956997e-32
_PIO4 = 7.85398163397448278999e-01
_ROUNDER = 6755399441055744.0  # 1.5 * 2^52: x + this - this rounds x to an integer (round half to even)
_TINY_ANGLE = 7.450580596923828125e-09  # 2^-27: below it sin x is x and cos x is 1 to the last bit


@kernel
def _sin_kernel(x, y):
    """sin(x + y) for |x| <= pi/4, y a tail below half an ulp of x."""
    if -_TINY_ANGLE < x < _TINY_ANGLE and y == 0.0:
        return x
    z = x * x
    v = z * x
    r = _S2 + z * (_S3 + z * (_S4 + z * (_S5 + z * _S6)))
    if y == 0.0:
        return x + v * (_S1 + z * r)
    return x - ((z * (0.5 * y - v * r) - y) - v * _S1)


@kernel
def _cos_kernel(x, y):
    """cos(x + y) for |x| <= pi/4."""
    if -_TINY_ANGLE < x < _TINY_ANGLE and y == 0.0:
        return 1.0
    z = x * x
    w = z * z
    r = z * (_C1 + z * (_C2 + z * _C3)) + w * w * (_C4 + z * (_C5 + z * _C6))
    hz = 0.5 * z
    w = 1.0 - hz
    return w + (((1.0 - w) - hz) + (z * r - x * y))


@kernel
def _reduce(x):
    """x = n pi/2 + (y0 + y1) with |y0 + y1| <= pi/4: (n mod 4, y0, y1). Three rounds of Cody and Waite's
    reduction always (msun stops early when the first is precise enough; more rounds only add precision)."""
    fn = (x * _INV_PIO2 + _ROUNDER) - _ROUNDER
    r = x - fn * _PIO2_1
    w = fn * _PIO2_1T
    t = r
    w = fn * _PIO2_2
    r = t - w
    w = fn * _PIO2_2T - ((t - r) - w)
    t = r
    w = fn * _PIO2_3
    r = t - w
    w = fn * _PIO2_3T - ((t - r) - w)
    y0 = r - w
    y1 = (r - y0) - w
    quadrant = int(fn) & 3 if -_ROUNDER < fn < _ROUNDER else 0  # beyond 2^52 every whole number is even
    return quadrant, y0, y1


@kernel
def sin1(x):
    """sin of one float (NaN for inf and NaN)."""
    if -_PIO4 <= x <= _PIO4:
        return _sin_kernel(x, 0.0)
    if not (x - x == 0.0):
        return x - x
    n, y0, y1 = _reduce(x)
    if n == 0:
        return _sin_kernel(y0, y1)
    if n == 1:
        return _cos_kernel(y0, y1)
    if n == 2:
        return -_sin_kernel(y0, y1)
    return -_cos_kernel(y0, y1)


@kernel
def cos1(x):
    """cos of one float (NaN for inf and NaN)."""
    if -_PIO4 <= x <= _PIO4:
        return _cos_kernel(x, 0.0)
    if not (x - x == 0.0):
        return x - x
    n, y0, y1 = _reduce(x)
    if n == 0:
        return _cos_kernel(y0, y1)
    if n == 1:
        return -_sin_kernel(y0, y1)
    if n == 2:
        return -_cos_kernel(y0, y1)
    return _sin_kernel(y0, y1)


@kernel
def maximum(a, b):
    """np.maximum of two floats: the first when >= the second, NaN when either is."""
    if a >= b or a != a:
        return a
    return b


@kernel
def minimum(a, b):
    """np.minimum of two floats: the first when <= the second, NaN when either is."""
    if a <= b or a != a:
        return a
    return b


@kernel
def atan2_1(y, x):
    """arctan2 of one pair to about 1e-11 rad: reduce to |t| <= tan 15 deg, then the Taylor series to t^15."""
    ax, ay = abs(x), abs(y)
    larger = maximum(ax, ay)
    t = minimum(ax, ay) / (larger if larger > 0.0 else 1.0)
    far = t > _TAN_15
    if far:
        t = (t - _TAN_30) / (1.0 + _TAN_30 * t)
    z = t * t
    series = 1.0 / 15.0
    series = 1.0 / 13.0 - z * series
    series = 1.0 / 11.0 - z * series
    series = 1.0 / 9.0 - z * series
    series = 1.0 / 7.0 - z * series
    series = 1.0 / 5.0 - z * series
    series = 1.0 / 3.0 - z * series
    series = 1.0 / 1.0 - z * series
    angle = t * series + (_PI / 6.0 if far else 0.0)
    if ay > ax:
        angle = _PI / 2.0 - angle
    if x < 0.0:
        angle = _PI - angle
    return -angle if y < 0.0 else angle


@kernel(types.void(_F1, _F1, _F1))
def _atan2_all(y, x, out):
    for i in range(out.size):
        out[i] = atan2_1(y[i], x[i])


@kernel(types.void(_F1, _F1))
def _sin_all(x, out):
    for i in range(out.size):
        out[i] = sin1(x[i])


@kernel(types.void(_F1, _F1))
def _cos_all(x, out):
    for i in range(out.size):
        out[i] = cos1(x[i])


def _flat(*arrays):
    shaped = np.broadcast_arrays(*(np.asarray(a, dtype=np.float64) for a in arrays))
    return shaped[0].shape, [np.ascontiguousarray(a).ravel() for a in shaped]


def atan2(y, x) -> np.ndarray:
    """Elementwise atan2 of broadcast arrays (see atan2_1)."""
    shape, (y, x) = _flat(y, x)
    out = np.empty(y.size)
    _atan2_all(y, x, out)
    return out.reshape(shape)


def sin(x) -> np.ndarray:
    shape, (x,) = _flat(x)
    out = np.empty(x.size)
    _sin_all(x, out)
    return out.reshape(shape)


def cos(x) -> np.ndarray:
    shape, (x,) = _flat(x)
    out = np.empty(x.size)
    _cos_all(x, out)
    return out.reshape(shape)
