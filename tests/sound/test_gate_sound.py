"""Level 2's gate as heard from Allison's gun: a recorded breakout to the grenade that ends the gate, rendered
offline, lays the Maxim's rounds, the guards' rifles, their shouting and the last grenade into the mix, and the
grenade is the loudest moment of the render."""
from pathlib import Path

import numpy as np
import pytest

from flight.sim.dynamics import DT
from flight.sim.replay.playback import Playback
from flight.sim.replay.reader import load_replay
from flight.sound import sound_mixer
from flight.sound.bursts import Bursts
from flight.sound.one_shots import RATE, blast
from flight.sound.replay_audio import render_replay, sample_of
from flight.tools.headless import run_level

GRENADE_S = 155.8  # seed 0's auto-gunner holds the gate this long; then the mission cuts to the grenade


class HeardBursts(Bursts):
    """The mixer's own Bursts, noting each sound laid into it (the real mixing still runs)."""
    laid: list[np.ndarray] = []

    def add(self, samples, pos_ned, at_sample, listener):
        HeardBursts.laid.append(samples)
        super().add(samples, pos_ned, at_sample, listener)


@pytest.fixture(scope="module")
def gate_end(tmp_path_factory):
    """A breakout recorded past the grenade, and its last 12 s of the gate rendered, with the bursts laid."""
    path = tmp_path_factory.mktemp("gate") / "breakout.flightreplay"
    run_level("breakout", record=path, max_seconds=GRENADE_S + 4.0, seed=0)
    playback = Playback(load_replay(path))
    HeardBursts.laid = []
    patch = pytest.MonkeyPatch()
    patch.setattr(sound_mixer, "Bursts", HeardBursts)
    try:
        start = round((GRENADE_S - 8.0) / DT)
        samples = render_replay(playback, start_tick=start)
    finally:
        patch.undo()
    scene = playback.sortie.mission_snapshot().scene
    return samples, HeardBursts.laid, scene, start


def test_the_gates_render_has_the_maxim_the_rifles_the_shouting_and_the_grenade(gate_end):
    samples, laid, scene, _ = gate_end
    assert scene is not None and scene.name == sound_mixer.GRENADE_SCENE
    gate = sound_mixer.SoundMixer(["gotha_g5"], seed=0).gate  # the same seed's sounds as the render's (seed 0)

    def count(sound) -> int:
        return sum(len(s) == len(sound) and np.array_equal(s, sound) for s in laid)

    assert sum(count(report) for report in gate.maxim) > 10, "the Maxim's rounds"
    assert count(gate.rifle) > 3, "the guards' rifles"
    assert sum(count(shout) for shout in gate.shouts) > 0, "the guards shouting as they run"
    assert count(gate.grenade * sound_mixer.GRENADE_GAIN) == 1, "the grenade that silences the gate, once"
    assert np.abs(samples).max() > 3000


def test_the_grenade_is_the_loudest_moment(gate_end):
    """In quarter-second windows (the Maxim's rounds at the ear fill the limiter's peaks as well), the loudest is
    the grenade's, at the cut's tick."""
    samples, _, scene, start = gate_end
    bang = sample_of(scene.start_tick) - sample_of(start)
    window = RATE // 4
    x = samples.astype(float)
    rms = np.array([np.sqrt(np.mean(x[i:i + window] ** 2)) for i in range(0, len(x) - window, window)])
    assert int(np.argmax(rms)) in (bang // window, bang // window + 1)
    assert rms.max() > 1.1 * rms[:bang // window].max()


def test_the_blast_cracks_then_dies_away():
    samples = blast()
    assert 2.0 < len(samples) / RATE < 3.0
    assert int(np.argmax(np.abs(samples))) < 0.05 * RATE, "the crack comes first"
    first, last = samples[: RATE // 2], samples[-RATE // 2:]
    assert np.sqrt(np.mean(last ** 2)) < 0.05 * np.sqrt(np.mean(first ** 2))
