"""The fixed-step loop: frame time goes into an accumulator and comes out as whole simulation ticks of DT, so the
simulation is identical at 30, 60 or 144 fps; `alpha` says how far the frame lies between the last two ticks,
for interpolated drawing. Imports no panda3d (the app's task calls it)."""
from dataclasses import dataclass

from flight.sim.dynamics import DT

MAX_FRAME_SECONDS = 0.25  # a stall (loading, a breakpoint) does not turn into a burst of catch-up ticks
MAX_TICKS_PER_FRAME = 8


@dataclass
class FixedStepLoop:
    accumulated: float = 0.0
    max_ticks: int = MAX_TICKS_PER_FRAME  # a replay at 8x raises it

    def ticks_for(self, frame_seconds: float, speed: float = 1.0) -> int:
        """How many ticks to run for a frame that took frame_seconds (clamped, capped) at `speed` x real time."""
        self.accumulated += min(max(frame_seconds, 0.0), MAX_FRAME_SECONDS) * speed
        ticks = min(int(self.accumulated / DT), self.max_ticks)
        self.accumulated = min(self.accumulated - ticks * DT, DT)
        return ticks

    @property
    def alpha(self) -> float:
        """Fraction of a tick since the newest tick: draw at lerp(previous, newest, alpha)."""
        return self.accumulated / DT
