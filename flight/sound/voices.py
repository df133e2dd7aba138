"""The sources' waveforms, one block at a time for every source at once: engines (a pulse per cylinder firing, the
propeller's whirr) and airframes (the wind's rush, buffet and wheels' rumble, the wires singing). Compiled with
numba because each sample depends on the one before (phases, filters, the noise generator's state); every
recursion's state is kept between blocks, so blocks join without a click and the same inputs give the same
samples. Imports numpy and numba only (through flight.sim.jit)."""
from __future__ import annotations

import math

import numpy as np

from flight.sim.jit import kernel

# engine parameters per block, (M, ENGINE_PARAMS): the firing and the propeller's blade rates (Hz) at the block's
# start and end, the note's target gain, the whirr's gains at start and end, pulse sharpness, exhaust share,
# the note's low-pass coefficient, the chance that a firing misses (a damaged engine)
FIRE0, FIRE1, BLADE0, BLADE1, GAIN, WHIRR0, WHIRR1, SHARP, EXHAUST, BRIGHT, MISFIRE = range(11)
ENGINE_PARAMS = 11
# engine state, (M, ENGINE_STATE): firing phase, propeller phase, the note's smoothed gain, its low-pass, this
# firing's strength (0.1 on a miss), and two low-passes of the whirr's noise
PHASE, BLADE_PHASE, SMOOTH_GAIN, NOTE_LOW, STRENGTH, WHIRR_LOW, WHIRR_LOW2 = range(7)
ENGINE_STATE = 7
# airframe parameters (M, AIRFRAME_PARAMS), each at the block's start and end: the wind's gain and low-pass
# coefficient, the low rumble's gain (buffet near the stall, wheels on the ground), the wires' tone gain and Hz;
# state: the wind's two poles, the rumble's two, the wires' phase
WIND_GAIN0, WIND_GAIN1, WIND_COEF0, WIND_COEF1, RUMBLE0, RUMBLE1, WIRES0, WIRES1, WIRES_HZ0, WIRES_HZ1 = range(10)
AIRFRAME_PARAMS, AIRFRAME_STATE = 10, 5
RUMBLE_COEF = 0.02  # the rumble's low-pass, ~70 Hz at 22 kHz: a shudder felt more than heard
GAIN_TIME = 0.003  # s: how fast an engine's note follows its gain; the blip switch cuts it 20 dB in ~15 ms


def lowpass_coefficient(cutoff_hz, rate: int):
    """The coefficient a of the one-pole low-pass y += a (x - y) with this -3 dB cutoff (array or float)."""
    return 1.0 - np.exp(-2.0 * math.pi * np.asarray(cutoff_hz, dtype=float) / rate)


def new_noise(count: int, seed: int) -> np.ndarray:
    """(count,) uint64 states of the sources' noise generators, from the mixer's seed."""
    return np.random.default_rng(seed).integers(1, 2**63, size=count, dtype=np.uint64) | np.uint64(1)


@kernel
def _white(noise, m):
    """Next white-noise sample of source m, -1..1 (a 64-bit LCG: Knuth's MMIX constants)."""
    noise[m] = noise[m] * np.uint64(6364136223846793005) + np.uint64(1442695040888963407)
    return (noise[m] >> np.uint64(11)) * (2.0 / 9007199254740992.0) - 1.0


@kernel
def _sin_turns(x):
    """sin(2 pi x) for any x, to 0.1 %: a parabola per half-turn, refined (the sine of an oscillator, cheaper than
    libm's; the engines' phases need no more)."""
    u = 2.0 * (x - math.floor(x)) - 1.0  # -1 .. 1; sin(2 pi x) = -sin(pi u)
    p = 4.0 * u * (1.0 - abs(u))
    return -(0.225 * (p * abs(p) - p) + p)


@kernel
def engines_block(params, state, noise, out, rate):
    """Fill out (M, n) with each engine's sound for one block, advancing `state` and `noise` in place. An engine
    silent all through the block (cut, dead, or the volume down) costs a row of zeros."""
    m_count, n = out.shape
    smooth = 1.0 - math.exp(-1.0 / (GAIN_TIME * rate))
    for m in range(m_count):
        p = params[m]
        phase, blade, gain, low = state[m, PHASE], state[m, BLADE_PHASE], state[m, SMOOTH_GAIN], state[m, NOTE_LOW]
        strength, whirr_low, whirr_low2 = state[m, STRENGTH], state[m, WHIRR_LOW], state[m, WHIRR_LOW2]
        if p[GAIN] == 0.0 and abs(gain) < 1e-5 and abs(low) < 1e-5 and p[WHIRR0] == 0.0 and p[WHIRR1] == 0.0:
            out[m, :] = 0.0
            state[m, SMOOTH_GAIN], state[m, NOTE_LOW] = 0.0, 0.0
            continue
        sharp, exhaust, bright = p[SHARP], p[EXHAUST], p[BRIGHT]
        mean = (1.0 - math.exp(-sharp)) / sharp  # the pulse's average over a cycle, taken out so it buzzes round 0
        # the firing's pulse exp(-sharp phase) decays by a constant factor a sample at the block's mean rate
        decay = math.exp(-sharp * 0.5 * (p[FIRE0] + p[FIRE1]) / rate)
        pulse = math.exp(-sharp * phase)
        # phase steps (turns a sample) ramp linearly from the block's start rate to its end rate
        step, step_change = p[FIRE0] / rate, (p[FIRE1] - p[FIRE0]) / (rate * n)
        blade_step, blade_change = p[BLADE0] / rate, (p[BLADE1] - p[BLADE0]) / (rate * n)
        whirr, whirr_change = p[WHIRR0], (p[WHIRR1] - p[WHIRR0]) / n
        whirring = p[WHIRR0] != 0.0 or p[WHIRR1] != 0.0
        for k in range(n):
            step += step_change
            phase += step
            pulse *= decay
            white = _white(noise, m)
            if phase >= 1.0:  # a cylinder fires
                phase -= math.floor(phase)
                pulse = math.exp(-sharp * phase)
                strength = 0.1 if (white + 1.0) * 0.5 < p[MISFIRE] else 1.0
            note = (1.0 - exhaust) * (0.7 * (pulse - mean) + 0.5 * _sin_turns(phase))
            note += exhaust * 1.5 * white * pulse
            gain += smooth * (p[GAIN] - gain)
            low += bright * (strength * gain * note - low)
            blade_step += blade_change
            blade += blade_step
            if blade >= 1.0:
                blade -= math.floor(blade)
            whirr += whirr_change
            if whirring:
                whirr_low += 0.08 * (white - whirr_low)  # ~300 Hz at 22 kHz: a soft swish
                whirr_low2 += 0.08 * (whirr_low - whirr_low2)
                beat = 0.55 + 0.45 * _sin_turns(blade + 0.25)  # a blade passing the ear
                out[m, k] = low + whirr * beat * (6.0 * whirr_low2 + 0.3 * _sin_turns(blade))
            else:
                out[m, k] = low
        state[m, PHASE], state[m, BLADE_PHASE], state[m, SMOOTH_GAIN], state[m, NOTE_LOW] = phase, blade, gain, low
        state[m, STRENGTH], state[m, WHIRR_LOW], state[m, WHIRR_LOW2] = strength, whirr_low, whirr_low2


@kernel
def airframe_block(params, state, noise, out, rate):
    """Fill out (M, n) with each airframe's sound: the wind's rush (white noise through two one-pole low-passes
    whose cutoff rises with airspeed: a murmur when slow, a hiss at speed), a low rumble (buffet, the wheels) and
    the bracing wires singing (a tone wavering with the wind)."""
    m_count, n = out.shape
    rumble_scale = 2.5 / math.sqrt(RUMBLE_COEF)
    for m in range(m_count):
        p = params[m]
        a, b, low, low2, wire = state[m, 0], state[m, 1], state[m, 2], state[m, 3], state[m, 4]
        # a low-pass of white noise keeps about sqrt(coef) of its level: the wind's gain is divided by it (taken
        # at the block's ends), so its level follows the curve whatever its cutoff
        wind0 = p[WIND_GAIN0] * 2.5 / math.sqrt(p[WIND_COEF0])
        wind1 = p[WIND_GAIN1] * 2.5 / math.sqrt(p[WIND_COEF1])
        wiring = p[WIRES0] != 0.0 or p[WIRES1] != 0.0
        for k in range(n):
            t = (k + 1.0) / n
            white = _white(noise, m)
            coef = p[WIND_COEF0] + (p[WIND_COEF1] - p[WIND_COEF0]) * t
            a += coef * (white - a)
            b += coef * (a - b)
            sample = (wind0 + (wind1 - wind0) * t) * b
            low += RUMBLE_COEF * (white - low)
            low2 += RUMBLE_COEF * (low - low2)
            sample += (p[RUMBLE0] + (p[RUMBLE1] - p[RUMBLE0]) * t) * low2 * rumble_scale
            if wiring:
                wire += (p[WIRES_HZ0] + (p[WIRES_HZ1] - p[WIRES_HZ0]) * t) / rate
                if wire >= 1.0:
                    wire -= math.floor(wire)
                sample += (p[WIRES0] + (p[WIRES1] - p[WIRES0]) * t) * (0.7 + 3.0 * b) * _sin_turns(wire)
            out[m, k] = sample
        state[m, 0], state[m, 1], state[m, 2], state[m, 3], state[m, 4] = a, b, low, low2, wire


@kernel
def _lowpass(samples, coef, out):
    y = 0.0
    for k in range(samples.shape[0]):
        y += coef * (samples[k] - y)
        out[k] = y


def lowpassed(samples: np.ndarray, coef: float) -> np.ndarray:
    """`samples` through a one-pole low-pass of coefficient `coef` (lowpass_coefficient), as float32."""
    out = np.empty(len(samples), dtype=np.float32)
    _lowpass(np.asarray(samples, dtype=np.float64), float(coef), out)
    return out
