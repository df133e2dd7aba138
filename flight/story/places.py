"""The places of the theatre a scene's shot can stand at, worked out from levels/theatre.toml's camp and airfields,
so that a shot written against "gate" follows the gate if the theatre moves it. Imports no panda3d."""
from __future__ import annotations

from flight.sim.map.features import TOWER_OUT_M
from flight.sim.map.theatre import Theatre

PARADE_GROUND_M = 45.0  # south of the first row of huts, whose doors face it: where the roll is called


def places(theatre: Theatre) -> dict[str, tuple[float, float]]:
    """name -> (north, east) of each place a shot may name."""
    camp = theatre.camp
    d = TOWER_OUT_M / 2 ** 0.5
    found = {
        "camp": (camp["north"], camp["east"]),
        "gate": (camp["gate_north"], camp["gate_east"]),
        "huts": (min(camp["barracks_norths"]) - PARADE_GROUND_M, camp["gate_east"]),
        "wire": ((camp["wire_south"] + camp["wire_north"]) / 2, camp["wire_west"]),
        "tower": (camp["wire_south"] - d, camp["wire_west"] - d),
        "commandant_house": (camp["commandant_north"], camp["commandant_east"]),
    }
    found.update({name: (a.north, a.east) for name, a in theatre.airfields.items()})
    return found
