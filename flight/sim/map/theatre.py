"""The theatre: the one map both story levels fly over (levels/theatre.toml): its terrain, its airfields, the
camp and the lines, and the zones a mission can name ("allied_side", "german_side", each airfield, "camp",
"no_mans_land"); its land use, trenches and placed features (camp, hangars). The terrain and the land use are
generated once per process and shared: they are never written (the terrain is also kept on disk, see `_terrain`).
Imports no panda3d."""
from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from flight.sim.map.features import Placements, airfield_features, camp_features
from flight.sim.map.front import Front
from flight.sim.map.landuse import APRON_M, LandUse, land_use
from flight.sim.map.renamed_keys import RenamedKey, refuse_renamed
from flight.sim.map.terrain import Terrain, generate_terrain
from flight.sim.map.zones import Zone
from flight.files import TomlFileError, load_toml, write_atomically
from flight.sim.jit import CACHE_DIR
from flight.text import quoted, reason


@dataclass(frozen=True)
class Airfield:
    name: str
    north: float
    east: float
    radius: float
    landing_heading_deg: float
    buildings: tuple[dict, ...] = field(default=(), hash=False)  # {model, north, east, facing_deg}: hangars...
    yards: tuple[tuple[float, float, float, float], ...] = ()  # beaten earth: north min, max, east min, max


@dataclass(frozen=True)
class Theatre:
    name: str
    size: tuple[float, float]  # north, east extent, m
    spacing: float
    terrain_seed: int
    base_height: float
    airfields: dict[str, Airfield]
    camp: dict  # floats, and tuples of floats for the rows of barracks
    front: dict[str, float]
    tracks: tuple[tuple[tuple[float, float], ...], ...] = ()  # [[tracks]]: north/east points of each

    def terrain(self) -> Terrain:
        spots = tuple((a.north, a.east, a.radius) for a in self.airfields.values())
        spots += ((self.camp["north"], self.camp["east"], self.camp["radius_m"]),)
        return _terrain(self.terrain_seed, self.size, self.spacing, spots, self.base_height)

    def zones(self) -> dict[str, Zone]:
        front = self.front
        zones = {name: Zone(name, "circle", (a.north, a.east, a.radius)) for name, a in self.airfields.items()}
        zones["camp"] = Zone("camp", "circle", (self.camp["north"], self.camp["east"], self.camp["radius_m"]))
        zones["allied_side"] = Zone("allied_side", "west", (front["british_trench_east"],))
        zones["german_side"] = Zone("german_side", "east", (front["german_trench_east"],))
        half = self.size[0] / 2
        zones["no_mans_land"] = Zone("no_mans_land", "box", (-half, half, front["british_trench_east"],
                                                            front["german_trench_east"]))
        return zones

    def clearings(self) -> tuple[tuple[float, float, float], ...]:
        """(north, east, radius m) of the levelled grass: every airfield and the camp's ground."""
        return tuple((a.north, a.east, a.radius) for a in self.airfields.values()) + (
            (self.camp["north"], self.camp["east"], self.camp["radius_m"]),)

    def yards(self) -> tuple[tuple[float, float, float, float], ...]:
        """Beaten-earth rectangles (north min, north max, east min, east max): the compound inside the wire and
        the ground before the hangars."""
        camp = self.camp
        return tuple(y for a in self.airfields.values() for y in a.yards) + (
            (camp["wire_south"], camp["wire_north"], camp["wire_west"], camp["wire_east"]),)

    def front_lines(self) -> Front:
        """The trench systems, carried on past the map's north and south edges into the distant land."""
        terrain = self.terrain()
        return _front(tuple(sorted(self.front.items())), terrain.north0 - APRON_M,
                      terrain.north0 + terrain.size[0] + APRON_M, self.terrain_seed)

    def land_use(self) -> LandUse:
        """The land use over the theatre (cheap: its classes are worked out block by block as they are asked)."""
        return _land_use(self)

    def features(self) -> Placements:
        """Everything placed on the theatre's ground: the camp, then each airfield's buildings."""
        return Placements.join(camp_features(self.camp),
                               *(airfield_features(name, a.buildings) for name, a in self.airfields.items()))


@cache
def _front(front: tuple, north_min: float, north_max: float, seed: int) -> Front:
    return Front.from_theatre(dict(front), north_min, north_max, seed)


_LAND: dict[tuple, LandUse] = {}


def _land_use(theatre: Theatre) -> LandUse:
    key = (theatre.name, theatre.terrain_seed, theatre.clearings(), theatre.yards(),
           tuple(sorted(theatre.front.items())), theatre.tracks)
    if key not in _LAND:
        _LAND.clear()  # one theatre at a time
        _LAND[key] = land_use(theatre.terrain(), theatre.terrain_seed, theatre.clearings(),
                              front=theatre.front_lines(), yards=theatre.yards(), tracks=theatre.tracks)
    return _LAND[key]


@cache
def _terrain(seed: int, size: tuple[float, float], spacing: float, spots: tuple, base_height: float) -> Terrain:
    """Generated once per process, and kept on disk beside the compiled kernels: a process that verifies part of
    a replay, or the game's next start, loads it in milliseconds instead of generating it for a second. The
    folder is named after the simulation's sources (flight.sim.jit.CACHE_DIR), so a changed generator never loads
    an old map; a file that cannot be read is made again."""
    key = repr((seed, size, spacing, spots, base_height)).encode()
    path = CACHE_DIR / f"terrain-{hashlib.blake2b(key, digest_size=8).hexdigest()}.npz"
    try:
        with np.load(path) as saved:
            return Terrain(saved["heights"], float(saved["north0"]), float(saved["east0"]), float(saved["spacing"]),
                           saved["river"])
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        pass
    terrain = generate_terrain(seed, size_m=size, spacing=spacing, flat_spots=spots, base_height=base_height)
    packed = io.BytesIO()
    np.savez(packed, heights=terrain.heights, north0=terrain.north0, east0=terrain.east0, spacing=terrain.spacing,
             river=terrain.river)
    try:
        write_atomically(path, packed.getvalue())
    except OSError:  # a cache folder it cannot write: generated again next time
        pass
    return terrain


def load_theatre(name: str = "theatre") -> Theatre:
    """levels/<name>.toml; ValueError naming the file and the problem."""
    from flight.paths import levels_dir
    theatres = sorted(p.stem for p in levels_dir().glob("*.toml") if p.is_file())
    if not isinstance(name, str) or name not in theatres:  # a name, never a path
        raise ValueError(f"{levels_dir()}: unknown theatre {quoted(name)} (theatres: {', '.join(theatres)})")
    path = levels_dir() / f"{name}.toml"
    try:
        data = load_toml(path)
        refuse_renamed(data)
        return Theatre(
            name=str(data["name"]), size=(float(data["size_m"][0]), float(data["size_m"][1])),
            spacing=float(data["spacing_m"]), terrain_seed=int(data["terrain_seed"]),
            base_height=float(data["base_height_m"]),
            airfields={key: _airfield(key, a) for key, a in data["airfields"].items()},
            camp={k: tuple(float(x) for x in v) if isinstance(v, list) else float(v) for k, v in data["camp"].items()},
            front={k: float(v) for k, v in data["front"].items()},
            tracks=tuple(tuple((float(n), float(e)) for n, e in t["points"]) for t in data.get("tracks", [])))
    except OSError as error:
        raise ValueError(f"{path}: cannot read it ({reason(error)})") from None
    except TomlFileError as error:
        raise ValueError(str(error)) from None
    except RenamedKey as error:
        raise ValueError(f"{path}: {error}") from None
    except (KeyError, TypeError, ValueError, IndexError, OverflowError) as error:
        raise ValueError(f"{path}: missing or bad value ({quoted(reason(error), 120)})") from None


def _airfield(key: str, a: dict) -> Airfield:
    buildings = tuple({"model": str(b["model"]), "north": float(b["north"]), "east": float(b["east"]),
                       "facing_deg": float(b.get("facing_deg", 0.0))} for b in a.get("buildings", []))
    return Airfield(key, float(a["north"]), float(a["east"]), float(a["radius_m"]), float(a["landing_heading_deg"]),
                    buildings=buildings, yards=tuple(tuple(float(v) for v in y) for y in a.get("yards", [])))
