"""Searchlights at dusk, dawn and night: a free light sweeps its search pattern (about its sound locator's cue when
it hears an engine) and catches an aircraft that crosses its beam, then follows it at its slew rate until it falls
behind. Kernels over the ground units' arrays (GroundUnits); the locator's error is drawn from the world's
generator between two stages of `find`. Imports numpy and numba only (and flight.sim).
"""
from __future__ import annotations

import math

import numpy as np
from numba import types

from flight.sim.dynamics import DT
from flight.sim.dynamics.stablemath import atan2_1, cos1, maximum, minimum, sin1
from flight.sim.jit import kernel
from flight.sim.world.combat.aiming import dot, normal1, norm1, unit1

SEARCHLIGHT = 2  # GROUND_KINDS.index("searchlight")
SEARCHLIGHT_RANGE = 6000.0
PICKUP_COS = cos1(math.radians(3.5))  # an aircraft this close to the beam's axis is caught in it
LOST_COS = cos1(math.radians(8.0))  # held targets the beam falls this far behind are lost
SLEW = 0.4  # rad/s the beam follows a held target
SWEEP_RATE, CUED_SWEEP_RATE = 0.15, 0.8  # rad/s of the sweep's phase: searching the sky, searching about a cue
LOCATOR_ERROR = 0.05  # rad: the sound locator's error (and the sound's lag), held for one engagement


class LightScratch:
    """Per-unit work arrays of `find`, made once."""

    def __init__(self, u: int):
        self.loudest = np.zeros(u, dtype=np.intp)
        self.new = np.zeros(u, dtype=bool)
        self.cued = np.zeros(u, dtype=bool)


def find(units, w: LightScratch, pos: np.ndarray, side: np.ndarray, allegiance: np.ndarray, crashed: np.ndarray,
         on_ground: np.ndarray, rng: np.random.Generator) -> None:
    """A free light catches an aircraft that crosses its beam; a holding one loses it when it falls behind. The
    sound locator beside each light cues its search to the nearest engine it hears, a few degrees out (a new cue
    draws its error)."""
    args = (units.kind, units.side, units.health, units.pos, units.beam, units.target, units.cued, units.cue,
            units.bias, pos, side, allegiance, crashed, on_ground, w.loudest, w.new, w.cued)
    k = _find(_NONE, *args)
    if k:
        _find(rng.random((4, k, 2)).reshape(4, 2 * k), *args)


_NONE = np.zeros((0, 0))
_F1, _F2, _B1, _I8, _I32, _IP = (types.float64[::1], types.float64[:, ::1], types.boolean[::1], types.int8[::1],
                                 types.int32[::1], types.intp[::1])


@kernel
def hostile1(u_side, n, side, allegiance, crashed):
    """Gunners of side `u_side` fire at aircraft n: not wrecked, and its markings or its crew the other side's."""
    return (side[n] != u_side or allegiance[n] != u_side) and not crashed[n]


@kernel(types.intp(_F2, _I8, _I8, _F1, _F2, _F2, _I32, _B1, _F2, _F2, _F2, _I8, _I8, _B1, _B1, _IP, _B1, _B1))
def _find(draws, kind, unit_side, health, unit_pos, beam, target, cued, cue, bias, pos, side, allegiance, crashed,
          on_ground, loudest, new, next_cued):
    """`find` in two stages: without draws, returns how many lights heard a new engine (then called again with
    `normal`'s (4, 2k) uniforms for their locators' errors); with them (or none needed), the cues."""
    n = pos.shape[0]
    if draws.shape[1] == 0:
        k = 0
        for u in range(kind.size):
            new[u] = next_cued[u] = False
            if not (kind[u] == SEARCHLIGHT and health[u] > 0.0) or n == 0:
                continue
            t = max(target[u], 0)
            first = quiet = -1
            caught = heard = np.inf
            keep = False
            for m in range(n):
                o0, o1, o2 = pos[m, 0] - unit_pos[u, 0], pos[m, 1] - unit_pos[u, 1], pos[m, 2] - unit_pos[u, 2]
                distance = norm1(o0, o1, o2)
                along = dot(o0, o1, o2, beam[u, 0], beam[u, 1], beam[u, 2]) / maximum(distance, 1.0)
                near = (hostile1(unit_side[u], m, side, allegiance, crashed) and not on_ground[m]
                        and distance < SEARCHLIGHT_RANGE)
                if m == t:
                    keep = near and along > LOST_COS
                if near and along > PICKUP_COS and (first < 0 or distance < caught):
                    first, caught = m, distance
                if near and (quiet < 0 or distance < heard):
                    quiet, heard = m, distance
            if target[u] >= 0:
                if not keep:
                    target[u] = -1
            else:
                target[u] = first
            loudest[u] = quiet
            next_cued[u] = target[u] < 0 and quiet >= 0
            new[u] = next_cued[u] and not cued[u]
            k += 1 if new[u] else 0
        if k:
            return k
    j = 0
    for u in range(kind.size):
        if new[u] and draws.shape[1]:
            bias[u, 0] = normal1(draws, 2 * j) * LOCATOR_ERROR
            bias[u, 1] = normal1(draws, 2 * j + 1) * LOCATOR_ERROR
            j += 1
        cued[u] = next_cued[u]
        if cued[u]:
            m = loudest[u]
            t0, t1, t2 = pos[m, 0] - unit_pos[u, 0], pos[m, 1] - unit_pos[u, 1], pos[m, 2] - unit_pos[u, 2]
            cue[u, 0] = atan2_1(t1, t0) + bias[u, 0]
            cue[u, 1] = atan2_1(-t2, np.sqrt(t0 * t0 + t1 * t1)) + bias[u, 1]
    return 0


@kernel
def _aim1(u, heading, sweep, cued, cue, beam):
    """The search pattern: uncued, the beam swings 60 degrees either side of the light's heading and nods between
    about 35 and 65 degrees up; cued, it searches 10 by 7 degrees about the cue."""
    centre_az = cue[u, 0] if cued[u] else heading[u]
    centre_el = cue[u, 1] if cued[u] else 0.87
    azimuth = centre_az + (0.17 if cued[u] else 1.0) * sin1(sweep[u])
    elevation = minimum(maximum(centre_el + (0.12 if cued[u] else 0.26) * sin1(0.63 * sweep[u] + 1.0), 0.1), 1.5)
    cos_el = cos1(elevation)
    beam[u, 0], beam[u, 1], beam[u, 2] = cos_el * cos1(azimuth), cos_el * sin1(azimuth), -sin1(elevation)


@kernel(types.void(_I8, _F1, _F1, _B1, _F2, _F2))
def aim_beams(kind, heading, sweep, cued, cue, beam):
    """Every light's beam along its search pattern."""
    for u in range(kind.size):
        if kind[u] == SEARCHLIGHT:
            _aim1(u, heading, sweep, cued, cue, beam)


@kernel(types.void(_I8, _F1, _F1, _B1, _F2, _I32, _F2, _F2, _F2))
def move_beams(kind, heading, sweep, cued, cue, target, unit_pos, beam, pos):
    """Free lights sweep their search pattern; a held target is followed at the light's slew rate (from where the
    beam was towards it, a unit vector)."""
    for u in range(kind.size):
        if kind[u] != SEARCHLIGHT:
            continue
        sweep[u] = sweep[u] + (CUED_SWEEP_RATE if cued[u] else SWEEP_RATE) * DT
        f0, f1, f2 = beam[u, 0], beam[u, 1], beam[u, 2]
        _aim1(u, heading, sweep, cued, cue, beam)
        if target[u] < 0:
            continue
        t = target[u]
        w0, w1, w2 = unit1(pos[t, 0] - unit_pos[u, 0], pos[t, 1] - unit_pos[u, 1], pos[t, 2] - unit_pos[u, 2])
        s0, s1, s2 = w0 - f0, w1 - f1, w2 - f2
        share = minimum(SLEW * DT / maximum(norm1(s0, s1, s2), 1e-9), 1.0)
        beam[u, 0], beam[u, 1], beam[u, 2] = unit1(f0 + s0 * share, f1 + s1 * share, f2 + s2 * share)


@kernel(types.void(_I8, _F1, _I32, _B1))
def hold(kind, health, target, held):
    """held[n] <- some burning light holds aircraft n."""
    for u in range(kind.size):
        if kind[u] == SEARCHLIGHT and health[u] > 0.0 and target[u] >= 0:
            held[target[u]] = True
