"""`flight replay FILE --video OUT.mp4`: a golden replay rendered offscreen and encoded with PyAV, decoded back; the
director's cuts on a crafted flight; without PyAV, and for bad input, one line and exit status 2."""
import contextlib
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from flight import cli
from flight.app.flight.director import FLYBY_MAX_S, HOLD_S, NEAR_M, QUIET_CHASE_S, Director, nearest_other_m
from flight.sim.dynamics import DT

av = pytest.importorskip("av")  # the test extra installs it; the video extra is optional for players
GOLDEN = Path(__file__).parents[1] / "golden"
TRAINING = str(GOLDEN / "training.flightreplay")


def decoded(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [frame.to_ndarray(format="rgb24") for frame in container.decode(video=0)]


def test_two_seconds_of_training_decode_back_as_twenty_moving_frames_with_their_sound(tmp_path, capsys):
    out = tmp_path / "training.mp4"
    assert cli.main(["replay", TRAINING, "--video", str(out), "--size", "320x180", "--fps", "10", "--to", "2"]) == 0
    assert '"frames": 20' in capsys.readouterr().out
    frames = decoded(out)
    assert len(frames) == 20
    assert frames[0].shape == (180, 320, 3)
    assert np.abs(frames[-1].astype(int) - frames[0]).mean() > 1.0  # the aircraft rolls, the ground passes
    assert [p.name for p in tmp_path.iterdir()] == ["training.mp4"]  # the temp file went into place
    with av.open(str(out)) as container:  # and its sound: the Camel running up, heard from the chase camera
        sound = np.concatenate([frame.to_ndarray().reshape(-1) for frame in container.decode(audio=0)])
        assert container.streams.audio[0].sample_rate == 22050
    assert 2.0 <= len(sound) / 2 / 22050 < 2.2  # stereo planes; AAC pads its last frame
    assert np.abs(sound).max() > 0.01


def test_the_director_renders_frames_from_a_later_start(tmp_path):
    out = tmp_path / "director.mkv"
    assert cli.main(["replay", TRAINING, "--video", str(out), "--size", "160x90", "--fps", "10", "--from", "1",
                     "--to", "2", "--camera", "director"]) == 0
    assert len(decoded(out)) == 10


def test_the_director_holds_each_shot_and_cuts_to_a_flyby_for_the_action():
    director, second = Director(), round(1.0 / DT)
    shots = {}
    for s in range(60):
        nearest = NEAR_M / 2 if 2 <= s < 30 else np.inf  # another aircraft close from 2 s to 30 s
        shots[s] = director.choose(s * second, nearest)
    assert shots[0] == shots[2] == shots[HOLD_S - 1] == "chase"  # near at 2 s, but the chase is held 4 s
    assert shots[HOLD_S] == "flyby"
    assert shots[HOLD_S + FLYBY_MAX_S] == "chase"  # a fly-by is left behind after a while, even with the action on
    assert shots[HOLD_S + FLYBY_MAX_S + HOLD_S] == "flyby"  # and comes back while it lasts
    quiet_from = next(s for s in range(30, 60) if shots[s] == "chase")
    assert "flyby" in {shots[s] for s in range(quiet_from + int(QUIET_CHASE_S), 60)}  # a change on a quiet stretch
    runs = [s for s in range(1, 60) if shots[s] != shots[s - 1]]
    assert all(b - a >= HOLD_S for a, b in zip(runs, runs[1:]))


def test_the_nearest_other_aircraft_leaves_out_the_crashed():
    pos = np.array([[0.0, 0, 0], [100.0, 0, 0], [0, 500.0, 0]])
    assert nearest_other_m(pos, np.array([False, True, False]), 0) == 500.0
    assert nearest_other_m(pos[:1], np.array([False]), 0) == np.inf


def test_without_pyav_it_says_how_to_install_it_in_one_line(tmp_path):
    code = ("import sys; sys.modules['av'] = None; from flight import cli; "
            f"sys.exit(cli.main(['replay', {TRAINING!r}, '--video', {str(tmp_path / 'x.mp4')!r}]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and 'pip install ".[video]"' in done.stderr
    assert not (tmp_path / "x.mp4").exists()


@pytest.mark.parametrize("args, problem", [
    (["--from", "999"], "--from 999: at or beyond the end of training.flightreplay"),
    (["--from", "2", "--to", "1"], "--to 1: not after --from 2"),
    (["--size", "321x180"], "--size 321x180: a video's width and height must be even"),
    (["--size", "10x10"], "expected WIDTHxHEIGHT"),
])
def test_bad_options_are_one_line_naming_the_option(tmp_path, capsys, args, problem):
    out = tmp_path / "out.mp4"
    refused_by_the_parser = "10x10" in args
    with pytest.raises(SystemExit) if refused_by_the_parser else contextlib.nullcontext():
        assert cli.main(["replay", TRAINING, "--video", str(out), *args]) == 2
    err = capsys.readouterr().err
    assert problem in err and err.count("\n") == 1
    assert not out.exists()


def test_a_bad_file_or_folder_is_one_line_naming_it(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    for replay, out, problem in ((TRAINING, blocker / "out.mp4", f"{blocker / 'out.mp4'}: cannot write it"),
                                 (TRAINING, tmp_path / "out.gif", "not a video file's name"),
                                 (str(blocker), tmp_path / "out.mp4", str(blocker))):
        assert cli.main(["replay", replay, "--video", str(out)]) == 2
        err = capsys.readouterr().err
        assert problem in err and err.count("\n") == 1
    assert cli.main(["replay", TRAINING, "--fps", "10"]) == 2
    assert "--fps goes with --video" in capsys.readouterr().err

