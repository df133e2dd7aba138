"""Levels: `levels/<name>/level.toml` read into a Level; its mission.py is run by flight.sim.missions.
A broken file is one line naming the file and the key; a key under its old name, the file and its new name
(flight.sim.map.renamed_keys). Imports no panda3d."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from flight.sim.dynamics import known_aircraft
from flight.sim.world.combat.ground_units import GROUND_KINDS, SIDES, GroundGroup
from flight.sim.map.renamed_keys import refuse_renamed
from flight.sim.map.zones import Zone, zone_from_table
from flight.sim.world.plan import read_plan
from flight.sim.world.seats import seat_tables
from flight.text import OneLineError, quoted


TIMES_OF_DAY = ("dawn", "morning", "day", "dusk", "night")  # the scene has a lighting preset for each


class LevelFileError(OneLineError):
    """A missing, unknown or malformed level; the message is one line naming the file and the problem."""


@dataclass(frozen=True)
class Flight:
    """A `[[flights]]` table: `count` aircraft of one type and side, parked in a line abreast `spacing_m` apart
    (on_ground) or flying in echelon, from (north, east) facing `heading_deg`. Its aircraft are the units
    "<name>/0", "<name>/1", ...; the name alone means all of them."""
    name: str
    aircraft: str
    count: int
    side: str  # "allied" or "german"
    north: float
    east: float
    heading_deg: float
    on_ground: bool
    altitude: float  # m above sea level, for an air start
    speed: float  # m/s, for an air start
    spacing: float  # m


@dataclass(frozen=True)
class Level:
    name: str
    title: str
    briefing: str
    time_of_day: str
    aircraft: str
    terrain_seed: int
    start: tuple[float, float]  # north, east
    start_heading: float  # degrees
    start_on_ground: bool
    aerodrome: tuple[float, float, float]  # north, east, radius of the home field
    zones: dict[str, Zone] = field(default_factory=dict)  # [zones.NAME], and "aerodrome" from [aerodrome]
    flights: tuple[Flight, ...] = ()  # the AI aircraft, [[flights]]
    ground_units: tuple[GroundGroup, ...] = ()  # [[ground_units]]
    side: str = "allied"  # the player's
    start_altitude: float = 0.0  # m above sea level, for an air start
    theatre: str | None = None  # fly over levels/<theatre>.toml's map instead of a generated one
    seat_specs: dict[str, object] = field(default_factory=dict)  # a seat's table ([gate]) read by its seat
    plan: tuple[dict, ...] = ()  # [[plan]]: what `--pilot auto` flies (flight.sim.world.plan); () a circuit
    folder: Path | None = None  # levels/<name>/, where mission.py lives

    @property
    def mission_path(self) -> Path | None:
        path = self.folder / "mission.py" if self.folder else None
        return path if path is not None and path.is_file() else None


def known_levels() -> list[str]:
    """The installed levels (flight.paths.installed_levels)."""
    from flight.paths import installed_levels
    return installed_levels()


def level_folder(name) -> Path:
    """levels/<name>/ for an installed level's name; any other value (a path, "..", a name from a crafted replay
    or progress file) is a LevelFileError before anything is opened or imported: a level runs its mission.py."""
    from flight.paths import levels_dir
    known = known_levels()
    if not isinstance(name, str) or name not in known:
        raise LevelFileError(f"{levels_dir()}: unknown level {quoted(name)} (levels: {', '.join(known)})")
    return levels_dir() / name


def load_level(name: str) -> Level:
    path = level_folder(name) / "level.toml"
    try:
        data = tomllib.loads(path.read_text())
        refuse_renamed(data)
        start, home = data["start"], data["aerodrome"]
        level = Level(name=name, title=str(data["title"]), briefing=str(data["briefing"]).strip(),
                      time_of_day=str(data.get("time_of_day", "morning")), aircraft=str(data["aircraft"]),
                      terrain_seed=int(data["terrain_seed"]),
                      start=(float(start["north"]), float(start["east"])),
                      start_heading=float(start["heading_deg"]), start_on_ground=bool(start["on_ground"]),
                      aerodrome=(float(home["north"]), float(home["east"]), float(home["radius_m"])),
                      zones=_zones(data, home), folder=path.parent,
                      flights=tuple(_flight(t) for t in data.get("flights", [])), side=str(start.get("side", "allied")),
                      ground_units=tuple(_ground_group(t) for t in data.get("ground_units", [])),
                      start_altitude=float(start.get("altitude_m", 0.0)),
                      theatre=str(data["theatre"]) if "theatre" in data else None,
                      seat_specs={table: seat.read_table(data[table]) for table, seat in seat_tables().items()
                                  if table in data},
                      plan=read_plan(data.get("plan", [])))
    except tomllib.TOMLDecodeError as e:
        raise LevelFileError(f"{path}: not valid TOML ({e})") from None
    except KeyError as e:
        raise LevelFileError(f"{path}: missing key {e.args[0]!r}") from None
    except (TypeError, ValueError) as e:
        raise LevelFileError(f"{path}: {e}") from None
    if level.time_of_day not in TIMES_OF_DAY:
        raise LevelFileError(f"{path}: time_of_day {level.time_of_day!r} is not one of {', '.join(TIMES_OF_DAY)}")
    if level.theatre is not None:
        from flight.sim.map.theatre import load_theatre
        try:
            theatre = load_theatre(level.theatre)
        except ValueError as error:
            raise LevelFileError(str(error)) from None
        level = replace(level, zones=theatre.zones() | level.zones)
    if level.mission_path is None:
        raise LevelFileError(f"{path.parent / 'mission.py'}: missing (every level has a mission script)")
    for aircraft in (level.aircraft, *(f.aircraft for f in level.flights)):
        if aircraft not in known_aircraft():
            raise LevelFileError(f"{path}: aircraft {aircraft!r} is not in models/aircraft")
    for group in level.ground_units:
        if group.kind not in GROUND_KINDS:
            raise LevelFileError(f"{path}: ground unit kind {group.kind!r} is not one of {', '.join(GROUND_KINDS)}")
    for side in (level.side, *(f.side for f in level.flights), *(g.side for g in level.ground_units)):
        if side not in SIDES:
            raise LevelFileError(f"{path}: side {side!r} is not one of {', '.join(SIDES)}")
    return level


def _zones(data: dict, home: dict) -> dict[str, Zone]:
    tables = data.get("zones", {})
    if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
        raise ValueError("[zones] must hold one table per zone, e.g. [zones.front]")
    zones = {"aerodrome": zone_from_table("aerodrome", {k: home[k] for k in ("north", "east", "radius_m")})}
    zones.update({name: zone_from_table(name, table) for name, table in tables.items()})
    return zones


def _flight(table: dict) -> Flight:
    return Flight(name=str(table["name"]), aircraft=str(table["aircraft"]), count=int(table.get("count", 1)),
                  side=str(table["side"]), north=float(table["north"]), east=float(table["east"]),
                  heading_deg=float(table["heading_deg"]), on_ground=bool(table.get("on_ground", True)),
                  altitude=float(table.get("altitude_m", 0.0)), speed=float(table.get("speed_ms", 45.0)),
                  spacing=float(table.get("spacing_m", 25.0)))


def _ground_group(table: dict) -> GroundGroup:
    return GroundGroup(name=str(table["name"]), kind=str(table["kind"]), side=str(table["side"]),
                       north=float(table["north"]), east=float(table["east"]),
                       heading_deg=float(table.get("heading_deg", 0.0)), count=int(table.get("count", 1)),
                       spacing=float(table.get("spacing_m", 20.0)),
                       route=tuple((float(n), float(e)) for n, e in table.get("route", [])))
