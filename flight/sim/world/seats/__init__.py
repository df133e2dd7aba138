"""Where the player sits: each seat (flight.sim.world.seats.seat.Seat) says what his ControlFrame drives there.
This is the registry: a new seat is its module plus one entry in SEAT_TYPES. Imports numpy only."""
from __future__ import annotations

from typing import Any

from flight.sim.world.seats.aircraft import AircraftSeat
from flight.sim.world.seats.gate.gate_seat import GateSeat
from flight.sim.world.seats.rear_gun import RearGunSeat
from flight.sim.world.seats.seat import Seat

# Their order is the index keyframes store (world/seat): add new seats at the end.
SEAT_TYPES: tuple[type[Seat], ...] = (AircraftSeat, GateSeat, RearGunSeat)
FLYING = AircraftSeat.name  # the seat the others are away from
SEAT_NAMES = tuple(seat.name for seat in SEAT_TYPES)


def seat_type(name: str) -> type[Seat]:
    return SEAT_TYPES[SEAT_NAMES.index(name)]


def seat_tables() -> dict[str, type[Seat]]:
    """level.toml table name -> the seat it offers."""
    return {seat.table: seat for seat in SEAT_TYPES if seat.table is not None}


def seats_of(world, specs: dict[str, Any]) -> dict[str, Seat]:
    """The seats `world` offers, by name, in SEAT_TYPES order (`specs`: the level's seat tables, read)."""
    offered = {}
    for kind in SEAT_TYPES:
        seat = kind.of(world, specs)
        if seat is not None:
            offered[kind.name] = seat
    return offered


__all__ = ["FLYING", "SEAT_NAMES", "SEAT_TYPES", "Seat", "seat_tables", "seat_type", "seats_of"]
