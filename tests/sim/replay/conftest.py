"""Recordings several replay tests read, made once per test run: the first test to ask records it, under a lock in
the run's shared temporary folder, and the others (in any xdist worker) wait for it and read the same file."""
from __future__ import annotations

import fcntl
import json
from pathlib import Path

import pytest

from tests.sim.replay.recordings import record_breakout


@pytest.fixture(scope="session")
def breakout_recording(tmp_path_factory, request) -> tuple[Path, int]:
    """Level 2 for 70 s, through the hand-over and the rear gun (recordings.allison_then_dig): the file and the
    tick of the hand-over."""
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if hasattr(request.config, "workerinput") else base) / "shared-recordings"
    folder.mkdir(exist_ok=True)
    path, facts = folder / "breakout.flightreplay", folder / "breakout.json"
    with open(folder / "breakout.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not facts.exists():
            path.unlink(missing_ok=True)  # left by a worker that died recording it
            facts.write_text(json.dumps({"handover": record_breakout(path)}))
    return path, json.loads(facts.read_text())["handover"]
