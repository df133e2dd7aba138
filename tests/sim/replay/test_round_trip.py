"""Recording and verifying: what the live sortie flew, the replay re-flies bit for bit."""
import numpy as np
import pytest

from flight.sim.command import ControlFrame
from flight.sim.replay import arrays, load_replay
from flight.sim.replay.layout import KEYFRAME_TICKS, SECOND_TICKS
from flight.sim.replay.playback import Playback, verify
from flight.sim.run.driver import Driver
from tests.sim.replay.recordings import dive_pilot, record, recorded, taxi_pilot


@pytest.mark.parametrize("seed", [0, 1])
def test_a_recorded_sortie_verifies_exactly(tmp_path, seed):
    replay = load_replay(recorded(tmp_path, seed))
    assert replay.complete and replay.ticks == 25 * 120
    assert sorted(replay.hashes) == list(range(SECOND_TICKS, replay.ticks + 1, SECOND_TICKS))
    assert sorted(replay.keyframes) == list(range(0, replay.ticks + 1, KEYFRAME_TICKS))
    result = verify(replay)
    assert result.ok and result.ticks == replay.ticks and result.first_divergent_tick is None


def test_the_recorded_controls_are_the_quantised_frames_flown(tmp_path):
    flown = []

    def pilot(sortie):
        flown.append(taxi_pilot(3)(sortie).to_ints())
        return ControlFrame.from_ints(flown[-1])
    replay = load_replay(record(tmp_path / "r.flightreplay", pilot, 600))
    assert [tuple(row) for row in replay.controls] == flown


def test_a_sortie_that_ends_stops_the_recording_with_its_outcome(tmp_path):
    replay = load_replay(record(tmp_path / "dive.flightreplay", dive_pilot, 120 * 60))
    assert replay.outcome["outcome"] == "failure" and replay.outcome["reason"].startswith("crashed")
    assert replay.ticks < 120 * 60 and replay.outcome["ticks"] == replay.ticks
    assert verify(replay).ok


@pytest.mark.parametrize("changed_tick", [500, 1799, 2000])  # rolling: a change at rest (chocks in) changes nothing
def test_a_changed_input_is_caught_at_the_first_hash_after_it(tmp_path, changed_tick):
    replay = load_replay(recorded(tmp_path, seconds=20))
    replay.controls[changed_tick, 0] += 1  # one step of aileron, the smallest change a recording can hold
    result = verify(replay)
    first_hash_after = (changed_tick // SECOND_TICKS + 1) * SECOND_TICKS
    assert not result.ok and result.first_divergent_tick == first_hash_after


def test_seeking_anywhere_gives_the_state_straight_playback_reaches(tmp_path):
    replay = load_replay(recorded(tmp_path, seconds=30))
    straight = Playback(replay)
    targets = [0, 1, 1199, 1200, 1201, 2500, 3599, 3600]
    expected = {}
    for tick in targets:
        straight.step(tick - straight.tick)
        expected[tick] = arrays.digest(straight.sortie.state())
    seeker = Playback(replay)
    for tick in [3600, 1201, 0, 2500, 1199, 3599, 1, 1200]:  # backwards and forwards, across keyframes
        seeker.seek(tick)
        assert seeker.tick == tick and arrays.digest(seeker.sortie.state()) == expected[tick], tick


def test_taking_control_makes_a_recording_that_verifies_on_its_own(tmp_path):
    original = load_replay(recorded(tmp_path, seconds=20))
    playback = Playback(original)
    playback.seek(1333)
    writer = playback.take_control(tmp_path / "mine.flightreplay")
    sortie = playback.sortie
    other_hands = taxi_pilot(9)
    driver = Driver(sortie, writer)
    driver.fly(other_hands, 600)  # the player flies on
    driver.finish()
    mine = load_replay(tmp_path / "mine.flightreplay")
    assert mine.header["taken_from"] == {"file": original.path.name, "tick": 1333}
    assert np.array_equal(mine.controls[:1333], original.controls[:1333])
    assert mine.ticks == 1333 + 600 and not np.array_equal(mine.controls[1333:1400], original.controls[1333:1400])
    assert verify(mine).ok
