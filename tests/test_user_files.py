"""The player's own files (settings.toml, bindings.toml, progress.toml) read whatever is in them: huge numbers,
deep nesting, bytes that are not UTF-8, a FIFO, a folder, a file of megabytes, values of the wrong kind. Each
is one line naming the file, the defaults are used and the file is left as it was; saves are atomic, clean up
after killed ones and, for progress, count both of two games winning at once."""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import flight
from flight.app.settings import Settings, load_settings, save_settings
from flight.campaign import Progress, load_progress, record_win
from flight.files import STALE_SECONDS
from flight.input.bindings_file import load_bindings
from flight.input.default_bindings import default_bindings

ROOT = Path(flight.__file__).resolve().parent.parent
HOSTILE = {
    "huge integer": b"fov_deg = " + b"9" * 5000 + b"\n",
    "deep nesting": b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "not UTF-8": b"fov_deg = 70 # \xff\xfe\n",
    "a NUL": b"fov_deg = 70\x00\n",
    "megabytes": b"# " + b"x" * (2 << 20) + b"\n",
}
LOADERS = {
    "settings": (lambda path: load_settings(path), Settings()),
    "bindings": (lambda path: load_bindings(path), default_bindings()),
    "progress": (lambda path: load_progress(path), Progress()),
}


def one_line_defaults(kind: str, path: Path, match: str = "") -> str:
    load, defaults = LOADERS[kind]
    before = path.read_bytes() if path.is_file() else None
    value, message = load(path)
    assert value == defaults and message is not None and "\n" not in message, message
    assert str(path) in message and match in message, message
    assert (path.read_bytes() if path.is_file() else None) == before
    return message


@pytest.mark.parametrize("kind", LOADERS)
@pytest.mark.parametrize("content", HOSTILE)
def test_a_hostile_file_is_one_line_and_the_defaults(tmp_path, kind, content):
    path = tmp_path / f"{kind}.toml"
    path.write_bytes(HOSTILE[content])
    one_line_defaults(kind, path)


@pytest.mark.parametrize("kind", LOADERS)
def test_a_fifo_or_a_folder_is_not_read(tmp_path, kind):
    os.mkfifo(tmp_path / "fifo.toml")
    one_line_defaults(kind, tmp_path / "fifo.toml", "not a regular file")
    (tmp_path / "folder.toml").mkdir()
    one_line_defaults(kind, tmp_path / "folder.toml", "not a regular file")


@pytest.mark.parametrize("text, where", [
    ('[keyboard]\nx = ["fire"]\n', "keyboard.x: unknown action ['fire']"),
    ('[keyboard]\nx = 3\n', "keyboard.x: unknown action 3"),
    ('[[profile]]\nname = "S"\n[profile.buttons]\n"²" = "fire"\n', "unknown action|²"),
    ('[[profile]]\nname = "S"\n[profile.buttons]\n"1" = ["fire"]\n', "buttons.1: unknown action ['fire']"),
    ('[[profile]]\nname = "S"\n[profile.axes.aileron]\nsource = "x"\nraw_range = [inf, 0]\n', "raw_range"),
    ('[[profile]]\nname = "S"\n[profile.axes.aileron]\nsource = "x"\ntrim = ' + "9" * 400 + "\n", "trim"),
    ('[[profile]]\nname = "S"\n[profile.axes.aileron]\nsource = ' + "9" * 400 + "\n", "source"),
    ('[[profile]]\nname = "S\\nT"\n[profile.axes.aileron]\nsource = []\n', "source"),
    ("version = " + "1" * 5000 + "\n", "not valid TOML"),
])
def test_bindings_of_the_wrong_kind(tmp_path, text, where):
    path = tmp_path / "bindings.toml"
    path.write_text(text)
    value, message = load_bindings(path)
    if "²" in text and message is None:  # a button named "²" is a name, not an index: bound, harmlessly
        assert value.profiles[0].buttons == {"²": "fire"}
        return
    assert value == default_bindings() and "\n" not in message, message
    assert any(part in message for part in where.split("|")), message


def test_settings_of_the_wrong_size(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("resolution = [" + "9" * 400 + ", 720]\n")
    one_line_defaults("settings", path, "resolution")
    path.write_text("fov_deg = nan\n")
    one_line_defaults("settings", path, "fov_deg")


@pytest.mark.parametrize("won", ['["/etc/passwd"]', '["../levels/training"]', '["escape\\n"]', f'["{"x" * 5000}"]'])
def test_progress_naming_no_installed_level_is_broken(tmp_path, won):
    path = tmp_path / "progress.toml"
    path.write_text(f"won = {won}\n")
    one_line_defaults("progress", path, "is not an installed level")


def test_stale_temp_files_of_killed_saves_are_cleaned_up(tmp_path):
    path = tmp_path / "settings.toml"
    stale = [tmp_path / f".settings.toml.killed{n}.tmp" for n in range(15)]
    fresh = tmp_path / ".settings.toml.saving.tmp"  # another process's save in flight: kept
    for temp in stale + [fresh]:
        temp.write_bytes(b"half a sett")
    old = time.time() - STALE_SECONDS - 5
    for temp in stale:
        os.utime(temp, (old, old))
    save_settings(Settings(fov_deg=80.0), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [fresh.name, "settings.toml"]
    assert load_settings(path) == (Settings(fov_deg=80.0), None)


WINNER = """
import sys
from pathlib import Path
from flight.campaign import record_win
level, folder, rounds = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
problems = [record_win(level, folder / f"{n}" / "progress.toml") for n in range(rounds)]
print(sum(p is not None for p in problems), flush=True)
"""


def test_two_games_winning_at_once_both_count(tmp_path):
    """Two processes, released together, each record their own win into the same 150 files in the same order."""
    rounds = 150
    games = [subprocess.Popen([sys.executable, "-c", WINNER, level, str(tmp_path), str(rounds)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
             for level in ("escape", "breakout")]
    for game in games:
        assert game.stdout.readline() == "ready\n"
    for game in games:
        game.stdin.write("go\n")
        game.stdin.flush()
    assert [game.communicate(timeout=120)[0] for game in games] == ["0\n", "0\n"]
    won = [load_progress(tmp_path / f"{n}" / "progress.toml") for n in range(rounds)]
    lost = [n for n, (progress, _) in enumerate(won) if progress.won != {"escape", "breakout"}]
    assert not lost, f"{len(lost)} of {rounds} rounds lost a win"
    assert all(sorted(os.listdir(tmp_path / f"{n}")) == ["progress.toml"] for n in range(rounds))
