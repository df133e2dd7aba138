"""Captions after a seek (issue 21): the HUD shows the line straight playback shows at that moment, not an old one
late nor none, and the objectives of that moment."""
from flight.sim.dynamics import DT
from flight.sim.replay import load_replay
from flight.tools.headless import run_level

TARGETS_S = (2.0, 12.0, 9.0, 30.0, 0.5, 17.0, 15.9, 40.0)  # training queues its second line from 8 s to 16 s


def hud_lines(player) -> tuple[str, str]:
    """The HUD's mission line and objective list as they are drawn now."""
    hud = player.view.hud
    hud.messages.update()
    hud.objectives.update()
    return hud.messages.shown[0], hud.objectives.gauge.shown


def test_after_a_seek_the_hud_shows_the_lines_of_straight_playback(app, tmp_path):
    path = tmp_path / "training.flightreplay"
    run_level("training", record=path, max_seconds=45.0)
    replay = load_replay(path)
    app.router.go("replay", replay=replay, on_close=lambda: app.router.go("menu"))
    player = app.router.screen
    straight = {}
    for seconds in sorted(TARGETS_S):
        player.view.advance(round(seconds / DT) - player.playback.tick)
        straight[seconds] = hud_lines(player)
    assert len({mission_line for mission_line, _ in straight.values()}) >= 3, "lines to compare, and gaps"
    for seconds in TARGETS_S:  # forwards and back, across keyframes
        player.seek(round(seconds / DT))
        assert hud_lines(player) == straight[seconds], seconds
    player.close()
