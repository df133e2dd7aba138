"""`flight replay FILE --export OUT.acmi`: the replay flown again headless and written as a Tacview flight recording
(ACMI 2.1 text; zipped when OUT ends in .zip.acmi), ten frames a second. Every aircraft is an object (type, name,
pilot, coalition by the side it fights for) with its place and attitude, IAS, AOA and throttle; the ground units are
objects, each flak burst an explosion; take-offs, landings and aircraft lost are Tacview's events, hits and
objectives messages and bookmarks (flight.sim.run.flight_events). Imports no panda3d."""
from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Callable
from pathlib import Path

from flight.files import write_atomically
from flight.sim.dynamics import DT
from flight.sim.replay.playback import Playback
from flight.sim.replay.reader import Replay
from flight.sim.run.flight_events import SAMPLE_TICKS, EventWatcher, FlightEvent
from flight.sim.world.combat.events import FLAK_BURST
from flight.sim.world.combat.ground_units import GROUND_KINDS, SIDES
from flight.text import reason
from flight.tools import acmi_text as acmi

SUFFIXES = (".zip.acmi", ".acmi")
BURST_SECONDS = 3.0  # a flak burst's object stays this long
GROUND_TYPES = {"flak": "Ground+AntiAircraft", "mg": "Ground+Static+AntiAircraft",
                "searchlight": "Ground+Static", "truck": "Ground+Vehicle", "guards": "Ground+Light+Human+Infantry"}
EVENTS = {"takeoff": "TakenOff", "landing": "Landed", "crash": "Destroyed", "downed": "Destroyed",
          "objective": "Bookmark"}  # the rest are Messages


class ExportError(OSError):
    """The export could not be written: one line naming the file and the problem."""


def export_acmi(replay: Replay, out: Path, progress: Callable[[int, int], None] | None = None) -> Path:
    """Write `replay` to `out` (atomically); ExportError for a name that is not an ACMI file's or a place it
    cannot be written."""
    if not out.name.endswith(SUFFIXES) or out.name in SUFFIXES:
        raise ExportError(f"{out}: not an ACMI file's name (it ends in .acmi, or .zip.acmi to zip it)")
    if out.is_dir():  # said before the replay is flown again, not after
        raise ExportError(f"{out}: cannot write it (a folder of that name is there)")
    text = "\n".join(acmi_lines(replay, progress)) + "\n"
    data = text.encode("utf-8")
    if out.name.endswith(".zip.acmi"):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(out.name[:-len(".zip.acmi")] + ".txt.acmi", data)
        data = buffer.getvalue()
    try:
        return write_atomically(out, data)
    except (OSError, ValueError) as error:  # ValueError: a NUL in the name
        raise ExportError(f"{out}: cannot write it ({reason(error)})") from None


def acmi_lines(replay: Replay, progress: Callable[[int, int], None] | None = None) -> list[str]:
    """The recording's lines: the header, then a frame every SAMPLE_TICKS of what changed since the last."""
    playback = Playback(replay)
    sortie = playback.sortie
    level = sortie.level
    lines = acmi.header(f"Captured! - {level.title}", level.time_of_day,
                        f"{replay.path.name}: level {level.name}, seed {replay.header['seed']}")
    frame = Frames(sortie)
    watcher = EventWatcher(sortie)
    lines += frame.lines(sortie, [])
    while playback.step(SAMPLE_TICKS - playback.tick % SAMPLE_TICKS):
        lines += frame.lines(sortie, watcher.observe(sortie))
        if progress is not None and playback.tick % 1200 == 0:
            progress(playback.tick, replay.ticks)
    return lines


class Frames:
    """The lines of one moment: `#seconds`, then each object whose line differs from the one last written."""

    def __init__(self, sortie):
        world = sortie.world
        self.written: dict[str, str] = {}
        self.sides: dict[str, str] = {}
        self.bursts: list[tuple[int, str]] = []  # (tick it goes, id)
        self.burst_count = 0
        self.destroyed: set[str] = set()  # objects with their Destroyed event written
        self.identities = [_aircraft_identity(world, i) for i in range(world.fleet.n)]

    def lines(self, sortie, events: list[FlightEvent]) -> list[str]:
        world, tick = sortie.world, sortie.tick_count
        body = self._aircraft(world) + self._ground(world) + self._bursts(world, tick)
        body += [self._event(event) for event in events]
        return [f"#{tick * DT:.2f}", *body] if body else []

    def _changed(self, oid: str, line: str, first: str) -> list[str]:
        """`oid`'s line if it changed, with `first` (its fixed properties) the first time."""
        if self.written.get(oid) == line:
            return []
        new = oid not in self.written
        self.written[oid] = line
        return [f"{oid},{line}" + (f",{first}" if new else "")]

    def _aircraft(self, world) -> list[str]:
        fleet, allegiance = world.fleet, world.combat.allegiance
        euler, eas, alpha, throttle = fleet.euler, fleet.eas, fleet.alpha, fleet.applied[:, 3]
        out = []
        for i in range(fleet.n):
            oid = acmi.object_id("aircraft", i)
            north, east, down = (float(v) for v in fleet.pos[i])
            line = (acmi.transform(north, east, -down, *(float(v) for v in euler[i])) +
                    f",IAS={float(eas[i]):.1f},AOA={math.degrees(float(alpha[i])):.1f},Throttle={float(throttle[i]):.2f}")
            out += self._changed(oid, line, self.identities[i])
            side = SIDES[int(allegiance[i])]
            if self.sides.setdefault(oid, side) != side:  # the stolen bombers change sides in Level 2
                self.sides[oid] = side
                out.append(f"{oid},{acmi.coalition(side)}")
        return out

    def _ground(self, world) -> list[str]:
        units, out = world.combat.units, []
        for u in range(len(units.kind)):
            oid = acmi.object_id("ground", u)
            north, east, down = (float(v) for v in units.pos[u])
            line = f"T={acmi.place(north, east, -down)}|0|0|{math.degrees(float(units.heading[u])) % 360.0:.1f}"
            kind = GROUND_KINDS[int(units.kind[u])]
            out += self._changed(oid, line, f"Type={GROUND_TYPES[kind]},Name={acmi.escaped(units.names[u])},"
                                            f"{acmi.coalition(SIDES[int(units.side[u])])}")
            if units.health[u] <= 0.0 and oid not in self.destroyed:
                self.destroyed.add(oid)
                out.append(acmi.event("Destroyed", (oid,)))
        return out

    def _event(self, event: FlightEvent) -> str:
        """A flight event as Tacview's; an aircraft is Destroyed once (downed, then crashed: the crash a message)."""
        kind, oid = EVENTS.get(event.kind, "Message"), acmi.object_id("aircraft", event.aircraft)
        if kind == "Destroyed" and oid in self.destroyed:
            kind = "Message"
        self.destroyed |= {oid} if kind == "Destroyed" else set()
        return acmi.event(kind, () if kind == "Bookmark" else (oid,), event.text)

    def _bursts(self, world, tick: int) -> list[str]:
        events, out = world.combat.events, []
        new = (events.kind == FLAK_BURST) & (events.tick > tick - SAMPLE_TICKS) & (events.tick <= tick)
        for north, east, down in events.pos[new]:
            oid = acmi.object_id("burst", self.burst_count)
            self.burst_count += 1
            out.append(f"{oid},T={acmi.place(float(north), float(east), -float(down))},Type=Misc+Explosion,"
                       f"Name=Flak burst,Radius=6")
            self.bursts.append((tick + round(BURST_SECONDS / DT), oid))
        while self.bursts and self.bursts[0][0] <= tick:
            out.append(f"-{self.bursts.pop(0)[1]}")
        return out


def _aircraft_identity(world, i: int) -> str:
    spec = world.fleet.specs[i]
    pilot = "Player" if world.names[i] == "player" else world.names[i].replace("/", " ")
    return (f"Type=Air+FixedWing,Name={acmi.escaped(spec.title)},Pilot={acmi.escaped(pilot)},"
            f"{acmi.coalition(world.sides[i])},Country={acmi.COUNTRIES.get(spec.nation, 'xx')}")
