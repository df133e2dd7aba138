"""Sounds the game makes itself, as WAV files generated with numpy the first time they are wanted (kept in the
user's data folder, `sounds/`): no recordings to license or ship. So far the one the story needs: the grenade that
ends the fight at the gate, heard over the cut to black. With no sound card Panda3D plays them silently."""
from __future__ import annotations

import io
import wave

import numpy as np

from flight.files import write_atomically
from flight.paths import user_data_dir

RATE = 22050  # Hz, mono 16-bit


def blast(seconds: float = 2.5, seed: int = 1917) -> np.ndarray:
    """A stick grenade going off a few yards away: a hard crack, then a low rolling thump that dies away, as
    samples -1..1. Brown noise (the low rumble) under a short white-noise crack, each with its own decay."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * RATE)) / RATE
    rumble = np.cumsum(rng.normal(0.0, 1.0, t.size))
    rumble -= np.convolve(rumble, np.ones(400) / 400.0, mode="same")  # drift out, the thump stays
    rumble /= np.abs(rumble).max()
    crack = rng.normal(0.0, 1.0, t.size) * np.exp(-t / 0.012)
    sound = 0.85 * rumble * np.exp(-t / 0.45) * np.minimum(t / 0.004, 1.0) + 0.6 * crack
    return sound / np.abs(sound).max()


def wav_bytes(samples: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes((np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes())
    return buffer.getvalue()


SOUNDS = {"blast": blast}


def sound_file(name: str):
    """The path of the named sound's WAV, made (atomically) if it is not there yet."""
    path = user_data_dir() / "sounds" / f"{name}.wav"
    if not path.is_file():
        write_atomically(path, wav_bytes(SOUNDS[name]()))
    return path


def play(app, name: str):
    """Play the named sound once through the app's sound effects; returns the AudioSound."""
    from panda3d.core import Filename
    sound = app.loader.load_sfx(Filename.from_os_specific(str(sound_file(name))))
    sound.play()
    return sound
