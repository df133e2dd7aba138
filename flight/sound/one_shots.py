"""Short sounds made once from a seed and played whole: a machine gun's report, a flak shell's burst, a bomb or a
wreck going up, the grenade at the gate. Samples -1..1 at RATE, built with vectorised numpy; the same seed gives
the same samples."""
from __future__ import annotations

import io
import wave

import numpy as np

RATE = 22050  # Hz: every sound of the game, live and rendered (engine notes and gun reports sit well under 11 kHz)


def _decay(t: np.ndarray, seconds: float) -> np.ndarray:
    return np.exp(-t / seconds)


def _brown(rng: np.random.Generator, count: int, drift_samples: int) -> np.ndarray:
    """Brown noise (a rumble) with its slow drift taken out, peak 1."""
    rumble = np.cumsum(rng.normal(0.0, 1.0, count))
    rumble -= np.convolve(rumble, np.ones(drift_samples) / drift_samples, mode="same")
    return rumble / np.abs(rumble).max()


def blast(seconds: float = 2.5, seed: int = 1917) -> np.ndarray:
    """A stick grenade going off a few yards away: a hard crack, then a low rolling thump that dies away. Brown
    noise (the low rumble) under a short white-noise crack, each with its own decay."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * RATE)) / RATE
    rumble = _brown(rng, t.size, 400)
    crack = rng.normal(0.0, 1.0, t.size) * _decay(t, 0.012)
    sound = 0.85 * rumble * _decay(t, 0.45) * np.minimum(t / 0.004, 1.0) + 0.6 * crack
    return sound / np.abs(sound).max()


def gun_report(seed: int, seconds: float = 0.09) -> np.ndarray:
    """One round of a rifle-calibre machine gun heard close by: the muzzle's crack (a millisecond of noise), the
    report's body (a thump near 150 Hz dying in ~20 ms) and the lock's clack."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * RATE)) / RATE
    crack = rng.normal(0.0, 1.0, t.size) * _decay(t, 0.0015)
    body = np.sin(2 * np.pi * (140.0 + 30.0 * rng.random()) * t) * _decay(t, 0.02)
    body += 0.5 * _brown(rng, t.size, 60) * _decay(t, 0.03)
    clack = rng.normal(0.0, 1.0, t.size) * _decay(np.maximum(t - 0.035, 0.0), 0.002) * (t > 0.035)
    sound = 0.8 * crack + 0.9 * body + 0.15 * clack
    return sound * (0.25 / np.sqrt(np.mean(sound[: round(0.03 * RATE)] ** 2)))  # every round as loud (not its peak)


def flak_woof(seed: int, seconds: float = 1.6) -> np.ndarray:
    """An anti-aircraft shell bursting some way off: the 'woof' of a dull, low thump and a short rumble (the crack
    is lost with distance; the mixer's air absorption takes the rest of the highs off)."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * RATE)) / RATE
    thump = _brown(rng, t.size, 200) * _decay(t, 0.18) * np.minimum(t / 0.01, 1.0)
    thump += 0.6 * np.sin(2 * np.pi * 55.0 * t) * _decay(t, 0.12)
    crack = rng.normal(0.0, 1.0, t.size) * _decay(t, 0.004)
    sound = thump + 0.25 * crack
    return sound / np.abs(sound).max()


def thump(seed: int, seconds: float = 0.3) -> np.ndarray:
    """Wheels meeting the ground hard: a dull low thud and the airframe's rattle."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * RATE)) / RATE
    sound = np.sin(2 * np.pi * 45.0 * t) * _decay(t, 0.06) + 0.5 * _brown(rng, t.size, 100) * _decay(t, 0.05)
    sound += 0.15 * rng.normal(0.0, 1.0, t.size) * _decay(t, 0.01)
    return sound / np.abs(sound).max()


def clank(seed: int, seconds: float = 0.25) -> np.ndarray:
    """Metal on metal: a gun jamming, or its cocking handle worked to clear it. A few inharmonic ringing partials."""
    return _ringing(seed, seconds, 900.0, (1.0, 2.76, 5.40), ring_s=0.04, click=(1.0, 0.003))


def thwack(seed: int, seconds: float = 0.12) -> np.ndarray:
    """A round striking wood (a fuselage's longerons, a ground unit): a sharp crack and a hollow knock."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * RATE)) / RATE
    sound = rng.normal(0.0, 1.0, t.size) * _decay(t, 0.004)
    sound += 0.8 * np.sin(2 * np.pi * (300.0 + 200.0 * rng.random()) * t) * _decay(t, 0.015)
    return sound / np.abs(sound).max()


def fabric_rip(seed: int, seconds: float = 0.08) -> np.ndarray:
    """A round through doped linen (the wings): a papery snap, bright noise flapping for a few milliseconds."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * RATE)) / RATE
    noise = rng.normal(0.0, 1.0, t.size)
    sound = np.diff(noise, prepend=0.0) * _decay(t, 0.006) * (1.0 + 0.5 * np.sin(2 * np.pi * 90.0 * t))
    return sound / np.abs(sound).max()


def metal_strike(seed: int, seconds: float = 0.3) -> np.ndarray:
    """A round striking the engine or a cowling: a hard ping ringing high, as struck sheet and steel do."""
    return _ringing(seed, seconds, 1700.0, (1.0, 1.93, 3.1), ring_s=0.06, click=(1.5, 0.002))


def _ringing(seed: int, seconds: float, base_hz: float, ratios, ring_s: float, click) -> np.ndarray:
    """Struck metal: inharmonic partials of `base_hz` (each a few percent off, by the seed), the higher dying
    sooner, over the blow's click (its strength and decay, s)."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * RATE)) / RATE
    partials = base_hz * np.array(ratios) * (1.0 + 0.05 * rng.random(len(ratios)))
    sound = sum(np.sin(2 * np.pi * f * t) * _decay(t, ring_s / (k + 1)) for k, f in enumerate(partials))
    sound += click[0] * rng.normal(0.0, 1.0, t.size) * _decay(t, click[1])
    return sound / np.abs(sound).max()


def bullet_crack(seed: int, seconds: float = 0.03) -> np.ndarray:
    """A round passing close, faster than sound: its shock wave's N (a jump up, a straight fall through zero, a
    jump back, half a millisecond in all) and a brief hiss of the air it tore."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * RATE)) / RATE
    n_wave = max(round(0.0005 * RATE), 3)
    sound = 0.15 * rng.normal(0.0, 1.0, t.size) * _decay(t, 0.003)
    sound[:n_wave] += np.linspace(1.0, -1.0, n_wave)
    return sound / np.abs(sound).max()


def bell(seed: int, seconds: float = 2.5, strike_hz: float = 620.0) -> np.ndarray:
    """One stroke of a small iron bell: a bell's inharmonic partials (hum, prime, minor third, fifth, octave and
    above, as church bells are tuned), the higher dying faster, on the clapper's click."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * RATE)) / RATE
    ratios = np.array([0.5, 1.0, 1.2, 1.5, 2.0, 2.5, 2.67])
    amplitude = np.array([0.5, 1.0, 0.6, 0.3, 0.5, 0.25, 0.2])
    sound = sum(a * np.sin(2 * np.pi * strike_hz * r * (1.0 + 0.002 * rng.normal()) * t) * _decay(t, 1.2 / r)
                for a, r in zip(amplitude, ratios))
    sound += 0.3 * rng.normal(0.0, 1.0, t.size) * _decay(t, 0.002)
    return sound / np.abs(sound).max()


def creak(seed: int, seconds: float = 0.3) -> np.ndarray:
    """Spruce and wire under load: a stick-slip creak, clicks 40-70 a second each ringing the wood near 500 Hz,
    swelling and fading."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * RATE)) / RATE
    clicks = np.zeros(t.size)
    at = np.cumsum(rng.uniform(RATE / 70.0, RATE / 40.0, 40)).astype(int)
    clicks[at[at < t.size]] = 1.0
    ring = np.sin(2 * np.pi * (450.0 + 150.0 * rng.random()) * t[:400]) * _decay(t[:400], 0.004)
    sound = np.convolve(clicks, ring)[: t.size] * np.sin(np.pi * t / seconds)
    return sound / np.abs(sound).max()


# a shouted vowel's first three formants, Hz (Peterson and Barney's averages for men): "Halt!", "Hier!", "Los!"
VOWELS = ((730.0, 1090.0, 2440.0), (270.0, 2290.0, 3010.0), (570.0, 840.0, 2410.0))


def shout(seed: int, seconds: float = 0.55) -> np.ndarray:
    """A man shouting a word across the wire: a raised voice's buzz (a pulse train gliding up and down from about
    200 Hz) through a vowel's three formants, filtered in one FFT, with a hard start and a tailing end."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * RATE)) / RATE
    pitch = (170.0 + 60.0 * rng.random()) * (1.0 + 0.25 * np.sin(np.pi * t / seconds))
    phase = np.cumsum(pitch) / RATE
    buzz = 2.0 * (phase - np.floor(phase)) - 1.0 + 0.05 * rng.normal(0.0, 1.0, t.size)
    spectrum = np.fft.rfft(buzz)
    freq = np.fft.rfftfreq(t.size, 1.0 / RATE)
    formants = VOWELS[int(rng.integers(len(VOWELS)))]
    shape = sum(np.exp(-0.5 * ((freq - f) / (60.0 + 0.05 * f)) ** 2) / (k + 1) for k, f in enumerate(formants))
    voice = np.fft.irfft(spectrum * shape, t.size)
    envelope = np.minimum(t / 0.02, 1.0) * np.minimum((seconds - t) / 0.15, 1.0)
    sound = voice * envelope
    return sound / np.abs(sound).max()


def wav_bytes(samples: np.ndarray, rate: int = RATE) -> bytes:
    """A 16-bit PCM WAV of `samples` (n,) mono or (n, 2) stereo: int16 as they are, floats clipped to -1..1."""
    samples = np.asarray(samples)
    pcm = samples if samples.dtype == np.int16 else to_pcm16(samples)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1 if samples.ndim == 1 else samples.shape[1])
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.astype("<i2").tobytes())
    return buffer.getvalue()


def to_pcm16(samples: np.ndarray) -> np.ndarray:
    """-1..1 floats as little-endian 16-bit integers (the WAV's and Panda3D's stream's format)."""
    return np.round(np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2")
