"""Maths whose results have the same bits on every CPU.

numpy picks SIMD kernels by CPU, and some of them round differently in the last bit: measured here with numpy
2.4 on an AVX-512 machine, `np.arctan2` differs with and without `NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL"`
(DESIGN.md lists more). Replays must be exact on every machine, so the per-tick path computes its angles here
from `+ - * /` alone. Imports numpy only.
"""
import numpy as np

_TAN_15 = 0.2679491924311227
_TAN_30 = 0.5773502691896258
_PI = np.pi


def atan2(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """arctan2 to about 1e-11 rad: reduce to |t| <= tan 15 deg, then the Taylor series to t^15."""
    ax, ay = np.abs(x), np.abs(y)
    larger = np.maximum(ax, ay)
    t = np.minimum(ax, ay) / np.where(larger > 0.0, larger, 1.0)
    far = t > _TAN_15
    t = np.where(far, (t - _TAN_30) / (1.0 + _TAN_30 * t), t)
    z = t * t
    series = 1.0 / 15.0
    for k in (13.0, 11.0, 9.0, 7.0, 5.0, 3.0, 1.0):
        series = 1.0 / k - z * series
    angle = t * series + np.where(far, _PI / 6.0, 0.0)
    angle = np.where(ay > ax, _PI / 2.0 - angle, angle)
    angle = np.where(x < 0.0, _PI - angle, angle)
    return np.where(y < 0.0, -angle, angle)
