"""The seats on screen: for each seat the world offers that has a view of its own, the object that draws it and
places the camera while the player sits there (the flight's own cameras serve the rest). One registration per
seat view, keyed by the seat's class, beside the sim's registry (flight.sim.world.seats).

A seat view has `draw(snapshot, alpha, right, up)` every frame, `place_camera(camera, lens, snapshot) -> bool`
while the player sits there (False: the flight's camera instead), `occupied(player_here)` and `destroy()`.
"""
from __future__ import annotations

from flight.app.flight.gate_seat_view import GateView
from flight.app.flight.rear_gun_seat_view import RearGunView
from flight.sim.world.seats.gate.gate_seat import GateSeat
from flight.sim.world.seats.rear_gun import RearGunSeat

SEAT_VIEWS = {GateSeat.name: GateView, RearGunSeat.name: RearGunView}


def seat_views(view) -> dict:
    """seat name -> its view, for the seats of the flight view's world that have one."""
    return {name: SEAT_VIEWS[name].of(view) for name in view.world.seats if name in SEAT_VIEWS}
