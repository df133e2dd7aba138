"""How gunners aim: lead on a moving target, the drop of the bullet, and their errors as CPU-stable random
deviates (numpy's own `normal` falls back on exp/log in its tails, which may round differently from CPU to CPU).
Scalar kernels (`dot`, `norm1`, `unit1`, `lead1`) for the tick's kernels; `norm` and `unit` over rows for what
the app draws.
Sums of three products are added as numpy's einsum adds them over a contiguous axis: 0 + ((x0 + x2) + x1).
Imports numpy and numba only (and flight.sim constants)."""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.dynamics.atmosphere import GRAVITY
from flight.sim.dynamics.stablemath import maximum
from flight.sim.jit import kernel

SQRT3 = 1.7320508075688772
_F1, _F2 = types.float64[::1], types.float64[:, ::1]


def normal(rng: np.random.Generator, shape) -> np.ndarray:
    """Approximately standard normal deviates with the same bits on every CPU: the sum of four uniforms, centred
    and scaled to unit variance (Irwin-Hall; bounded at +-3.46 sigma, which suits aiming errors)."""
    u = rng.random((4, *np.atleast_1d(shape)))
    return (u[0] + u[1] + u[2] + u[3] - 2.0) * SQRT3


@kernel
def normal1(u, k):
    """`normal`'s deviate k from its (4, K) uniforms flattened to rows: u[0, k] + u[1, k] + ... as numpy adds them."""
    return (u[0, k] + u[1, k] + u[2, k] + u[3, k] - 2.0) * SQRT3


@kernel
def dot(a0, a1, a2, b0, b1, b2):
    """a . b as np.einsum("...i,...i") sums it."""
    return 0.0 + ((a0 * b0 + a2 * b2) + a1 * b1)


@kernel
def norm1(a0, a1, a2):
    return np.sqrt(dot(a0, a1, a2, a0, a1, a2))


@kernel
def unit1(a0, a1, a2):
    """`unit` of one vector."""
    length = maximum(norm1(a0, a1, a2), 1e-12)
    return a0 / length, a1 / length, a2 / length


@kernel
def lead1(o0, o1, o2, v0, v1, v2, speed):
    """`lead` of one target: (aim x, y, z, time of flight)."""
    time = norm1(o0, o1, o2) / speed
    for _ in range(2):
        time = norm1(o0 + v0 * time, o1 + v1 * time, o2 + v2 * time) / speed
    p0, p1, p2 = o0 + v0 * time, o1 + v1 * time, o2 + v2 * time
    p2 = p2 - 0.5 * GRAVITY * time * time
    a0, a1, a2 = unit1(p0, p1, p2)
    return a0, a1, a2, time


@kernel(types.void(_F2, _F1))
def _norms(v, out):
    """Rows of 3 (or of 2, which einsum adds in order)."""
    for k in range(out.size):
        if v.shape[1] == 3:
            out[k] = norm1(v[k, 0], v[k, 1], v[k, 2])
        else:
            out[k] = np.sqrt(0.0 + v[k, 0] * v[k, 0] + v[k, 1] * v[k, 1])


def norm(v: np.ndarray) -> np.ndarray:
    """Lengths of the rows of v."""
    v = np.asarray(v, dtype=np.float64)
    out = np.empty(v.shape[:-1])
    if v.shape[-1] not in (2, 3):
        raise ValueError(f"norm takes rows of 2 or 3, not {v.shape[-1]}")
    _norms(np.ascontiguousarray(v).reshape(-1, v.shape[-1]), out.reshape(-1))
    return out


def unit(v: np.ndarray) -> np.ndarray:
    """Rows of v scaled to length 1 (zero rows stay zero)."""
    return v / np.maximum(norm(v), 1e-12)[..., None]
