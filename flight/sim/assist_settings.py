"""Which assists fly with the player (flight.sim.run.assists), as the settings and a replay's header name them: plain
data, so the menu and the settings read it without importing the simulation. Imports the standard library only."""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cached_property


@dataclass(frozen=True)
class AssistSettings:
    """Which assists fly with the player (Settings, each on its own; a preset per difficulty)."""
    auto_rudder: bool = False  # the slip ball centred in the air, the take-off swing held on the ground
    stability: bool = False  # the stick banks (centred: wings level); the climb or descent left is held, never slower
    # than the climb speed
    stall_protection: bool = False  # the elevator stops short of the stall's angle of attack; a spin is recovered
    takeoff_landing: bool = False  # tail down and straight on the roll, a gentle climb-out, the flare on touchdown

    @cached_property  # frozen, and read every tick
    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def names(self) -> list[str]:
        """The ones on, as the HUD and the debrief name them."""
        return [ASSIST_NAMES[f.name] for f in fields(self) if getattr(self, f.name)]


ASSIST_NAMES = {"auto_rudder": "rudder", "stability": "stability", "stall_protection": "stall", "takeoff_landing":
                "take-off/landing"}
ASSIST_PRESETS = {"easy": AssistSettings(True, True, True, True),
                  "normal": AssistSettings(auto_rudder=True, takeoff_landing=True), "hard": AssistSettings()}
