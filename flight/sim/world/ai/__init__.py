"""AI pilots: orders in, control columns out, through the same flight model as the player's. Imports no panda3d."""
from flight.sim.world.ai.orders import Airfield, Order, Orders, Phase
from flight.sim.world.ai.pilot import Pilot

__all__ = ["Airfield", "Order", "Orders", "Phase", "Pilot"]
