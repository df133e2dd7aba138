"""A replay's keyframe segments verified in several processes at once (`flight replay FILE --verify --jobs N`):
this process and N-1 workers, each segment re-simulated from its own keyframe. The answer is the straight
verification's, since the segments chain (each checks the keyframe the next one starts from) and restoring a
keyframe is exact. Imports no panda3d; workers are forked from a process with no other thread, else start fresh
('forkserver', or 'spawn' where there is none) and load the kernels from numba's on-disk cache.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from flight.sim.replay.playback import Playback, SegmentCheck, Verification, check_segment, segments, verdict, verify
from flight.sim.replay.reader import Replay, load_replay


def cores() -> int:
    """The CPUs this process may run on: the default number of jobs."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def verify_in_parallel(replay: Replay, jobs: int | None = None,
                       progress: Callable[[int, int], None] | None = None) -> Verification:
    """`verify`'s answer, from `jobs` processes (default: one per core). This process takes the segments from the
    front, straight on as `verify` would; the workers take them from the back, one each at a time, so a worker still
    starting holds back one segment at most and a divergence found early cancels everything after it."""
    parts = segments(replay)
    jobs = min(cores() if jobs is None else jobs, len(parts))
    if jobs <= 1:
        return verify(replay, progress)
    playback = Playback(replay)  # a level that cannot replay is refused here, before any worker starts
    front: deque[tuple[int, int]] = deque(parts)
    running: dict[Future, tuple[int, int]] = {}
    checks: dict[tuple[int, int], SegmentCheck] = {}
    context = _context()
    if context.get_start_method() == "fork":  # the workers are born with this playback, ready to restore
        _playbacks[str(replay.path)] = playback
    with ProcessPoolExecutor(jobs - 1, mp_context=context) as pool:
        try:
            while front or running:
                while front and len(running) < jobs - 1:
                    part = front.pop()
                    running[pool.submit(_check_in_worker, str(replay.path), *part)] = part
                if front:
                    part = front.popleft()
                    checks[part] = check_segment(playback, *part)
                    finished = [f for f in running if f.done()]
                else:
                    finished = wait(running, return_when=FIRST_COMPLETED).done
                for future in finished:
                    checks[running.pop(future)] = future.result()
                cut = min((c.divergent_tick for c in checks.values() if c.divergent_tick is not None), default=None)
                if cut is not None:  # what starts at or after the first divergence cannot change the answer
                    front = deque(p for p in front if p[0] < cut)
                    running = {f: p for f, p in running.items() if p[0] < cut}
                if progress is not None:
                    progress(sum(end - start for start, end in checks), replay.ticks)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            _playbacks.clear()
    return verdict(replay, list(checks.values()))


def _context() -> multiprocessing.context.BaseContext:
    """Workers forked from this process while it runs no other thread (the command line, the bench): they start at
    once, with the simulation imported and the replay loaded. Otherwise (the game's window runs threads, which a
    fork would not copy) fresh processes: from a forkserver that has imported the simulation once, or spawned
    where there is no forkserver (Windows)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


_playbacks: dict[str, Playback] = {}  # in a worker: the replay it was handed, loaded once


def _check_in_worker(path: str, start: int, end: int) -> SegmentCheck:
    if path not in _playbacks:
        _playbacks[path] = Playback(load_replay(path))
    return check_segment(_playbacks[path], start, end)
