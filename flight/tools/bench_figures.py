"""What every `flight bench` figure shares: its goal beside it (issue 15's table), progress lines on a terminal
only, and best-of timing."""
from __future__ import annotations

import sys
import time


def goal(value: float | None, at_most: float | None = None, at_least: float | None = None) -> dict:
    """A figure and its goal, e.g. {"value": 3.2, "at_most": 5, "met": true}; `met` is None when the figure could
    not be measured (value None: no jsbsim, or skipped by --quick)."""
    bound = {"at_most": at_most} if at_most is not None else {"at_least": at_least}
    met = None if value is None else (value <= at_most if at_most is not None else value >= at_least)
    return {"value": value, **bound, "met": met}


def progress(message: str) -> None:
    """Progress goes to a terminal only; piped output stays one clean JSON document."""
    if sys.stderr.isatty():
        print(f"bench: {message}", file=sys.stderr, flush=True)


def best_time(run, repeats: int) -> float:
    """The quickest of `repeats` runs, in seconds: the machine's noise only ever adds."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best
