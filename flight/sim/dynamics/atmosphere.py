"""ISA standard atmosphere (troposphere and lower stratosphere) as interpolation tables.

The per-tick path only interpolates; the table is built with stablemath's pow and exp, because the C library's
may differ in the last bit between CPUs, which would break replays. `interp1` is np.interp for one value, to the bit (the same index search and formula); the
kernels call `density1`. Imports numpy, numba and the standard library only.
"""
import numpy as np

from numba import types

from flight.sim.dynamics.stablemath import exp1, pow1
from flight.sim.jit import kernel

SEA_LEVEL_DENSITY = 1.225  # kg/m^3
GRAVITY = 9.80665  # m/s^2

_R_AIR = 287.05287  # J/(kg K)
_T0, _P0 = 288.15, 101325.0
_LAPSE = 0.0065  # K/m below the tropopause
_TROPOPAUSE = 11000.0

_ALTITUDES = np.arange(-1000.0, 20001.0, 50.0)


def _isa_exact(h: float) -> tuple[float, float, float]:
    """Temperature (K), pressure (Pa), density (kg/m^3) at geopotential height h (m); used to build the table."""
    if h <= _TROPOPAUSE:
        t = _T0 - _LAPSE * h
        p = _P0 * pow1(t / _T0, GRAVITY / (_LAPSE * _R_AIR))
    else:
        t = _T0 - _LAPSE * _TROPOPAUSE
        p_trop = _P0 * pow1(t / _T0, GRAVITY / (_LAPSE * _R_AIR))
        p = p_trop * exp1(-GRAVITY * (h - _TROPOPAUSE) / (_R_AIR * t))
    return t, p, p / (_R_AIR * t)


_TABLE = np.array([_isa_exact(float(h)) for h in _ALTITUDES])
_TEMPERATURE, _PRESSURE, _DENSITY = (np.ascontiguousarray(column) for column in _TABLE.T)
_SOUND_SPEED = np.sqrt(1.4 * _R_AIR * _TEMPERATURE)


_ALTITUDE_STEP = 50.0


@kernel(inline="always")
def interp1(x, xp, fp, step):
    """np.interp(x, xp, fp) for one x over breakpoints xp spaced about `step` apart (a first guess of the index;
    the comparisons then find numpy's: xp[j] <= x < xp[j + 1])."""
    last = xp.size - 1
    if x != x:
        return x
    if x < xp[0]:
        return fp[0]
    if x > xp[last]:
        return fp[last]
    j = int(min(max((x - xp[0]) / step, 0.0), float(last)))
    while j > 0 and xp[j] > x:
        j -= 1
    while j < last and xp[j + 1] <= x:
        j += 1
    if j == last or xp[j] == x:
        return fp[j]
    slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j])
    value = slope * (x - xp[j]) + fp[j]
    if value != value:  # numpy tries from the other end, then falls back to a flat segment's value
        value = slope * (x - xp[j + 1]) + fp[j + 1]
        if value != value and fp[j] == fp[j + 1]:
            value = fp[j]
    return value


@kernel(types.float64(types.float64))
def density1(altitude):
    """Air density (kg/m^3) at one altitude (m above sea level)."""
    return interp1(altitude, _ALTITUDES, _DENSITY, _ALTITUDE_STEP)


@kernel(types.void(types.float64[::1], types.float64[::1], types.float64[::1], types.float64, types.float64[::1]))
def _interp_all(x, xp, fp, step, out):
    for i in range(x.size):
        out[i] = interp1(x[i], xp, fp, step)


def _lookup(altitude, values: np.ndarray) -> np.ndarray:
    x = np.asarray(altitude, dtype=np.float64)
    out = np.empty(x.shape)
    _interp_all(np.ascontiguousarray(x).ravel(), _ALTITUDES, values, _ALTITUDE_STEP, out.reshape(-1))
    return out


def density(altitude: np.ndarray) -> np.ndarray:
    """Air density (kg/m^3) at altitude (m above sea level)."""
    return _lookup(altitude, _DENSITY)


def pressure(altitude: np.ndarray) -> np.ndarray:
    """Static pressure (Pa)."""
    return _lookup(altitude, _PRESSURE)


def temperature(altitude: np.ndarray) -> np.ndarray:
    """Static temperature (K)."""
    return _lookup(altitude, _TEMPERATURE)


def speed_of_sound(altitude: np.ndarray) -> np.ndarray:
    """Speed of sound (m/s)."""
    return _lookup(altitude, _SOUND_SPEED)
