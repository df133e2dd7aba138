"""The flight's timeline (issue 21): the replay bar marks the events once they are worked out, a mark's words show
under the pointer and a click jumps there; the debrief lays the same marks with a count of each kind, and a mark
opens the replay at it. Screenshots of both go to the session's temporary folder (`shots`)."""
import pytest

from flight.app.screens.debrief import DebriefScreen
from flight.app.screens.replay_player import ReplayPlayer
from flight.sim.replay import load_replay
from flight.sim.replay.timeline import flight_events, timeline_events
from flight.sim.run.sortie import Ending
from tests.sim.replay.recordings import dive_pilot, record

FRAMES = 400  # more than the pass needs for a minute's flight, at 5 s of it a frame


@pytest.fixture(scope="module")
def dive(tmp_path_factory):
    """A take-off, a stall and a dive into the ground: a minute of Training with marks on its timeline."""
    return record(tmp_path_factory.mktemp("timeline") / "dive.flightreplay", dive_pilot, 120 * 60)


def until(app, done) -> None:
    for _ in range(FRAMES):
        if done():
            return
        app.task_mgr.step()
    raise AssertionError(f"not done after {FRAMES} frames")


def screenshot(app, path):
    app.task_mgr.step()
    assert app.win.save_screenshot(str(path))


def test_the_replay_bar_marks_the_events_shows_them_and_jumps_to_them(app, dive, tmp_path_factory):
    replay = load_replay(dive)
    app.router.go("replay", replay=replay, on_close=lambda: app.router.go("menu"))
    player = app.router.screen
    until(app, lambda: player.timeline is not None)
    events = timeline_events(flight_events(replay))
    assert len(player.timeline.marks) == len(events) >= 2
    crash = len(events) - 1
    player.timeline.hover(events[crash])
    assert player.timeline.words.getText().endswith(events[crash].text) and "You crashed" in events[crash].text
    player.timeline.pick(0)
    assert player.playback.tick == events[0].tick and events[0].kind == "takeoff"
    player.view.paused = True
    screenshot(app, tmp_path_factory.getbasetemp() / "timeline-replay.png")
    player.close()


def test_the_debrief_counts_each_kind_and_opens_the_replay_at_a_mark(app, dive, tmp_path_factory):
    result = {"reason": "crashed", "stats": {}}
    app.router.go("debrief", level="training", end=Ending("failure", "crashed", 50.0), result=result,
                  replay_path=dive)
    debrief = app.router.screen
    until(app, lambda: debrief.timeline is not None)
    shown = [node.getText() for node in debrief.nodes if hasattr(node, "getText")]
    assert any(text.startswith("Take-offs 1") and "Crashes 1" in text for text in shown), shown
    debrief.timeline.hover(debrief.timeline.events[0])
    screenshot(app, tmp_path_factory.getbasetemp() / "timeline-debrief.png")
    crash = debrief.timeline.events[-1]
    debrief.timeline.pick(len(debrief.timeline.events) - 1)
    player = app.router.screen
    assert isinstance(player, ReplayPlayer) and player.playback.tick == crash.tick
    player.close()
    assert isinstance(app.router.screen, DebriefScreen) and app.router.screen.timeline is not None
    app.router.go("menu")
