"""How the README's two pictures are made: `python docs/make_screenshots.py` from the repo root (offscreen; Mesa's
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
from flight.dynamics import DT  # noqa: E402


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


def main() -> None:
    app = FlightApp("offscreen", size=(960, 540), level="training", settings=Settings(quality="medium"))
    try:
        view = app.state.view
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
    app = FlightApp("offscreen", size=(960, 540), level="escape", settings=Settings(quality="medium"),
                    record_replays=False)
    try:
        view = app.state.view
        _fly(app, view, 2230.0, 14600.0, 45.0, heading=330.0, pitch=0.0, orbit=(205.0, 9.0, 32.0))
        _save(app, "escape-camp.png")
        _fly(app, view, -400.0, -700.0, 150.0, heading=90.0, pitch=-8.0, orbit=(240.0, 15.0, 40.0))
        _save(app, "escape-front.png")
    finally:
        app.close()


if __name__ == "__main__":
    main()
