"""Running a level's mission.py: its @phase functions in story order, each a generator that yields `m.wait(...)`
or `m.until(...)`; parallel phases started with `m.start`. What a story phase returns is handed to the next as its
arguments after `m`. Ticked by the sortie after the world, so a mission is as deterministic as the world. Its
state (where each phase is, with what arguments and until which tick, objectives, log, outcome) saves as plain
data and restores by re-running the phases' code in replay mode (see script.py). Imports no panda3d."""
from __future__ import annotations

import inspect
import json
import types
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from flight.sim.missions.script import OUTCOMES, Event, Mission, Objective, Until, Wait


class MissionError(Exception):
    """A broken mission script; the message is one line: file, line and problem."""


def phase(fn):
    """Marks a function of mission.py as a phase of the story; phases run one after another in file order."""
    fn.is_phase = True
    return fn


def load_script(path: Path) -> tuple[types.ModuleType, list]:
    """Run mission.py's top level (definitions, no world yet) and return it with its phases in file order."""
    try:
        code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    except SyntaxError as error:
        raise MissionError(f"{path}:{error.lineno}: {error.msg}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise MissionError(f"{path}: cannot read it ({error})") from None
    module = types.ModuleType(f"mission_{path.parent.name}")
    module.__file__ = str(path)
    try:
        exec(code, module.__dict__)
    except Exception as error:
        raise MissionError(script_error(path, error)) from None
    phases = [v for v in module.__dict__.values() if callable(v) and getattr(v, "is_phase", False)]
    if not phases:
        raise MissionError(f"{path}: no phases (mark the scenes with @phase, from flight.sim.missions import phase)")
    epilogue = getattr(module, "EPILOGUE", {})
    if not (isinstance(epilogue, dict) and all(k in OUTCOMES and isinstance(v, str) for k, v in epilogue.items())):
        raise MissionError(f"{path}: EPILOGUE must map outcomes ({', '.join(OUTCOMES)}) to caption text")
    return module, phases


def script_error(path: Path, error: BaseException, line: int | None = None) -> str:
    """'file:line: Type: message', the line being the deepest frame of the script in the traceback."""
    frames = [f for f in _frames(error) if f.filename == str(path)]
    line = frames[-1].lineno if frames else line
    where = f"{path}:{line}" if line else str(path)
    return f"{where}: {type(error).__name__}: {' '.join(str(error).split())}"


def _frames(error: BaseException):
    import traceback
    return traceback.extract_tb(error.__traceback__)


@dataclass
class Running:
    name: str
    gen: object  # the phase's generator (None once done)
    yields: int = 0
    made: int = 0  # objectives it has made
    waiting: Wait | Until | None = None
    done: bool = False
    story: bool = False  # one of the @phase sequence (else started with m.start)
    args: list = field(default_factory=list)  # after `m`: plain data, kept in the state, so a restore hands the same
    returned: object = None  # what it returned: the next story phase's arguments


@dataclass
class MissionRunner:
    level: object
    world: object
    units: dict[str, int]
    running: list[Running] = field(default_factory=list)

    def __post_init__(self):
        self.path = self.level.mission_path
        self.module, self.phases = load_script(self.path)
        self.m = Mission(self.world, self.level, self.units)
        self.m.start = self.start
        self.sequence = 0
        self._begin(self.phases[0], story=True, args=())

    @property
    def outcome(self) -> Event | None:
        return self.m.outcome

    def epilogue(self) -> str:
        """The script's closing caption for the outcome (its EPILOGUE), shown by the debrief; "" if none."""
        if self.outcome is None:
            return ""
        return getattr(self.module, "EPILOGUE", {}).get(self.outcome.speaker, "")

    def start(self, fn, *args) -> None:
        """`m.start(phase, *args)`: run another phase alongside the story (a watcher, a side scene), called as
        `phase(m, *args)`."""
        if not self.m.replaying:
            caller = self.m.phase_name, self.m._made  # the starting phase carries on making its objectives
            self._begin(fn, story=False, args=args)
            self.m.phase_name, self.m._made = caller

    def tick(self) -> None:
        m = self.m
        for condition, outcome, reason in list(m.rules):
            if m.outcome is None and self._check(condition, None):
                m._end(outcome, reason)
        for running in list(self.running):
            if not running.done and self._ready(running):
                self._advance(running)
        story = [r for r in self.running if r.story]
        if story and story[-1].done and self.sequence + 1 < len(self.phases) and m.outcome is None:
            self.sequence += 1
            handed = story[-1].returned
            args = () if handed is None else handed if isinstance(handed, tuple) else (handed,)
            self._begin(self.phases[self.sequence], story=True, args=args)

    # ---- phases -------------------------------------------------------------------------------------------
    def _begin(self, fn, story: bool, args) -> None:
        try:  # through JSON, so that a phase gets the same types live as when a keyframe is restored
            args = json.loads(json.dumps(list(args)))
        except (TypeError, ValueError):
            raise MissionError(f"{self.path}:{_line(fn)}: {fn.__name__} is handed {args!r}: a phase's arguments "
                               f"must be plain data (numbers, strings, lists)") from None
        running = Running(fn.__name__, None, story=story, args=args)
        self.running.append(running)
        self._call(running, fn)
        if running.gen is not None:
            self._advance(running)

    def _call(self, running: Running, fn) -> None:
        self.m.phase_name, self.m._made = running.name, running.made
        try:
            result = fn(self.m, *running.args)
        except Exception as error:
            raise MissionError(script_error(self.path, error, _line(fn))) from None
        running.made = self.m._made
        if inspect.isgenerator(result):
            running.gen = result
        else:
            running.done, running.returned = True, result

    def _advance(self, running: Running) -> None:
        self.m.phase_name, self.m._made = running.name, running.made
        try:
            waiting = next(running.gen)
        except StopIteration as end:
            running.done, running.gen, running.waiting, running.returned = True, None, None, end.value
            return
        except Exception as error:
            raise MissionError(script_error(self.path, error, _line(running.gen))) from None
        finally:
            running.made = self.m._made
        if not isinstance(waiting, (Wait, Until)):
            raise MissionError(f"{self.path}:{_line(running.gen)}: a phase must yield m.wait(...) or "
                               f"m.until(...), not {waiting!r}")
        running.yields += 1
        running.waiting = waiting

    def _ready(self, running: Running) -> bool:
        waiting = running.waiting
        if waiting.until_tick is not None and self.m.tick >= waiting.until_tick:
            return True
        return isinstance(waiting, Until) and self._check(waiting.condition, running.gen)

    def _check(self, condition, gen) -> bool:
        try:
            return condition(self.m)
        except Exception as error:
            raise MissionError(script_error(self.path, error, _line(gen) if gen else None)) from None

    # ---- keyframes ------------------------------------------------------------------------------------------
    def state(self) -> dict[str, np.ndarray]:
        m = self.m
        data = {"sequence": self.sequence,
                "phases": [[r.name, r.yields, r.made, r.done, r.story,
                            r.waiting.until_tick if r.waiting is not None else None, r.args] for r in self.running],
                "objectives": [[o.key, o.text, o.optional, o.state] for o in m.objectives.values()],
                "log": [[e.tick, e.kind, e.speaker, e.text, e.seconds] for e in m.log],
                "outcome": m.log.index(m.outcome) if m.outcome is not None else None}
        return {"mission": np.frombuffer(json.dumps(data, separators=(",", ":")).encode(), dtype=np.uint8)}

    def restore(self, state: dict[str, np.ndarray]) -> None:
        """Put back a `state()`: the data as saved, then each phase's code re-run in replay mode up to where it
        was, so its generator, its conditions and its rules exist again."""
        data = json.loads(bytes(state["mission"]).decode())
        m = self.m
        m.objectives = {key: Objective(key, text, optional, st, mission=m) for key, text, optional, st in data["objectives"]}
        m.log = [Event(*row) for row in data["log"]]
        m.outcome = m.log[data["outcome"]] if data["outcome"] is not None else None
        m.rules = []
        self.sequence = data["sequence"]
        self.running = []
        m.replaying = True
        try:
            for name, yields, made, done, story, wait_tick, args in data["phases"]:
                running = Running(name, None, story=story, args=args)
                self.running.append(running)
                self._call(running, getattr(self.module, name))
                for _ in range(yields + done):  # a finished phase runs past its last yield, to its end
                    if not running.done:
                        self._advance(running)
                if running.waiting is not None:  # its deadline as first set, not as the re-run works it out
                    running.waiting.until_tick = wait_tick
                running.made, running.done = made, done
                if done:
                    running.gen, running.waiting = None, None
        finally:
            m.replaying = False


def _line(obj) -> int | None:
    """The line a generator is paused at, or where a function starts."""
    frame = getattr(obj, "gi_frame", None)
    if frame is not None:
        return frame.f_lineno
    code = getattr(obj, "__code__", None)
    return code.co_firstlineno if code else None
