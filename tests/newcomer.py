"""A scripted new player on the keyboard (issue 17's acceptance): he reads the HUD as a newcomer does (airspeed,
height, heading), reacts after 0.3-0.8 s, and presses keys for 0.2-1 s at a time, never finely. He wants to take
off, climb to 500 m, turn onto north, then throttle back and put her down. A Pilot (flight.sim.run.driver): called
with the sortie each tick, it presses and releases the keys of a real KeyboardMouse and returns its frame.

    python -m tests.newcomer training --seeds 10 [--assists easy|normal|hard]   # the figures, per seed
"""
from __future__ import annotations

import argparse
import math

import numpy as np

from flight.input.keyboard import KeyboardMouse
from flight.sim.command import ControlFrame
from flight.sim.dynamics import DT
from flight.sim.run.sortie import Sortie

ROTATE_EAS = 24.0  # m/s (86 km/h): "the airspeed is up, pull"
CLIMB_TO = 500.0  # m above the ground
NORTH_WITHIN = math.radians(15.0)
DESCENT = 4.0  # m/s: "she is coming down nicely" on the HUD's climb indicator
DESCEND_TO = 150.0  # m: then he leaves her to come down as she is
ROLL_OUT = 10.0  # s on the ground after touching down: landed


class NewPlayer:
    """Decides at human reaction times what key to press and for how long (a seeded generator)."""

    def __init__(self, seed: int):
        self.rng = np.random.default_rng(seed)
        self.keys = KeyboardMouse()
        self.phase = "start"
        self.held: str | None = None
        self.release_at = 0
        self.next_look = 0
        self.tick = 0
        self.airborne_at: float | None = None
        self.landed = False
        self.landed_at = 0.0
        self.top = 0.0  # m above the ground, the most he saw
        self.north_at: int | None = None  # degrees: the heading when he was happy it was north

    def __call__(self, sortie: Sortie) -> ControlFrame:
        if self.held is not None and self.tick >= self.release_at:
            self.keys.release(self.held)
            self.held = None
            self.next_look = self.tick + self._ticks(0.3, 0.8)
        if self.held is None and self.tick >= self.next_look:
            key, seconds = self._decide(sortie)
            if key is None:
                self.next_look = self.tick + self._ticks(0.3, 0.8)
            else:
                self.keys.press(key)
                self.held, self.release_at = key, self.tick + round(seconds / DT)
        self.tick += 1
        return self.keys.update(DT)

    def _ticks(self, low: float, high: float) -> int:
        return round(float(self.rng.uniform(low, high)) / DT)

    def _press(self, key: str) -> tuple[str, float]:
        return key, float(self.rng.uniform(0.2, 1.0))

    def _decide(self, sortie: Sortie) -> tuple[str | None, float]:
        world = sortie.world
        fleet = world.fleet
        eas = float(fleet.eas[0])
        height = float(world.height_above_ground()[0])
        heading = float(fleet.euler[0, 2])
        on_ground = bool(fleet.on_ground[0])
        if not on_ground and self.airborne_at is None:
            self.airborne_at = round(sortie.tick_count * DT, 1)
        self.top = max(self.top, height)
        if self.phase == "start":
            self.phase = "roll"
            return "0", 0.3  # full throttle
        if self.phase == "roll":
            if not on_ground and height > 20.0:
                self.phase = "climb"
            elif eas > ROTATE_EAS:
                return self._press("arrow_down")
            return None, 0.0
        if self.phase == "climb":
            if height > CLIMB_TO:
                self.phase = "turn"
                return None, 0.0
            return self._press("arrow_down")
        if self.phase == "turn":
            off = math.remainder(heading, 2.0 * math.pi)  # + east of north: turn left
            if abs(off) < NORTH_WITHIN:
                self.phase = "throttle_back"
                self.north_at = round(math.degrees(heading) % 360.0)
                return None, 0.0
            return self._press("arrow_left" if off > 0.0 else "arrow_right")
        if self.phase == "throttle_back":
            if self.keys.throttle <= 0.05:  # the HUD's throttle reads 0 %
                self.phase = "descend"
                return None, 0.0
            return "-", 1.0
        if self.phase == "descend":
            if on_ground:
                self.landed, self.landed_at = True, sortie.tick_count * DT
                self.phase = "brake"
            elif height > DESCEND_TO and float(-fleet.vel[0, 2]) > -DESCENT:
                return self._press("arrow_up")
            return None, 0.0
        if self.phase == "brake":
            return "g", 1.0
        return None, 0.0


def fly(level: str, seed: int, assists: str, max_seconds: float = 600.0) -> dict:
    """One newcomer's flight: what became of it."""
    from flight.sim.assist_settings import ASSIST_PRESETS
    from flight.sim.run.assists import Assisted
    from flight.sim.world import load_level
    sortie = Sortie(load_level(level), seed=seed)
    player = NewPlayer(seed)
    pilot = Assisted(player, ASSIST_PRESETS[assists])
    from flight.sim.run.driver import Driver
    driver = Driver(sortie)
    fleet = sortie.world.fleet
    for _ in range(round(max_seconds / DT)):
        if sortie.end is not None or fleet.crashed[0]:
            break
        driver.step(pilot(sortie))
        if player.landed and sortie.tick_count * DT > player.landed_at + ROLL_OUT:
            break
    return {"seed": seed, "crashed": bool(fleet.crashed[0]), "phase": player.phase, "landed": player.landed,
            "airborne_s": player.airborne_at, "top_m": round(player.top), "seconds": round(sortie.tick_count * DT, 1),
            "north_at_deg": player.north_at, "assisted": pilot.assisted_ticks,
            "objectives": {o.text: o.state for o in sortie.mission.m.objectives.values()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("level")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--assists", default="easy")
    parser.add_argument("--seconds", type=float, default=600.0)
    args = parser.parse_args()
    for seed in range(args.seeds):
        print(fly(args.level, seed, args.assists, args.seconds), flush=True)


if __name__ == "__main__":
    main()
