"""Scripted snapshots for the sound's tests: the fields SoundMixer reads, set by hand (a fake, not a World), and
helpers that read rendered samples back: levels in dB and a spectrum's strongest frequency."""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from flight.sim.dynamics import DT
from flight.sound.one_shots import RATE
from flight.sound.replay_audio import sample_of
from flight.sound.sound_mixer import SoundMixer, Volumes
from flight.sound.spatial import Listener

LEVEL = np.eye(3)  # facing north, wings level


def snapshot(tick: int, n: int = 1, rpm=1250.0, throttle=1.0, blip=0.0, airspeed=0.0, pos=None, engines: int = 1,
             health=None, shots=None, alpha_deg=2.0, on_ground=False, sink=0.0, jammed=False, g=1.0):
    """Aircraft facing north; `pos` (n, 3) NED (default 1,000 m up), velocity north at `airspeed` (and down at
    `sink`)."""
    pos = np.array([[0.0, 0.0, -1000.0]] * n) if pos is None else np.asarray(pos, dtype=float).reshape(n, 3)
    combat = None if shots is None else SimpleNamespace(gun_shot_tick=np.asarray(shots), ground_shot_tick=None,
                                                        event_kind=np.zeros(0), event_pos=np.zeros((0, 3)),
                                                        event_age=np.zeros(0), bullet_pos=None)
    return SimpleNamespace(
        tick=tick, pos=pos, quat=np.tile([1.0, 0.0, 0.0, 0.0], (n, 1)), vel=np.tile([airspeed, 0.0, sink], (n, 1)),
        alpha=np.full(n, np.radians(alpha_deg)), on_ground=np.full(n, on_ground), jammed=np.full((n, 2), jammed),
        specific_force=np.tile([0.0, 0.0, -g], (n, 1)),
        airspeed=np.full(n, float(airspeed)), rpm=np.full(n, float(rpm)), engine_rpm=np.full((n, engines), rpm),
        engine_health=np.ones((n, engines)) if health is None else np.asarray(health, dtype=float).reshape(n, engines),
        controls=np.tile([0.0, 0.0, 0.0, throttle, 0.0, blip], (n, 1)), fuel=np.full(n, 50.0),
        crashed=np.zeros(n, dtype=bool), combat=combat, gate=None)


def ears(pos=(0.0, 0.0, -1000.0)) -> Listener:
    return Listener(np.asarray(pos, dtype=float), LEVEL)


def render(mixer: SoundMixer, snapshots, listener, volumes: Volumes = Volumes()) -> np.ndarray:
    """The blocks of `snapshots` (a tick apart or more) joined: (samples, 2) float, each block the samples of its
    ticks, as flight replay --audio renders them. `listener` is one Listener or a function of the snapshot."""
    blocks, last = [], None
    for s in snapshots:
        count = sample_of(s.tick) - sample_of(last if last is not None else s.tick - 2)
        heard = listener(s) if callable(listener) else listener
        blocks.append(mixer.render(s, heard, count, volumes))
        last = s.tick
    return np.concatenate(blocks).astype(float)


def db(samples: np.ndarray) -> float:
    return 20.0 * np.log10(np.sqrt(np.mean(np.square(samples))) + 1e-12)


def peak_hz(samples: np.ndarray, low: float = 20.0, high: float = 400.0) -> float:
    """The strongest frequency between `low` and `high` (a Hann window, zero-padded 8x, parabolic peak)."""
    mono = samples.mean(axis=1) if samples.ndim == 2 else samples
    spectrum = np.abs(np.fft.rfft(mono * np.hanning(len(mono)), 8 * len(mono)))
    freq = np.fft.rfftfreq(8 * len(mono), 1.0 / RATE)
    band = np.nonzero((freq > low) & (freq < high))[0]
    k = band[np.argmax(spectrum[band])]
    a, b, c = np.log(spectrum[k - 1:k + 2] + 1e-12)
    return float(freq[k] + 0.5 * (a - c) / (a - 2 * b + c) * (freq[1] - freq[0]))


def seconds_of(ticks: int) -> float:
    return ticks * DT
