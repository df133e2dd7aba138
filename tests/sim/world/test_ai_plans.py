"""`--pilot auto` flies the level's PLAN: training's guided steps, every objective done and landed; a bad step is
refused by name. (Level 1 flown by it: tests/sim/world/test_level_1_auto.py, its own file so that the two long flights
run on different test workers.)"""
import pytest

from flight.sim.dynamics import DT
from flight.sim.world import load_level
from flight.sim.run.driver import Driver
from flight.sim.run.autopilot import PlanError, PlanFlyer, level_autopilot
from flight.sim.run.sortie import Sortie


def flown(level: str, seed: int, seconds: float) -> Sortie:
    sortie = Sortie(load_level(level), seed=seed)
    Driver(sortie).fly(level_autopilot(sortie), round(seconds / DT))
    return sortie


def test_the_training_plan_completes_every_objective_and_lands():
    sortie = flown("training", seed=0, seconds=420.0)
    assert sortie.end is not None and sortie.end.outcome == "success", sortie.end
    objectives = sortie.mission.m.objectives.values()
    assert [o.text for o in objectives if o.state == "done"] == [
        "Take off", "Climb to 500 m (1,600 ft)", "Turn right onto north", "Turn left onto south",
        "Stall her, and recover"], [(o.text, o.state) for o in objectives]
    assert [o.state for o in objectives][-1] == "active", "the last, landing, is what ends it"
    assert sortie.result()["stats"]["landing"] in ("a greaser", "good")


def test_a_bad_plan_step_is_named():
    sortie = Sortie(load_level("training"), seed=0)
    with pytest.raises(PlanError, match=r"PLAN step 2: \{'do': 'loop'\}: expected"):
        PlanFlyer(sortie, None, [{"do": "takeoff"}, {"do": "loop"}])
