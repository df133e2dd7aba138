"""Named areas of a level for mission triggers: circles, boxes and the half-planes either side of a north-south
line (the front). Read from a level's `[zones.NAME]` tables. Imports no panda3d."""
from __future__ import annotations

from dataclasses import dataclass

_KINDS = {("north", "east", "radius_m"): "circle", ("north_min", "north_max", "east_min", "east_max"): "box",
          ("west_of",): "west", ("east_of",): "east"}


@dataclass(frozen=True)
class Zone:
    """kind "circle" (north, east, radius_m), "box" (north_min, north_max, east_min, east_max), "west" (east < a)
    or "east" (east > a); metres in the level's north/east frame."""
    name: str
    kind: str
    values: tuple[float, ...]

    def contains(self, north: float, east: float) -> bool:
        v = self.values
        if self.kind == "circle":
            dn, de = north - v[0], east - v[1]
            return dn * dn + de * de <= v[2] * v[2]
        if self.kind == "box":
            return v[0] <= north <= v[1] and v[2] <= east <= v[3]
        if self.kind == "west":
            return east < v[0]
        return east > v[0]

    @property
    def centre(self) -> tuple[float, float]:
        """A point to steer for: the middle of a circle or box, or a point just over a line."""
        v = self.values
        if self.kind == "circle":
            return v[0], v[1]
        if self.kind == "box":
            return (v[0] + v[1]) / 2, (v[2] + v[3]) / 2
        return 0.0, v[0] - 500.0 if self.kind == "west" else v[0] + 500.0


def zone_from_table(name: str, table: dict) -> Zone:
    """A Zone from its TOML table; ValueError saying which keys a zone takes."""
    for keys, kind in _KINDS.items():
        if set(table) == set(keys):
            return Zone(name, kind, tuple(float(table[k]) for k in keys))
    shapes = "; ".join(", ".join(keys) for keys in _KINDS)
    raise ValueError(f"zone {name!r} has keys {', '.join(sorted(table)) or 'none'}; a zone is one of: {shapes}")
