"""`--pilot auto` flies the level's plan ([[plan]] in level.toml): training's guided steps, every objective done and
landed; a bad step is refused when the level loads, naming the file and the step. (Level 1 flown by it:
tests/sim/world/test_level_1_auto.py, its own file so that the two long flights run on different test workers.)"""
import pytest

from flight.sim.dynamics import DT
from flight.paths import levels_dir
from flight.sim.world import LevelFileError, load_level
from flight.sim.run.driver import Driver
from flight.sim.run.autopilot import PlanFlyer, level_autopilot
from flight.sim.run.sortie import Sortie
from flight.sim.world.ai.orders import Order


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


def training_with_plan(tmp_path, monkeypatch, plan: str):
    """load_level of a copy of training whose [[plan]] tables are `plan`."""
    text = (levels_dir() / "training" / "level.toml").read_text()
    (tmp_path / "planned").mkdir()
    (tmp_path / "planned" / "level.toml").write_text(text[:text.index("[[plan]]")] + plan)
    (tmp_path / "planned" / "mission.py").write_text((levels_dir() / "training" / "mission.py").read_text())
    monkeypatch.setattr("flight.paths.levels_dir", lambda: tmp_path)
    return load_level("planned")


def test_the_plan_is_read_from_level_toml_in_order():
    assert [step["do"] for step in load_level("training").plan] == [
        "takeoff", "climb", "turn_to", "turn_to", "stall", "land"]
    assert load_level("escape").plan[1] == {"do": "fly_to", "zone": "allied_aerodrome", "height_m": 70.0,
                                            "speed_ms": "full"}


@pytest.mark.parametrize("plan, problem", [
    ('[[plan]]\ndo = "takeoff"\n[[plan]]\ndo = "loop"\n', "[[plan]] 2: do = 'loop' is not a step (steps: takeoff,"),
    ('[[plan]]\ndo = "climb"\nheading_deg = 90.0\n', "[[plan]] 1: climb needs 'height_m'"),
    ('[[plan]]\ndo = "fly_to"\nnorth = 0.0\n', "[[plan]] 1: fly_to needs 'east' (or a zone)"),
    ('[[plan]]\ndo = "stall"\naltitude_m = 9.0\n', "[[plan]] 1: stall takes no key 'altitude_m'"),
    ('[[plan]]\ndo = "turn_to"\nheading_deg = 9.0\ndirection = "up"\n', "[[plan]] 1: direction = 'up'"),
    ('[[plan]]\ndo = "fly_to"\nzone = "aerodrome"\nspeed = 30.0\n', "[[plan]] 1 speed is now speed_ms"),
])
def test_a_bad_plan_step_is_one_line_naming_the_file_and_the_step(tmp_path, monkeypatch, plan, problem):
    with pytest.raises(LevelFileError) as error:
        training_with_plan(tmp_path, monkeypatch, plan)
    message = str(error.value)
    assert message.startswith(str(tmp_path / "planned" / "level.toml") + ": ") and problem in message, message
    assert "\n" not in message


def test_a_level_without_a_plan_flies_a_circuit_of_its_aerodrome(tmp_path, monkeypatch):
    sortie = Sortie(training_with_plan(tmp_path, monkeypatch, ""), seed=0)
    fly = level_autopilot(sortie)
    for _ in range(3):
        frame = fly(sortie).quantised()
        sortie.tick(frame.to_array(), frame.buttons)
    flyer = next(c.cell_contents for c in fly.__closure__ if isinstance(c.cell_contents, PlanFlyer))
    assert flyer.steps == ({"do": "wait", "s": float("inf")},)
    assert Order(int(flyer.pilot.orders.kind[0])).name == "CIRCUIT"
