"""GunAim: where the player holds a gun he mans by hand (the camp gate's Maxim, the Gotha's rear gun), kept in the
app as an absolute aim and sent to the world as the frame's aileron (traverse) and elevator (elevation), each
-1..1 over the gun's arc. The mouse moves it by its own motion; a stick or the keys slew it at a rate, so both
drive the one aim. Imports no panda3d.
"""
from __future__ import annotations

from dataclasses import dataclass

SLEW_PER_S = 0.8  # of the half-arc per second at full stick: about 2.5 s from one end of the arc to the other
MOUSE_GAIN = 1.0  # aim per window unit of pointer motion: a sweep across the window crosses the whole arc


@dataclass
class GunAim:
    """| field     | range | meaning                                        |
    |-----------|-------|------------------------------------------------|
    | traverse  | -1..1 | + to the right over the gun's arc              |
    | elevation | -1..1 | + up over the gun's elevation range            |
    | trigger   | bool  | the left mouse button held over the gun view   |
    """
    traverse: float = 0.0
    elevation: float = 0.0
    trigger: bool = False

    def mouse_moved(self, dx: float, dy: float) -> None:
        """Pointer motion in window units (+y up)."""
        self._set(self.traverse + MOUSE_GAIN * dx, self.elevation + MOUSE_GAIN * dy)

    def slew(self, stick_x: float, stick_y: float, dt: float) -> None:
        """A stick (or the keys' stick) held over by (x, y) turns the gun for dt seconds; stick back lifts it."""
        self._set(self.traverse + stick_x * SLEW_PER_S * dt, self.elevation + stick_y * SLEW_PER_S * dt)

    def centre(self) -> None:
        self._set(0.0, 0.0)

    def _set(self, traverse: float, elevation: float) -> None:
        self.traverse = min(max(traverse, -1.0), 1.0)
        self.elevation = min(max(elevation, -1.0), 1.0)
