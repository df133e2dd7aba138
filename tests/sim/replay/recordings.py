"""Real replay files for the tests: a training sortie flown by a test pilot, recorded through the same writer the
game and `flight run` use. The taxi pilot blips the rotary down the field holding a wandering heading, with a
little noise on every axis, so every tick's controls differ and every hash means something."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from flight.sim.command import BLIP, ControlFrame
from flight.sim.replay import ReplayWriter
from flight.sim.replay.header import make_header
from flight.sim.world import load_level
from flight.sim.run.driver import Driver, Pilot
from flight.sim.run.sortie import Sortie


def taxi_pilot(seed: int) -> Pilot:
    rng = np.random.default_rng(seed)

    def fly(sortie: Sortie) -> ControlFrame:
        tick, fleet = sortie.tick_count, sortie.world.fleet
        roll, _, heading = fleet.euler[0]
        wanted = np.radians(270.0 + 5.0 * np.sin(tick / 900.0 + seed))
        error = (wanted - heading + np.pi) % (2.0 * np.pi) - np.pi
        blip = BLIP if tick > 240 and tick % 120 < 70 else 0  # throttle open pulls the chocks, then blip to taxi
        return ControlFrame(-1.5 * roll + rng.normal(0.0, 0.05), -0.3 + rng.normal(0.0, 0.05),
                            3.0 * error - fleet.omega[0, 2], throttle=0.6, buttons=blip)
    return fly


def dive_pilot(sortie: Sortie) -> ControlFrame:
    """Full throttle, off the ground, then the stick forward: a crash."""
    return ControlFrame(elevator=-1.0 if sortie.tick_count > 1500 else 0.3, throttle=1.0)


def record(path: Path, pilot: Pilot, ticks: int, seed: int = 0, finish: bool = True, level: str = "training") -> Path:
    """Fly `ticks` ticks (fewer if the flight ends) with the pilot's quantised frames, as the live game does."""
    sortie = Sortie(load_level(level), seed=seed)
    writer = ReplayWriter(path, make_header(level, seed, "normal"), sortie)
    driver = Driver(sortie, writer)
    driver.fly(pilot, ticks)
    if finish:
        driver.finish()
    else:
        writer.close()
    return path


def recorded(tmp_path: Path, seed: int = 0, seconds: float = 25.0, finish: bool = True) -> Path:
    return record(tmp_path / f"taxi-{seed}.flightreplay", taxi_pilot(seed), round(seconds * 120), seed, finish)
