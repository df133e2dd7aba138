"""The `flight` command line: version, help, and the exit code of subcommands not built yet."""

import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

import flight
from flight import cli

SUBCOMMANDS = ["play", "run", "replay", "shot", "bench", "devices", "models"]
NOT_BUILT = [
    ["devices"],
]


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


@pytest.mark.parametrize("argv", NOT_BUILT, ids=lambda argv: argv[0])
def test_not_built_subcommand_exits_2_with_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"flight {argv[0]}: not built yet\n"


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

    fake_bench = types.ModuleType("flight.bench")
    fake_bench.main = fake_main  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "flight.bench", fake_bench)
    assert cli.main(argv) == 7
    assert calls == [expected]
