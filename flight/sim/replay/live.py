"""The recording of the flight being flown in the game: written as it goes, and never the reason a flight stops. A
disk that fills up or a folder that cannot be written ends the recording with one line for the HUD."""
from __future__ import annotations

from pathlib import Path

from flight.sim.replay.header import make_header
from flight.sim.replay.writer import ReplayWriter, new_replay_path
from flight.text import reason


class LiveRecording:
    """`record` after every tick, `finish` once at the end; `problem` says why recording stopped, if it did."""

    def __init__(self, sortie=None, writer: ReplayWriter | None = None, path: Path | None = None, **header_extra):
        self.writer, self.problem = writer, None
        self.path = writer.path if writer else None  # kept after `finish`, for "Watch replay"
        if writer is None:
            try:
                path = path or new_replay_path(sortie.level.name)
                header = make_header(sortie.level.name, sortie.seed, sortie.difficulty, **header_extra)
                self.writer = ReplayWriter(path, header, sortie)
                self.path = path
            except OSError as error:
                self._stop(error, path)

    def record(self, ints: tuple[int, ...], sortie) -> None:
        if self.writer is not None:
            try:
                self.writer.record(ints, sortie)
            except OSError as error:
                self._stop(error, self.writer.path)

    def finish(self, outcome: dict, sortie) -> None:
        if self.writer is not None:
            try:
                self.writer.finish(outcome, sortie)
            except OSError as error:
                self._stop(error, self.writer.path)
            self.writer = None

    def _stop(self, error: OSError, path: Path | None) -> None:
        if self.writer is not None and not self.writer.closed:
            try:
                self.writer.close()
            except OSError:
                pass
        self.writer, self.path = None, None
        why = "already exists; it is not written over" if isinstance(error, FileExistsError) else reason(error)
        self.problem = f"replay not recorded: {path}: {why}"
