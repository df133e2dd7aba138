"""What the app shows of a mission at one tick, read-only: the radio lines and captions said since an earlier tick,
the objectives and their states, and the latest staged scene. Read from the mission's log, so a restored keyframe
reads the same; imports no panda3d."""
from __future__ import annotations

from dataclasses import dataclass

from flight.sim.missions.script import Mission


@dataclass(frozen=True)
class Line:
    """A radio or caption line, shown for `seconds` from the tick it was said."""
    tick: int
    speaker: str
    text: str
    seconds: float


@dataclass(frozen=True)
class Scene:
    """A staged scene the mission cut to (`m.scene`): the app plays `name` for `seconds` from `start_tick`."""
    name: str
    start_tick: int
    seconds: float


@dataclass(frozen=True)
class MissionSnapshot:
    """`lines` were said after the tick asked about, up to `tick`; `objectives` are (text, state) in the order the
    script made them, state "active", "done" or "failed"; `scene` is the last one the mission cut to, or None."""
    tick: int
    lines: tuple[Line, ...]
    objectives: tuple[tuple[str, str], ...]
    scene: Scene | None


def mission_snapshot(m: Mission, since_tick: int) -> MissionSnapshot:
    """The mission `m` now, with the lines said after `since_tick` (-1 for all of them). The log's ticks never go
    down, so the new lines are its tail."""
    new = []
    for event in reversed(m.log):
        if event.tick <= since_tick:
            break
        if event.kind == "say":
            new.append(Line(event.tick, event.speaker, event.text, event.seconds))
    scene = next((Scene(e.text, e.tick, e.seconds) for e in reversed(m.log) if e.kind == "scene"), None)
    return MissionSnapshot(m.tick, tuple(reversed(new)), tuple((o.text, o.state) for o in m.objectives.values()),
                           scene)
