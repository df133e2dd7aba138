"""A level's own sounds: Dig's Escape rings the camp bell from the start; a level without a [sound] table has none,
and a bad value is one line naming the file and the key."""
import numpy as np
import pytest

from flight.sound.level_sound import LevelSound, LevelSoundError, load_level_sound
from flight.sound.sound_mixer import SoundMixer, Volumes
from tests.sound.fakes import ears, render, snapshot


def test_the_escape_rings_the_camp_bell_and_training_has_none():
    escape = load_level_sound("escape")
    assert escape.bell_ned is not None and escape.bell_seconds > 60.0
    assert load_level_sound("training") == LevelSound()


def test_the_bell_is_heard_ringing_at_its_strike_note():
    mixer = SoundMixer(["camel"], seed=16, level=LevelSound((200.0, 0.0, -1000.0), 60.0))
    samples = render(mixer, [snapshot(t, rpm=0.0) for t in range(0, 480, 2)], ears(), Volumes(engines=0.0))
    mono = samples[22050:].mean(axis=1)
    spectrum = np.abs(np.fft.rfft(mono))
    freq = np.fft.rfftfreq(len(mono), 1 / 22050)
    prime = spectrum[(freq > 600) & (freq < 640)].max()
    assert 20 * np.log10(prime / np.median(spectrum[(freq > 400) & (freq < 560)])) > 20.0


def test_a_bad_bell_is_one_line(tmp_path, monkeypatch):
    from flight.sound import level_sound
    folder = tmp_path / "mylevel"
    folder.mkdir()
    (folder / "level.toml").write_text('[sound]\nbell = [1.0, "north"]\n')
    monkeypatch.setattr(level_sound, "level_folder", lambda name: folder)
    with pytest.raises(LevelSoundError, match=r"level.toml: \[sound\] bell: expected \[north, east\]"):
        load_level_sound("mylevel")
