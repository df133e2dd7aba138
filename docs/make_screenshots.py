"""How the README's pictures are made: `python docs/make_screenshots.py` from the repo root (offscreen; Mesa's
software OpenGL is enough), at 960x540 and the default ("medium") graphics quality.

- training-chase.png: the Training level's Camel placed 150 m over the fields west of the aerodrome, heading
  west-south-west, half a second later, chase camera (the instructor's line about the chocks and the objectives
  are hidden: they belong on the ground).
- training-orbit.png: the Camel on the aerodrome three seconds after the start, chocks in, the orbit camera 30 m
  to the north-north-east and 10 degrees up: the canvas hangars, the parked Camels and the windsock beyond.
- escape-camp.png: Level 1 at dawn, Dig's Fokker placed 45 m over the fields south-west of the prison camp,
  heading 330, the orbit camera 32 m to the south-south-west and 9 degrees up: the barracks, the double wire, the
  track from the gate.
- escape-front.png: the Fokker 150 m over the British lines heading east, the orbit camera 40 m to the west-south-
  west and 15 degrees up: the trenches, the wire, no-man's-land and the shell-torn ground either side.
- breakout-gate.png: Level 2 at night, 70 s into the fight at the camp gate with the gunner AI on the Maxim (the
  `--pilot auto` one): the view over its breech, guards rushing across the yard, the towers' beams.
- breakout-gotha.png: Dig's Gotha placed 60 m over the German airfield at night heading west, the orbit camera
  35 m to the south-east and 12 degrees up: the exhaust glow, the hangars' lamps, the searchlights.
(The mission's lines and objectives are hidden in the flying pictures: they belong on the ground.)
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from panda3d.core import Filename, PNMImage

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))  # this checkout's game, not an installed one

from flight.app.app import FlightApp  # noqa: E402
from flight.app.launch import settle_and_render  # noqa: E402
from flight.app.settings import Settings  # noqa: E402
from flight.sim.command import ControlFrame  # noqa: E402
from flight.sim.dynamics import DT  # noqa: E402
from flight.sim.world.seats.gate.gunner import GateGunner  # noqa: E402


def _save(app, name: str) -> None:
    path = DOCS / name
    image = PNMImage()
    if not app.win.get_screenshot(image):
        sys.exit(f"could not take the picture for {path}")
    image.remove_alpha()  # opaque anyway: a smaller file
    if not image.write(Filename.from_os_specific(str(path))):
        sys.exit(f"could not write {path}")
    print(path)


def _fly(app, view, north: float, east: float, height: float, heading: float, pitch: float,
         orbit: tuple[float, float, float] | None = None) -> None:
    """The player's aircraft placed in the air, flown half a second, the chase (or an orbit) camera settled and
    the land near it made as fine as it gets."""
    ground = float(view.world.terrain.height_at(np.array([north]), np.array([east]))[0])
    view.world.fleet.reset(0, pos=(north, east, -(ground + height)), speed=50.0, heading=heading, pitch=pitch,
                           throttle=0.8)
    view.paused = False
    for _ in range(round(0.5 / DT)):
        view.tick()
    view.hud.messages.node.hide()
    view.hud.objectives.node.hide()
    if orbit is None:
        view.camera.select("chase")
    else:
        view.camera.select("orbit")
        view.camera.orbit.start_from_camera = False
        view.camera.orbit.azimuth, view.camera.orbit.elevation, view.camera.orbit.distance = orbit
    settle_and_render(app, view)
    x, y, z = app.camera.get_pos(app.render)
    view.landscape.settle((y, x, -z))
    app.task_mgr.step()


def _app(level: str) -> FlightApp:
    return FlightApp("offscreen", size=(960, 540), level=level, settings=Settings(quality="medium"),
                     record_replays=False)


def main() -> None:
    app = _app("training")
    try:
        view = app.router.screen.view
        for _ in range(round(3.0 / DT)):
            view.tick()
        view.camera.select("orbit")
        view.camera.orbit.start_from_camera = False
        view.camera.orbit.azimuth, view.camera.orbit.elevation, view.camera.orbit.distance = 15.0, 10.0, 30.0
        settle_and_render(app, view)
        _save(app, "training-orbit.png")

        _fly(app, view, -300.0, -700.0, 150.0, heading=250.0, pitch=-3.0)
        _save(app, "training-chase.png")
    finally:
        app.close()
    app = _app("escape")
    try:
        view = app.router.screen.view
        _fly(app, view, 2230.0, 14600.0, 45.0, heading=330.0, pitch=0.0, orbit=(205.0, 9.0, 32.0))
        _save(app, "escape-camp.png")
        _fly(app, view, -400.0, -700.0, 150.0, heading=90.0, pitch=-8.0, orbit=(240.0, 15.0, 40.0))
        _save(app, "escape-front.png")
    finally:
        app.close()
    app = _app("breakout")
    try:
        view = app.router.screen.view
        gunner = GateGunner()
        view.controls.update = lambda dt: gunner(view.sortie).quantised()  # the AI's hands on the gun
        for _ in range(round(70.0 / DT)):
            view.tick()
        settle_and_render(app, view)
        view.hud.messages.node.hide()  # the first caption: never drawn while the fight was ticked through
        view.hud.objectives.node.hide()
        app.task_mgr.step()
        _save(app, "breakout-gate.png")
        view.world.seat = "aircraft"
        view.hud.set_seat("aircraft")
        view.controls.update = lambda dt: ControlFrame(throttle=0.8)
        _fly(app, view, 1700.0, 14300.0, 60.0, heading=270.0, pitch=0.0, orbit=(135.0, 12.0, 35.0))
        _save(app, "breakout-gotha.png")
    finally:
        app.close()


if __name__ == "__main__":
    main()
