"""A level's plan (`[[plan]]` in level.toml): the steps `flight run LEVEL --pilot auto` flies one after another
(flight.sim.run.autopilot), proof that the level can be finished. Read and checked here, so that a bad step is
refused when the level loads, in one line naming its number. Imports the standard library and flight's file
helpers only."""
from __future__ import annotations

from flight.schema import is_number
from flight.text import quoted

STEPS = {  # do -> the keys the step takes besides `do`
    "takeoff": ("height_m",),  # above the field
    "climb": ("height_m", "heading_deg"),  # to that height over the ground, on that heading (else the one it has)
    "turn_to": ("heading_deg", "direction"),  # "left" or "right"; the shorter way if not given
    "stall": (),  # throttle back, nose up until she stalls, recover
    "fly_to": ("zone", "north", "east", "altitude_m", "height_m", "speed_ms"),  # speed_ms: m/s, or "full"
    "wait": ("s",),
    "land": ("field",),  # into the wind
}
_NEEDS = {"climb": ("height_m",), "turn_to": ("heading_deg",)}
_DIRECTIONS = ("left", "right")
_NAMES = ("zone", "field", "direction")  # the keys that name something; the others are numbers


def read_plan(tables) -> tuple[dict, ...]:
    """The steps of a level's `[[plan]]` tables, in order; ValueError "[[plan]] N: problem" for a bad one."""
    if not isinstance(tables, list):
        raise ValueError("plan must be an array of tables, [[plan]]")
    return tuple(_step(table, f"[[plan]] {n + 1}") for n, table in enumerate(tables))


def _step(table, where: str) -> dict:
    if not isinstance(table, dict):
        raise ValueError(f"{where}: expected a table, got {quoted(table)}")
    do = table.get("do")
    if not isinstance(do, str) or do not in STEPS:
        raise ValueError(f"{where}: do = {quoted(do)} is not a step (steps: {', '.join(STEPS)})")
    unknown = sorted(set(table) - {"do", *STEPS[do]})
    if unknown:
        takes = ", ".join(STEPS[do]) or "nothing more"
        raise ValueError(f"{where}: {do} takes no key {unknown[0]!r} (it takes: {takes})")
    missing = [key for key in _NEEDS.get(do, ()) if key not in table]
    if do == "fly_to" and "zone" not in table:
        missing += [key for key in ("north", "east") if key not in table]
    if missing:
        raise ValueError(f"{where}: {do} needs {missing[0]!r}" + (" (or a zone)" if do == "fly_to" else ""))
    for key, value in table.items():
        if key in _NAMES or (key == "speed_ms" and value == "full"):
            if not isinstance(value, str):
                raise ValueError(f"{where}: {key} = {quoted(value)} is not a name")
        elif key != "do" and not (is_number(value) and abs(value) <= 1e6):
            raise ValueError(f"{where}: {key} = {quoted(value)} is not a number within a million")
    if table.get("direction", "left") not in _DIRECTIONS:
        raise ValueError(f"{where}: direction = {quoted(table['direction'])} is not one of {', '.join(_DIRECTIONS)}")
    return dict(table)
