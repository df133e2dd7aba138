"""The game's figures for `flight bench`: the simulation and HUD cost of a rendered frame (training level,
1280x720 offscreen), and start-up, each in a fresh process: the kernels' cold compile and a warm start to the menu."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

from flight.tools.bench_figures import goal

# Run in a child; each prints time.time() once its work is done, so the figure counts the interpreter's own start.
_COLD_COMPILE = ("from flight.sim import jit; jit.defer_compiling(); jit.import_every_kernel(); "  # as a first start
                 "jit.compile_kernels(); import time; print(time.time())")
_WARM_START = ("from flight.sim.jit import defer_compiling; defer_compiling(); "  # as `flight play` starts
               "from flight.app.app import FlightApp; app = FlightApp('offscreen', size=(1280, 720)); "
               "app.graphicsEngine.render_frame(); import time; print(time.time())")


def _seconds_in_child(code: str, **env: str) -> float:
    """Seconds from launching a fresh Python to the end of `code`."""
    start = time.time()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600,
                          env={**os.environ, **env}, check=True)
    return float(done.stdout.strip().splitlines()[-1]) - start


def startup_figures(quick: bool) -> dict:
    """Cold compile: every module of flight.sim imported, so every kernel compiled, with an empty numba cache
    (skipped by --quick: it takes a minute). Warm start: a fresh process to the menu's first frame, with the cache as it is."""
    cold = None
    if not quick:
        with tempfile.TemporaryDirectory() as cache:
            cold = round(_seconds_in_child(_COLD_COMPILE, NUMBA_CACHE_DIR=cache), 2)
    return {"cold_compile_s": goal(cold, at_most=30), "warm_start_s": goal(round(_seconds_in_child(_WARM_START), 2),
                                                                           at_most=1.5)}


def frame_figures(quick: bool) -> dict:
    """The training level at 1280x720 offscreen, full throttle, at 60 fps of game time (2 ticks a frame):
    milliseconds per frame for the simulation ticks, the HUD widgets' updates, and the rest of the frame
    (Panda3D's cull and draw, the camera, the aircraft's transform); and the simulation and HUD again with no
    frames drawn between them.

    The simulation and HUD are timed as the main thread's CPU time: Mesa's software renderer finishes each frame
    in threads of its own on the same cores after the draw call returns, and the wall clock would count the time
    the system gives them (`..._wall_ms_per_frame`, also reported). What drawing on the same CPU still costs them,
    their code and data evicted from its caches, is in the figure; a GPU would spare them both."""
    from flight.app.app import FlightApp
    from flight.sim.dynamics import DT
    app = FlightApp("offscreen", size=(1280, 720), level="training", fly_now=True)
    try:
        view = app.router.screen.view
        view.paused = True  # the bench drives the ticks itself, two a frame, to time them apart
        app.messenger.send("0")
        widgets = list(view.hud.widgets.values())
        spent = {"simulation": 0.0, "hud": 0.0, "wall": 0.0, "frame": 0.0, "unrendered": 0.0}
        frames = 60 if quick else 300
        for frame in range(30 + 2 * frames):
            rendered = frame < 30 + frames  # then as many frames again with no rendering between them
            start, start_cpu = time.perf_counter(), time.thread_time()
            view.advance(round(1.0 / 60.0 / DT))
            ticked = time.thread_time()
            for widget in widgets:
                widget.refresh()  # as its task does: the hidden ones (another seat's gauges) do no work
            updated, updated_cpu = time.perf_counter(), time.thread_time()
            if rendered:
                app.task_mgr.step()  # the HUD tasks find nothing new to set; draw, camera, igLoop
            if 30 <= frame and rendered:  # after the warm-up
                spent["simulation"] += ticked - start_cpu
                spent["hud"] += updated_cpu - ticked
                spent["wall"] += updated - start
                spent["frame"] += time.perf_counter() - start
            elif not rendered:
                spent["unrendered"] += updated_cpu - start_cpu
    finally:
        app.close()
    ms = {k: v * 1000.0 / frames for k, v in spent.items()}
    return {"simulation_and_hud_ms_per_frame": goal(round(ms["simulation"] + ms["hud"], 3), at_most=0.5),
            "simulation_ms_per_frame": round(ms["simulation"], 3), "hud_ms_per_frame": round(ms["hud"], 3),
            "simulation_and_hud_wall_ms_per_frame": round(ms["wall"], 3),  # the renderer's threads' time included
            # the same work with no software rendering between frames to evict it from the CPU's caches
            "simulation_and_hud_ms_unrendered": round(ms["unrendered"], 3),
            "render_ms_per_frame": round(ms["frame"] - ms["wall"], 3),
            "fps": round(1000.0 / ms["frame"], 1), "size": "1280x720", "ticks_per_frame": 2}
