"""Maths whose results have the same bits on every CPU: sin, cos, tan, atan2, exp, log and pow from `+ - * /` alone.

The C library picks an FMA or an SSE2 version of `sin`, `cos`, `atan2`... by CPU, and numpy's SIMD kernels round
differently from one CPU to the next (DESIGN.md, Replays); both differ in the last bit for a few inputs in ten
thousand, which is enough to make a replay diverge. The scalar functions here are numba kernels that the tick's
kernels call; `atan2`, `sin` and `cos` on arrays run the same code over every element. sin and cos follow
FreeBSD's msun (k_sin.c, k_cos.c, e_rem_pio2.c; Sun's freely redistributable fdlibm): within 1 ulp of the true
value for |x| < 1.6e6 rad; so do exp and log (e_exp.c, e_log.c), and pow is built on them. Imports numpy and
numba only.
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
def argmin(values, n):
    """np.argmin of values[:n] (n >= 1): the first least value, or the first NaN."""
    best, least = 0, values[0]
    for i in range(1, n):
        if least != least:
            break
        if not values[i] >= least:
            best, least = i, values[i]
    return best


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


# exp and log follow FreeBSD's msun e_exp.c and e_log.c (fdlibm), within 1 ulp; their bit tests on the exponent
# become comparisons with powers of two, and 2^k is built by exact multiplications
_LN2_HI, _LN2_LO = 6.93147180369123816490e-01, 1.90821492927058770002e-10  # ln2_hi has 21 trailing zero bits
_INV_LN2 = 1.44269504088896338700e+00
_P1, _P2, _P3 = 1.66666666666666019037e-01, -2.77777777770155933842e-03, 6.61375632143793436117e-05
_P4, _P5 = -1.65339022054652515390e-06, 4.13813679705723846039e-08
_EXP_OVERFLOW, _EXP_UNDERFLOW = 7.09782712893383973096e+02, -7.45133219101941108420e+02
_HALF_LN2 = 0.5 * _LN2_HI
_TINY_EXP = 3.725290298461914e-09  # 2^-28: below it exp x is 1 + x to the last bit
_LG1, _LG2, _LG3 = 6.666666666666735130e-01, 3.999999999940941908e-01, 2.857142874366239149e-01
_LG4, _LG5, _LG6, _LG7 = 2.222219843214978396e-01, 1.818357216161805012e-01, 1.531383769920937332e-01, 1.479819860511658591e-01
_SMALLEST_NORMAL = 2.2250738585072014e-308
_TWO54 = 18014398509481984.0
_BITS = np.array([512, 256, 128, 64, 32, 16, 8, 4, 2, 1])
_UP = np.ldexp(1.0, _BITS)  # 2^512 ... 2^1: ldexp is exact
_DOWN = np.ldexp(1.0, -_BITS)
_MANTISSA = 9.5367431640625e-07  # 2^-20: e_log.c's tests on the top 20 bits of the mantissa, as bounds on it
_SPLIT = 1.0 + 0x6a09c * _MANTISSA  # at or above it the mantissa is halved: f lies in [sqrt(2)/2 - 1, sqrt(2) - 1)


@kernel
def _two_to(k):
    """2^k exactly for -1022 <= k <= 1023 (square-and-multiply on powers of two)."""
    base = 2.0 if k > 0 else 0.5
    n = abs(k)
    result = 1.0
    while n:
        if n & 1:
            result *= base
        n >>= 1
        if n:
            base *= base
    return result


@kernel
def exp1(x):
    """e^x of one float, within 1 ulp (inf above 709.78, 0 below -745.13, NaN for NaN)."""
    if x != x:
        return x
    if x > _EXP_OVERFLOW:
        return np.inf
    if x < _EXP_UNDERFLOW:
        return 0.0
    if -_TINY_EXP < x < _TINY_EXP:
        return 1.0 + x
    k = 0
    hi, lo = x, 0.0
    if not (-_HALF_LN2 <= x <= _HALF_LN2):
        fk = (x * _INV_LN2 + _ROUNDER) - _ROUNDER  # x = k ln2 + r, |r| <= ln2 / 2
        k = int(fk)
        hi = x - fk * _LN2_HI  # exact: ln2_hi's trailing zeros
        lo = fk * _LN2_LO
    r = hi - lo
    t = r * r
    c = r - t * (_P1 + t * (_P2 + t * (_P3 + t * (_P4 + t * _P5))))
    if k == 0:
        return 1.0 - ((r * c) / (c - 2.0) - r)
    y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi)
    if k >= -1021:
        if k == 1024:
            return y * 2.0 * _two_to(1023)
        return y * _two_to(k)
    return y * _two_to(k + 1000) * _two_to(-1000)


@kernel
def log1(x):
    """Natural log of one float, within 1 ulp (-inf at 0, NaN below 0 and for NaN, inf at inf)."""
    if x != x or x < 0.0:
        return np.nan
    if x == 0.0:
        return -np.inf
    if x == np.inf:
        return x
    k = 0
    if x < _SMALLEST_NORMAL:
        x *= _TWO54
        k = -54
    if x >= 2.0:  # x = 2^k m with m in [1, 2): exact scalings by powers of two
        for i in range(_BITS.size):
            if x >= _UP[i]:
                x *= _DOWN[i]
                k += _BITS[i]
    elif x < 1.0:
        for i in range(_BITS.size):
            if x * _UP[i] < 2.0:
                x *= _UP[i]
                k -= _BITS[i]
    m = x
    if m >= _SPLIT:
        x = 0.5 * m
        k += 1
    f = x - 1.0
    dk = float(k)
    if m < 1.0 + 2.0 * _MANTISSA or m >= 2.0 - 2.0 * _MANTISSA:  # |f| < 2^-19
        if f == 0.0:
            return 0.0 if k == 0 else dk * _LN2_HI + dk * _LN2_LO
        r = f * f * (0.5 - 0.33333333333333333 * f)
        return f - r if k == 0 else dk * _LN2_HI - ((r - dk * _LN2_LO) - f)
    s = f / (2.0 + f)
    z = s * s
    w = z * z
    r = z * (_LG1 + w * (_LG3 + w * (_LG5 + w * _LG7))) + w * (_LG2 + w * (_LG4 + w * _LG6))
    if 1.0 + 0x6147b * _MANTISSA <= m < 1.0 + 0x6b851 * _MANTISSA:  # f near its ends: e_log.c's other form
        hfsq = 0.5 * f * f
        if k == 0:
            return f - (hfsq - s * (hfsq + r))
        return dk * _LN2_HI - ((hfsq - (s * (hfsq + r) + dk * _LN2_LO)) - f)
    if k == 0:
        return f - s * (f - r)
    return dk * _LN2_HI - ((s * (f - r) - dk * _LN2_LO) - f)


@kernel
def pow1(x, y):
    """x^y for x >= 0: by products for y = 1, 2, 3 (x itself, x * x ...), else as e^(y ln x), within
    1 + 1.25 |y ln x| ulp (3 ulp over the atmosphere's and the engine lapse's ranges); NaN for a negative x."""
    if y == 0.0 or x == 1.0:
        return 1.0
    if x != x or y != y or x < 0.0:
        return np.nan
    if y == 1.0:
        return x
    if y == 2.0:
        return x * x
    if y == 3.0:
        return x * x * x
    if x == 0.0:
        return 0.0 if y > 0.0 else np.inf
    return exp1(y * log1(x))


@kernel
def tan1(x):
    """tan of one float as sin / cos (within 3 ulp)."""
    return sin1(x) / cos1(x)


@kernel(types.void(_F1, _F1))
def _exp_all(x, out):
    for i in range(out.size):
        out[i] = exp1(x[i])


@kernel(types.void(_F1, _F1))
def _log_all(x, out):
    for i in range(out.size):
        out[i] = log1(x[i])


@kernel(types.void(_F1, _F1, _F1))
def _pow_all(x, y, out):
    for i in range(out.size):
        out[i] = pow1(x[i], y[i])


@kernel(types.void(_F1, _F1))
def _tan_all(x, out):
    for i in range(out.size):
        out[i] = tan1(x[i])


def _elementwise(kernel_all, *arrays) -> np.ndarray:
    shape, flat = _flat(*arrays)
    out = np.empty(flat[0].size)
    kernel_all(*flat, out)
    return out.reshape(shape)


def exp(x) -> np.ndarray:
    return _elementwise(_exp_all, x)


def log(x) -> np.ndarray:
    return _elementwise(_log_all, x)


def pow(x, y) -> np.ndarray:  # noqa: A001 - the name every reader expects beside exp and log
    """x ** y elementwise for x >= 0 (see pow1)."""
    return _elementwise(_pow_all, x, y)


def tan(x) -> np.ndarray:
    return _elementwise(_tan_all, x)


def hypot(x, y) -> np.ndarray:
    """sqrt(x^2 + y^2) elementwise, unscaled (overflows only beyond 1e154): IEEE's * + and sqrt, exact
    everywhere, where the C library's hypot may differ by CPU."""
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    return np.sqrt(x * x + y * y)
