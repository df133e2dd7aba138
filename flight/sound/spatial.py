"""Where a sound is heard from: the listener (the camera) and each moving source's path to it. Every source writes its
mono samples into its own delay line and is read back `distance / 343 m/s` later, so a fly-by's pitch falls as it
passes (Doppler) and a distant gun is heard after its flash; the level falls with distance, highs fade with it
(air absorption) and behind the listener, and an equal-power pan follows the bearing. Imports numpy and numba."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from flight.sim.dynamics.quaternion import to_matrix
from flight.sim.jit import kernel

SPEED_OF_SOUND = 343.0  # m/s, air at 20 C
NEAR_M = 10.0  # full level inside this; beyond it the level falls as 1 / distance (6 dB per doubling)
RING = 1 << 17  # samples of each source's delay line: 5.9 s at 22,050 Hz, so 2 km of propagation
FAINTEST = NEAR_M / 2000.0  # sources beyond the delay line's 2 km (-46 dB) are not mixed
# air absorption as two one-pole low-passes: cut off at AIR_CUTOFF_HZ near, falling as AIR_FALLOFF_M / distance
# beyond NEAR_M (1.7 kHz at 600 m, where the air takes ~15 dB off 4 kHz: ISO 9613-1 at 20 C, 70 % humidity)
AIR_CUTOFF_HZ = 12000.0
AIR_FALLOFF_M = 100.0
BEHIND_CUTOFF_HZ = 1500.0  # the head's shadow: behind the listener, highs above this are cut to BEHIND_HIGHS
BEHIND_HIGHS = 0.25
# the ears' place in the body axes (x forward, y right, z down) of the aircraft they follow: the chase camera's
# behind and above (flight.app's ChaseCamera), the pilot's head in the cockpit
EARS_BODY = {"chase": (-16.0, 0.0, -4.0), "cockpit": (-0.6, 0.0, -0.9)}
# geometry per source, at a block's end, (M, GEOMETRY): distance m, gain, pan -1 left .. 1 right, how far behind
# 0 .. 1, air low-pass coefficient
DISTANCE, GAIN, PAN, BEHIND, AIR = range(5)
GEOMETRY = 5
# filter state per source (M, 3): the air's two low-passes and the behind low-pass
SPATIAL_STATE = 3


@dataclass(frozen=True)
class Listener:
    """The ears: `pos_ned` (3,) m and `r_ned_from_ears` (3, 3), whose columns are forward, right and down."""
    pos_ned: np.ndarray
    r_ned_from_ears: np.ndarray


def riding_listener(snapshot, index: int = 0, camera: str = "chase") -> Listener:
    """The ears of a camera riding with aircraft `index` (EARS_BODY), facing its way: for the offline render,
    which has no camera (the chase camera's spring, lagging a fraction of a second, is left out)."""
    r = to_matrix(snapshot.quat[index:index + 1])[0]
    return Listener(snapshot.pos[index] + r @ np.asarray(EARS_BODY[camera]), r)


def geometry(listener: Listener, points_ned: np.ndarray, rate: int) -> np.ndarray:
    """(M, GEOMETRY) of sources at `points_ned` (M, 3) as heard by `listener`."""
    rel = (points_ned - listener.pos_ned) @ listener.r_ned_from_ears  # forward, right, down
    distance = np.sqrt((rel * rel).sum(axis=1))
    safe = np.maximum(distance, 1e-6)
    out = np.empty((len(points_ned), GEOMETRY))
    out[:, DISTANCE] = distance
    out[:, GAIN] = NEAR_M / np.maximum(distance, NEAR_M)
    out[:, PAN] = np.clip(rel[:, 1] / safe, -1.0, 1.0) * np.minimum(distance, 1.0)  # centred when on the ears
    out[:, BEHIND] = np.clip(-rel[:, 0] / safe, 0.0, 1.0) * np.minimum(distance, 1.0)
    cutoff = AIR_CUTOFF_HZ / (1.0 + np.maximum(distance - NEAR_M, 0.0) / AIR_FALLOFF_M)
    out[:, AIR] = 1.0 - np.exp(-2.0 * math.pi * np.minimum(cutoff, 0.45 * rate) / rate)
    return out


@kernel
def spatialize(mono, ring, written, start, end, state, stereo, rate):
    """Mix each source's block `mono` (M, n) into `stereo` (n, 2) as heard through its delay line `ring` (M, RING),
    `written` samples into it so far, its geometry moving from `start` to `end` (M, GEOMETRY) across the block.
    Sources silent at both ends are written to their line but not read."""
    m_count, n = mono.shape
    mask = ring.shape[1] - 1
    behind_coef = 1.0 - math.exp(-2.0 * math.pi * BEHIND_CUTOFF_HZ / rate)
    longest = (ring.shape[1] - n - 2) / rate * SPEED_OF_SOUND
    for m in range(m_count):
        for k in range(n):
            ring[m, (written + k) & mask] = mono[m, k]
        s, e = start[m], end[m]
        if s[GAIN] < FAINTEST and e[GAIN] < FAINTEST:
            continue
        # equal-power pan gains at the block's ends, blended across it
        left0, right0 = s[GAIN] * math.sqrt(0.5 * (1.0 - s[PAN])), s[GAIN] * math.sqrt(0.5 * (1.0 + s[PAN]))
        left1, right1 = e[GAIN] * math.sqrt(0.5 * (1.0 - e[PAN])), e[GAIN] * math.sqrt(0.5 * (1.0 + e[PAN]))
        air1, air, low = state[m, 0], state[m, 1], state[m, 2]
        for k in range(n):
            t = (k + 1.0) / n
            distance = min(s[DISTANCE] + (e[DISTANCE] - s[DISTANCE]) * t, longest)
            at = written + k - distance / SPEED_OF_SOUND * rate
            i = math.floor(at)
            frac = at - i
            x = ring[m, int(i) & mask] * (1.0 - frac) + ring[m, int(i + 1) & mask] * frac
            coef = s[AIR] + (e[AIR] - s[AIR]) * t
            air1 += coef * (x - air1)
            air += coef * (air1 - air)
            low += behind_coef * (air - low)
            behind = s[BEHIND] + (e[BEHIND] - s[BEHIND]) * t
            y = low + (1.0 - behind * (1.0 - BEHIND_HIGHS)) * (air - low)
            stereo[k, 0] += y * (left0 + (left1 - left0) * t)
            stereo[k, 1] += y * (right0 + (right1 - right0) * t)
        state[m, 0], state[m, 1], state[m, 2] = air1, air, low
