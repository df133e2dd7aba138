"""What the app shows of a mission at one tick, read-only: the radio line or caption on screen, the objectives and
their states, and the latest staged scene. Read from the mission's log alone, so any tick reads the same however
it was reached: flown straight, or restored from a keyframe by a seek. Imports no panda3d."""
from __future__ import annotations

from dataclasses import dataclass

from flight.sim.dynamics import DT
from flight.sim.missions.script import Event, Mission


@dataclass(frozen=True)
class Line:
    """A radio or caption line said at `tick`, on screen for `seconds` from `start_tick`: the tick it was said, or
    later, when the line said before it is still on screen then."""
    tick: int
    speaker: str
    text: str
    seconds: float
    start_tick: int


@dataclass(frozen=True)
class Scene:
    """A staged scene the mission cut to (`m.scene`): the app plays `name` for `seconds` from `start_tick`."""
    name: str
    start_tick: int
    seconds: float


@dataclass(frozen=True)
class MissionSnapshot:
    """`on_air` is the line on screen at `tick` (None: none is); `objectives` are (text, state) in the order the
    script made them, state "active", "done" or "failed"; `scene` is the last one the mission cut to, or None."""
    tick: int
    on_air: Line | None
    objectives: tuple[tuple[str, str], ...]
    scene: Scene | None


def mission_snapshot(m: Mission) -> MissionSnapshot:
    """The mission `m` now."""
    scene = next((Scene(e.text, e.tick, e.seconds) for e in reversed(m.log) if e.kind == "scene"), None)
    return MissionSnapshot(m.tick, line_on_air(m.log, m.tick),
                           tuple((o.text, o.state) for o in m.objectives.values()), scene)


def line_on_air(log: list[Event], tick: int) -> Line | None:
    """The line on screen at `tick`. The lines queue: each shows for its seconds from the tick it was said, or from
    the end of the line before it if that is later (two lines said at once follow each other), counted in ticks, so
    the answer never depends on the frames or the seeks that reached `tick`."""
    free_from, last, last_start = 0, None, 0  # the tick the screen is free from: the end of the last line shown
    for event in log:
        if event.tick > tick:
            break
        if event.kind == "say":
            start = max(event.tick, free_from)
            if start > tick:  # waiting behind the line on screen
                break
            free_from = start + round(event.seconds / DT)
            last, last_start = event, start
    if last is None or tick >= free_from:
        return None
    return Line(last.tick, last.speaker, last.text, last.seconds, last_start)
