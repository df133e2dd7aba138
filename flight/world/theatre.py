"""The theatre: the one map both story levels fly over (levels/theatre.toml): its terrain, its airfields, the
camp and the lines, and the zones a mission can name ("allied_side", "german_side", each airfield, "camp",
"no_mans_land"). The terrain is generated once per process and shared: it is never written. Imports no panda3d."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from flight.world.terrain import Terrain, generate_terrain
from flight.world.zones import Zone


@dataclass(frozen=True)
class Airfield:
    name: str
    north: float
    east: float
    radius: float
    landing_heading_deg: float


@dataclass(frozen=True)
class Theatre:
    name: str
    size: tuple[float, float]  # north, east extent, m
    spacing: float
    terrain_seed: int
    base_height: float
    airfields: dict[str, Airfield]
    camp: dict[str, float]
    front: dict[str, float]

    def terrain(self) -> Terrain:
        spots = tuple((a.north, a.east, a.radius) for a in self.airfields.values())
        spots += ((self.camp["north"], self.camp["east"], self.camp["radius"]),)
        return _terrain(self.terrain_seed, self.size, self.spacing, spots, self.base_height)

    def zones(self) -> dict[str, Zone]:
        front = self.front
        zones = {name: Zone(name, "circle", (a.north, a.east, a.radius)) for name, a in self.airfields.items()}
        zones["camp"] = Zone("camp", "circle", (self.camp["north"], self.camp["east"], self.camp["radius"]))
        zones["allied_side"] = Zone("allied_side", "west", (front["british_trench_east"],))
        zones["german_side"] = Zone("german_side", "east", (front["german_trench_east"],))
        half = self.size[0] / 2
        zones["no_mans_land"] = Zone("no_mans_land", "box", (-half, half, front["british_trench_east"],
                                                            front["german_trench_east"]))
        return zones


@cache
def _terrain(seed: int, size: tuple[float, float], spacing: float, spots: tuple, base_height: float) -> Terrain:
    return generate_terrain(seed, size_m=size, spacing=spacing, flat_spots=spots, base_height=base_height)


def load_theatre(name: str = "theatre") -> Theatre:
    """levels/<name>.toml; ValueError naming the file and the problem."""
    from flight.paths import levels_dir
    path = levels_dir() / f"{name}.toml"
    try:
        data = tomllib.loads(path.read_text())
        return Theatre(
            name=str(data["name"]), size=(float(data["size_m"][0]), float(data["size_m"][1])),
            spacing=float(data["spacing_m"]), terrain_seed=int(data["terrain_seed"]),
            base_height=float(data["base_height_m"]),
            airfields={key: Airfield(key, float(a["north"]), float(a["east"]), float(a["radius"]),
                                     float(a["landing_heading_deg"])) for key, a in data["airfields"].items()},
            camp={k: float(v) for k, v in data["camp"].items()}, front={k: float(v) for k, v in data["front"].items()})
    except OSError as error:
        raise ValueError(f"{path}: cannot read it ({error.strerror or error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{path}: not valid TOML ({error})") from None
    except (KeyError, TypeError, ValueError, IndexError) as error:
        raise ValueError(f"{path}: missing or bad value ({error})") from None
