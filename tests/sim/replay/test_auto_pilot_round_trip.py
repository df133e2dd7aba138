"""Record -> verify with the auto-pilot in the seat, as `flight run --record` makes them: the first minute and a
half of Training (takeoff, climb) and the first half minute of Level 1, with the Jasta, the guns and the ground
units all in the world. (Whole runs to their ends are in tests/sim/world's auto-pilot tests.)"""
import pytest

from flight.tools.headless import run_level
from flight.sim.replay import load_replay
from flight.sim.replay.playback import verify


@pytest.mark.parametrize("level, seed, seconds", [("training", 3, 90.0), ("escape", 1, 30.0)])
def test_an_auto_pilot_recording_verifies_exactly(tmp_path, level, seed, seconds):
    path = tmp_path / f"{level}.flightreplay"
    result = run_level(level, seed=seed, pilot="auto", record=path, max_seconds=seconds)
    replay = load_replay(path)
    assert replay.header["seed"] == seed and replay.ticks == result["ticks"]
    assert replay.outcome["outcome"] == result["outcome"]
    assert result["stats"]["flight_s"] > 0, "off the ground"
    outcome = verify(replay)
    assert outcome.ok and outcome.ticks == replay.ticks, outcome
