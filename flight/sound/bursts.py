"""Sounds that go off at a fixed place and are played whole: flak bursts, wrecks exploding, ground guns firing. Each
is heard `distance / 343 m/s` after it happened, its highs taken off by the air on the way (by its distance when
it went off), panned and attenuated as the listener moves. Imports numpy only."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.sound.spatial import AIR, GAIN, PAN, SPEED_OF_SOUND, Listener, geometry
from flight.sound.voices import lowpassed

MOST = 48  # bursts sounding at once: past it the oldest is dropped (a barrage is a roar either way)


@dataclass
class Burst:
    samples: np.ndarray  # (k,) already filtered for its distance, scaled by its category's volume
    pos_ned: np.ndarray  # (3,)
    arrives: int  # the sample (counted from the mixer's start) at which it reaches the listener


class Bursts:
    """The bursts still sounding or on their way."""

    def __init__(self, rate: int):
        self.rate = rate
        self.sounding: list[Burst] = []

    def clear(self) -> None:
        self.sounding.clear()

    def add(self, samples: np.ndarray, pos_ned: np.ndarray, at_sample: int, listener: Listener) -> None:
        """A burst that went off at sample `at_sample` at `pos_ned`, as heard from where the listener is now."""
        g = geometry(listener, pos_ned[None, :], self.rate)[0]
        distance = float(np.linalg.norm(pos_ned - listener.pos_ned))
        arrives = at_sample + round(distance / SPEED_OF_SOUND * self.rate)
        heard = lowpassed(lowpassed(samples, g[AIR]), g[AIR])  # the air's two poles, as spatialize applies them
        self.sounding.append(Burst(heard, np.asarray(pos_ned, dtype=float), arrives))
        if len(self.sounding) > MOST:
            self.sounding.pop(0)

    def mix(self, stereo: np.ndarray, start: int, listener: Listener) -> None:
        """Add the part of every burst that falls in the block of `stereo` (n, 2) from sample `start`."""
        n = len(stereo)
        heard = [b for b in self.sounding if b.arrives < start + n and b.arrives + len(b.samples) > start]
        if heard:
            g = geometry(listener, np.array([b.pos_ned for b in heard]), self.rate)  # one call for them all
            left, right = g[:, GAIN] * np.sqrt(0.5 * (1.0 - g[:, PAN])), g[:, GAIN] * np.sqrt(0.5 * (1.0 + g[:, PAN]))
            for burst, to_left, to_right in zip(heard, left, right):
                first, last = max(start, burst.arrives), min(start + n, burst.arrives + len(burst.samples))
                part = burst.samples[first - burst.arrives:last - burst.arrives]
                stereo[first - start:last - start] += part[:, None] * (to_left, to_right)
        self.sounding = [b for b in self.sounding if b.arrives + len(b.samples) > start + n]
