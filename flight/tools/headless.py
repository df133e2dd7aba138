"""`flight run LEVEL --headless`: a level flown without a window by a pilot program, optionally recorded, ending
in one JSON object. Imports no panda3d."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flight.sim.command import NEUTRAL, ControlFrame
from flight.sim.dynamics import DT
from flight.sim.replay.live import LiveRecording
from flight.sim.world import load_level
from flight.sim.run.autopilot import level_autopilot
from flight.sim.run.driver import Driver, Pilot
from flight.sim.run.sortie import Sortie


def hands_off(sortie: Sortie) -> ControlFrame:
    """Nobody in the seat: stick centred, throttle closed."""
    return NEUTRAL


class RecordingError(OSError):
    """The replay `flight run --record` asked for could not be written (a full disk, a folder it cannot write):
    one line, as the game's own recorder says it."""


PILOTS: dict[str, Callable[[Sortie], Pilot]] = {"none": lambda sortie: hands_off, "auto": level_autopilot}


def run_level(level: str, seed: int = 0, pilot: str = "auto", record: Path | None = None,
              max_seconds: float = 1800.0, difficulty: str = "normal") -> dict:
    """Fly `level` headless until it ends or `max_seconds` pass; the result `flight run` prints. Raises
    LevelFileError for a broken level, RecordingError when the replay could not be written (whole seconds of a
    recording cut short by a full disk are kept, as the game keeps them)."""
    sortie = Sortie(load_level(level), seed=seed, difficulty=difficulty)
    fly = PILOTS[pilot](sortie)
    recording = LiveRecording(sortie, path=record, pilot=pilot) if record else None
    if recording is not None and recording.problem:
        raise RecordingError(recording.problem)
    driver = Driver(sortie, recording)
    try:
        driver.fly(fly, round(max_seconds / DT))
        result = sortie.result()
        driver.finish(result)
    finally:
        if recording and recording.writer and not recording.writer.closed:
            recording.writer.close()
    if recording is not None and recording.problem:
        raise RecordingError(recording.problem)
    return {"level": level, "seed": seed, **result, "sim_seconds": round(sortie.tick_count * DT, 3),
            "ticks": sortie.tick_count} | ({"replay": str(record)} if record else {})
