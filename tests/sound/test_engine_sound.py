"""The engines as a pilot hears them: the Camel's note follows its rpm from idle to full, the blip switch cuts it,
the Gotha's two engines are two sources, one silent when shot dead."""
import numpy as np
import pytest

from flight.sound.sound_mixer import SoundMixer, Volumes
from tests.sound.fakes import db, ears, peak_hz, render, snapshot

COCKPIT = (-2.0, 0.0, -1000.9)  # behind the Camel's engine hub, 1.35 m ahead of the centre of gravity


@pytest.mark.parametrize("rpm", [500.0, 750.0, 1000.0, 1250.0, 1400.0])
def test_the_camels_note_is_its_nine_cylinders_firing_4_5_times_a_revolution(rpm):
    mixer = SoundMixer(["camel"], seed=3)
    samples = render(mixer, [snapshot(t, rpm=rpm) for t in range(0, 120, 2)], ears(COCKPIT))
    expected = rpm / 60.0 * 4.5
    assert peak_hz(samples[len(samples) // 4:]) == pytest.approx(expected, rel=0.03)


def test_the_note_tracks_a_climbing_and_diving_rpm_within_3_percent():
    """rpm swept idle -> full -> over-speed in a dive and back, 2 s each way; every 0.25 s window's note."""
    mixer = SoundMixer(["camel"], seed=4)
    ticks = np.arange(0, 480, 2)
    rpm = np.interp(ticks, [0, 240, 480], [500.0, 1400.0, 700.0])
    samples = render(mixer, [snapshot(int(t), rpm=r) for t, r in zip(ticks, rpm)], ears(COCKPIT))
    window = 22050 // 4
    for start in range(window, len(samples) - window, window):
        middle_tick = (start + window / 2) / 22050 * 120
        expected = np.interp(middle_tick, ticks, rpm) / 60.0 * 4.5
        assert peak_hz(samples[start:start + window]) == pytest.approx(expected, rel=0.03), middle_tick


def test_the_blip_switch_cuts_the_engine_by_20_db_within_50_ms():
    mixer = SoundMixer(["camel"], seed=5)
    ticks = range(0, 240, 2)  # blip held from tick 120 (1 s)
    samples = render(mixer, [snapshot(t, rpm=1200.0, blip=float(t >= 120)) for t in ticks], ears(COCKPIT))
    blip, ms = 22050, 22050 // 1000
    before = db(samples[blip - 200 * ms:blip])
    after = db(samples[blip + 50 * ms:blip + 100 * ms])
    assert before - after >= 20.0


def test_a_faster_engine_is_louder_and_full_throttle_louder_than_closed():
    def level(rpm, throttle):
        mixer = SoundMixer(["camel"], seed=6)
        return db(render(mixer, [snapshot(t, rpm=rpm, throttle=throttle) for t in range(0, 60, 2)], ears(COCKPIT)))
    assert level(1250.0, 1.0) > level(600.0, 1.0) > level(600.0, 0.0)


def test_the_gothas_engines_are_two_sources_and_a_dead_one_is_silent():
    """From the left wing tip, the left engine is the nearer: with it dead the left channel falls the most."""
    listener = ears((0.0, -8.0, -1000.0))
    both = render(SoundMixer(["gotha_g5"], seed=7), [snapshot(t, rpm=1400.0, engines=2) for t in range(0, 120, 2)],
                  listener, Volumes(ambience=0.0))
    right_only = render(SoundMixer(["gotha_g5"], seed=7), [
        snapshot(t, rpm=1400.0, engines=2, health=[0.0, 1.0]) for t in range(0, 120, 2)], listener,
        Volumes(ambience=0.0))
    assert db(both[:, 0]) - db(right_only[:, 0]) > 4.0
    assert db(right_only) > db(both) - 12.0, "the live engine still drones"
    assert peak_hz(both[5000:]) == pytest.approx(1400.0 / 60.0 * 3.0, rel=0.03), "an inline six: 3 a revolution"


def test_a_quarter_speed_replay_keeps_the_notes_pitch():
    """At 0.25x a 60 fps frame brings half a tick: the same snapshot comes again, and the note goes on unbroken."""
    mixer = SoundMixer(["camel"], seed=18)
    blocks = [mixer.render(snapshot(tick // 4 * 2, rpm=1000.0), ears(COCKPIT), 367) for tick in range(120)]
    samples = np.concatenate(blocks).astype(float)
    assert peak_hz(samples[len(samples) // 4:]) == pytest.approx(1000.0 / 60.0 * 4.5, rel=0.01)
    steady = render(SoundMixer(["camel"], seed=18), [snapshot(t, rpm=1000.0) for t in range(0, 60, 2)], ears(COCKPIT))
    joins = samples[366::367][:-1, 0] - samples[367::367][:, 0][:len(samples[366::367]) - 1]
    assert np.abs(joins).max() <= np.abs(np.diff(steady[:, 0])).max(), "no clicks where blocks join"
