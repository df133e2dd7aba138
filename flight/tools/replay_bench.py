"""The replay figures of `flight bench`: a level flown headless by the auto-pilot and recorded, then verified
(how many times faster than real time) and seeked (the slowest of a spread of seeks), and its size per minute."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from flight.sim.dynamics import DT
from flight.sim.replay.layout import KEYFRAME_TICKS
from flight.sim.replay.playback import Playback, verify
from flight.sim.replay.reader import load_replay


def replay_figures(level: str = "escape", max_seconds: float = 600.0) -> dict:
    from flight.tools.headless import run_level
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.flightreplay"
        start = time.perf_counter()
        result = run_level(level, seed=0, pilot="auto", record=path, max_seconds=max_seconds)
        flown = time.perf_counter() - start
        replay = load_replay(path)
        start = time.perf_counter()
        ok = verify(replay).ok
        verified = time.perf_counter() - start
        playback, slowest = Playback(replay), 0.0
        # the worst case is just before a keyframe: a whole keyframe interval to re-simulate
        targets = [min(replay.ticks, k * KEYFRAME_TICKS - 1) for k in (1, 3, 5, 2, 4)] + [0, replay.ticks]
        for tick in targets:
            start = time.perf_counter()
            playback.seek(tick)
            slowest = max(slowest, time.perf_counter() - start)
        size = path.stat().st_size
    minutes = replay.ticks * DT / 60.0
    return {"level": level, "outcome": result["outcome"], "sim_minutes": round(minutes, 2),
            "headless_x_real_time": round(replay.ticks * DT / flown, 1),
            "verify_x_real_time": round(replay.ticks * DT / verified, 1), "verified_exact": ok,
            "slowest_seek_s": round(slowest, 3), "kb_per_minute": round(size / 1000.0 / minutes, 1)}
