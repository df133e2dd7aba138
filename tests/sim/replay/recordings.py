"""Real replay files for the tests: sorties flown by test pilots, recorded through the same writer the game and
`flight run` use. The taxi pilot blips the rotary down the field holding a wandering heading, with a little noise
on every axis, so every tick's controls differ and every hash means something; the gunner flies Level 1 by its
autopilot firing bursts; Allison then Dig plays Level 2 through the hand-over and the rear gun."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from flight.sim.command import BLIP, CLEAR_JAM, FIRE, REAR_GUN, RELOAD, ControlFrame
from flight.sim.replay import ReplayWriter
from flight.sim.replay.header import make_header
from flight.sim.world import load_level
from flight.sim.run.autopilot import level_autopilot
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


def gunner(sortie: Sortie):
    """The level's autopilot, firing in bursts and working the cocking handles between them."""
    fly = level_autopilot(sortie)

    def pilot(s: Sortie):
        frame = fly(s)
        tick = s.tick_count
        buttons = FIRE if tick % 240 < 100 else (CLEAR_JAM if tick % 240 < 140 else 0)
        return frame._replace(buttons=frame.buttons | buttons)
    return pilot


BREAKOUT_SEED = 5  # its gate falls within a minute when the gun is silent


def allison_then_dig():
    """Sweeps the gate gun and works the belt, never firing: the guards take the gate; in the Gotha, opens up,
    takes the rear gun from 5 s to 9 s after the hand-over (aiming and firing astern), and opens up again."""
    handover = []  # the second the player came to the Gotha

    def fly(sortie) -> ControlFrame:
        seconds = sortie.tick_count / 120.0
        if sortie.world.seat == "gate":
            return ControlFrame(float(np.sin(seconds)), -0.3, buttons=RELOAD if 1.0 < seconds < 2.0 else 0)
        if not handover:
            handover.append(seconds)
        if 5.0 < seconds - handover[0] < 9.0:
            return ControlFrame(float(np.sin(seconds)), 0.2, throttle=1.0, buttons=REAR_GUN | FIRE)
        return ControlFrame(throttle=1.0)
    fly.handover = handover
    return fly


def record_breakout(path: Path) -> int:
    """70 s of Level 2 flown by allison_then_dig (seed BREAKOUT_SEED); the tick of the hand-over."""
    pilot = allison_then_dig()
    record(path, pilot, 120 * 70, seed=BREAKOUT_SEED, level="breakout")
    return round(pilot.handover[0] * 120)


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
