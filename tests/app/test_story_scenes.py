"""The story's scenes on screen (offscreen, low quality): each plays from start to end with a frame rendered per
beat (a card shows its text, a shot is not black), Esc held skips and a tap does not, Space pauses, the campaign
plays prologue, levels, interlude and ending in order with the scenes seen saved, and a contact sheet is written."""
import numpy as np
import pytest
from direct.gui.DirectGui import DirectButton
from panda3d.core import PNMImage

from flight.app.app import FlightApp
from flight.app.settings import Settings
from flight.campaign import load_progress, progress_path
from flight.sim.run.sortie import Ending
from flight.story.playhead import card_times

pytest.importorskip("gltf")


@pytest.fixture(scope="module")
def app():
    app = FlightApp("offscreen", size=(320, 180), settings=Settings(quality="low"), record_replays=False)
    yield app
    app.close()


def _pixels(app) -> np.ndarray:
    image = PNMImage()
    assert app.win.get_screenshot(image)
    return np.array([[image.get_xel(x, y) for x in range(0, image.get_x_size(), 4)]
                     for y in range(0, image.get_y_size(), 4)])


def _screen(app) -> str:
    return type(app.router.screen).__name__


@pytest.mark.parametrize("name", ["prologue", "interlude", "ending"])
def test_each_scene_plays_from_start_to_end_a_frame_for_every_beat(app, name):
    progress_path().unlink(missing_ok=True)
    screen = app.router.go("scene", name=name, then=("menu", {}))
    screen.paused = True
    for k, seconds in enumerate(card_times(screen.scene)):
        screen.show(seconds)
        app.task_mgr.step()
        beat, pixels = screen.frame.beat, _pixels(app)
        assert screen.frame.index == k
        if beat.card is not None:
            assert screen.card.text.getText() == beat.card and not screen.card.root.is_hidden()
            assert pixels.max() > 0.8 and pixels.mean() < 0.2, f"{name} {k}: white on black"
        else:
            assert screen.card.root.is_hidden()
            assert pixels.mean() > 0.08 or beat.shot.time == "night", f"{name} {k}: a shot of {beat.shot.place}"
    screen.paused = False
    screen.show(screen.scene.seconds)
    assert _screen(app) == "MenuScreen" and name in load_progress()[0].seen
    progress_path().unlink()


def test_a_tap_of_esc_does_not_skip_a_held_one_does_and_space_pauses(app):
    screen = app.router.go("scene", name="prologue", then=("menu", {}))
    screen._key("space", True)
    screen.advance(0.1)
    assert screen.seconds == 0.0 and screen.paused
    screen._key("space", True)
    screen._key("escape", True)
    for _ in range(5):
        screen.advance(0.1)
    screen._key("escape", False)
    for _ in range(8):
        screen.advance(0.1)
    assert app.router.screen is screen and screen.fill.get_sx() == 0.0
    screen.hold(True)  # the Skip button, held
    for _ in range(11):
        screen.advance(0.1)
    assert _screen(app) == "MenuScreen"


def test_the_campaign_plays_the_scenes_between_the_levels_and_saves_them(app):
    progress_path().unlink(missing_ok=True)
    app.router.go("menu")
    buttons = {node["text"]: node for node in app.router.screen.nodes if isinstance(node, DirectButton)}
    assert buttons["Story"]["state"] == "disabled"
    app.router.screen.choose("escape")
    assert _screen(app) == "SceneScreen" and app.router.screen.name == "prologue"
    app.router.screen.show(1e6)  # to its end
    assert _screen(app) == "BriefingScreen" and app.router.screen.level.name == "escape"
    app.router.go("menu")
    app.router.screen.choose("training")  # the prologue once only
    assert _screen(app) == "BriefingScreen"
    debrief = app.router.go("debrief", level="escape", end=Ending("success", "home", 600.0))
    debrief.go_on()
    assert app.router.screen.name == "interlude"
    app.router.screen.show(1e6)
    assert _screen(app) == "BriefingScreen" and app.router.screen.level.name == "breakout"
    debrief = app.router.go("debrief", level="breakout", end=Ending("partial", "short", 900.0))
    debrief.go_on()
    ending = app.router.screen
    assert ending.name == "ending" and "empty bunks" in ending.scene.beats[0].card
    ending.show(1e6)
    assert _screen(app) == "MenuScreen"
    assert load_progress()[0].seen == {"prologue", "interlude", "ending"}
    app.router.screen.choose("story")
    assert _screen(app) == "StoryScreen"
    labels = [node["text"] for node in app.router.screen.nodes if isinstance(node, DirectButton)]
    assert len(labels) == 4 and labels[0].startswith("Prologue") and labels[-1] == "Back"
    progress_path().unlink()


def test_a_missing_scene_is_one_line_on_the_menu(app):
    app.router.go("scene", name="no_such_scene")
    assert _screen(app) == "MenuScreen" and "no scene 'no_such_scene'" in app.router.screen.message


def test_the_contact_sheet_has_a_still_for_every_beat(app, tmp_path):
    from flight.app.story.contact_sheet import COLUMNS, GAP, sheet, stills, write_png
    images = stills(app, "ending", "failure")
    path = tmp_path / "ending.png"
    write_png(sheet(images), path)
    written = PNMImage(str(path))
    assert len(images) == 6
    assert (written.get_x_size(), written.get_y_size()) == (COLUMNS * (160 + GAP) + GAP, 2 * (90 + GAP) + GAP)


def test_a_broken_scene_does_not_stop_the_campaign(app, tmp_path, monkeypatch, capsys):
    from flight.story import scenes
    monkeypatch.setattr(scenes, "story_dir", lambda: tmp_path)
    (tmp_path / "prologue.toml").write_text("[[beat]]\nplace = 'moon'\ncamera_from = [0, 0, 2]\n")
    progress_path().unlink(missing_ok=True)
    app.router.go("menu")
    app.router.screen.choose("escape")
    assert _screen(app) == "BriefingScreen" and load_progress()[0].seen == frozenset()
    assert "prologue.toml: [[beat]] 1 place: 'moon'" in capsys.readouterr().err
