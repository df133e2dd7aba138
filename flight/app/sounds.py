"""One-shot sounds the app plays as files: WAVs of flight.sound's one-shots made the first time they are wanted
(kept in the user's data folder, `sounds/`). So far the grenade that ends the fight at the gate, heard over the cut to
black. With no sound card Panda3D plays them silently."""
from __future__ import annotations

from flight.files import write_atomically
from flight.paths import user_data_dir
from flight.sound.one_shots import RATE, blast, wav_bytes

__all__ = ["RATE", "play", "sound_file"]

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
