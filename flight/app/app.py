"""The game application: a ShowBase that owns the window and switches game states; everything else is delegated
(the flight view ticks the world, the HUD widgets update themselves)."""
from __future__ import annotations

from direct.showbase.ShowBase import ShowBase

from flight.app.config import configure


class FlightApp(ShowBase):
    def __init__(self, window_type: str = "onscreen", size: tuple[int, int] = (1280, 720), level: str | None = None):
        configure(window_type, size)
        super().__init__()
        self.disable_mouse()
        self.state = None
        from flight.app.states import FlightState, MenuState
        self.go(FlightState(self, level) if level else MenuState(self))

    def go(self, state) -> None:
        """Leave the current state and enter another."""
        if self.state is not None:
            self.state.exit()
        self.state = state
        state.enter()

    def close(self) -> None:
        if self.state is not None:
            self.state.exit()
            self.state = None
        self.destroy()
