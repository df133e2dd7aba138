"""The fixed-step loop: frame time goes into an accumulator and comes out as whole simulation ticks of DT, so the
simulation is identical at 30, 60 or 144 fps; `alpha` says how far the frame lies between the last two ticks,
for interpolated drawing. Down to MIN_REAL_TIME_FPS it catches up in full (it drops frames, not time); below that
it drops time and says so (`slow`). Imports no panda3d (the app's task calls it)."""
from dataclasses import dataclass

from flight.sim.dynamics import DT

MIN_REAL_TIME_FPS = 5.0  # the slowest frame rate at which the flight still keeps up with the clock
MAX_FRAME_SECONDS = 1.0 / MIN_REAL_TIME_FPS  # the rest of a longer frame is lost: no burst of catch-up ticks
MAX_TICKS_PER_FRAME = round(MAX_FRAME_SECONDS / DT)
STALL_S = 1.0  # a frame this long is a stall (loading a level, a breakpoint), not a slow machine
SLOW_MEMORY_S = 2.0  # `slow` weighs the frames of about this long ago and since
SLOW_SHARE = 0.1  # of the time lost (over about a second of frames at least) that makes the flight `slow`


@dataclass
class FixedStepLoop:
    accumulated: float = 0.0
    max_ticks: int = MAX_TICKS_PER_FRAME  # a replay at 8x raises it
    recent_s: float = 0.0  # game time wanted by recent frames (stalls left out), decaying over SLOW_MEMORY_S
    recent_lost_s: float = 0.0  # of it, dropped rather than simulated

    def ticks_for(self, frame_seconds: float, speed: float = 1.0) -> int:
        """How many ticks to run for a frame that took frame_seconds (clamped, capped) at `speed` x real time."""
        frame_seconds = max(frame_seconds, 0.0)
        wanted = frame_seconds * speed
        clamped = min(frame_seconds, MAX_FRAME_SECONDS) * speed
        self.accumulated += clamped
        ticks = min(int(self.accumulated / DT), self.max_ticks)
        left = self.accumulated - ticks * DT
        self.accumulated = min(left, DT)
        if frame_seconds < STALL_S:
            keep = max(1.0 - frame_seconds / SLOW_MEMORY_S, 0.0)
            lost = (wanted - clamped) + (left - self.accumulated)  # a frame too long, and ticks over the cap
            self.recent_s = self.recent_s * keep + wanted
            self.recent_lost_s = self.recent_lost_s * keep + lost
        return ticks

    @property
    def slow(self) -> bool:
        """The flight has been running noticeably slower than the clock for a while."""
        return self.recent_s > 0.5 * SLOW_MEMORY_S and self.recent_lost_s > SLOW_SHARE * self.recent_s

    @property
    def alpha(self) -> float:
        """Fraction of a tick since the newest tick: draw at lerp(previous, newest, alpha)."""
        return self.accumulated / DT
