"""The airframe: the bracing wires sing higher the faster it flies, it shudders near the stall and creaks under g,
a hard touchdown thumps and a jamming gun clanks."""
import numpy as np
import pytest

from flight.sound.sound_mixer import SoundMixer, Volumes
from tests.sound.fakes import db, ears, peak_hz, render, snapshot

AIRFRAME_ONLY = Volumes(engines=0.0, guns=1.0)
COCKPIT = (-1.0, 0.0, -1000.9)


@pytest.mark.parametrize("airspeed", [55.0, 75.0])
def test_the_wires_sing_at_strouhals_frequency(airspeed):
    samples = render(SoundMixer(["camel"], seed=13), [snapshot(t, airspeed=airspeed) for t in range(0, 120, 2)],
                     ears(COCKPIT), AIRFRAME_ONLY)
    assert peak_hz(samples[5000:], 1500.0, 6000.0) == pytest.approx(0.2 * airspeed / 0.005, rel=0.03)


def _low_band_db(samples):
    power = np.abs(np.fft.rfft(samples.mean(axis=1))) ** 2
    freq = np.fft.rfftfreq(len(samples), 1 / 22050)
    return 10 * np.log10(power[(freq > 10) & (freq < 120)].sum())


def test_near_the_stall_the_airframe_shudders():
    def heard(alpha_deg):
        snaps = [snapshot(t, airspeed=30.0, alpha_deg=alpha_deg) for t in range(0, 120, 2)]
        return _low_band_db(render(SoundMixer(["camel"], seed=14), snaps, ears(COCKPIT), AIRFRAME_ONLY)[5000:])
    assert heard(18.0) > heard(4.0) + 10.0


def test_a_touchdown_thumps_and_a_jam_clanks():
    def loudest_after(changed, **before_after):
        key, (before, after) = next(iter(before_after.items()))
        snaps = [snapshot(t, airspeed=25.0, **{key: before if t < 60 else after}) for t in range(0, 120, 2)]
        samples = render(SoundMixer(["camel"], seed=15), snaps, ears(COCKPIT), Volumes(engines=0.0))
        return db(samples[11025:11025 + 1100]) - db(samples[8820:11025])  # its first 50 ms against before
    assert loudest_after("touchdown", on_ground=(False, True)) > 6.0
    assert loudest_after("jam", jammed=(False, True)) > 6.0


def test_under_g_the_airframe_creaks():
    def mid_band_db(g):
        snaps = [snapshot(t, airspeed=20.0, g=g) for t in range(0, 240, 2)]
        samples = render(SoundMixer(["camel"], seed=17), snaps, ears(COCKPIT), AIRFRAME_ONLY)[2205:]
        power = np.abs(np.fft.rfft(samples.mean(axis=1))) ** 2
        freq = np.fft.rfftfreq(len(samples), 1 / 22050)
        return 10 * np.log10(power[(freq > 350) & (freq < 700)].sum())
    assert mid_band_db(5.0) > mid_band_db(1.0) + 6.0
