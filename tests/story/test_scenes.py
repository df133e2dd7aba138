"""The story's scenes as data: the three shipped ones load and tell the Breakout's ending by outcome, the playhead
eases the camera and fades each beat, and a broken scene file is one line naming the file and the problem."""
import pytest

from flight.story import scenes
from flight.story.playhead import FADE_S, card_times, frame_at
from flight.story.scenes import (
    CARD_BASE_S,
    CARD_WORD_S,
    SceneFileError,
    load_scene,
    scene_names,
)


def test_the_three_scenes_load_with_cards_and_shots():
    assert {"prologue", "interlude", "ending"} <= set(scene_names())
    for name in ("prologue", "interlude", "ending"):
        scene = load_scene(name).told()
        assert any(beat.card for beat in scene.beats) and any(beat.shot for beat in scene.beats), name
        assert 20.0 < scene.seconds < 180.0, name


def test_a_card_stays_by_its_words_and_the_ending_by_the_nights_outcome():
    prologue = load_scene("prologue")
    card = next(beat for beat in prologue.beats if beat.card and not beat.given_seconds)
    assert card.seconds == pytest.approx(CARD_BASE_S + CARD_WORD_S * len(card.card.split()))
    ending = load_scene("ending")
    texts = {outcome: ending.told(outcome).beats[0].card for outcome in ("success", "partial", "failure")}
    assert "withdrawn" in texts["success"] and "empty bunks" in texts["partial"] and "wire" in texts["failure"]


def test_the_playhead_fades_each_beat_and_eases_the_camera():
    scene = load_scene("prologue").told()
    assert frame_at(scene, 0.0).shown == 0.0 and frame_at(scene, FADE_S).shown == pytest.approx(1.0)
    times = card_times(scene)
    assert [frame_at(scene, t).index for t in times] == list(range(len(scene.beats)))
    k = next(i for i, beat in enumerate(scene.beats) if beat.shot is not None)
    start = sum(beat.seconds for beat in scene.beats[:k])
    shot = scene.beats[k].shot
    assert frame_at(scene, start).eye == pytest.approx(shot.camera_from)
    assert frame_at(scene, start + scene.beats[k].seconds - 1e-6).eye == pytest.approx(shot.camera_to, abs=1e-3)
    assert frame_at(scene, scene.seconds) is None


@pytest.mark.parametrize("text, problem", [
    ("[[beat", "not valid TOML"),
    ("title = 'x'", "no [[beat]]"),
    ("[[beat]]\ncard = 'a'\nplace = 'gate'", "[[beat]] 1: expected one of card, place or epilogue"),
    ("[[beat]]\nplace = 'moon'\ncamera_from = [0, 0, 2]", "[[beat]] 1 place: 'moon' is not one of"),
    ("[[beat]]\ncard = 'a'\n[[beat]]\nplace = 'gate'\ncamera_from = [0, 0]", "[[beat]] 2 camera_from: expected"),
    ("[[beat]]\nplace = 'gate'\ntime = 'noon'\ncamera_from = [0, 0, 2]", "[[beat]] 1 time: 'noon' is not one of"),
    ("[[beat]]\nplace = 'gate'\ncamera_from = [0, 0, 2]\n[[beat.figures]]\nmodel = 'dragon'\nat = [0, 0]",
     "[[beat]] 1 [[figures]] 1 model: 'dragon' is not one of"),
    ("[[beat]]\ncard = 'a'\nsecs = 3", "[[beat]] 1 secs: not a key of this beat"),
    ("[[beat]]\ncard = 'a'\nseconds = 1e9", "[[beat]] 1 seconds: expected a number from 0.5 to 60"),
    ("[[beat]]\nepilogue = 'nowhere'", "[[beat]] 1 epilogue: 'nowhere' is not one of"),
])
def test_a_broken_scene_is_one_line_naming_the_file_and_the_problem(tmp_path, monkeypatch, text, problem):
    monkeypatch.setattr(scenes, "story_dir", lambda: tmp_path)
    (tmp_path / "mine.toml").write_text(text)
    with pytest.raises(SceneFileError) as error:
        load_scene("mine")
    message = str(error.value)
    assert message.startswith(str(tmp_path / "mine.toml")) and problem in message and "\n" not in message


def test_a_scene_is_found_by_name_never_by_path():
    with pytest.raises(SceneFileError, match="no scene"):
        load_scene("../theatre")
