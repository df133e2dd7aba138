"""ISA standard atmosphere (troposphere and lower stratosphere) as interpolation tables.

The per-tick path only interpolates (`np.interp`), because numpy's `exp`/`power` kernels may differ in the last
bit between CPUs, which would break replays. Imports numpy and the standard library only.
"""
import math

import numpy as np

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
        p = _P0 * (t / _T0) ** (GRAVITY / (_LAPSE * _R_AIR))
    else:
        t = _T0 - _LAPSE * _TROPOPAUSE
        p_trop = _P0 * (t / _T0) ** (GRAVITY / (_LAPSE * _R_AIR))
        p = p_trop * math.exp(-GRAVITY * (h - _TROPOPAUSE) / (_R_AIR * t))
    return t, p, p / (_R_AIR * t)


_TABLE = np.array([_isa_exact(float(h)) for h in _ALTITUDES])
_TEMPERATURE, _PRESSURE, _DENSITY = _TABLE.T
_SOUND_SPEED = np.sqrt(1.4 * _R_AIR * _TEMPERATURE)


def density(altitude: np.ndarray) -> np.ndarray:
    """Air density (kg/m^3) at altitude (m above sea level)."""
    return np.interp(altitude, _ALTITUDES, _DENSITY)


def pressure(altitude: np.ndarray) -> np.ndarray:
    """Static pressure (Pa)."""
    return np.interp(altitude, _ALTITUDES, _PRESSURE)


def temperature(altitude: np.ndarray) -> np.ndarray:
    """Static temperature (K)."""
    return np.interp(altitude, _ALTITUDES, _TEMPERATURE)


def speed_of_sound(altitude: np.ndarray) -> np.ndarray:
    """Speed of sound (m/s)."""
    return np.interp(altitude, _ALTITUDES, _SOUND_SPEED)
