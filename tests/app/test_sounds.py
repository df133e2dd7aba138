"""The generated sounds: the grenade's blast is a real WAV (a crack, then a thump dying away), made once into the
user's data folder, and the cut to black after the fight at the gate plays it (silently here: no sound card)."""
import wave

import numpy as np

from flight.app.sounds import RATE, play, sound_file


def test_the_blast_is_a_wav_that_cracks_then_dies_away():
    path = sound_file("blast")
    with wave.open(str(path)) as sound:
        assert (sound.getnchannels(), sound.getsampwidth(), sound.getframerate()) == (1, 2, RATE)
        samples = np.frombuffer(sound.readframes(sound.getnframes()), dtype="<i2") / 32767.0
    assert 2.0 < len(samples) / RATE < 3.0
    loudest = int(np.argmax(np.abs(samples)))
    assert loudest < 0.05 * RATE, "the crack comes first"
    first, last = samples[: RATE // 2], samples[-RATE // 2:]
    assert np.sqrt(np.mean(last ** 2)) < 0.05 * np.sqrt(np.mean(first ** 2))


def test_a_sound_is_made_once():
    path = sound_file("blast")
    made = path.stat().st_mtime_ns
    assert sound_file("blast") == path and path.stat().st_mtime_ns == made
    assert not list(path.parent.glob("*.tmp*")), "written atomically: no temporary files left"


def test_the_cut_to_black_after_the_gate_plays_the_blast(app):
    app.router.go("flight", level="breakout")
    view = app.router.screen.view
    view.sortie.mission.m.scene("grenade", 5.0)  # as the script cuts to it
    view.show_mission()
    assert view.cutaway.sound is not None
    assert play(app, "blast") is not None
