"""Entry points behind `flight`, `flight play LEVEL` and `flight shot LEVEL`."""
from __future__ import annotations

import sys
from pathlib import Path

NO_DISPLAY = ("flight: no display to open the game window on (DISPLAY is not set); the headless commands work: "
              "flight run LEVEL --headless, flight replay FILE --verify, flight shot LEVEL --out FILE.png, "
              "flight bench, and the tests")


def _level_ok(level: str, command: str) -> bool:
    """Load the level once up front, so a missing or broken one is one line, not a traceback from the window."""
    from flight.sim.world import LevelFileError, load_level
    try:
        load_level(level)
    except LevelFileError as error:
        print(f"flight {command}: {error}", file=sys.stderr)
        return False
    return True


def play(level: str | None = None, all_levels: bool = False) -> int:
    """Open the game window at the menu (every story level open with `all_levels`), or at a level's briefing."""
    from flight.app.config import display_available
    if level is not None and not _level_ok(level, "play"):
        return 2
    if not display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    from flight.sim.jit import defer_compiling
    defer_compiling()  # the menu opens first; the flight model's kernels compile behind it (FlightApp)
    from flight.app.app import FlightApp
    FlightApp("onscreen", level=level, all_levels=all_levels).run()
    return 0


def settle_and_render(app, view) -> None:
    """Hold the simulation, let the chase camera settle on the aircraft and the HUD catch up, then draw."""
    view.paused = True
    view.draw(1.0)  # first the aircraft where the simulation has them: ticks without frames left them behind
    for _ in range(3):
        view.camera.update(view.aircraft, 1.0)
        app.task_mgr.step()
    view.draw(1.0)  # again, from where the frames put the camera: beams near the eye fade (ground_nodes.beam_fade)
    app.task_mgr.step()


def shot(level: str, seconds: float, camera: str, out: Path, size: tuple[int, int]) -> int:
    """Simulate `seconds` of the level from its start, render one frame offscreen and save it as a PNG."""
    if not _level_ok(level, "shot"):
        return 2
    from panda3d.core import Filename

    from flight.app.app import FlightApp
    from flight.sim.dynamics import DT
    app = FlightApp("offscreen", size=size, level=level, record_replays=False, fly_now=True)
    try:
        view = app.router.screen.view
        for _ in range(round(seconds / DT)):
            view.tick()
        view.camera.select(camera)
        settle_and_render(app, view)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not app.win.save_screenshot(Filename.from_os_specific(str(out))):
            print(f"flight shot: could not write {out}", file=sys.stderr)
            return 2
    finally:
        app.close()
    print(out)
    return 0


def scene(name: str, sheet_path: Path | None, size: tuple[int, int], outcome: str) -> int:
    """`flight scene NAME`: play a story scene in the game window (then the menu), or with `sheet_path` render a
    still of each beat offscreen into one contact sheet PNG."""
    from flight.story.scenes import SceneFileError, load_scene
    try:
        load_scene(name)
    except SceneFileError as error:
        print(f"flight scene: {error}", file=sys.stderr)
        return 2
    from flight.app.app import FlightApp
    if sheet_path is None:
        from flight.app.config import display_available
        if not display_available():
            print(NO_DISPLAY, file=sys.stderr)
            return 2
        app = FlightApp("onscreen")
        app.router.go("scene", name=name, outcome=outcome)
        app.run()
        return 0
    from flight.app.story.contact_sheet import sheet, stills, write_png
    app = FlightApp("offscreen", size=size, record_replays=False)
    try:
        write_png(sheet(stills(app, name, outcome)), sheet_path)
    except OSError as error:
        print(f"flight scene: {error}", file=sys.stderr)
        return 2
    finally:
        app.close()
    print(sheet_path)
    return 0


def watch_replay(path: Path) -> int:
    """`flight replay FILE`: play it in the game window (an interrupted recording plays its whole seconds)."""
    from flight.sim.replay import ReplayFileError, load_replay
    try:
        replay = load_replay(path, allow_partial=True)
    except ReplayFileError as error:
        print(f"flight replay: {error}", file=sys.stderr)
        return 2
    from flight.app.config import display_available
    if not display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    from flight.app.app import FlightApp
    app = FlightApp("onscreen")
    app.router.go("replay", replay=replay)
    app.run()
    return 0
