"""Replays in the game: every flight is recorded as it is flown and verifies exactly; the browser lists, plays
and deletes them; the player seeks and hands over control; a ghost flies alongside."""
import numpy as np
import pytest

from flight.app.screens.flight_screen import FlightScreen
from flight.app.screens.replay_browser import ReplayBrowser
from flight.app.screens.replay_files import entries
from flight.app.screens.replay_player import ReplayPlayer
from flight.paths import replays_dir
from flight.sim.replay import arrays, load_replay
from flight.sim.replay.playback import Playback, verify


def fly_and_leave(app, ticks=900):
    """Open the throttle and pull and roll a bit through the messenger, as a player would, then quit to menu."""
    app.router.go("flight", level="training")
    view = app.router.screen.view
    app.messenger.send("0")
    for tick in range(ticks):
        if tick == 300:
            app.messenger.send("arrow_left")
        if tick == 420:
            app.messenger.send("arrow_left-up")
        view.tick()
    path = view.recording_path
    app.router.screen.to_menu()
    return path


def test_a_flight_flown_with_the_keys_is_recorded_and_verifies_exactly(app):
    path = fly_and_leave(app)
    assert path.parent == replays_dir() and path.name.startswith("training-")
    replay = load_replay(path)
    assert replay.ticks == 900 and replay.outcome["outcome"] == "abandoned"
    assert replay.controls[:, 3].max() == 65535 and replay.controls[:, 0].min() < -30000
    result = verify(replay)
    assert result.ok and result.ticks == 900


def test_the_browser_lists_watches_and_deletes(app):
    path = fly_and_leave(app, 240)
    app.router.go("replays")
    listed = [e for e in entries() if e.path == path]
    assert listed and "Training" in listed[0].line and "abandoned" in listed[0].line
    app.router.screen.watch(listed[0])
    assert isinstance(app.router.screen, ReplayPlayer)
    app.task_mgr.step()
    app.router.screen.close()
    assert isinstance(app.router.screen, ReplayBrowser)
    app.router.screen.delete(path)
    assert path.exists(), "the first press only arms"
    app.router.screen.delete(path)
    assert not path.exists()
    app.router.screen.to_menu()


def test_an_unreadable_file_is_listed_with_its_reason(app):
    junk = replays_dir() / "junk.flightreplay"
    junk.write_bytes(b"not a replay")
    line = next(e.line for e in entries() if e.path == junk)
    assert "unreadable" in line and "not a Captured! replay" in line
    junk.unlink()


def test_the_player_seeks_pauses_changes_speed_and_takes_control(app):
    original = load_replay(fly_and_leave(app))
    app.router.go("replay", replay=original, on_close=lambda: app.router.go("menu"))
    player = app.router.screen
    player.seek(700)
    straight = Playback(original)
    straight.step(700)
    assert arrays.digest(player.playback.sortie.state()) == arrays.digest(straight.sortie.state())
    assert np.array_equal(player.view.latest.pos, straight.sortie.world.fleet.pos)
    player.jump(-1200)
    assert player.playback.tick == 0
    player.change_speed(+1)
    player.change_speed(+1)
    assert player.view.speed == 4.0
    player.toggle_pause()
    app.task_mgr.step()
    assert player.playback.tick == 0 and player.view.paused
    player.seek(500)
    player.take_control()
    assert isinstance(app.router.screen, FlightScreen)
    view = app.router.screen.view
    for _ in range(240):
        view.tick()
    taken = view.recording_path
    app.router.screen.to_menu()
    mine = load_replay(taken)
    assert mine.header["taken_from"]["tick"] == 500 and mine.ticks == 740
    assert np.array_equal(mine.controls[:500], original.controls[:500])
    assert verify(mine).ok


def test_a_ghost_flies_the_earlier_replay_alongside(app):
    earlier = load_replay(fly_and_leave(app))
    app.router.go("flight", level="training", ghost=earlier)
    view = app.router.screen.view
    for _ in range(600):
        view.tick()
    view.draw(1.0)
    straight = Playback(earlier)
    straight.step(600)
    ghost_at = view.ghost.model.get_pos(view.root)
    assert ghost_at.y == pytest.approx(straight.sortie.world.fleet.pos[0, 0], abs=1e-3)  # Panda y is north
    assert view.ghost.model.get_color_scale()[3] < 0.5, "translucent"
    app.router.screen.to_menu()


def test_a_recording_that_cannot_be_written_never_stops_the_flight(app, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("CAPTURED_DATA_DIR", str(blocker))
    app.router.go("flight", level="training")
    view = app.router.screen.view
    for _ in range(10):
        view.tick()
    assert view.recording is None and view.world.tick_count == 10
    said = [m.text for m in view.hud.messages.notes if m.speaker == "Recorder"]
    assert len(said) == 1 and said[0].startswith(f"replay not recorded: {blocker}")
    app.router.screen.to_menu()


def test_the_view_follows_any_aircraft_with_its_hud(app, tmp_path, monkeypatch):
    from flight.paths import levels_dir
    source = levels_dir() / "training"
    (tmp_path / "pair").mkdir()
    (tmp_path / "pair" / "level.toml").write_text((source / "level.toml").read_text() + """
[[flights]]
name = "wingman"
aircraft = "fokker_d7"
side = "allied"
north = 0.0
east = 200.0
heading_deg = 90.0
on_ground = false
altitude_m = 400.0
""")
    (tmp_path / "pair" / "mission.py").write_text((source / "mission.py").read_text())
    monkeypatch.setattr("flight.paths.levels_dir", lambda: tmp_path)
    app.router.go("flight", level="pair")
    view = app.router.screen.view
    for _ in range(60):
        view.tick()
    view.follow()
    followed = view.followed_snapshot()
    assert followed.pos[0, 2] == view.latest.pos[1, 2] and followed.altitude[0] > 300.0
    app.task_mgr.step()
    shown = view.hud.widgets["altimeter"].shown
    assert f"{followed.altitude[0] / 0.3048:.0f} ft" in shown.replace(",", ""), "the HUD shows the followed aircraft"
    view.camera.select("flyby")
    app.task_mgr.step()
    spot = app.camera.get_pos(app.render)
    for _ in range(3):
        view.tick()
        app.task_mgr.step()
    assert app.camera.get_pos(app.render) == spot, "the fly-by camera stands still while it passes"
    to_aircraft = view.aircraft_nodes.models[1].get_pos(app.render) - spot
    looking = app.render.get_relative_vector(app.camera, (0, 1, 0))
    to_aircraft.normalize()
    assert looking.dot(to_aircraft) > 0.99, "and watches it"
    app.router.screen.to_menu()


def test_the_seek_bar_works_while_the_replay_plays(app):
    """A drag of the thumb while playing (the play-test found it ignored) and a click on the track both seek."""
    original = load_replay(fly_and_leave(app))
    app.router.go("replay", replay=original, on_close=lambda: app.router.go("menu"))
    player = app.router.screen
    assert not player.view.paused
    for _ in range(3):
        app.task_mgr.step()
    player.seek_bar["value"] = 600  # the thumb dragged there (the slider's value follows the hand)
    for _ in range(3):
        app.task_mgr.step()
    assert 600 <= player.playback.tick < 640, player.playback.tick
    player.seek_to_fraction(0.25)  # what a click a quarter along the track does
    assert player.playback.tick == round(0.25 * original.ticks)
    app.router.go("menu")


def test_the_hud_stays_clear_of_the_replay_bar(app):
    """The objectives, the objective arrow and the STALL line sit below the bar laid across the top."""
    from pathlib import Path
    golden = Path(__file__).resolve().parents[1] / "golden" / "escape.flightreplay"
    app.router.go("replay", replay=load_replay(golden), on_close=lambda: app.router.go("menu"))
    player = app.router.screen
    player.seek(6000)
    for _ in range(3):
        app.task_mgr.step()
    bar_bottom = player.bar.get_tight_bounds(app.aspect2d)[0].z
    hud = player.view.hud
    objectives = hud.widgets["objectives"].node.get_tight_bounds(app.aspect2d)
    assert objectives is not None and objectives[1].z < bar_bottom, (objectives, bar_bottom)
    for name in ("objective_arrow", "stall_warning"):
        assert hud.widgets[name].node.get_pos(app.aspect2d).z < bar_bottom, name
    app.router.go("menu")
