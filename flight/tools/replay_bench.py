"""The replay figures of `flight bench`: a recorded level verified straight through and in a process per core
(how many times faster than real time), seeked (the slowest of a spread of seeks), and its size per minute; and
each story level's recording, its size per minute and slowest seek beside their goals; and the exports' speeds:
the Tacview file's, scaled to a 10-minute replay, and the video's frames rendered a second (issue 21)."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from flight.campaign import LEVELS
from flight.sim.dynamics import DT
from flight.sim.replay.layout import FULL_KEYFRAME_TICKS, KEYFRAME_TICKS
from flight.sim.replay.parallel import cores, verify_in_parallel
from flight.sim.replay.playback import Playback, verify
from flight.sim.replay.reader import Replay, load_replay
from flight.tools.acmi_export import export_acmi
from flight.tools.bench_figures import goal
from flight.tools.headless import run_level
from flight.tools.video_file import pyav_missing

MAX_KB_PER_MINUTE = 100
MAX_SEEK_S = 1.0


def replay_figures(path: Path) -> dict:
    replay = load_replay(path)
    seconds = replay.ticks * DT
    start = time.perf_counter()
    straight = verify(replay)
    one_job = time.perf_counter() - start
    start = time.perf_counter()
    parallel = verify_in_parallel(replay, cores())
    all_cores = time.perf_counter() - start
    return {"level": replay.header["level"], "sim_minutes": round(seconds / 60.0, 2),
            "verified_exact": straight.ok and parallel.ok,
            "verify_1_job_x_real_time": goal(round(seconds / one_job, 1), at_least=100),
            "verify_all_cores_x_real_time": goal(round(seconds / all_cores, 1), at_least=150), "jobs": cores(),
            "slowest_seek_s": slowest_seek(replay), "kb_per_minute": kb_per_minute(path, replay)}


def story_level_figures(folder: Path, quick: bool) -> dict:
    """Each story level flown headless by the auto-pilot and recorded (`flight run LEVEL --pilot auto --record`,
    seed 0) for 20 s with --quick, else up to 10 minutes: its size per minute and its slowest seek."""
    figures = {}
    for level in LEVELS:
        path = folder / f"story-{level}.flightreplay"
        run_level(level, record=path, max_seconds=20.0 if quick else 600.0)
        replay = load_replay(path)
        figures[level] = {"sim_minutes": round(replay.seconds / 60.0, 2),
                          "kb_per_minute": goal(kb_per_minute(path, replay), at_most=MAX_KB_PER_MINUTE),
                          "slowest_seek_s": goal(slowest_seek(replay), at_most=MAX_SEEK_S)}
    return figures


def kb_per_minute(path: Path, replay: Replay) -> float:
    return round(path.stat().st_size / 1000.0 / replay.seconds * 60.0, 1)


def slowest_seek(replay: Replay) -> float:
    """Seconds of the slowest of a spread of seeks, back and forth. The worst is just before a keyframe (a whole
    keyframe interval to re-simulate) that is just before a minute's whole keyframe (the most changes to apply)."""
    per_minute = FULL_KEYFRAME_TICKS // KEYFRAME_TICKS
    keyframes = [1, 3, 5, 2, 4] + list(range(per_minute, replay.ticks // KEYFRAME_TICKS + 2, 2 * per_minute))
    targets = [min(replay.ticks, k * KEYFRAME_TICKS - 1) for k in keyframes] + [0, replay.ticks, replay.ticks // 2]
    playback, slowest = Playback(replay), 0.0
    for tick in targets:
        start = time.perf_counter()
        playback.seek(tick)
        slowest = max(slowest, time.perf_counter() - start)
    return round(slowest, 3)


def export_figures(path: Path, quick: bool) -> dict:
    """The Tacview export of the recording at `path`, its seconds scaled to 10 minutes of flight; and the video of
    its first 10 s (1 s with --quick) at 1280x720 and 30 fps from the chase camera, in frames rendered and encoded a
    second, timed in a fresh `flight replay --video` (its window's opening counted; None without PyAV)."""
    replay = load_replay(path)
    start = time.perf_counter()
    export_acmi(replay, path.with_suffix(".acmi"))
    acmi_s = time.perf_counter() - start
    video_fps = None
    if pyav_missing() is None:
        out = path.with_suffix(".mp4")
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "flight", "replay", str(path), "--video", str(out),
                               "--to", "1" if quick else "10"], capture_output=True, text=True, timeout=900,
                              check=True)
        video_fps = round(json.loads(done.stdout.strip().splitlines()[-1])["frames"] / (time.perf_counter() - start), 1)
    return {"acmi_export_s_per_10_min": round(acmi_s * 600.0 / replay.seconds, 1), "video_fps_1280x720": video_fps}
