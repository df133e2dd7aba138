"""The AI in the player's seat (`flight run LEVEL --pilot auto`): the AI pilot (flight.world.ai) flies aircraft 0
through a ControlFrame, quantised like a player's, so a recorded run replays exactly. Imports no panda3d."""
from __future__ import annotations

import math
from collections.abc import Callable

from flight.controls.frame import BLIP, ControlFrame
from flight.world.ai import Airfield, Pilot
from flight.world.sortie import Sortie


def level_autopilot(sortie: Sortie) -> Callable[[Sortie], ControlFrame]:
    """A pilot program for the level: a circuit of its aerodrome, landing into the wind (in a calm, the way the
    level starts facing: levels start their aircraft into the wind)."""
    level = sortie.level
    pilot = Pilot(sortie.world.fleet, [0])
    north, east, radius = level.aerodrome
    field = Airfield(north, east, math.radians(level.start_heading), radius)
    pilot.circuit(0, field.into_wind(sortie.world.fleet.wind))

    def fly(_: Sortie) -> ControlFrame:
        aileron, elevator, rudder, throttle, brake, blip = (float(v) for v in pilot.update()[0])
        return ControlFrame(aileron, elevator, rudder, throttle, brake, BLIP if blip >= 0.5 else 0)

    return fly
