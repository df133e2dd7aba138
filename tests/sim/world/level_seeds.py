"""The story levels' acceptance measure: the auto-pilot flies a level headless on seeds 0-9 and must come home
(success or partial) on at least 8 (Level 1, 'escape'; Level 2, 'breakout', where the gunner AI holds the gate
first). Also how long a simulated minute takes headless.

    python -m tests.sim.world.level_seeds LEVEL [first last] [--difficulty easy|normal|hard]
"""
from __future__ import annotations

import sys
import time

from flight.tools.headless import run_level


_LEFT_OUT = ("damage_taken", "landing", "touchdown_sink_ms")


def main(argv: list[str]) -> int:
    difficulty = "normal"
    if "--difficulty" in argv:
        at = argv.index("--difficulty")
        difficulty = argv[at + 1]
        argv = argv[:at] + argv[at + 2:]
    level, argv = argv[0], argv[1:]
    first, last = (int(argv[0]), int(argv[1])) if len(argv) >= 2 else (0, 9)
    home, wall, sim = 0, 0.0, 0.0
    for seed in range(first, last + 1):
        start = time.perf_counter()
        result = run_level(level, seed=seed, pilot="auto", difficulty=difficulty)
        seconds = time.perf_counter() - start
        wall, sim = wall + seconds, sim + result["sim_seconds"]
        home += result["outcome"] in ("success", "partial")
        print(f"seed {seed}  {result['outcome']:8s} {result['sim_seconds']:6.1f} s  {result['reason']}  "
              f"(damage {result['stats']['damage_taken']}, {seconds / result['sim_seconds'] * 60:.1f} s per "
              f"simulated minute)", {k: v for k, v in result["stats"].items() if k not in _LEFT_OUT}, flush=True)
    print(f"home {home} of {last - first + 1}; {wall / sim * 60:.1f} s of wall time per simulated minute")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
