"""The war on the horizon: the guns of the front heard from far off, a heavy shell's boom every few seconds from
5-9 km away, its highs taken by the air on the way, whatever the listener is doing. Drawn from the mixer's own
seeded generator (the simulation's is never touched), so the same blocks give the same booms."""
from __future__ import annotations

import numpy as np

from flight.sound.bursts import Bursts
from flight.sound.one_shots import RATE, blast
from flight.sound.spatial import SPEED_OF_SOUND, Listener

MEAN_GAP_S = 5.0  # between booms, on average (exponentially distributed: a barrage's irregular thud)
DISTANCE_M = (5000.0, 9000.0)
LOUDNESS = 120.0  # a heavy gun's boom at the mixer's 10 m reference: heard at -40 .. -60 dB after distance


class DistantGuns:
    """The booms to come: the next one's sample, and the generator that spaces and places them."""

    def __init__(self, seed: int, rate: int = RATE):
        self.rng = np.random.Generator(np.random.PCG64(seed + 1914))
        self.rate = rate
        self.booms = [blast(seconds=3.0, seed=seed + 100 + k) for k in range(3)]
        # the war began before the flight: the first booms fired up to 25 s ago are still on their way
        self.next_at = int((self.rng.exponential(MEAN_GAP_S) - DISTANCE_M[1] / SPEED_OF_SOUND) * rate)

    def lay(self, bursts: Bursts, listener: Listener, written: int, count: int, volume: float) -> None:
        """Booms going off in the block from sample `written`, placed about the listener as he is now."""
        while self.next_at < written + count:
            bearing = self.rng.uniform(0.0, 2.0 * np.pi)
            distance = self.rng.uniform(*DISTANCE_M)
            pos = listener.pos_ned + distance * np.array([np.cos(bearing), np.sin(bearing), 0.0])
            pos[2] = 0.0  # on the ground at the map's datum: far enough that the hills do not matter
            boom = self.booms[int(self.rng.integers(len(self.booms)))]
            bursts.add(boom * (LOUDNESS * volume), pos, self.next_at, listener)
            self.next_at += max(int(self.rng.exponential(MEAN_GAP_S) * self.rate), 1)
