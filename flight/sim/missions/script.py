"""`m`, the mission API a level's mission.py is written against: time (`wait`, `until`), story (`say`),
objectives, outcome, and questions about units and zones. Everything a script does goes through here and
becomes an event in `log`, which the HUD shows and the replay re-creates. Imports no panda3d.

While a keyframe is being restored the runner re-runs the phases' code with `replaying` set: then the calls
that change anything are skipped (their effects are already in the restored state) and `objective` hands back
the objective made at that point the first time.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from flight.sim.dynamics import DT
from flight.sim.missions.conditions import Condition
from flight.sim.missions.unit_view import UnitView
from flight.sim.world.seats import SEAT_NAMES, seat_type

OUTCOMES = ("success", "partial", "failure")


@dataclass
class Wait:
    until_tick: int


@dataclass
class Until:
    condition: Condition
    until_tick: int | None = None  # carry on then at the latest (m.until's at_most_s)


@dataclass
class Objective:
    key: str  # the phase that made it and its number there, so re-running the phases finds it again
    text: str
    optional: bool
    state: str = "active"  # "active", "done", "failed"
    mission: "Mission | None" = None

    def complete(self) -> None:
        self.mission._set_objective(self, "done")

    def fail(self) -> None:
        self.mission._set_objective(self, "failed")


@dataclass(frozen=True)
class Event:
    """One line of the mission's log: kind "say" (speaker, text, seconds), "objective" (text = its key,
    speaker = its new state), "scene" (text = the scene's name, seconds: how long the app plays it), "stat"
    (speaker = a debrief figure's name, text = its value) or "outcome" (speaker = the outcome, text = the
    reason)."""
    tick: int
    kind: str
    speaker: str
    text: str
    seconds: float = 0.0


class Mission:
    def __init__(self, world, level, units: dict[str, int]):
        self.world, self.level = world, level
        self.units = units  # unit name -> fleet index; "player" is 0
        self._views: dict[str, UnitView] = {}  # a view reads the world as it is, so one per unit serves every tick
        self.objectives: dict[str, Objective] = {}
        self.log: list[Event] = []
        self.outcome: Event | None = None
        self.rules: list[tuple[Condition, str, str]] = []  # (condition, outcome, reason), checked every tick
        self.replaying = False
        self.phase_name = ""  # set by the runner around each phase's code
        self._made = 0  # objectives made so far by the running phase

    # ---- time -------------------------------------------------------------------------------------------------
    @property
    def tick(self) -> int:
        return self.world.tick_count

    @property
    def seconds(self) -> float:
        return self.world.tick_count * DT

    def wait(self, s: float) -> Wait:
        """`yield m.wait(s=20)`: carry on 20 s of mission time later."""
        return Wait(self.tick + round(s / DT))

    def until(self, condition: Condition, at_most_s: float | None = None) -> Until:
        """`yield m.until(airborne("player"))`: carry on the first tick the condition holds, or `at_most_s` of
        mission time later if that comes first (`m.until(squadron_down, at_most_s=240)`)."""
        if not isinstance(condition, Condition):
            raise TypeError(f"m.until needs a condition (from flight.sim.missions), got {condition!r}")
        return Until(condition, None if at_most_s is None else self.tick + round(at_most_s / DT))

    # ---- story and objectives -----------------------------------------------------------------------------------
    def say(self, speaker: str, text: str, seconds: float = 5.0) -> None:
        """A radio or caption line for the HUD (and the log), shown for `seconds`."""
        if not self.replaying:
            self.log.append(Event(self.tick, "say", speaker, text, float(seconds)))

    def scene(self, name: str, seconds: float) -> None:
        """A cut to a staged scene the app plays for `seconds` (Level 2's "gate_dawn"); the world ticks on."""
        if not self.replaying:
            self.log.append(Event(self.tick, "scene", "", name, float(seconds)))

    def stat(self, name: str, value: int | float) -> None:
        """A figure of this mission for the debrief (prisoners through the gate, bombers home); the last set wins."""
        if not self.replaying:
            self.log.append(Event(self.tick, "stat", name, json.dumps(value)))

    @property
    def stats(self) -> dict[str, int | float]:
        """The figures as the debrief shows them. A script does not read them back: it keeps its own values in
        variables, phase arguments and return values, and only reports them here."""
        return {e.speaker: json.loads(e.text) for e in self.log if e.kind == "stat"}

    def objective(self, text: str, optional: bool = False) -> Objective:
        """A new objective, shown active in the HUD's list; call `.complete()` or `.fail()` on it later."""
        key = f"{self.phase_name}/{self._made}"
        self._made += 1
        if key not in self.objectives:
            if self.replaying:
                raise RuntimeError(f"objective {key} was not made when this was recorded")
            self.objectives[key] = Objective(key, text, optional, mission=self)
            self.log.append(Event(self.tick, "objective", "active", key))
        return self.objectives[key]

    def _set_objective(self, objective: Objective, state: str) -> None:
        if not self.replaying and objective.state == "active":
            objective.state = state
            self.log.append(Event(self.tick, "objective", state, objective.key))

    # ---- outcome --------------------------------------------------------------------------------------------
    def succeed(self, reason: str) -> None:
        self._end("success", reason)

    def partial(self, reason: str) -> None:
        """Success, but not the whole of it (a forced landing on the right side of the lines)."""
        self._end("partial", reason)

    def fail(self, reason: str) -> None:
        self._end("failure", reason)

    def fail_if(self, condition: Condition, reason: str) -> None:
        """From now on, the first tick `condition` holds ends the mission as a failure with `reason`."""
        self.rules.append((condition, "failure", reason))

    def succeed_if(self, condition: Condition, reason: str) -> None:
        self.rules.append((condition, "success", reason))

    def partial_if(self, condition: Condition, reason: str) -> None:
        self.rules.append((condition, "partial", reason))

    def _end(self, outcome: str, reason: str) -> None:
        if not self.replaying and self.outcome is None:
            self.outcome = Event(self.tick, "outcome", outcome, str(reason))
            self.log.append(self.outcome)

    # ---- the world ------------------------------------------------------------------------------------------
    def order(self, unit: str, what: str, **details) -> None:
        """Orders for an AI aircraft, a flight ("jasta" is all of them) or a ground group, e.g.
        `m.order("jasta/0", "pursue", target="player")`, `m.order("bombers", "land", field="allied_aerodrome")`."""
        if not self.replaying:
            from flight.sim.missions.dispatch import give
            give(self, unit, what, details)

    def seat(self, where: str) -> None:
        """Move the player to a seat the level offers (flight.sim.world.seats): e.g. "aircraft" (his aircraft,
        slot 0), or "gate" (Level 2's gun at the camp gate)."""
        self._offered(where)
        if not self.replaying:
            self.world.seat = where

    def _offered(self, name: str):
        """The world's seat `name`; one that is not offered is refused, naming the table that would offer it."""
        if name not in SEAT_NAMES:
            raise ValueError(f"m.seat takes one of {', '.join(map(repr, SEAT_NAMES))}, not {name!r}")
        seat = self.world.seats.get(name)
        if seat is None:
            table = seat_type(name).table
            raise ValueError(f"this level has no [{table}]" if table else f"this level has no {name} seat")
        return seat

    def join_side(self, unit: str, side: str) -> None:
        """The crews of `unit` (an aircraft or a flight) fight for `side` from now on; their markings stay."""
        if side not in ("allied", "german"):
            raise ValueError(f"m.join_side takes 'allied' or 'german', not {side!r}")
        if not self.replaying:
            self.world.join_side(unit, side)

    def __getattr__(self, name: str):
        """`m.<seat>`: what a seat offers a script, e.g. `m.gate.through` (Level 2's gate:
        flight.sim.world.seats.gate.gun.Gate)."""
        if name in SEAT_NAMES:
            return self._offered(name).mission_view()
        raise AttributeError(f"'Mission' object has no attribute {name!r}")

    def unit(self, name: str) -> UnitView:
        view = self._views.get(name)
        if view is not None:
            return view
        try:
            view = self._views[name] = UnitView(self.world, self.units[name], self.zone)
            return view
        except KeyError:
            raise KeyError(f"no unit {name!r} in this level (units: {', '.join(self.units)})") from None

    @property
    def player(self) -> UnitView:
        return self.unit("player")

    def zone(self, name: str):
        try:
            return self.level.zones[name]
        except KeyError:
            raise KeyError(f"no zone {name!r} in level.toml (zones: {', '.join(self.level.zones)})") from None
