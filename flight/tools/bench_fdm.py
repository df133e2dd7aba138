"""The flight-model figures of `flight bench`: Fleet.step for 1, 16 and 256 Camels in cruise, against JSBSim's own
Camel stepped in the same run (the figures that matter are ratios; the machines are noisy)."""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT, Fleet, load_aircraft
from flight.tools.bench_figures import best_time, goal, progress
from flight.tools.jsbsim_quiet import silenced

FLEET_SIZES = (1, 16, 256)


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
    return best_time(run, repeats) / steps


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
        return steps / best_time(run, repeats)


def fdm_figures(quick: bool) -> dict:
    steps, repeats = (120, 2) if quick else (600, 3)
    us_per_step, per_second = {}, {}
    for n in FLEET_SIZES:
        progress(f"Fleet.step with {n} aircraft")
        seconds = fdm_step_time(n, steps, repeats)
        us_per_step[str(n)] = round(seconds * 1e6, 1)
        per_second[str(n)] = round(n / seconds)
    progress("JSBSim Camel")
    reference = jsbsim_steps_per_second(steps * 4, repeats)
    ratios = {n: round(v / reference, 2) for n, v in per_second.items()} if reference else None
    return {
        "aircraft": "camel",
        "n1_us_per_step": goal(us_per_step["1"], at_most=5),
        "n256_ratio_vs_jsbsim": goal(ratios and ratios["256"], at_least=30),  # per aircraft-step
        "us_per_step": us_per_step,
        "aircraft_steps_per_s": per_second,
        "jsbsim_camel_steps_per_s": None if reference is None else round(reference),
        "ratio_vs_jsbsim": ratios,
    }
