"""Each aircraft's airframe as a sound source at its centre of gravity: the wind's rush, the bracing wires singing
and the low rumble of buffet near the stall or of the wheels on the ground (flight.sound.voices.airframe_block),
and the short sounds laid on it at their tick: its guns' reports, a touchdown's thump, creaks under g, a gun
jamming. Imports numpy and numba only."""
from __future__ import annotations

import numpy as np

from flight.sound import voices as v
from flight.sound.one_shots import clank, creak, gun_report, thump
from flight.sound.sound_spec import curve_gains

REPORT_VARIANTS = 4  # reports per gun type, used in turn so a burst does not ring like one sample repeated
PENDING = 1 << 14  # samples of the ring the short sounds are laid into ahead of the blocks that play them
WHEELS_FULL_MS = 25.0  # ground speed at which the wheels rumble their loudest
THUMP_FULL_MS = 3.0  # sink rate of the loudest touchdown thump
STARTS = [v.WIND_GAIN0, v.WIND_COEF0, v.RUMBLE0, v.WIRES0, v.WIRES_HZ0]  # the parameters at a block's start ...
ENDS = [v.WIND_GAIN1, v.WIND_COEF1, v.RUMBLE1, v.WIRES1, v.WIRES_HZ1]  # ... and at its end
CREAK_FROM_G, CREAK_FULL_G = 3.0, 5.5  # the airframe starts to creak, and creaks as often as it can (1 a 0.3 s)


def hash_name(name: str) -> int:
    """A small stable number from a type name (Python's hash() changes between runs)."""
    return sum((k + 1) * ord(ch) for k, ch in enumerate(name)) % 10007


class Airframes:
    """The airframes of the fleet's `specs`, by `types` (SoundMixer's: spec, engine indices, aircraft indices);
    `noise` is their slice of the mixer's noise states (a view: they advance in place)."""

    def __init__(self, specs, types, seed: int, rate: int, noise: np.ndarray):
        self.specs, self.types, self.rate, self.noise = specs, types, rate, noise
        self.per_type = [(spec, aircraft) for spec, _, aircraft in types]  # each type's aircraft
        n = len(specs)
        self.params = np.zeros((n, v.AIRFRAME_PARAMS))
        self.wire_diameter = 1e-3 * np.array([spec.wire_diameter_mm for spec in specs])  # m
        self.state = np.zeros((n, v.AIRFRAME_STATE))
        self.reports = {spec.name: [gun_report(seed + 7919 * k + hash_name(spec.name)) * spec.gun_loudness
                                    for k in range(REPORT_VARIANTS)] for spec, _, _ in types}
        self.thump, self.clank = thump(seed + 5), clank(seed + 6)
        self.creaks = [creak(seed + 7 + k) * 0.4 for k in range(3)]
        self.rng = np.random.Generator(np.random.PCG64(seed + 1916))  # the creaks' own: never the simulation's
        self.pending = np.zeros((n, PENDING))  # laid-in short sounds, by sample number modulo PENDING
        self.pending_until = 0  # the sample after the last one laid in
        self.shots = 0  # reports laid, to take the variants in turn
        self.on_ground: np.ndarray | None = None  # the last block's, to hear a touchdown
        self.jammed: np.ndarray | None = None

    def block(self, s, count: int, written: int, fresh: bool, gap: int | None, volumes) -> np.ndarray:
        """(N, count) samples from snapshot `s`, the block starting at sample `written`; `gap` ticks since the
        last block (None: a new start, nothing to catch up on), `fresh` on the very first."""
        p = self.params
        speed = s.airspeed
        p[:, STARTS] = p[:, ENDS]  # this block starts where the last one ended
        flying = ~s.crashed * volumes.ambience
        p[:, v.WIND_GAIN1] = curve_gains(self.per_type, "wind_volume", speed) * flying
        p[:, v.WIND_COEF1] = v.lowpass_coefficient(300.0 + 25.0 * np.minimum(speed, 120.0), self.rate)
        ground_speed = np.sqrt(s.vel[:, 0] ** 2 + s.vel[:, 1] ** 2)
        wheels = s.on_ground * np.minimum(ground_speed / WHEELS_FULL_MS, 1.0) * 0.5
        buffet = curve_gains(self.per_type, "buffet_volume", np.degrees(s.alpha))
        p[:, v.RUMBLE1] = (buffet * ~s.on_ground + wheels) * flying
        p[:, v.WIRES1] = curve_gains(self.per_type, "wires_volume", speed) * flying
        p[:, v.WIRES_HZ1] = 0.2 * speed / self.wire_diameter
        if fresh:
            p[:, STARTS] = p[:, ENDS]
        out = np.empty((len(p), count))
        v.airframe_block(p, self.state, self.noise, out, self.rate)
        if gap:
            self._lay_events(s, count, written, gap, volumes)
        self.on_ground, self.jammed = s.on_ground.copy(), None if s.jammed is None else s.jammed.copy()
        if self.pending_until > written:  # the block's stretch of the ring, in one or two slices
            at = written % PENDING
            first = min(count, PENDING - at)
            for ring, block in ((slice(at, at + first), slice(0, first)),
                                (slice(0, count - first), slice(first, count))):
                out[:, block] += self.pending[:, ring]
                self.pending[:, ring] = 0.0
        return out

    def _lay(self, i: int, sound: np.ndarray, start: int) -> None:
        at = start % PENDING
        first = min(len(sound), PENDING - at)  # up to the ring's end, the rest from its start
        self.pending[i, at:at + first] += sound[:first]
        self.pending[i, :len(sound) - first] += sound[first:]
        self.pending_until = max(self.pending_until, start + len(sound))

    def _lay_events(self, s, count: int, written: int, gap: int, volumes) -> None:
        """The guns' rounds of the ticks since the last block at their ticks (the world stamps what happens in a
        tick with the tick's number before it advances: the snapshot after tick T holds ticks T - gap .. T - 1;
        at most one round a gun, as guns fire ten ticks apart or more and blocks span a frame); a touchdown, a
        creak under g and a jam at the block's start."""
        if s.combat is not None and s.combat.gun_shot_tick is not None:
            shot_tick = s.combat.gun_shot_tick
            for i, g in zip(*(index.tolist() for index in np.nonzero(shot_tick >= s.tick - gap))):
                report = self.reports[self.specs[i].name][self.shots % REPORT_VARIANTS]
                self._lay(i, report * volumes.guns, written + int((shot_tick[i, g] - (s.tick - gap)) * count / gap))
                self.shots += 1
        if self.on_ground is not None:
            for i in np.nonzero(s.on_ground & ~self.on_ground & ~s.crashed)[0]:
                sink = max(float(s.vel[i, 2]), 0.5)
                self._lay(i, self.thump * (min(sink / THUMP_FULL_MS, 1.0) * volumes.ambience), written)
        over = np.maximum(np.abs(s.specific_force[:, 2]) - CREAK_FROM_G, 0.0)
        load = np.minimum(over / (CREAK_FULL_G - CREAK_FROM_G), 1.0)
        chance = load * min(gap * 2.0 / 36.0, 1.0)  # at full load a creak every 36 ticks (0.3 s)
        for i in np.nonzero(self.rng.random(len(load)) < chance)[0]:
            creaked = self.creaks[int(self.rng.integers(len(self.creaks)))]
            self._lay(i, creaked * (load[i] * volumes.ambience), written)
        if self.jammed is not None and s.jammed is not None:
            for i in np.nonzero((s.jammed & ~self.jammed).any(axis=1))[0]:
                self._lay(i, self.clank * volumes.guns, written)
