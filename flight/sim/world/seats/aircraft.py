"""The pilot's seat: the frame flies aircraft 0. Every level offers it; the other seats are places away from it."""
from __future__ import annotations

from flight.sim.world.seats.seat import Seat


class AircraftSeat(Seat):
    name = "aircraft"
