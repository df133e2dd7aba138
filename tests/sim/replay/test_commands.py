"""`flight run --headless --record` and `flight replay --info / --verify` as a player or a script uses them."""
import json
from types import SimpleNamespace

from flight import cli
from flight.sim.replay import ReplayWriter, load_replay
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
    writer = ReplayWriter.continuing(tampered, tampered.ticks, tmp_path / "tampered.flightreplay")
    writer.finish(tampered.outcome, SimpleNamespace(tick_count=tampered.ticks))
    code, out, _ = run_cli(capsys, "replay", str(tmp_path / "tampered.flightreplay"), "--verify")
    assert code == 1 and json.loads(out) == {"ok": False, "ticks": 720, "first_divergent_tick": 720}

    (tmp_path / "junk.flightreplay").write_bytes(b"\x00" * 100)
    code, out, err = run_cli(capsys, "replay", str(tmp_path / "junk.flightreplay"), "--verify")
    assert code == 2 and out == "" and err.startswith("flight replay: ") and err.count("\n") == 1


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
