"""Replays are exact on every x86-64 CPU (DESIGN.md, Replays; issue 15): recordings of every level re-simulated in
subprocesses as another CPU would run them give the recorded state hash every second. Training's taxiing and
Level 1's first seconds with the guns firing are re-simulated whole; Level 2 from its keyframes, its first five
seconds at the gate and from the last keyframe before the hand-over to past the rear gun in the squadron. What each
level loads (ground heights, units' places, the fleet's tables, the atmosphere) has the host's bits too, and probes
show that each condition did change what the C library, BLAS or numpy compute here.

The conditions: a CPU without AVX2 or FMA (glibc's SSE2 maths instead of its FMA versions, OpenBLAS's Nehalem
kernels, numpy's x86-64-v2 baseline kernels), numba's code for a generic x86-64 (compiled once into its own cache),
numpy without its AVX-512 kernels. The host's hashes are the recordings' own, made in this process."""
from __future__ import annotations

import json

import pytest

from flight.sim.replay.header import cpu_features, make_header
from flight.sim.replay.layout import KEYFRAME_TICKS
from flight.sim.replay.writer import ReplayWriter
from flight.sim.run.driver import Driver
from flight.sim.run.sortie import Sortie
from flight.sim.world import load_level
from tests.cpu_kernels import GENERIC_NUMBA, WITHOUT_AVX2, WITHOUT_AVX512, run_python
from tests.sim.replay.recordings import gunner, taxi_pilot

SECOND = 120
CONDITIONS = {"a CPU without AVX2 or FMA": WITHOUT_AVX2, "numba for a generic x86-64": GENERIC_NUMBA,
              "numpy without AVX-512": WITHOUT_AVX512}


def _record(path, level: str, seed: int, make_pilot, seconds: float):
    """`seconds` of the level flown by make_pilot(sortie); the path."""
    sortie = Sortie(load_level(level), seed=seed)
    driver = Driver(sortie, ReplayWriter(path, make_header(level, seed, "normal"), sortie))
    driver.fly(make_pilot(sortie), round(seconds * SECOND))
    driver.finish()
    return path


@pytest.fixture(scope="module")
def jobs(tmp_path_factory, breakout_recording) -> list[str]:
    """The recordings, as resimulate's jobs: FILE for a whole one, FILE@FROM:TO for ticks from a keyframe."""
    folder = tmp_path_factory.mktemp("every_cpu")
    training = _record(folder / "training.flightreplay", "training", 1, lambda s: taxi_pilot(1), 20.0)
    escape = _record(folder / "escape.flightreplay", "escape", 5, gunner, 12.0)
    breakout, handover = breakout_recording  # shared with test_breakout_replay
    squadron = (handover - handover % KEYFRAME_TICKS, handover + 9 * SECOND + 60)  # the rear gun: 5 s to 9 s after
    return [str(training), str(escape), f"{breakout}@0:{KEYFRAME_TICKS}", f"{breakout}@{squadron[0]}:{squadron[1]}"]


def _resimulated(env: dict[str, str], jobs: list[str]) -> dict:
    done = run_python(["-m", "tests.sim.replay.resimulate", *jobs], env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_every_level_replays_exactly_as_another_cpu_computes_it(jobs):
    host = _resimulated({}, [])
    features = cpu_features()
    for name, env in CONDITIONS.items():
        there = _resimulated(env, jobs)
        assert there["levels"] == host["levels"], f"{name}: a level loads other bits"
        diverged = {job: result for job, result in there["replays"].items() if not result["ok"]}
        assert not diverged and len(there["replays"]) == len(jobs), f"{name}: {diverged}"
        changed = {probe for probe, digest in there["probes"].items() if digest != host["probes"][probe]}
        if env is WITHOUT_AVX2 and "FMA3" in features:
            assert {"libm", "blas"} <= changed, "glibc's and OpenBLAS's other kernels took effect"
        if env in (WITHOUT_AVX2, WITHOUT_AVX512) and "AVX512F" in features:
            assert "numpy" in changed, "numpy's other kernels took effect"
        if env is GENERIC_NUMBA:
            assert there["numba_cpu"] == "generic" and there["kernel_cache"].startswith(env["NUMBA_CACHE_DIR"])
