"""How gunners aim: lead on a moving target, the drop of the bullet, and their errors as CPU-stable random
deviates (numpy's own `normal` falls back on exp/log in its tails, which may round differently from CPU to CPU).
Imports numpy only."""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics.atmosphere import GRAVITY

SQRT3 = 1.7320508075688772


def normal(rng: np.random.Generator, shape) -> np.ndarray:
    """Approximately standard normal deviates with the same bits on every CPU: the sum of four uniforms, centred
    and scaled to unit variance (Irwin-Hall; bounded at +-3.46 sigma, which suits aiming errors)."""
    u = rng.random((4, *np.atleast_1d(shape)))
    return (u[0] + u[1] + u[2] + u[3] - 2.0) * SQRT3


def norm(v: np.ndarray) -> np.ndarray:
    """Lengths of the rows of v."""
    return np.sqrt(np.einsum("...i,...i->...", v, v))


def unit(v: np.ndarray) -> np.ndarray:
    """Rows of v scaled to length 1 (zero rows stay zero)."""
    return v / np.maximum(norm(v), 1e-12)[..., None]


def scatter(rng: np.random.Generator, direction: np.ndarray, sigma) -> np.ndarray:
    """Unit directions deviated from `direction` (unit rows) by about `sigma` rad (one standard deviation each way
    across the line of fire)."""
    return unit(direction + normal(rng, direction.shape) * np.asarray(sigma)[..., None])


def lead(offset: np.ndarray, relative_velocity: np.ndarray, speed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where to point to hit a target `offset` (K, 3) away moving at `relative_velocity` with a projectile of
    average speed `speed` (K,): the aim direction (unit rows, NED) and the time of flight (K,). Two fixed-point
    steps on the flight time, then aim above the point by the drop under gravity."""
    time = norm(offset) / speed
    for _ in range(2):
        time = norm(offset + relative_velocity * time[:, None]) / speed
    point = offset + relative_velocity * time[:, None]
    point[:, 2] -= 0.5 * GRAVITY * time * time
    return unit(point), time
