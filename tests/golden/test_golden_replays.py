"""Golden replays as regression tests: every `*.flightreplay` in this folder re-simulates bit for bit, one test a
file, so a player's replay dropped in here becomes a test. A stale file (an older format, changed level files or
divergent bits) fails naming the command that records them again (README.md here)."""
from __future__ import annotations

from pathlib import Path

import pytest

from flight.campaign import LEVELS
from flight.sim.replay import ReplayFileError, load_replay
from flight.sim.replay.playback import verify
from tests.sim.replay.crafted import with_header

FOLDER = Path(__file__).parent
RECORD_AGAIN = "python -m tests.golden"


def stale(path: Path) -> str | None:
    """Why the replay in `path` no longer replays exactly, with what to do after a deliberate change; None if it
    does."""
    try:
        result = verify(load_replay(path))
    except ReplayFileError as error:
        problem = str(error)
    else:
        if result.ok:
            return None
        problem = f"{path}: diverged at tick {result.first_divergent_tick}" + (f" ({result.note})" if result.note else "")
    return (f"stale golden replay: {problem}. If the format or the simulation changed on purpose, record them again "
            f"with `{RECORD_AGAIN}` and review the diff.")


@pytest.mark.parametrize("path", sorted(FOLDER.glob("*.flightreplay")), ids=lambda path: path.name)
def test_a_golden_replay_replays_bit_for_bit(path):
    problem = stale(path)
    assert problem is None, problem


def test_every_story_level_has_a_golden_replay():
    assert {level: (FOLDER / f"{level}.flightreplay").is_file() for level in LEVELS} == dict.fromkeys(LEVELS, True)


@pytest.mark.parametrize("change, why", [({"format": 2}, "recorded with replay format 2"),
                                         ({"seed": 1}, "diverged at tick 120")])
def test_a_stale_golden_replay_fails_naming_the_command(tmp_path, change, why):
    path = tmp_path / "stale.flightreplay"
    path.write_bytes(with_header((FOLDER / "training.flightreplay").read_bytes(), **change))
    problem = stale(path)
    assert problem is not None and why in problem and f"`{RECORD_AGAIN}`" in problem
