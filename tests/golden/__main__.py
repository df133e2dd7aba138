"""`python -m tests.golden` (from the checkout): record the golden replays again after a deliberate change to the
replay format or the simulation. Each story level is flown headless by its auto-pilot, seed 0, for its SECONDS, as
`flight run LEVEL --pilot auto --record FILE` flies it, and replaces its file only once the recording is whole.
Review the change (`git diff --stat tests/golden`) before committing it."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from flight.campaign import LEVELS
from flight.tools.headless import run_level

FOLDER = Path(__file__).parent
SECONDS = {"training": 75.0, "escape": 75.0, "breakout": 90.0}  # short, so the suite verifies all in seconds


def record_golden(level: str, folder: Path = FOLDER) -> Path:
    """The level's golden replay, recorded beside the old one and then moved over it in one step."""
    path = folder / f"{level}.flightreplay"
    partial = folder / f".{path.name}.recording"
    partial.unlink(missing_ok=True)  # left by a run that was killed
    try:
        run_level(level, record=partial, max_seconds=SECONDS[level])
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def main() -> int:
    for level in LEVELS:
        path = record_golden(level)
        print(f"{path}: {path.stat().st_size / 1000:.0f} KB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
