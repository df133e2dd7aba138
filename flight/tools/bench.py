"""`flight bench`: measured speeds of the parts of the game, as one JSON object or a table, each figure with its
goal beside it (issue 15), under stable keys: `fdm`, `world`, `replay`, `frame`, `sound`, `startup`.

The figures that matter are ratios measured in the same run (ours against JSBSim; against real time), since the
machines are noisy. `--quick` flies 20 s of Level 1 instead of 10 minutes and skips the cold compile.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from flight.tools.bench_fdm import fdm_figures
from flight.tools.bench_frame import frame_figures, startup_figures
from flight.tools.bench_sound import sound_figures
from flight.tools.bench_world import combat_figures, combat_world, level_run  # noqa: F401 - combat_world: tests
from flight.tools.bench_figures import progress
from flight.tools.replay_bench import export_figures, replay_figures, story_level_figures


def measure(quick: bool = False) -> dict:
    """Every figure, as `flight bench --json` prints them."""
    report = {"fdm": fdm_figures(quick)}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.flightreplay"
        progress("Level 1 flown headless by the auto-pilot, recorded")
        report["world"] = {"level1": level_run("escape", path, 20.0 if quick else 600.0)}
        progress("world tick with combat")
        report["world"]["combat"] = combat_figures(quick)
        progress("the Level 1 recording verified (straight, then a process per core) and seeked")
        report["replay"] = replay_figures(path)
        progress("each story level recorded by the auto-pilot: size and seeks")
        report["replay"]["story_levels"] = story_level_figures(Path(folder), quick)
        progress("the Level 1 recording exported to Tacview and to video")
        report["replay"]["exports"] = export_figures(path, quick)
    progress("training level frames")
    report["frame"] = frame_figures(quick)
    progress("the sound's work per frame, Level 2's squadron under fire")
    report["sound"] = sound_figures(quick)
    progress("start-up: cold compile, warm start to the menu")
    report["startup"] = startup_figures(quick)
    return report


def main(json_output: bool = False, quick: bool = False) -> int:
    report = measure(quick)
    print(json.dumps(report, indent=1) if json_output else table(report))
    return 0


def table(report: dict) -> str:
    """The report as lines a person reads: each figure beside its goal."""
    fdm, level1, combat = report["fdm"], report["world"]["level1"], report["world"]["combat"]
    replay, frame, startup, sound = report["replay"], report["frame"], report["startup"], report["sound"]
    lines = ["Fleet.step (Camels in cruise)", f"{'N':>5} {'us/step':>10} {'aircraft-steps/s':>18} {'x JSBSim':>9}"]
    for n in fdm["us_per_step"]:
        ratio = fdm["ratio_vs_jsbsim"][n] if fdm["ratio_vs_jsbsim"] else "-"
        lines.append(f"{n:>5} {fdm['us_per_step'][n]:>10} {fdm['aircraft_steps_per_s'][n]:>18} {ratio:>9}")
    lines.append(f"JSBSim Camel, one instance: {fdm['jsbsim_camel_steps_per_s'] or 'not installed'} steps/s")
    lines.append("")
    lines.append(f"{'figure':<62} {'measured':>10} {'goal':>9}  met")
    rows = [
        ("Fleet.step N=1, us", fdm["n1_us_per_step"]),
        ("Fleet.step N=256, per aircraft-step, x JSBSim", fdm["n256_ratio_vs_jsbsim"]),
        (f"Level 1 world tick, median us (p95 {level1['tick_us_p95']})", level1["tick_us_median"]),
        (f"{replay['sim_minutes']} min of Level 1 verified, 1 job, x real time", replay["verify_1_job_x_real_time"]),
        (f"the same, {replay['jobs']} jobs (all cores), x real time", replay["verify_all_cores_x_real_time"]),
        (f"World.tick with combat ({combat['aircraft']} aircraft, {combat['bullets_in_flight_mean']} bullets, "
         f"{combat['ground_units']} units), median ms", combat["tick_ms_median"]),
        ("  95th percentile, ms", combat["tick_ms_p95"]),
        ("Training at 1280x720 offscreen: simulation + HUD per frame, CPU ms",
         frame["simulation_and_hud_ms_per_frame"]),
        (f"sound per frame, Level 2's squadron under fire ({sound['level2_aircraft']} aircraft), median ms",
         sound["level2_ms_per_frame"]),
        (f"headless `flight run escape --pilot auto` ({level1['outcome']}), x real time",
         level1["headless_x_real_time"]),
        *(row for level, figures in replay["story_levels"].items() for row in (
            (f"{level} recorded by the auto-pilot ({figures['sim_minutes']} min), KB per minute",
             figures["kb_per_minute"]), ("  its slowest seek, s", figures["slowest_seek_s"]))),
        ("cold compile (empty numba cache), s", startup["cold_compile_s"]),
        ("warm start to the menu, s", startup["warm_start_s"]),
    ]
    for name, figure in rows:
        bound = f"<= {figure['at_most']}" if "at_most" in figure else f">= {figure['at_least']}"
        value = "-" if figure["value"] is None else figure["value"]
        met = {True: "yes", False: "NO", None: "-"}[figure["met"]]
        lines.append(f"{name:<62} {value:>10} {bound:>9}  {met}")
    lines.append("")
    lines.append(f"Replay of {replay['level']}: verified {'exact' if replay['verified_exact'] else 'DIVERGED'}, "
                 f"slowest seek {replay['slowest_seek_s']} s, {replay['kb_per_minute']} KB/min. Frame: simulation "
                 f"{frame['simulation_ms_per_frame']} ms, HUD {frame['hud_ms_per_frame']} ms of CPU in the quickest of "
                 f"{frame['runs']} runs (their mean {frame['simulation_and_hud_ms_mean_of_runs']} ms; by the wall "
                 f"clock, {frame['simulation_and_hud_wall_ms_per_frame']} ms for both), render "
                 f"{frame['render_ms_per_frame']} ms, {frame['fps']} fps. Combat: Fleet.step alone "
                 f"{combat['fleet_step_ms']} ms. Sound per frame: Level 2 p95 {sound['level2_ms_p95']} ms; "
                 f"{sound['combat_aircraft']} aircraft in combat, median {sound['combat_ms_per_frame']} ms, p95 "
                 f"{sound['combat_ms_p95']} ms.")
    exports = replay["exports"]
    lines.append(f"Exports: Tacview {exports['acmi_export_s_per_10_min']} s for 10 minutes of flight; video at "
                 f"1280x720, {exports['video_fps_1280x720'] or '- (no PyAV)'} frames rendered a second.")
    return "\n".join(lines)
