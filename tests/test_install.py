"""The installed package finds its data folders from any working directory."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import flight.paths


def test_data_folders_exist() -> None:
    assert flight.paths.aircraft_dir().is_dir()
    assert flight.paths.levels_dir().is_dir()


def test_installed_package_finds_aircraft_dir_from_elsewhere(tmp_path: Path) -> None:
    # No PYTHONPATH and a cwd outside the repo: only an installed `flight` can be imported, which is what
    # .ci/run's non-editable install provides.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", "import flight.paths; print(flight.paths.aircraft_dir())"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if "No module named 'flight'" in result.stderr:
        pytest.fail("flight is not installed: pip install '.[test]'")
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).is_dir(), result.stdout
