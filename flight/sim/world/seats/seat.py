"""A seat: where the player is, and what his ControlFrame drives there. The world, the mission, the input, the HUD
and the app ask the current seat what it does instead of comparing its name; a new seat is a module of its own here
plus one line in flight.sim.world.seats.SEAT_TYPES. Imports numpy only.

    class Turret(Seat):
        name = "turret"
        aims_gun = True                         # the stick lays the gun (flight.input.gun_aim)

        @classmethod
        def of(cls, world, specs):              # the world offers it when the level has a [turret] table
            return cls(specs["turret"]) if "turret" in specs else None
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import numpy as np


class Seat:
    """The defaults are the pilot's: the frame flies aircraft 0.

    | class attribute | meaning                                                                            |
    |-----------------|------------------------------------------------------------------------------------|
    | name            | the seat's key: the mission's `m.seat(name)`, the snapshot's `seat`, keyframes     |
    | table           | a level.toml table that offers this seat, read by `read_table` (None: no table)   |
    | in_aircraft     | the player is in aircraft 0 (flying it or at one of its guns)                      |
    | aims_gun        | the frame's aileron and elevator lay a gun over its arc (-1..1 each way)           |
    | reloads         | the clear-jam button changes the belt here (the frame's RELOAD bit)                |
    | button          | a frame bit held to sit here, away from flying (0: the mission moves him)          |
    | starts_here     | a level that offers this seat starts the player in it                              |
    | gauges          | the HUD widgets that mean something here; None: the aircraft's gauges             |
    """
    name: ClassVar[str]
    table: ClassVar[str | None] = None
    in_aircraft: ClassVar[bool] = True
    aims_gun: ClassVar[bool] = False
    reloads: ClassVar[bool] = False
    button: ClassVar[int] = 0
    starts_here: ClassVar[bool] = False
    gauges: ClassVar[frozenset[str] | None] = None

    @classmethod
    def read_table(cls, table: dict) -> Any:
        """The level's `table` as this seat's spec (as it stands, unless the seat reads it into a record of its
        own); a bad value raises ValueError naming its key."""
        return table

    @classmethod
    def of(cls, world, specs: dict[str, Any]) -> Seat | None:
        """This seat in `world`, or None where the world has no such place (`specs`: the level's seat tables)."""
        return cls()

    def enter(self, world) -> None:
        """The player sits down here (by the button; the mission's moves just put him here)."""

    def take_frame(self, world, controls: np.ndarray, buttons: int) -> tuple[np.ndarray, int]:
        """First in the tick: what the frame does here before anything flies; returns the (6,) controls and the
        buttons aircraft 0 and its guns get."""
        return controls, buttons

    def fly(self, world, controls: np.ndarray) -> tuple[np.ndarray, tuple | None]:
        """Aircraft 0's (6,) control row this tick, and the gun the player lays by hand (its index among the
        fleet's guns and a body-axes unit aim), or None."""
        return controls, None

    def snapshot_fields(self, tick: int, current: bool) -> dict[str, Any]:
        """What this seat adds to WorldSnapshot after `tick` (`current`: the player sits here)."""
        return {}

    def state(self) -> dict[str, np.ndarray]:
        """Everything of the seat's own that the next tick reads (keyframes, hashes)."""
        return {}

    def restore(self, state: dict[str, np.ndarray]) -> None:
        pass

    def auto_pilot(self) -> Callable | None:
        """The AI in this seat under `--pilot auto` (called with the sortie each tick for a ControlFrame); None:
        the level's flight plan flies aircraft 0 from here."""
        return None

    def mission_view(self) -> Any:
        """What a mission script reads as `m.<name>`."""
        raise AttributeError(f"the {self.name} seat has nothing for a mission to read")
