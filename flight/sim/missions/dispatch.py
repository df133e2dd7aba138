"""`m.order(unit, what, **details)`: orders for the AI, by name. Aircraft orders go to the world's AI pilot
(flight.sim.world.ai.Pilot: takeoff, fly_to, hold_heading, circuit, land, pursue, attack, escort, formation, patrol,
return_to_base), ground orders to the world's ground units (advance, drive, ...). Names in the details are turned
into what the world uses: `target`/`leader` unit names into fleet indices, `field` into an Airfield, `zone` into a
point to fly to. Imports no panda3d."""
from __future__ import annotations

import math

from flight.sim.world.ai import Airfield

ORDERS = ("takeoff", "fly_to", "hold_heading", "circuit", "land", "pursue", "attack", "escort", "formation", "patrol",
          "return_to_base")


def give(m, unit: str, what: str, details: dict) -> None:
    world = m.world
    if unit in world.units:
        aircraft = world.units[unit]
        if 0 in aircraft:
            raise ValueError(f"{unit!r} is the player's: it takes no orders")
        known = sorted(name for name in ORDERS if hasattr(world.pilot, name))
        if what not in known:
            raise ValueError(f"the AI pilot has no order {what!r} (it knows: {', '.join(known)})")
        method = getattr(world.pilot, what)
        method(aircraft, **{key: _resolve(m, key, value) for key, value in details.items()})
        return
    if unit in {group.name for group in m.level.ground_units}:
        combat = getattr(world, "combat", None)  # the ground units' simulation
        if combat is not None:
            combat.order(unit, what, **{key: _resolve(m, key, value) for key, value in details.items()})
        return
    raise KeyError(f"no unit {unit!r} to order (units: {', '.join(sorted(world.units))})")


def airfield(m, name: str) -> Airfield:
    """A named airfield of the theatre, or the level's own aerodrome ("aerodrome"), as the AI pilot wants it."""
    level = m.level
    if level.theatre is not None:
        from flight.sim.map.theatre import load_theatre
        fields = load_theatre(level.theatre).airfields
        if name in fields:
            a = fields[name]
            return Airfield(a.north, a.east, math.radians(a.landing_heading_deg), a.radius)
    if name == "aerodrome":
        north, east, radius = level.aerodrome
        return Airfield(north, east, math.radians(level.start_heading), radius)
    raise KeyError(f"no airfield {name!r} in this level")


def _resolve(m, key: str, value):
    if key in ("target", "leader"):
        return m.world.units[value][0] if isinstance(value, str) else value
    if key == "field":
        return airfield(m, value)
    if key == "zone":
        return m.zone(value).centre
    return value
