"""`flight run --headless --record` and `flight replay --info / --verify` as a player or a script uses them."""
import json
from types import SimpleNamespace

import pytest

from flight import cli
from flight.sim.replay import ReplayWriter, arrays, load_replay
from tests.sim.replay.recordings import recorded
from tests.cpu_kernels import WITHOUT_AVX512, run_python



def run_cli(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_run_headless_records_a_replay_and_prints_one_json_object(tmp_path, capsys):
    path = tmp_path / "run.flightreplay"
    code, out, err = run_cli(capsys, "run", "training", "--headless", "--pilot", "none", "--seed", "4",
                             "--max-seconds", "3", "--record", str(path))
    result = json.loads(out)
    assert code == 0 and err == ""
    assert result["level"] == "training" and result["seed"] == 4 and result["outcome"] == "timeout"
    assert result["ticks"] == 360 and load_replay(path).ticks == 360


def test_run_never_writes_over_an_existing_file(tmp_path, capsys):
    path = tmp_path / "mine.flightreplay"
    path.write_bytes(b"precious")
    code, out, err = run_cli(capsys, "run", "training", "--headless", "--pilot", "none", "--max-seconds", "1",
                             "--record", str(path))
    assert code == 2 and out == "" and "already exists" in err and err.count("\n") == 1
    assert path.read_bytes() == b"precious"


def test_run_names_a_missing_level_in_one_line(capsys):
    code, out, err = run_cli(capsys, "run", "atlantis", "--headless")
    assert code == 2 and "unknown level 'atlantis'" in err and err.count("\n") == 1


def test_info_prints_the_header_and_the_outcome(tmp_path, capsys):
    path = recorded(tmp_path, seconds=3)
    code, out, _ = run_cli(capsys, "replay", str(path), "--info")
    info = json.loads(out)
    assert code == 0 and info["header"]["level"] == "training" and info["ticks"] == 360
    assert info["complete"] and info["outcome"]["outcome"] == "timeout"
    assert {"game_version", "numpy_version", "numba_version", "cpu_features", "level_hash", "seed",
            "difficulty"} <= set(info["header"])


def test_verify_exits_0_when_exact_1_when_it_diverges_2_when_unreadable(tmp_path, capsys):
    path = recorded(tmp_path, seconds=10)
    code, out, _ = run_cli(capsys, "replay", str(path), "--verify")
    assert code == 0 and json.loads(out) == {"ok": True, "ticks": 1200, "first_divergent_tick": None}

    tampered = load_replay(path)
    tampered.controls[700, 1] += 100  # the same hashes, one different input
    rewritten(tampered, tmp_path / "tampered.flightreplay")
    code, out, _ = run_cli(capsys, "replay", str(tmp_path / "tampered.flightreplay"), "--verify")
    assert code == 1 and json.loads(out) == {"ok": False, "ticks": 720, "first_divergent_tick": 720}

    (tmp_path / "junk.flightreplay").write_bytes(b"\x00" * 100)
    code, out, err = run_cli(capsys, "replay", str(tmp_path / "junk.flightreplay"), "--verify")
    assert code == 2 and out == "" and err.startswith("flight replay: ") and err.count("\n") == 1


def rewritten(replay, path):
    """`replay` as it is now in memory, written to `path` with its chunks' checksums made good again."""
    writer = ReplayWriter.continuing(replay, replay.ticks, path)
    writer.finish(replay.outcome, SimpleNamespace(tick_count=replay.ticks))
    return path


def test_verify_in_two_processes_gives_the_straight_answer(tmp_path, capsys):
    """--jobs 2 checks the 5 s keyframe segments in two processes at once, the worker taking them from the end: the
    same answer as --jobs 1 for an exact file, an input changed in the middle of the last segment, and a keyframe
    that is not the state straight playback reaches (its hash, taken on the same tick, still matches)."""
    path = recorded(tmp_path, seconds=25)  # keyframes at 0, 600, ... 3000: five segments
    input_changed = load_replay(path)
    input_changed.controls[2500, 0] += 100
    keyframe_changed = load_replay(path)
    state = arrays.from_bytes(keyframe_changed.keyframes[1200])
    state["fleet/pos"][0, 2] -= 0.001
    keyframe_changed.keyframes[1200] = arrays.to_bytes(state)
    expected = {path: (0, {"ok": True, "ticks": 3000, "first_divergent_tick": None}),
                rewritten(input_changed, tmp_path / "input.flightreplay"):
                    (1, {"ok": False, "ticks": 2520, "first_divergent_tick": 2520}),
                rewritten(keyframe_changed, tmp_path / "keyframe.flightreplay"):
                    (1, {"ok": False, "ticks": 1200, "first_divergent_tick": 1200, "note": "the keyframe there differs"})}
    for file, (code, result) in expected.items():
        for jobs in ("1", "2"):
            assert run_cli(capsys, "replay", str(file), "--verify", "--jobs", jobs)[:2] == (code, json.dumps(result) + "\n"), (file.name, jobs)


@pytest.mark.parametrize("argv", [["--jobs", "2"], ["--verify", "--jobs", "0"], ["--info", "--jobs", "1"]])
def test_jobs_goes_with_verify_and_is_one_or_more(argv, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["replay", "some.flightreplay", *argv])
    assert exited.value.code == 2 and "--jobs" in capsys.readouterr().err


def test_a_replay_verifies_with_numpys_avx512_kernels_switched_off(tmp_path):
    """DESIGN.md: exact on every machine. numpy picks SIMD kernels by CPU; a replay recorded with one set must
    verify with another (on a CPU without AVX-512 the variable changes nothing, and the test still passes)."""
    path = recorded(tmp_path, seconds=10)
    done = run_python(["-m", "flight", "replay", str(path), "--verify"], WITHOUT_AVX512)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["ok"] is True


def test_a_minute_of_noisy_stick_input_is_well_under_100_kb(tmp_path):
    path = recorded(tmp_path, seconds=60)
    assert load_replay(path).ticks == 60 * 120
    assert path.stat().st_size < 100_000
