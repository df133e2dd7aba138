"""Campaign progress (flight.campaign): a round trip through the file, written atomically, a broken file left as
it was, which levels are open, and the story's scenes seen and where the story goes after a flight."""
import os

from flight.campaign import Progress, after_flight, load_progress, progress_path, record_seen, record_win


def test_no_file_is_no_progress_and_only_the_breakout_is_locked(tmp_path):
    progress, message = load_progress(tmp_path / "progress.toml")
    assert progress == Progress() and message is None
    assert progress.unlocked("training") and progress.unlocked("escape")
    assert not progress.unlocked("breakout") and progress.unlocked("breakout", all_levels=True)


def test_a_win_round_trips_and_opens_the_breakout(tmp_path):
    path = tmp_path / "deeper" / "progress.toml"
    assert record_win("escape", path) is None
    assert record_win("escape", path) is None  # twice is once
    progress, message = load_progress(path)
    assert message is None and progress.won == {"escape"} and progress.unlocked("breakout")
    record_win("training", path)
    assert load_progress(path)[0].won == {"escape", "training"}


def test_the_write_is_atomic_no_temp_file_is_left(tmp_path, monkeypatch):
    path = tmp_path / "progress.toml"
    record_win("escape", path)
    assert sorted(os.listdir(tmp_path)) == ["progress.toml"]
    calls = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda *a: (calls.append(a), real_replace(*a)))
    record_win("breakout", path)
    assert len(calls) == 1 and calls[0][1] == path  # the new file took the old one's place in one step


def test_a_broken_file_counts_as_no_progress_says_so_and_is_left_as_it_was(tmp_path):
    path = tmp_path / "progress.toml"
    for text in ("won = [escape", "won = 'escape'", "won = [1, 2]"):
        path.write_text(text)
        progress, message = load_progress(path)
        assert progress == Progress() and str(path) in message and "\n" not in message
        assert str(path) in record_win("escape", path)
        assert path.read_text() == text


def test_the_file_lives_in_the_users_data_folder():
    assert progress_path().parent == __import__("flight.paths").paths.user_data_dir()


def test_scenes_seen_round_trip_beside_the_wins_and_an_old_file_has_seen_none(tmp_path):
    path = tmp_path / "progress.toml"
    path.write_text('won = ["escape"]\n')  # a file from before the story's scenes
    progress, message = load_progress(path)
    assert message is None and progress.seen == frozenset() and progress.scene_before("escape") == "prologue"
    assert record_seen("prologue", path) is None and record_seen("prologue", path) is None
    progress = load_progress(path)[0]
    assert progress.won == {"escape"} and progress.seen == {"prologue"}
    assert progress.scene_before("training") is None and progress.scene_before("breakout") == "interlude"
    assert progress.story_reached() == ["prologue"]
    path.write_text('seen = "prologue"')
    progress, message = load_progress(path)
    assert progress == Progress() and "seen: expected a list" in message
    assert record_seen("interlude", path) == message and path.read_text() == 'seen = "prologue"'


def test_the_story_goes_on_after_a_flight():
    fresh, seen = Progress(), Progress(seen=frozenset({"prologue", "interlude"}))
    assert after_flight(fresh, "escape", "success") == ("interlude", "breakout")
    assert after_flight(seen, "escape", "success") == (None, "breakout")
    assert after_flight(seen, "training", "success") == (None, "escape")
    assert after_flight(fresh, "escape", "failure") == (None, None)
    for outcome in ("success", "partial", "failure"):
        assert after_flight(seen, "breakout", outcome) == ("ending", None)
