"""What happened in a flight, as the replay's timeline and the Tacview export show it: take-offs and landings,
objectives made or failed, hits given and taken, aircraft downed, stalls and spins, jams and belt changes, seat
changes and crashes. A watcher reads the sortie every SAMPLE_TICKS (its counters and flags, never its internals'
history) and turns what changed into events; it writes nothing, so a replay flies the same with or without one.
Imports no panda3d."""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.missions.unit_view import UnitView

SAMPLE_TICKS = 12  # 0.1 s: finer than a marker on any timeline, and cheap beside the ticks
SPIN_YAW_RATE = 1.5  # rad/s of yaw while stalled: autorotation, not a stalled turn
SETTLED_TICKS = round(2.0 / DT)  # in the air (or on the ground) this long before it counts as a take-off (landing)
BURST_TICKS = round(2.0 / DT)  # hits closer together than this are one event, counted
SEAT_WORDS = {"aircraft": "flying", "gate": "at the gate's gun", "rear_gun": "at the rear gun"}
KINDS = ("takeoff", "landing", "objective", "hit_given", "hit_taken", "downed", "stall", "spin", "jam", "belt",
         "seat", "crash")


@dataclass(frozen=True)
class FlightEvent:
    tick: int
    kind: str  # one of KINDS
    text: str  # what happened, in a few words
    aircraft: int = 0  # the fleet index it happened to (0: the player's)
    count: int = 1  # hits in a burst


class EventWatcher:
    """`observe(sortie)` every SAMPLE_TICKS ticks (and at the end) returns the events since the last time;
    `events` holds them all, in tick order."""

    def __init__(self, sortie):
        world = sortie.world
        n = world.fleet.n
        self.names = [_pilot(name) for name in world.names]
        self.events: list[FlightEvent] = []
        self.airborne = ~world.fleet.on_ground.copy()
        self.touched = world.fleet.on_ground.copy()  # been on the ground: one that appears in the air never took off
        self.ground_since = np.zeros(n, dtype=np.int64)
        self.crashed = world.fleet.crashed.copy()
        self.downed = world.combat.condition.downed.copy()
        self.hits = int(world.combat.condition.hits[0])
        self.hits_taken = int(world.combat.condition.hits_taken[0])
        self.stalled = self.spinning = self.jammed = self.reloading = False
        self.rounds = world.combat.ammunition()[0].copy()
        self.seat = world.seat
        self.log_length = 0
        self.fresh: list[FlightEvent] = []  # this sample's, hits uncounted into bursts

    def observe(self, sortie) -> list[FlightEvent]:
        """This sample's events (its own hits, where `events` counts them into the burst they belong to)."""
        self.fresh = []
        world, tick = sortie.world, sortie.tick_count
        self._air_and_ground(world, tick)
        self._combat(world, tick)
        self._handling(world, tick)
        self._guns(world, tick)
        self._mission(sortie.mission.m, tick)
        if world.seat != self.seat:
            self.seat = world.seat
            self._add(tick, "seat", SEAT_WORDS.get(self.seat, self.seat).capitalize())
        return self.fresh

    def _add(self, tick: int, kind: str, text: str, aircraft: int = 0) -> None:
        self.events.append(FlightEvent(tick, kind, text, aircraft))
        self.fresh.append(self.events[-1])

    def _air_and_ground(self, world, tick: int) -> None:
        fleet, run = world.fleet, world.airborne_run
        for i in range(fleet.n):
            if fleet.on_ground[i] and not self.ground_since[i]:
                self.ground_since[i], self.touched[i] = tick, True
            elif not fleet.on_ground[i]:
                self.ground_since[i] = 0
            if not self.airborne[i] and run[i] >= SETTLED_TICKS:
                self.airborne[i] = True
                if self.touched[i]:
                    self._add(tick - int(run[i]), "takeoff", f"{self.names[i]} took off", i)
            elif self.airborne[i] and self.ground_since[i] and tick - self.ground_since[i] >= SETTLED_TICKS:
                self.airborne[i] = False
                if not fleet.crashed[i]:
                    self._add(int(self.ground_since[i]), "landing", f"{self.names[i]} landed", i)
            if fleet.crashed[i] and not self.crashed[i]:
                self.crashed[i] = True
                self._add(tick, "crash", f"{self.names[i]} crashed ({fleet.crash_cause_name(i).replace('_', ' ')})", i)

    def _combat(self, world, tick: int) -> None:
        condition = world.combat.condition
        for i in np.flatnonzero(condition.downed & ~self.downed):
            self.downed[i] = True
            by = int(condition.downed_by[i])
            who = "by you" if by == 0 else (f"by {self.names[by]}" if 0 < by < len(self.names) else "")
            self._add(tick, "downed", " ".join(filter(None, (f"{self.names[i]} down", who))), int(i))
        for kind, now, counter in (("hit_given", int(condition.hits[0]), "hits"),
                                   ("hit_taken", int(condition.hits_taken[0]), "hits_taken")):
            new = now - getattr(self, counter)
            if new > 0:
                setattr(self, counter, now)
                self._hits(tick, kind, new)

    def _hits(self, tick: int, kind: str, new: int) -> None:
        """`new` hits of `kind` at `tick`: counted into the last burst of that kind if it is recent."""
        self.fresh.append(FlightEvent(tick, kind, _hits_text(kind, new), 0, new))
        last = next((n for n in range(len(self.events) - 1, -1, -1) if self.events[n].kind == kind), None)
        if last is not None and tick - self.events[last].tick < BURST_TICKS:
            event = self.events[last]
            count = event.count + new
            self.events[last] = replace(event, count=count, text=_hits_text(kind, count))
        else:
            self.events.append(FlightEvent(tick, kind, _hits_text(kind, new), 0, new))

    def _handling(self, world, tick: int) -> None:
        player = UnitView(world, 0, None)  # "stalled" as a mission asks it
        stalled = player.stalled and not player.crashed
        spinning = stalled and abs(float(world.fleet.omega[0, 2])) > SPIN_YAW_RATE
        if stalled and not self.stalled:
            self._add(tick, "stall", "Stalled")
        if spinning and not self.spinning:
            self._add(tick, "spin", "Spinning")
        self.stalled, self.spinning = stalled, spinning

    def _guns(self, world, tick: int) -> None:
        jammed = bool(world.combat.jammed_guns()[0].any())
        rounds = world.combat.ammunition()[0]
        reloading = bool((rounds > self.rounds).any())
        gate = world.seats.get("gate")
        if gate is not None and world.seat == "gate":
            jammed = jammed or gate.gate.stopped
            reloading = reloading or gate.gate.reload_ticks > 0
        if jammed and not self.jammed:
            self._add(tick, "jam", "The gun stopped, boiling" if world.seat == "gate" else "Gun jammed")
        if reloading and not self.reloading:
            self._add(tick, "belt", "Belt changed")
        self.jammed, self.reloading, self.rounds = jammed, reloading, rounds.copy()

    def _mission(self, m, tick: int) -> None:
        for event in m.log[self.log_length:]:
            if event.kind == "objective" and event.speaker in ("done", "failed"):
                objective = m.objectives.get(event.text)
                name = objective.text if objective is not None else event.text
                self._add(event.tick, "objective", f"{'Done' if event.speaker == 'done' else 'Failed'}: {name}")
        self.log_length = len(m.log)


def _pilot(slot: str) -> str:
    """A slot's name as the timeline says it: "You", or "scramble 2" for "scramble/1"."""
    if slot == "player":
        return "You"
    flight, _, number = slot.partition("/")
    return f"{flight.replace('_', ' ')} {int(number) + 1}" if number.isdigit() else slot


def _hits_text(kind: str, count: int) -> str:
    return f"{count} hit{'s' if count != 1 else ''} {'scored' if kind == 'hit_given' else 'taken'}"

