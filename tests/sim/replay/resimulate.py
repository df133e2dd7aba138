"""Run in a subprocess by the test of replays on other CPUs (test_exact_on_every_cpu.py): re-simulates recordings,
whole or from a keyframe, digests what every level loads, and probes what the C library, numpy and BLAS compute
here, so the test can show a condition took effect. Prints one JSON object.

    python -m tests.sim.replay.resimulate FILE[@FROM:TO] ...    (FROM a keyframe's tick; whole file without @)
"""
from __future__ import annotations

import hashlib
import json
import math
import sys

import numba
import numpy as np

from flight.sim.dynamics import atmosphere
from flight.sim.jit import CACHE_DIR
from flight.sim.replay import arrays, load_replay
from flight.sim.replay.playback import Playback, verify
from flight.sim.world import load_level
from flight.sim.world.level import known_levels
from flight.sim.world.world import World


def level_digest(name: str) -> str:
    """Everything a level's world is built from that the ticks read: ground heights, the state at tick 0 (units'
    positions, headings...), the fleet's packed constants, the guns' table, the zones, the atmosphere."""
    level = load_level(name)
    world = World.from_level(level)
    loaded = {f"state/{key}": value for key, value in world.state().items()}
    loaded["terrain/heights"] = world.terrain.heights
    params = world.fleet.params
    loaded.update({"params/aircraft": params.aircraft, "params/engines": params.engines,
                   "params/contacts": params.contacts, "atmosphere": atmosphere._TABLE})
    loaded.update({f"guns/{key}": value for key, value in vars(world.combat.guns).items()
                   if isinstance(value, np.ndarray)})
    loaded["zones"] = np.array([v for key in sorted(level.zones) for v in level.zones[key].values], dtype=float)
    return arrays.digest(loaded).hex()


def resimulated(replay, start: int, end: int) -> dict:
    """Re-simulate ticks start..end from the keyframe at `start`, checking every recorded hash on the way."""
    if start == 0 and end == replay.ticks:
        return verify(replay).to_json()
    playback = Playback(replay)
    playback.seek(start)
    for tick in range(start + 1, end + 1):
        if playback.step() == 0:
            return {"ok": False, "ticks": tick - start, "first_divergent_tick": tick, "note": "ended early"}
        expected = replay.hashes.get(tick)
        if expected is not None and arrays.digest(playback.sortie.state()) != expected:
            return {"ok": False, "ticks": tick - start, "first_divergent_tick": tick}
    return {"ok": True, "ticks": end - start, "first_divergent_tick": None}


def probes() -> dict[str, str]:
    """Digests of what the C library (math.*), numpy's SIMD kernels and BLAS compute for fixed inputs: each of the
    test's conditions changes one of them on a CPU with FMA and AVX-512, and the simulation must not notice."""
    x = np.random.default_rng(3).uniform(-20.0, 20.0, 20_000)
    libm = np.array([math.sin(v) + math.exp(v) + math.atan2(v, 1.5) for v in x])
    # long dot products: OpenBLAS's kernels for 3-vectors are scalar on some CPUs (an AMD EPYC's Haswell kernels
    # give the Nehalem bits there), for 1,000 they are SIMD with FMA everywhere they exist
    blas = np.array([x[i:i + 1000] @ x[i + 1000:i + 2000] for i in range(0, 18_000, 1000)])
    return {name: hashlib.blake2b(values.tobytes(), digest_size=8).hexdigest()
            for name, values in (("libm", libm), ("numpy", np.exp(x) + np.arctan2(x, 1.5)), ("blas", blas))}


def main(jobs: list[str]) -> dict:
    replays = {}
    for job in jobs:
        path, _, span = job.partition("@")
        replay = load_replay(path)
        start, end = (int(t) for t in span.split(":")) if span else (0, replay.ticks)
        replays[job] = resimulated(replay, start, end)
    return {"levels": {name: level_digest(name) for name in known_levels()}, "replays": replays, "probes": probes(),
            "numba_cpu": numba.config.CPU_NAME or "host", "kernel_cache": str(CACHE_DIR)}


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
