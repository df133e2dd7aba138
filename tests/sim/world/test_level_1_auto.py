"""Level 1 flown by `--pilot auto`: out of the German field, low across the lines and home, without firing a
shot. (Seeds 0-9: python -m tests.sim.world.level_seeds escape.)"""
from flight.tools.headless import run_level


def test_level_1_flown_by_the_auto_pilot_comes_home():
    result = run_level("escape", seed=0, pilot="auto", max_seconds=900.0)
    assert result["outcome"] == "success", result
    assert result["stats"]["shots_fired"] == 0, "the plan is to outfly them"
