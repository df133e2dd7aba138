"""Where a sound comes from: a fly-by pans across and its pitch falls as it passes (Doppler through the delay
line), the level falls with distance, a source behind the listener has fewer highs than one ahead."""
import numpy as np
import pytest

from flight.sound.sound_mixer import SoundMixer, Volumes
from flight.sound.spatial import SPEED_OF_SOUND, Listener
from tests.sound.fakes import db, ears, peak_hz, render, snapshot

ENGINES_ONLY = Volumes(ambience=0.0, guns=0.0)


def test_a_fly_by_pans_from_left_to_right_and_its_note_falls_as_it_passes():
    """A Camel at 60 m/s flies north 30 m in front of a listener facing west: from his left to his right in 8 s."""
    speed, rpm = 60.0, 1200.0
    facing_west = np.array([[0.0, 1.0, 0.0], [-1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])  # columns: forward, right, down
    listener = Listener(np.array([0.0, 30.0, -1000.0]), facing_west)
    ticks = range(0, 960, 2)  # -240 m .. +240 m north
    snaps = [snapshot(t, rpm=rpm, airspeed=speed, pos=[-240.0 + speed * t / 120.0, 0.0, -1000.0]) for t in ticks]
    samples = render(SoundMixer(["camel"], seed=8), snaps, listener, ENGINES_ONLY)
    first, last = samples[22050:3 * 22050], samples[-3 * 22050:-22050]
    assert db(first[:, 0]) > db(first[:, 1]) + 6.0, "coming from the left"
    assert db(last[:, 1]) > db(last[:, 0]) + 6.0, "going away to the right"
    note = rpm / 60.0 * 4.5
    # approaching along the line of flight at ~0.97 of its speed at these distances, then receding
    approach, recede = peak_hz(first, 60, 200), peak_hz(last, 60, 200)
    assert approach > note * 1.12 and recede < note * 0.9
    assert approach / recede == pytest.approx((SPEED_OF_SOUND + 0.97 * speed) / (SPEED_OF_SOUND - 0.97 * speed),
                                              rel=0.04)


def test_the_level_falls_with_distance():
    levels = []
    for distance in (5.0, 20.0, 50.0, 100.0, 200.0, 400.0, 800.0):
        mixer = SoundMixer(["camel"], seed=9)
        snaps = [snapshot(t, rpm=1200.0, pos=[distance, 0.0, -1000.0]) for t in range(0, 720, 2)]
        levels.append(db(render(mixer, snaps, ears(), ENGINES_ONLY)[-22050:]))
    assert all(a > b for a, b in zip(levels, levels[1:])), levels
    assert levels[3] - levels[5] == pytest.approx(12.0, abs=3.0), "about 6 dB a doubling"


def _bands(samples):
    mono = samples.mean(axis=1)
    power = np.abs(np.fft.rfft(mono)) ** 2
    freq = np.fft.rfftfreq(len(mono), 1 / 22050)
    return (10 * np.log10(power[(freq > 40) & (freq < 400)].sum()),
            10 * np.log10(power[(freq > 3000) & (freq < 9000)].sum()))


def test_a_source_behind_is_duller_than_one_ahead():
    def heard(north):
        snaps = [snapshot(t, rpm=1200.0, pos=[north, 0.0, -1000.0]) for t in range(0, 240, 2)]
        return _bands(render(SoundMixer(["camel"], seed=10), snaps, ears(), ENGINES_ONLY)[11025:])
    (low_ahead, high_ahead), (low_behind, high_behind) = heard(60.0), heard(-60.0)
    assert low_behind == pytest.approx(low_ahead, abs=1.5)
    assert high_behind < high_ahead - 6.0


def test_far_sources_lose_their_highs_to_the_air():
    def heard(north):
        snaps = [snapshot(t, rpm=1200.0, pos=[north, 0.0, -1000.0]) for t in range(0, 600, 2)]
        return _bands(render(SoundMixer(["camel"], seed=11), snaps, ears(), ENGINES_ONLY)[-22050:])
    near, far = heard(20.0), heard(600.0)
    assert (near[0] - near[1]) < (far[0] - far[1]) - 6.0, "the highs fall more than the lows"
