"""The `flight` command line: version, help, and how subcommands hand over their flags and exit codes."""

import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

import flight
from flight import cli

SUBCOMMANDS = ["play", "run", "replay", "shot", "scene", "bench", "devices", "models"]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"flight {flight.__version__}\n"


def test_python_dash_m_flight_runs_the_cli() -> None:
    # cwd is the folder holding the imported `flight`, so the child runs the same code as this test.
    result = subprocess.run(
        [sys.executable, "-m", "flight", "--version"],
        cwd=Path(flight.__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"flight {flight.__version__}\n"


def test_help_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for name in SUBCOMMANDS:
        assert re.search(rf"^\s+{name}\s", out, re.MULTILINE), name


@pytest.mark.parametrize("argv", [["devices"], ["devices", "--watch", "--seconds", "0"]])
def test_devices_with_none_attached_says_so_and_exits_0(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # this machine has no controllers (and often no /dev/input): the one case the real command can run here
    assert cli.main(argv) == 0
    captured = capsys.readouterr()
    assert captured.out == "No game controllers attached (the keyboard and mouse always fly).\n"
    assert "Traceback" not in captured.err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["bench"], {"json_output": False, "quick": False}),
        (["bench", "--json", "--quick"], {"json_output": True, "quick": True}),
    ],
)
def test_bench_passes_flags_and_exit_code(
    argv: list[str], expected: dict[str, bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, bool]] = []

    def fake_main(**kwargs: bool) -> int:
        calls.append(kwargs)
        return 7

    fake_bench = types.ModuleType("flight.tools.bench")
    fake_bench.main = fake_main  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "flight.tools.bench", fake_bench)
    assert cli.main(argv) == 7
    assert calls == [expected]
