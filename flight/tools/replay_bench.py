"""The replay figures of `flight bench`: a recorded level verified straight through and in a process per core
(how many times faster than real time), seeked (the slowest of a spread of seeks), and its size per minute."""
from __future__ import annotations

import time
from pathlib import Path

from flight.sim.dynamics import DT
from flight.sim.replay.layout import KEYFRAME_TICKS
from flight.sim.replay.parallel import cores, verify_in_parallel
from flight.sim.replay.playback import Playback, verify
from flight.sim.replay.reader import load_replay
from flight.tools.bench_figures import goal


def replay_figures(path: Path) -> dict:
    replay = load_replay(path)
    seconds = replay.ticks * DT
    start = time.perf_counter()
    straight = verify(replay)
    one_job = time.perf_counter() - start
    start = time.perf_counter()
    parallel = verify_in_parallel(replay, cores())
    all_cores = time.perf_counter() - start
    playback, slowest = Playback(replay), 0.0
    # the worst case is just before a keyframe: a whole keyframe interval to re-simulate
    targets = [min(replay.ticks, k * KEYFRAME_TICKS - 1) for k in (1, 3, 5, 2, 4)] + [0, replay.ticks]
    for tick in targets:
        start = time.perf_counter()
        playback.seek(tick)
        slowest = max(slowest, time.perf_counter() - start)
    return {"level": replay.header["level"], "sim_minutes": round(seconds / 60.0, 2),
            "verified_exact": straight.ok and parallel.ok,
            "verify_1_job_x_real_time": goal(round(seconds / one_job, 1), at_least=100),
            "verify_all_cores_x_real_time": goal(round(seconds / all_cores, 1), at_least=150), "jobs": cores(),
            "slowest_seek_s": round(slowest, 3), "kb_per_minute": round(path.stat().st_size / 1000.0 / seconds * 60.0, 1)}
