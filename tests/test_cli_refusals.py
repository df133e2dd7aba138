"""Every bad argument to `flight` is one line on stderr and exit status 2, never a traceback: out-of-range
numbers, sizes, file names, places that cannot be written, a disk that fills up, and argparse's usage errors."""
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import flight
from flight import cli
from flight.sim.replay import load_replay

ROOT = Path(flight.__file__).resolve().parent.parent


def refused(capsys, argv: list[str], match: str) -> str:
    try:
        code = cli.main(argv)
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    assert code == 2 and out == "", (code, out, err)
    assert err.count("\n") == 1 and match in err and "Traceback" not in err, err
    return err


@pytest.mark.parametrize("argv, match", [
    (["run", "training", "--headless", "--seed", "-1"], "expected a whole number from 0"),
    (["run", "training", "--headless", "--seed", "1" * 5000], "expected a whole number from 0"),
    (["run", "training", "--headless", "--seed", "²"], "expected a whole number from 0"),
    (["run", "training", "--headless", "--max-seconds", "inf"], "expected seconds from 0 to 14400"),
    (["run", "training", "--headless", "--max-seconds", "nan"], "expected seconds from 0 to 14400"),
    (["run", "training", "--headless", "--max-seconds", "-1"], "expected seconds"),
    (["run", "training", "--headless", "--record", ""], "expected a file name"),
    (["run", "training", "--headless", "--difficulty", "brutal"], "invalid choice: 'brutal'"),
    (["run", "x" * 300, "--headless"], "unknown level 'xxxx"),
    (["run", "training\n", "--headless"], r"unknown level 'training\n'"),
    (["run", "/etc", "--headless"], "unknown level '/etc'"),
    (["shot", "training", "--out", "a.png", "--size", "abc"], "expected WIDTHxHEIGHT"),
    (["shot", "training", "--out", "a.png", "--size", "64x48x3"], "expected WIDTHxHEIGHT"),
    (["shot", "training", "--out", "a.png", "--size", "0x0"], "expected WIDTHxHEIGHT"),
    (["shot", "training", "--out", "a.png", "--size", "100000x100000"], "expected WIDTHxHEIGHT"),
    (["shot", "training", "--out", "a.png", "--time", "nan"], "expected seconds"),
    (["shot", "training"], "the following arguments are required: --out"),
    (["replay", "x.flightreplay", "--jobs", "0"], "expected a whole number from 1 to 64"),
    (["replay", "x.flightreplay", "--jobs", "100000"], "expected a whole number from 1 to 64"),
    (["replay", "x.flightreplay", "--jobs", "2"], "--jobs goes with --verify"),
    (["replay", "x.flightreplay", "--info", "--verify"], "not allowed with argument"),
    (["devices", "--seconds", "nan"], "expected seconds"),
    (["fly"], "invalid choice: 'fly'"),
    (["run", "training", "--bogus"], "unrecognized arguments: --bogus"),
])
def test_a_bad_argument_is_one_line_and_exit_2(capsys, argv, match):
    refused(capsys, argv, match)


def test_a_missing_replay_and_a_long_name(capsys, tmp_path):
    refused(capsys, ["replay", str(tmp_path / "gone.flightreplay"), "--info"], "cannot read it")
    refused(capsys, ["replay", "r" * 5000, "--verify"], "cannot read it (File name too long)")
    refused(capsys, ["replay", "/dev/zero", "--info"], "not a regular file")


@pytest.mark.parametrize("folder", ["/proc", "/sys", "long"])
def test_record_into_a_place_that_cannot_be_written(capsys, tmp_path, folder):
    folder = tmp_path / ("d" * 300) if folder == "long" else Path(folder)
    refused(capsys, ["run", "training", "--headless", "--max-seconds", "1", "--record",
                     str(folder / "r.flightreplay")], "replay not recorded")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder")
def test_record_into_a_folder_the_player_cannot_write(capsys, tmp_path):
    tmp_path.chmod(0o500)
    try:
        refused(capsys, ["run", "training", "--headless", "--max-seconds", "1", "--record",
                         str(tmp_path / "r.flightreplay")], "Permission denied")
    finally:
        tmp_path.chmod(0o700)


def test_out_below_a_regular_file(capsys, tmp_path):
    (tmp_path / "file").write_text("x")
    refused(capsys, ["shot", "training", "--out", str(tmp_path / "file" / "a.png")], "cannot make the folder")
    refused(capsys, ["models", "--out", str(tmp_path / "file")], "cannot make the folder")
    refused(capsys, ["models", "--out", "/proc/models"], "cannot make the folder")


def run_with_file_size_limit(limit: int, record: Path) -> subprocess.CompletedProcess:
    """`flight run --record` in a process that may write only `limit` bytes to any file: a disk that fills up
    (the write fails with EFBIG, as with ENOSPC, instead of SIGXFSZ killing it). A run without the limit goes
    first, so that numba's kernel cache is written before (a cold cache would be refused too)."""
    command = [sys.executable, "-m", "flight", "run", "training", "--headless", "--pilot", "none", "--max-seconds"]
    subprocess.run([*command, "1"], capture_output=True, timeout=600, cwd=ROOT, check=True)

    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return subprocess.run([*command, "20", "--record", str(record)], capture_output=True, text=True, timeout=300,
                          cwd=ROOT, preexec_fn=limited)


def test_a_disk_full_from_the_start_leaves_no_file(tmp_path):
    result = run_with_file_size_limit(0, tmp_path / "full.flightreplay")
    assert result.returncode == 2 and result.stdout == "", result.stderr
    assert result.stderr.count("\n") == 1 and "replay not recorded" in result.stderr, result.stderr
    assert not (tmp_path / "full.flightreplay").exists()


def test_a_disk_that_fills_up_keeps_the_whole_seconds(tmp_path, capsys):
    whole = tmp_path / "whole.flightreplay"
    assert cli.main(["run", "training", "--headless", "--pilot", "none", "--max-seconds", "20", "--record",
                     str(whole)]) == 0
    capsys.readouterr()
    path = tmp_path / "filled.flightreplay"
    result = run_with_file_size_limit(whole.stat().st_size * 2 // 3, path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "replay not recorded" in result.stderr and "Traceback" not in result.stderr
    partial = load_replay(path, allow_partial=True)
    assert 0 < partial.ticks < 20 * 120 and partial.ticks % 120 == 0


def test_usage_errors_from_a_real_process_are_one_line():
    result = subprocess.run([sys.executable, "-m", "flight", "shot", "training", "--size", "abc", "--out", "a.png"],
                            capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("flight shot: error: argument --size: expected WIDTHxHEIGHT")
