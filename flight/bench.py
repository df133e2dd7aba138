"""`flight bench`: measured speeds of the parts of the game, as one JSON object or a short table.

The figures that matter are ratios measured in the same run (ours against JSBSim), since the machines are noisy.
"""
from __future__ import annotations

import json
import sys
import time

import numpy as np

from flight.dynamics import DT, Fleet, load_aircraft
from flight.jsbsim_quiet import silenced

FLEET_SIZES = (1, 16, 256)


def _progress(message: str) -> None:
    """Progress goes to a terminal only; piped output stays one clean JSON document."""
    if sys.stderr.isatty():
        print(message, file=sys.stderr, flush=True)


def _best_time(run, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def fdm_step_time(n: int, steps: int, repeats: int) -> float:
    """Seconds per Fleet.step for n Camels in cruise, best of `repeats` runs of `steps` steps."""
    fleet = Fleet([load_aircraft("camel")] * n)
    for i in range(n):
        fleet.reset(i, pos=(0.0, 30.0 * i, -1000.0), speed=45.0, heading=float(i), throttle=0.8)
    controls = fleet.controls.copy()
    controls[:, 0] = np.linspace(-0.2, 0.2, n)  # every aircraft doing something slightly different

    def run():
        for _ in range(steps):
            fleet.step(controls, DT)
    run()  # warm up
    return _best_time(run, repeats) / steps


def jsbsim_steps_per_second(steps: int, repeats: int) -> float | None:
    """Steps per second of JSBSim's own Camel in cruise, one instance stepped in a Python loop; None without
    jsbsim (it is a test dependency, not a game one)."""
    try:
        import jsbsim
    except ImportError:
        return None
    with silenced(jsbsim):
        fdm = jsbsim.FGFDMExec(jsbsim.get_default_root_dir())
        fdm.set_debug_level(0)
        fdm.load_model("Camel")
        fdm.set_dt(DT)
        fdm["ic/h-sl-ft"] = 3300.0
        fdm["ic/terrain-elevation-ft"] = 0.0
        fdm["ic/vt-kts"] = 87.0
        fdm.run_ic()
        fdm["propulsion/set-running"] = -1
        fdm["fcs/throttle-cmd-norm"] = 0.8

        def run():
            for _ in range(steps):
                fdm.run()
        run()
        return steps / _best_time(run, repeats)


def fdm_figures(quick: bool) -> dict:
    steps, repeats = (120, 2) if quick else (600, 3)
    us_per_step, per_second = {}, {}
    for n in FLEET_SIZES:
        _progress(f"bench: Fleet.step with {n} aircraft")
        seconds = fdm_step_time(n, steps, repeats)
        us_per_step[str(n)] = round(seconds * 1e6, 1)
        per_second[str(n)] = round(n / seconds)
    _progress("bench: JSBSim Camel")
    reference = jsbsim_steps_per_second(steps * 4, repeats)
    largest = str(FLEET_SIZES[-1])
    return {
        "aircraft": "camel",
        "us_per_step": us_per_step,
        "aircraft_steps_per_s": per_second,
        "jsbsim_camel_steps_per_s": None if reference is None else round(reference),
        "ratio_vs_jsbsim": {n: round(v / reference, 2) for n, v in per_second.items()} if reference else None,
        "goals": {"n256_ratio_at_least": 10, "n1_us_per_step_under": 100},
        "n256_meets_goal": None if reference is None else per_second[largest] / reference >= 10,
    }


def main(json_output: bool = False, quick: bool = False) -> int:
    report = {"fdm": fdm_figures(quick)}
    if json_output:
        print(json.dumps(report, indent=1))
        return 0
    fdm = report["fdm"]
    print("Fleet.step (Camels in cruise)")
    print(f"{'N':>5} {'us/step':>10} {'aircraft-steps/s':>18} {'x JSBSim':>9}")
    for n in fdm["us_per_step"]:
        ratio = fdm["ratio_vs_jsbsim"][n] if fdm["ratio_vs_jsbsim"] else "-"
        print(f"{n:>5} {fdm['us_per_step'][n]:>10} {fdm['aircraft_steps_per_s'][n]:>18} {ratio:>9}")
    print(f"JSBSim Camel, one instance: {fdm['jsbsim_camel_steps_per_s'] or 'not installed'} steps/s")
    return 0
