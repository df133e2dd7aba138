"""Levels: `levels/<name>/level.toml` read into a Level; its mission.py is run by flight.sim.missions.
A broken file is one line naming the file and the key; a key under its old name, the file and its new name
(flight.sim.map.renamed_keys). Imports no panda3d."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from flight.sim.dynamics import known_aircraft
from flight.sim.world.combat.ground_units import GROUND_KINDS, SIDES, GroundGroup
from flight.sim.map.renamed_keys import refuse_renamed
from flight.sim.map.zones import Zone, zone_from_table
from flight.sim.world.plan import read_plan
from flight.sim.world.seats import seat_tables
from flight.files import TomlFileError, load_toml
from flight.schema import SchemaError, Table
from flight.text import OneLineError, paragraphs, quoted, reason


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


# Limits of a level file, so that a level cannot ask for hours of building or gigabytes (README: modding).
MAP_M = 100_000.0  # |north|, |east| of anything placed, m
MAX_AIRCRAFT = 64  # the player's and every flight's together
MAX_PER_FLIGHT = 32
MAX_FLIGHTS = 32
MAX_GROUND_GROUPS = 100
MAX_GROUND_UNITS = 500  # every group's count together
MAX_ZONES = 200
MAX_PLAN_STEPS = 200
MAX_ROUTE_POINTS = 100
MAX_TERRAIN_SEED = (1 << 32) - 1  # a level's terrain_seed: 0..this (the documented limit)


def load_level(name: str) -> Level:
    path = level_folder(name) / "level.toml"
    try:
        data = load_toml(path)
        refuse_renamed(data)
        level = _level(name, Table(data, ""), path.parent)
    except FileNotFoundError:
        raise LevelFileError(f"{path}: missing (every level has one)") from None
    except TomlFileError as error:
        raise LevelFileError(str(error)) from None
    except (SchemaError, ValueError) as error:  # ValueError: RenamedKey, a zone's or a seat's own reader
        raise LevelFileError(f"{path}: {error}") from None
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
            raise LevelFileError(f"{path}: aircraft {quoted(aircraft)} is not in models/aircraft")
    return level


def _level(name: str, data: Table, folder: Path) -> Level:
    start, home = data.table("start"), data.table("aerodrome")
    flights = tuple(_flight(t) for t in data.tables("flights", MAX_FLIGHTS))
    if 1 + sum(f.count for f in flights) > MAX_AIRCRAFT:
        data.fail("[[flights]]", f"{1 + sum(f.count for f in flights):,} aircraft, more than the {MAX_AIRCRAFT} "
                                 f"a level may have")
    ground = tuple(_ground_group(t) for t in data.tables("ground_units", MAX_GROUND_GROUPS))
    if sum(g.count for g in ground) > MAX_GROUND_UNITS:
        data.fail("[[ground_units]]", f"{sum(g.count for g in ground):,} units, more than the {MAX_GROUND_UNITS} "
                                      f"a level may have")
    plan = data.get("plan", [])
    if isinstance(plan, list) and len(plan) > MAX_PLAN_STEPS:
        data.fail("[[plan]]", f"{len(plan):,} steps, more than the {MAX_PLAN_STEPS} a level may have")
    seats = {}
    for table, seat in seat_tables().items():
        if table in data.data:
            try:
                seats[table] = seat.read_table(data.data[table])
            except (TypeError, ValueError, KeyError, IndexError) as error:
                data.fail(f"[{table}]", reason(error))
    return Level(name=name, title=data.text("title"), briefing=paragraphs(data.text("briefing")),
                 time_of_day=data.text("time_of_day", TIMES_OF_DAY, "morning"),
                 aircraft=data.text("aircraft"),
                 terrain_seed=data.integer("terrain_seed", 0, MAX_TERRAIN_SEED),
                 start=(start.number("north", -MAP_M, MAP_M), start.number("east", -MAP_M, MAP_M)),
                 start_heading=start.number("heading_deg", -360.0, 720.0), start_on_ground=start.flag("on_ground"),
                 aerodrome=(home.number("north", -MAP_M, MAP_M), home.number("east", -MAP_M, MAP_M),
                            home.number("radius_m", 1.0, MAP_M)),
                 zones=_zones(data, home), folder=folder, flights=flights, side=start.text("side", SIDES, "allied"),
                 ground_units=ground, start_altitude=start.number("altitude_m", 0.0, 10_000.0, 0.0),
                 theatre=data.text("theatre", default=None) if "theatre" in data.data else None,
                 seat_specs=seats, plan=read_plan(plan))


def _zones(data: Table, home: Table) -> dict[str, Zone]:
    tables = data.get("zones", {})
    if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
        raise SchemaError("[zones] must hold one table per zone, e.g. [zones.front]")
    if len(tables) > MAX_ZONES:
        raise SchemaError(f"[zones]: {len(tables):,} zones, more than the {MAX_ZONES} a level may have")
    zones = {"aerodrome": zone_from_table("aerodrome", {k: home.data[k] for k in ("north", "east", "radius_m")})}
    for name, table in tables.items():
        zone = Table(table, f"[zones.{quoted(name, 40)}]")
        for key in table:
            zone.number(key, -2 * MAP_M, 2 * MAP_M)
        zones[name] = zone_from_table(name, table)
    return zones


def _flight(table: Table) -> Flight:
    return Flight(name=table.text("name"), aircraft=table.text("aircraft"),
                  count=table.integer("count", 1, MAX_PER_FLIGHT, 1), side=table.text("side", SIDES),
                  north=table.number("north", -MAP_M, MAP_M), east=table.number("east", -MAP_M, MAP_M),
                  heading_deg=table.number("heading_deg", -360.0, 720.0), on_ground=table.flag("on_ground", True),
                  altitude=table.number("altitude_m", 0.0, 10_000.0, 0.0),
                  speed=table.number("speed_ms", 0.0, 150.0, 45.0),
                  spacing=table.number("spacing_m", 1.0, 20_000.0, 25.0))


def _ground_group(table: Table) -> GroundGroup:
    return GroundGroup(name=table.text("name"), kind=table.text("kind", GROUND_KINDS), side=table.text("side", SIDES),
                       north=table.number("north", -MAP_M, MAP_M), east=table.number("east", -MAP_M, MAP_M),
                       heading_deg=table.number("heading_deg", -360.0, 720.0, 0.0),
                       count=table.integer("count", 1, MAX_GROUND_UNITS, 1),
                       spacing=table.number("spacing_m", 1.0, 20_000.0, 20.0),
                       route=table.points("route", MAX_ROUTE_POINTS, MAP_M))
