"""A level name from anywhere (a replay's header, a ghost, progress.toml, the command line) is an installed
level's name or is refused in one line before anything of it is opened or imported: a level runs its mission.py,
so a name that is a path would run code from anywhere on disk."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import flight
from flight.paths import levels_dir
from flight.sim.replay import ReplayFileError, load_replay
from flight.sim.world import LevelFileError, known_levels, load_level
from tests.sim.replay.crafted import with_header
from tests.sim.replay.recordings import recorded


@pytest.fixture
def evil(tmp_path) -> tuple[Path, Path]:
    """A level folder outside levels/ whose mission.py leaves a marker when it is imported: (folder, marker)."""
    folder, marker = tmp_path / "evil", tmp_path / "pwned"
    shutil.copytree(levels_dir() / "training", folder)
    (folder / "mission.py").write_text(f"open({str(marker)!r}, 'w').close()\n")
    return folder, marker


def names_for(folder: Path) -> list[str]:
    relative = os.path.relpath(folder, levels_dir())
    return [str(folder), relative, f"training/../{relative}", f"./{relative}", "training/", "..", ".", "",
            "training\n", "training\x00", "x" * 5000, "/etc/passwd", "~/evil"]


def test_only_installed_names_load(evil):
    folder, marker = evil
    for name in names_for(folder):
        with pytest.raises(LevelFileError, match="unknown level") as error:
            load_level(name)
        message = str(error.value)
        assert "\n" not in message and len(message) < 400, message
    assert not marker.exists()


def test_a_name_that_is_not_a_string_is_refused():
    for name in (None, 3, ["training"], {"training": 1}):
        with pytest.raises(LevelFileError, match="unknown level"):
            load_level(name)


def test_a_symlink_in_levels_out_of_it_is_not_an_installed_level(evil, tmp_path, monkeypatch):
    folder, marker = evil
    levels = tmp_path / "levels"
    shutil.copytree(levels_dir(), levels)
    (levels / "linked").symlink_to(folder, target_is_directory=True)
    monkeypatch.setattr("flight.paths.levels_dir", lambda: levels)
    assert "linked" not in known_levels() and "training" in known_levels()
    with pytest.raises(LevelFileError, match="unknown level 'linked'"):
        load_level("linked")
    assert not marker.exists()


def test_a_theatre_is_a_name_too(tmp_path, monkeypatch):
    from flight.sim.map.theatre import load_theatre
    for name in ("/etc/passwd", "../theatre", "theatre\n", "t" * 5000):
        with pytest.raises(ValueError, match="unknown theatre") as error:
            load_theatre(name)
        assert "\n" not in str(error.value)


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> bytes:
    return recorded(tmp_path_factory.mktemp("names"), seconds=2).read_bytes()


def test_a_replay_naming_a_path_is_refused_before_anything_runs(evil, good, tmp_path):
    folder, marker = evil
    path = tmp_path / "evil.flightreplay"
    for name in names_for(folder):
        path.write_bytes(with_header(good, level=name))
        with pytest.raises(ReplayFileError, match="not an installed level|is .* characters long") as error:
            load_replay(path)
        assert "\n" not in str(error.value) and str(error.value).startswith(str(path))
    assert not marker.exists()


@pytest.mark.parametrize("mode", ["--verify", "--info"])
def test_flight_replay_refuses_it_in_one_line(evil, good, tmp_path, mode):
    folder, marker = evil
    path = tmp_path / "evil.flightreplay"
    path.write_bytes(with_header(good, level=str(folder)))
    result = subprocess.run([sys.executable, "-m", "flight", "replay", str(path), mode], capture_output=True,
                            text=True, timeout=120, cwd=Path(flight.__file__).resolve().parent.parent)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "not an installed level" in result.stderr, result.stderr
    assert not marker.exists()
