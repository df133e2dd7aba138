"""Keys of the level files (levels/<name>/level.toml, levels/theatre.toml) renamed to carry their unit, as the
aircraft files' do (STYLE: any unit as a suffix): the one table of old name -> new name, and the check that refuses
an old one in one line naming its new name. Positions (north, east, [north, east] points) are metres in the map's
frame and keep their plain names. Imports the standard library only."""
from __future__ import annotations

RENAMED = {
    "radius": "radius_m",  # [aerodrome], circle zones, the theatre's airfields and camp
    "speed": "speed_ms",  # [[flights]] in the air, the plan's fly_to
    "sweep": "sweep_m",  # [gate]: north, east and half-size of the square the free searchlights search
    # never read unsuffixed, refused so that a modder who writes them hears the name the reader takes
    "spacing": "spacing_m",
    "heading": "heading_deg",
    "altitude": "altitude_m",
    "height": "height_m",
}


class RenamedKey(ValueError):
    """An old key name in a level file; the message names its table and its new name."""


def refuse_renamed(data: dict, table: str = "", label: str = "") -> None:
    """RenamedKey "[table] key is now new_key" for the first old key in `data` (a parsed TOML file), its tables and
    its arrays of tables, in file order; `table` is the dotted name of `data` itself, `label` how it is shown."""
    for key, value in data.items():
        if key in RENAMED:
            raise RenamedKey(f"{label}{key} is now {RENAMED[key]}")
        name = f"{table}.{key}" if table else key
        if isinstance(value, dict):
            refuse_renamed(value, name, f"[{name}] ")
        elif isinstance(value, list):
            for n, item in enumerate(value):
                if isinstance(item, dict):
                    refuse_renamed(item, name, f"[[{name}]] {n + 1} ")
