"""The world around the flight: the war on the horizon (the guns of the front heard from far off, a heavy shell's
boom every few seconds from 5-9 km away, whatever the listener is doing; drawn from the mixer's own seeded
generator, never the simulation's, so the same blocks give the same booms) and a level's bell (flight.sound.
level_sound), rung by the snapshot's clock."""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT
from flight.sound.bursts import Bursts
from flight.sound.one_shots import RATE, bell, blast
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


BELL_STROKE_TICKS = 96  # an alarm rung fast: a stroke every 0.8 s
BELL_LOUDNESS = 20.0  # a camp bell at the mixer's 10 m reference: clear across the airfield


class Bell:
    """A bell rung from the flight's start for `seconds`, a stroke every BELL_STROKE_TICKS."""

    def __init__(self, pos_ned: tuple[float, float, float], seconds: float, seed: int):
        self.pos_ned, self.last_tick = np.asarray(pos_ned, dtype=float), round(seconds / DT)
        self.strokes = [bell(seed + 200 + k) for k in range(2)]  # the clapper strikes each side in turn

    def lay(self, bursts: Bursts, listener: Listener, tick: int, gap: int, written: int, count: int,
            volume: float) -> None:
        """The strokes of ticks tick - gap .. tick - 1, in the block from sample `written`."""
        for stroke in range(-(-(tick - gap) // BELL_STROKE_TICKS) * BELL_STROKE_TICKS, min(tick, self.last_tick),
                            BELL_STROKE_TICKS):
            sound = self.strokes[(stroke // BELL_STROKE_TICKS) % 2] * (BELL_LOUDNESS * volume)
            bursts.add(sound, self.pos_ned, written + int((stroke - (tick - gap)) * count / gap), listener)
