"""The world figures of `flight bench`: Level 1 flown headless by the auto-pilot (each tick timed, and the run
against real time; it is recorded for the replay figures), and World.tick with combat at full stretch."""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.replay import ReplayWriter
from flight.sim.replay.header import make_header
from flight.sim.run.autopilot import level_autopilot
from flight.sim.run.driver import Driver
from flight.sim.run.sortie import Sortie
from flight.sim.world import load_level
from flight.tools.bench_fdm import fdm_step_time
from flight.tools.bench_figures import goal


def level_run(level: str, record: Path, max_seconds: float) -> dict:
    """`flight run LEVEL --headless --pilot auto --record FILE` (as flight.tools.headless runs it, seed 0) with
    each tick timed apart from the auto-pilot's choice of controls: the world and mission tick, and its recording."""
    sortie = Sortie(load_level(level), seed=0)
    fly = level_autopilot(sortie)
    driver = Driver(sortie, ReplayWriter(record, make_header(level, 0, "normal", pilot="auto"), sortie))
    ticks = []
    start = time.perf_counter()
    for _ in range(round(max_seconds / DT)):
        if sortie.end is not None:
            break
        frame = fly(sortie)
        tick_start = time.perf_counter()
        driver.step(frame)
        ticks.append(time.perf_counter() - tick_start)
    flown = time.perf_counter() - start
    driver.finish()
    us = np.array(ticks) * 1e6
    return {"level": level, "outcome": sortie.result()["outcome"], "sim_minutes": round(sortie.tick_count * DT / 60.0, 2),
            "tick_us_median": goal(round(float(np.median(us)), 1), at_most=60),
            "tick_us_p95": round(float(np.percentile(us, 95)), 1),
            "headless_x_real_time": goal(round(sortie.tick_count * DT / flown, 1), at_least=100)}


def combat_world(seed: int = 1):
    """The issue's combat budget case: 40 aircraft (20 Camels, 20 Fokkers) circling one point at 600-900 m with
    every trigger held, over 30 ground units (8 flak, 8 machine guns, 6 searchlights at dusk, 4 lorries driving,
    4 squads of guards)."""
    from flight.sim.map.terrain import generate_terrain
    from flight.sim.world.world import Slot, World
    slots = [Slot("player" if i == 0 else f"{'rfc' if i % 2 == 0 else 'jasta'}/{i}",
                  "camel" if i % 2 == 0 else "fokker_d7", "allied" if i % 2 == 0 else "german",
                  300.0 * np.cos(i * 0.157), 300.0 * np.sin(i * 0.157), float(i * 9 + 90), on_ground=False,
                  altitude=600.0 + 8.0 * i, speed=50.0) for i in range(40)]
    world = World(generate_terrain(seed=seed), slots, seed=seed, ground_units=combat_ground_units(),
                  time_of_day="dusk")
    for i in range(1, 40):
        world.pilot.fly_to([i], 0.0, 0.0, 600.0 + 8.0 * i)
    for group in ("truck_allied_-300", "truck_german_-300"):
        world.combat.order(group, "drive")
    world.combat.trigger[:] = True
    return world


def combat_ground_units() -> tuple:
    """The combat case's 30 ground units about the map's origin, both sides: 8 flak, 8 machine guns, 6
    searchlights, 4 lorries, 4 squads of guards (a squad is one unit)."""
    from flight.sim.world.combat.ground_units import GroundGroup
    layout = (("flak", 4, -500.0), ("mg", 4, 0.0), ("searchlight", 3, 300.0), ("truck", 2, -300.0),
              ("guards", 6, 200.0), ("guards", 6, 400.0))
    return tuple(GroundGroup(f"{kind}_{side}_{north:.0f}", kind, side, north, east, 90.0, count, 120.0,
                             ((north, east), (north + 600.0, east)) if kind == "truck" else ())
                 for kind, count, north in layout for side, east in (("allied", -250.0), ("german", 250.0)))


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
            "tick_ms_median": goal(round(float(np.median(times)) * 1000.0, 3), at_most=0.25),
            "tick_ms_p95": goal(round(float(np.percentile(times, 95)) * 1000.0, 3), at_most=0.5),
            "fleet_step_ms": round(fleet_step, 3),
            "shots_fired": int(world.shots_fired.sum()), "hits": int(world.combat.condition.hits_taken.sum()),
            "downed": int(world.combat.condition.downed.sum())}
