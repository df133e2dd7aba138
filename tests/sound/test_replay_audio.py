"""A replay's sound rendered offline: the same replay gives the same samples, and `flight replay --audio` writes a
stereo WAV atomically, with the engine heard from the first block."""
import json
import wave
from pathlib import Path

import numpy as np

from flight.sim.replay.playback import Playback
from flight.sim.replay.reader import load_replay
from flight.sound.one_shots import RATE
from flight.sound.replay_audio import render_replay
from flight.tools.replay_command import replay_command

GOLDEN = Path(__file__).parents[1] / "golden"


def test_rendering_the_same_replay_twice_gives_identical_samples():
    replay = load_replay(GOLDEN / "escape.flightreplay")
    first = render_replay(Playback(replay), "chase", 600, 1200)
    second = render_replay(Playback(replay), "chase", 600, 1200)
    assert first.shape == (5 * RATE, 2) and first.dtype == np.int16
    assert np.array_equal(first, second)
    assert np.abs(first).max() > 1000, "not silence"


def test_flight_replay_audio_writes_a_stereo_wav(tmp_path, capsys):
    out = tmp_path / "training.wav"
    assert replay_command(GOLDEN / "training.flightreplay", audio=out,
                          video_options={"camera": "cockpit", "start_s": 2.0, "end_s": 4.0}) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["seconds"] == 2.0 and printed["camera"] == "cockpit"
    with wave.open(str(out)) as sound:
        assert (sound.getnchannels(), sound.getsampwidth(), sound.getframerate()) == (2, 2, RATE)
        assert sound.getnframes() == 2 * RATE
    assert [p.name for p in tmp_path.iterdir()] == ["training.wav"], "written atomically: no temporary file left"


def test_a_bad_audio_option_or_output_is_one_line(tmp_path, capsys):
    from flight import cli
    training = str(GOLDEN / "training.flightreplay")
    (tmp_path / "folder.wav").mkdir()
    wav = str(tmp_path / "a.wav")
    for args, problem in ((["--audio", wav, "--size", "640x360"], "--size does not go with --audio"),
                          (["--audio", str(tmp_path / "a.wav"), "--camera", "flyby"], "--camera flyby does not go"),
                          (["--audio", str(tmp_path / "a.mp3")], "not a WAV file's name"),
                          (["--audio", str(tmp_path / "folder.wav")], "a folder of that name is there"),
                          (["--from", "3"], "--from goes with --video OUT.mp4 or --audio OUT.wav")):
        assert cli.main(["replay", training, *args]) == 2, args
        err = capsys.readouterr().err
        assert problem in err and err.count("\n") == 1, err
