"""`flight` on a machine with no display says so in one line; `flight shot` writes a real PNG offscreen, `flight
scene --sheet` a contact sheet."""
import os
import subprocess
import sys

from flight import cli


def test_no_display_is_one_line_and_exit_2():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run([sys.executable, "-m", "flight"], env=env, capture_output=True, text=True, timeout=60,
                          cwd=os.path.dirname(os.path.dirname(cli.__file__)))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "flight shot" in lines[0]


def test_an_unknown_level_is_refused(capsys):
    assert cli.main(["play", "atlantis"]) == 2
    assert "unknown level 'atlantis'" in capsys.readouterr().err


def test_flight_shot_writes_a_png(tmp_path):
    out = tmp_path / "shot.png"
    assert cli.main(["shot", "training", "--time", "1", "--out", str(out), "--size", "320x180"]) == 0
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 2000


def test_flight_scene_writes_a_contact_sheet_and_refuses_an_unknown_scene_in_one_line(tmp_path, capsys):
    out = tmp_path / "ending.png"
    assert cli.main(["scene", "ending", "--sheet", str(out), "--size", "160x90", "--outcome", "failure"]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and not list(tmp_path.glob(".*.tmp"))
    assert cli.main(["scene", "atlantis", "--sheet", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no scene 'atlantis'" in err[0]


def test_a_level_started_from_the_command_line_opens_at_its_briefing_and_fly_goes_to_the_flight():
    from flight.app.app import FlightApp
    from flight.app.screens.briefing import BriefingScreen
    from flight.app.screens.flight_screen import FlightScreen
    app = FlightApp("offscreen", size=(320, 180), level="breakout", record_replays=False)  # as `flight play breakout`
    try:
        assert isinstance(app.router.screen, BriefingScreen) and app.router.screen.level.name == "breakout"
        app.task_mgr.step()
        app.router.screen.fly()
        assert isinstance(app.router.screen, FlightScreen)
    finally:
        app.close()


def test_a_shot_frames_the_aircraft_where_the_simulation_has_it():
    """`flight shot` ticks without drawing: the chase camera settles behind the aircraft where it is now, not where
    the last frame drew it (Escape's chase shot at 40 s showed an empty field)."""
    from panda3d.core import Point3

    from flight.app.app import FlightApp
    from flight.app.launch import settle_and_render
    app = FlightApp("offscreen", size=(320, 180), level="training", record_replays=False, fly_now=True)
    try:
        view = app.router.screen.view
        view.world.fleet.pos[0, :2] += (300.0, 200.0)  # moved by ticks no frame drew
        view.tick()
        view.camera.select("chase")
        settle_and_render(app, view)
        aircraft = view.aircraft.get_pos(app.render)
        assert (aircraft - Point3(view.latest.pos[0, 1], view.latest.pos[0, 0], -view.latest.pos[0, 2])).length() < 1.0
        ahead = app.camera.get_relative_point(app.render, aircraft)
        assert ahead.y > 10.0 and ahead.length() < 20.0  # in front of the camera, some 16 m away
    finally:
        app.close()
