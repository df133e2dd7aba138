"""The `[gate]` table of a level (Part 1 of Level 2, flight/sim/world/seats/gate/gun.py): the gate's machine gun, the prisoners'
way out, the guards' squads, their cover and the towers' searchlights, read into a frozen GateSpec. A bad value
raises ValueError naming its key (load_level makes it one line naming the file). Imports no panda3d."""
from __future__ import annotations

from dataclasses import dataclass

Point = tuple[float, float]  # north, east, m in the level's frame


@dataclass(frozen=True)
class GuardSquad:
    """A `[[gate.squads]]` table: `count` guards who turn out from (north, east) `start_s` after the part begins;
    the first `grenadiers` of them carry `grenades` stick grenades each."""
    name: str
    north: float
    east: float
    count: int
    start_s: float
    grenadiers: int = 0
    grenades: int = 2


@dataclass(frozen=True)
class GateSpec:
    """The scene of Part 1. The gun's traverse is `traverse_deg` either side of `facing_deg` (a compass bearing);
    its elevation runs over `elevation_deg` (low, high). Prisoners leave `huts` (door points) in `waves` (seconds
    after the part begins, how many), run south to `parade_north`, then along `route` (inside the wire, `gate`,
    the track, the parked bombers last); the part ends when `target` have reached the bombers."""
    gun: Point
    facing_deg: float
    traverse_deg: float
    elevation_deg: tuple[float, float]
    belt_rounds: int
    spare_belts: int
    huts: tuple[Point, ...]
    waves: tuple[tuple[float, int], ...]
    parade_north: float
    route: tuple[Point, ...]
    gate: Point
    target: int
    squads: tuple[GuardSquad, ...]
    cover: tuple[Point, ...]
    lights: tuple[Point, ...]  # the towers' searchlights
    light_height_m: float
    sweep: tuple[float, float, float]  # north, east, half-size: the square of the yard the free lights search

    @property
    def prisoners(self) -> int:
        return sum(count for _, count in self.waves)

    @property
    def gate_leg(self) -> int:
        """Index of the gate in `route`: a prisoner past it is through."""
        return self.route.index(self.gate)


_KEYS = {"gun", "facing_deg", "traverse_deg", "elevation_deg", "belt_rounds", "spare_belts", "huts", "waves",
         "parade_north", "route", "gate", "target", "squads", "cover", "lights", "light_height_m", "sweep_m"}
_SQUAD_KEYS = {"name", "north", "east", "count", "start_s", "grenadiers", "grenades"}


def gate_from_table(table: dict) -> GateSpec:
    """The GateSpec of a level's `[gate]` table (ValueError "[gate] KEY: problem" when a value is wrong)."""
    if not isinstance(table, dict):
        raise ValueError(f"[gate]: expected a table, got {table!r}")
    _known(table, _KEYS, "[gate]")
    missing = sorted(_KEYS - set(table))
    if missing:
        raise ValueError(f"[gate] missing key {missing[0]!r}")
    low, high = _numbers(table, "elevation_deg", 2)
    spec = GateSpec(
        gun=_point(table["gun"], "gun"), facing_deg=_number(table, "facing_deg"),
        traverse_deg=_number(table, "traverse_deg", 1.0, 180.0), elevation_deg=(low, high),
        belt_rounds=_count(table, "belt_rounds"), spare_belts=_count(table, "spare_belts", 0),
        huts=_points(table, "huts", 1), waves=_waves(table["waves"]), parade_north=_number(table, "parade_north"),
        route=_points(table, "route", 2), gate=_point(table["gate"], "gate"), target=_count(table, "target"),
        squads=tuple(_squad(t, n) for n, t in enumerate(_list(table, "squads", 1))),
        cover=_points(table, "cover", 1), lights=_points(table, "lights", 0),
        light_height_m=_number(table, "light_height_m", 0.0, 50.0), sweep=_numbers(table, "sweep_m", 3))
    if not -90.0 <= low < high <= 90.0:
        raise ValueError(f"[gate] elevation_deg: expected [low, high] in -90..90 with low < high, got {[low, high]}")
    if spec.gate not in spec.route:
        raise ValueError(f"[gate] gate: {list(spec.gate)} must be one of the route's points")
    if spec.target > spec.prisoners:
        raise ValueError(f"[gate] target: {spec.target} is more than the {spec.prisoners} prisoners of the waves")
    return spec


def _squad(table, n: int) -> GuardSquad:
    where = f"[[gate.squads]] {n + 1}"
    if not isinstance(table, dict):
        raise ValueError(f"{where}: expected a table, got {table!r}")
    _known(table, _SQUAD_KEYS, where)
    try:
        squad = GuardSquad(name=str(table["name"]), north=_number(table, "north"), east=_number(table, "east"),
                           count=_count(table, "count"), start_s=_number(table, "start_s", 0.0),
                           grenadiers=int(table.get("grenadiers", 0)), grenades=int(table.get("grenades", 2)))
    except KeyError as e:
        raise ValueError(f"{where}: missing key {e.args[0]!r}") from None
    except ValueError as e:
        raise ValueError(f"{where}: {str(e).removeprefix('[gate] ')}") from None
    if not 0 <= squad.grenadiers <= squad.count or squad.grenades < 0:
        raise ValueError(f"{where} grenadiers: expected 0..count men with grenades >= 0")
    return squad


def _known(table: dict, keys: set[str], where: str) -> None:
    unknown = sorted(set(table) - keys)
    if unknown:
        raise ValueError(f"{where} unknown key {unknown[0]!r} (known: {', '.join(sorted(keys))})")


def _number(table: dict, key: str, low: float = -float("inf"), high: float = float("inf")) -> float:
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ValueError(f"[gate] {key}: expected a number in {low:g}..{high:g}, got {value!r}")
    return float(value)


def _count(table: dict, key: str, low: int = 1) -> int:
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise ValueError(f"[gate] {key}: expected a whole number >= {low}, got {value!r}")
    return value


def _numbers(table: dict, key: str, n: int) -> tuple[float, ...]:
    values = table[key]
    if not isinstance(values, list) or len(values) != n or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        raise ValueError(f"[gate] {key}: expected {n} numbers, got {values!r}")
    return tuple(float(v) for v in values)


def _point(value, key: str) -> Point:
    return _numbers({key: value}, key, 2)


def _list(table: dict, key: str, least: int) -> list:
    values = table[key]
    if not isinstance(values, list) or len(values) < least:
        raise ValueError(f"[gate] {key}: expected a list of at least {least}, got {values!r}")
    return values


def _points(table: dict, key: str, least: int) -> tuple[Point, ...]:
    return tuple(_point(v, key) for v in _list(table, key, least))


def _waves(values) -> tuple[tuple[float, int], ...]:
    waves = []
    for wave in _list({"waves": values}, "waves", 1):
        if not (isinstance(wave, list) and len(wave) == 2 and isinstance(wave[0], int | float) and wave[0] >= 0
                and isinstance(wave[1], int) and not isinstance(wave[1], bool) and wave[1] >= 1):
            raise ValueError(f"[gate] waves: expected [start_s, count] pairs, got {wave!r}")
        waves.append((float(wave[0]), wave[1]))
    return tuple(waves)
