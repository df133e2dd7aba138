"""`flight bench`: measured speeds of the parts of the game, as one JSON object or a short table.

The figures that matter are ratios measured in the same run (ours against JSBSim), since the machines are noisy.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time

import numpy as np

from flight.sim.dynamics import DT, Fleet, load_aircraft
from flight.tools.jsbsim_quiet import silenced

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
        "goals": {"n256_ratio_at_least": 30, "n1_us_per_step_under": 5},  # issue 15
        "n256_meets_goal": None if reference is None else per_second[largest] / reference >= 30,
    }


def startup_seconds() -> float:
    """Seconds from a fresh Python to the menu's first frame (offscreen), measured in a child process."""
    code = ("import time; t = time.perf_counter(); from flight.app.app import FlightApp; "
            "app = FlightApp('offscreen', size=(1280, 720)); app.graphicsEngine.render_frame(); "
            "print(time.perf_counter() - t)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    return float(done.stdout.strip().splitlines()[-1])


def frame_figures(quick: bool) -> dict:
    """The training level at 1280x720 offscreen, full throttle, at 60 fps of game time (2 ticks a frame):
    milliseconds per frame for the simulation ticks, the HUD widgets' updates, and the rest of the frame
    (Panda3D's cull and draw, the camera, the aircraft's transform)."""
    from flight.app.app import FlightApp
    from flight.sim.dynamics import DT
    app = FlightApp("offscreen", size=(1280, 720), level="training")
    try:
        view = app.router.screen.view
        view.paused = True  # the bench drives the ticks itself, two a frame, to time them apart
        app.messenger.send("0")
        widgets = list(view.hud.widgets.values())
        spent = {"simulation": 0.0, "hud": 0.0, "frame": 0.0}
        frames = 60 if quick else 300
        for frame in range(30 + frames):
            start = time.perf_counter()
            view.advance(round(1.0 / 60.0 / DT))
            ticked = time.perf_counter()
            for widget in widgets:
                widget.update()
            updated = time.perf_counter()
            app.task_mgr.step()  # the HUD tasks find nothing new to set; draw, camera, igLoop
            if frame >= 30:  # after the warm-up
                spent["simulation"] += ticked - start
                spent["hud"] += updated - ticked
                spent["frame"] += time.perf_counter() - start
    finally:
        app.close()
    per_frame = {k: v * 1000.0 / frames for k, v in spent.items()}
    return {"simulation_ms_per_frame": round(per_frame["simulation"], 3),
            "hud_ms_per_frame": round(per_frame["hud"], 3),
            "render_ms_per_frame": round(per_frame["frame"] - per_frame["simulation"] - per_frame["hud"], 3),
            "fps": round(1000.0 / per_frame["frame"], 1), "size": "1280x720", "ticks_per_frame": 2}


def combat_world(seed: int = 1):
    """The issue's combat budget case: 40 aircraft (20 Camels, 20 Fokkers) circling one point at 600-900 m with
    every trigger held, over 30 ground units (8 flak, 8 machine guns, 6 searchlights at dusk, 4 lorries driving,
    4 squads of guards)."""
    from flight.sim.world.combat.ground_units import GroundGroup
    from flight.sim.map.terrain import generate_terrain
    from flight.sim.world.world import Slot, World
    slots = [Slot("player" if i == 0 else f"{'rfc' if i % 2 == 0 else 'jasta'}/{i}",
                  "camel" if i % 2 == 0 else "fokker_d7", "allied" if i % 2 == 0 else "german",
                  300.0 * np.cos(i * 0.157), 300.0 * np.sin(i * 0.157), float(i * 9 + 90), on_ground=False,
                  altitude=600.0 + 8.0 * i, speed=50.0) for i in range(40)]
    layout = (("flak", 4, -500.0), ("mg", 4, 0.0), ("searchlight", 3, 300.0), ("truck", 2, -300.0),
              ("guards", 6, 200.0), ("guards", 6, 400.0))  # a squad of guards is one unit
    groups = tuple(GroundGroup(f"{kind}_{side}_{north:.0f}", kind, side, north, east, 90.0, count, 120.0,
                               ((north, east), (north + 600.0, east)) if kind == "truck" else ())
                   for kind, count, north in layout for side, east in (("allied", -250.0), ("german", 250.0)))
    world = World(generate_terrain(seed=seed), slots, seed=seed, ground_units=groups, time_of_day="dusk")
    for i in range(1, 40):
        world.pilot.fly_to([i], 0.0, 0.0, 600.0 + 8.0 * i)
    for group in ("truck_allied_-300", "truck_german_-300"):
        world.combat.order(group, "drive")
    world.combat.trigger[:] = True
    return world


def combat_figures(quick: bool) -> dict:
    """World.tick with combat at full stretch: milliseconds per tick (median and 95th percentile) once the bullets
    in flight have built up, and the flight model's share of it."""
    world = combat_world()
    controls = np.array([0.0, 0.0, 0.0, 0.8, 0.0, 0.0])
    for _ in range(400):  # 3.3 s: the first rounds reach the end of their flight
        world.tick(controls)
    times, bullets = [], []
    for _ in range(240 if quick else 1200):
        start = time.perf_counter()
        world.tick(controls)
        times.append(time.perf_counter() - start)
        bullets.append(len(world.combat.bullets))
    fleet_step = fdm_step_time(40, 120 if quick else 600, 2) * 1000.0
    return {"aircraft": world.fleet.n, "ground_units": len(world.combat.units),
            "bullets_in_flight_mean": round(float(np.mean(bullets))),
            "tick_ms_median": round(float(np.median(times)) * 1000.0, 3),
            "tick_ms_p95": round(float(np.percentile(times, 95)) * 1000.0, 3),
            "fleet_step_ms": round(fleet_step, 3), "goal_tick_ms_median": 1.5,
            "shots_fired": int(world.shots_fired.sum()), "hits": int(world.combat.condition.hits_taken.sum()),
            "downed": int(world.combat.condition.downed.sum())}


def main(json_output: bool = False, quick: bool = False) -> int:
    report = {"fdm": fdm_figures(quick)}
    _progress("bench: world tick with combat")
    report["combat"] = combat_figures(quick)
    _progress("bench: training level frames")
    report["frame"] = frame_figures(quick)
    _progress("bench: startup to the menu")
    report["frame"]["startup_s"] = round(startup_seconds(), 2)
    _progress("bench: a recorded Level 1, verified and seeked")
    from flight.tools.replay_bench import replay_figures
    report["replay"] = replay_figures("escape", 20.0 if quick else 600.0)
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
    c = report["combat"]
    print(f"World.tick with combat ({c['aircraft']} aircraft, {c['bullets_in_flight_mean']} bullets in flight, "
          f"{c['ground_units']} ground units): median {c['tick_ms_median']} ms, 95% {c['tick_ms_p95']} ms "
          f"(goal {c['goal_tick_ms_median']} ms; Fleet.step alone {c['fleet_step_ms']} ms)")
    frame = report["frame"]
    print(f"Training level at {frame['size']} offscreen: simulation {frame['simulation_ms_per_frame']} ms, "
          f"HUD {frame['hud_ms_per_frame']} ms, render {frame['render_ms_per_frame']} ms per frame, "
          f"{frame['fps']} fps; startup to the menu {frame['startup_s']} s")
    replay = report["replay"]
    print(f"Replay of {replay['level']} ({replay['sim_minutes']} min, {replay['outcome']}): verified "
          f"{'exact' if replay['verified_exact'] else 'DIVERGED'} at {replay['verify_x_real_time']}x real time, "
          f"slowest seek {replay['slowest_seek_s']} s, {replay['kb_per_minute']} KB/min")
    return 0
