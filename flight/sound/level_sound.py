"""How a level sounds beside its aircraft: its level.toml's optional `[sound]` table (left out of the replays' level
hash, as the aircraft's is), read once and checked by flight.schema. So far a bell ringing from the start, as the
camp's alarm in Dig's Escape.

    [sound]
    bell = [2380.0, 14930.0]    # north, east m: where it hangs (no bell without it)
    bell_height_m = 8.0         # above the map's datum
    bell_seconds = 120.0        # how long it rings from the start
"""
from __future__ import annotations

from dataclasses import dataclass

from flight.files import TomlFileError, load_toml
from flight.schema import SchemaError, Table, is_number
from flight.sim.world.level import level_folder
from flight.text import quoted

MAP_LIMIT_M = 100_000.0


@dataclass(frozen=True)
class LevelSound:
    bell_ned: tuple[float, float, float] | None = None  # where the bell hangs, NED m
    bell_seconds: float = 0.0


class LevelSoundError(ValueError):
    """`file: [sound] key: problem`, one line."""


def load_level_sound(level: str) -> LevelSound:
    path = level_folder(level) / "level.toml"
    try:
        table = Table(load_toml(path).get("sound", {}), "[sound]")
        bell = table.get("bell", None)
        if bell is None:
            return LevelSound()
        if not (isinstance(bell, list) and len(bell) == 2 and all(is_number(v) and abs(v) <= MAP_LIMIT_M
                                                                  for v in bell)):
            table.fail("bell", f"expected [north, east] within {MAP_LIMIT_M:,.0f} m, got {quoted(bell)}")
        north, east = (float(v) for v in bell)
        height = table.number("bell_height_m", 0.0, 1000.0, 8.0)
        return LevelSound((north, east, -height), table.number("bell_seconds", 0.0, 36000.0, 60.0))
    except (TomlFileError, FileNotFoundError) as error:
        raise LevelSoundError(str(error)) from None
    except SchemaError as error:
        raise LevelSoundError(f"{path}: {error}") from None
