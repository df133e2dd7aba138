"""Re-simulating a replay: a Playback steps a fresh sortie through the recorded controls, seeks through
keyframes, and can hand over to the player ("take control"); `verify` runs one to the end checking every hash."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from flight import __version__
from flight.sim.replay import arrays
from flight.sim.replay.container import ReplayFileError
from flight.sim.replay.header import aircraft_hash, level_hash
from flight.sim.replay.keyframes import layout_of, layout_problem
from flight.sim.replay.reader import Replay
from flight.sim.replay.writer import ReplayWriter
from flight.sim.world import LevelFileError, load_level
from flight.sim.run.driver import Driver
from flight.sim.run.sortie import Sortie


def sortie_for(replay: Replay) -> Sortie:
    """A fresh sortie of the replay's level, seed and difficulty. A level that is gone or whose files changed,
    changed aircraft files, or keyframes of other arrays than the level's, are a ReplayFileError: the recording
    could not replay exactly."""
    name, level = replay.path, replay.header["level"]
    try:
        loaded = load_level(level)
    except LevelFileError as error:
        raise ReplayFileError(f"{name}: its level cannot be loaded: {error}") from None
    if replay.header["level_hash"] != level_hash(level):
        raise ReplayFileError(f"{name}: the files of level {level!r} have changed since it was recorded")
    if replay.header["aircraft_hash"] != aircraft_hash():  # any type's figures change every aircraft's flight
        raise ReplayFileError(f"{name}: the aircraft files (models/aircraft) have changed since it was recorded")
    sortie = Sortie(loaded, seed=replay.header["seed"], difficulty=replay.header["difficulty"])
    problem = layout_problem(replay.layout, layout_of(sortie.state()))
    if problem:
        raise ReplayFileError(f"{name}: its keyframes do not fit level {level!r}: {problem}")
    return sortie


def version_note(replay: Replay) -> str | None:
    """Why a divergence would not surprise: another game version (changed level or aircraft files are refused)."""
    if replay.header["game_version"] != __version__:
        return f"recorded with flight {replay.header['game_version']}, this is {__version__}"
    return None


class Playback:
    """A sortie driven by a replay's controls. `tick` is how many of them have run."""

    def __init__(self, replay: Replay):
        self.replay = replay
        self.sortie = sortie_for(replay)
        self.driver = Driver(self.sortie)
        self._controls = replay.control_arrays()
        self._buttons = replay.controls[:, 5]

    @property
    def tick(self) -> int:
        return self.sortie.tick_count

    @property
    def at_end(self) -> bool:
        return self.tick >= self.replay.ticks or self.sortie.end is not None

    def step(self, ticks: int = 1) -> int:
        """Run up to `ticks` recorded ticks (fewer at the end); returns how many ran."""
        ran = 0
        while ran < ticks and not self.at_end:
            self.driver.step_recorded(self._controls[self.tick], int(self._buttons[self.tick]))
            ran += 1
        return ran

    def seek(self, tick: int) -> None:
        """Jump to `tick` (clamped to the recording): from the newest keyframe at or before it, unless going on
        from here is shorter; either way the state is the one straight playback reaches."""
        tick = min(max(int(tick), 0), self.replay.ticks)
        keyframe_tick = max(t for t in self.replay.keyframes if t <= tick)
        if tick < self.tick or keyframe_tick > self.tick:
            _, state = self.replay.keyframe(tick)
            self.sortie.restore(state)
        self.step(tick - self.tick)

    def take_control(self, path: Path) -> ReplayWriter:
        """Start a new recording at the current tick: the original's inputs up to here, then the player's."""
        return ReplayWriter.continuing(self.replay, self.tick, path, taken_from={
            "file": self.replay.path.name, "tick": self.tick})


@dataclass(frozen=True)
class Verification:
    ok: bool
    ticks: int  # how many ticks were re-simulated
    first_divergent_tick: int | None  # the tick of the first state hash (or keyframe) that differed
    note: str | None = None

    def to_json(self) -> dict:
        result = {"ok": self.ok, "ticks": self.ticks, "first_divergent_tick": self.first_divergent_tick}
        return result | ({"note": self.note} if self.note else {})


@dataclass(frozen=True)
class SegmentCheck:
    """What re-simulating one keyframe segment found: the first tick that differed (None: all matched) and why,
    if not a state hash; at the recording's end, the outcome the re-simulation reached."""
    divergent_tick: int | None
    why: str | None = None
    outcome: str | None = None


def segments(replay: Replay) -> list[tuple[int, int]]:
    """(start, end) tick pairs from each keyframe to the next, the last to the recording's end. They chain: each
    checks the keyframe at its end, which the next starts from."""
    starts = sorted(t for t in replay.keyframes if t < replay.ticks)
    return list(zip(starts, starts[1:] + [replay.ticks]))


def check_segment(playback: Playback, start: int, end: int) -> SegmentCheck:
    """Re-simulate ticks start+1 .. end from the keyframe at `start` (restored as a seek does, unless the playback
    is already there), checking every state hash on the way and the keyframe at `end`, if there is one."""
    replay = playback.replay
    if playback.tick != start:
        playback.sortie.restore(replay.keyframes.arrays(start))
    for tick in range(start + 1, end + 1):
        if playback.step() == 0:
            return SegmentCheck(playback.tick, "the flight ended early")
        expected = replay.hashes.get(tick)
        keyframe = replay.keyframes.get(tick) if tick == end else None  # a segment ends at the next keyframe
        if expected is None and keyframe is None:
            continue
        state = arrays.to_bytes(playback.sortie.state())
        if expected is not None and arrays.digest_of_bytes(state) != expected:
            return SegmentCheck(tick)
        if keyframe is not None and state != keyframe:
            return SegmentCheck(tick, "the keyframe there differs")
    outcome = playback.sortie.result()["outcome"] if end == replay.ticks else None
    return SegmentCheck(None, outcome=outcome)


def verdict(replay: Replay, checks: list[SegmentCheck]) -> Verification:
    """One verification from the checks of a replay's segments (in any order; any after a divergence may be
    missing): the first divergent tick, else the outcome reached at the end against the recorded one."""
    note = version_note(replay)
    diverged = [c for c in checks if c.divergent_tick is not None]
    if diverged:
        first = min(diverged, key=lambda c: c.divergent_tick)
        return Verification(False, first.divergent_tick, first.divergent_tick, _joined(first.why, note))
    (outcome,) = [c.outcome for c in checks if c.outcome is not None]
    recorded = replay.outcome or {}
    if outcome != recorded.get("outcome", "timeout") and recorded.get("outcome") != "abandoned":
        return Verification(False, replay.ticks, replay.ticks, _joined("the outcome differs", note))
    return Verification(True, replay.ticks, None, note)


def verify(replay: Replay, progress: Callable[[int, int], None] | None = None) -> Verification:
    """Re-simulate the whole replay headless, straight through, and compare every state hash, every keyframe and
    the outcome. (flight.sim.replay.parallel checks the same segments in several processes.)"""
    playback = Playback(replay)
    checks = []
    for start, end in segments(replay):
        checks.append(check_segment(playback, start, end))
        if checks[-1].divergent_tick is not None:
            break
        if progress is not None:
            progress(end, replay.ticks)
    if not checks:  # a recording of no ticks: only its outcome to check
        checks.append(SegmentCheck(None, outcome=playback.sortie.result()["outcome"]))
    return verdict(replay, checks)


def _joined(*parts: str | None) -> str:
    return "; ".join(p for p in parts if p)
