"""Level 1's endings, each from the real level and script: where Dig comes down decides success, partial success or
failure, and a failure says why (crashed, shot down, captured again); the debrief's closing caption follows."""
import numpy as np
import pytest

from flight.sim.dynamics import DT
from flight.sim.world import load_level
from flight.sim.world.combat.hits import PILOT
from flight.sim.run.sortie import Sortie

PARKED = np.array([0.0, 0.0, 0.0, 0.0, 1.0, 0.0])  # throttle closed, brakes on


def run_until_end(sortie: Sortie, controls: np.ndarray, seconds: float = 30.0):
    for _ in range(round(seconds / DT)):
        if sortie.tick(controls) is not None:
            return sortie.end
    return sortie.end


def down_after_a_flight_at(north: float, east: float) -> Sortie:
    """Dig's Fokker standing on its wheels at (north, east) after a flight of two minutes."""
    sortie = Sortie(load_level("escape"), seed=0)
    sortie.world.fleet.reset(0, pos=(north, east, 0.0), heading=270.0, on_ground=True)
    sortie.world.airborne_ticks[0] = round(120.0 / DT)
    return sortie


@pytest.mark.parametrize("north, east, outcome, reason", [
    (0.0, -15000.0, "success", "home: landed at the Allied aerodrome"),
    (-2500.0, -6000.0, "partial", "down on the Allied side, short of the aerodrome"),
    (1500.0, 14000.0, "failure", "captured again: down behind the German lines"),
    (-1000.0, 6000.0, "failure", "captured again: down behind the German lines"),
])
def test_where_dig_comes_down_decides_the_outcome(north, east, outcome, reason):
    sortie = down_after_a_flight_at(north, east)
    end = run_until_end(sortie, PARKED, seconds=2.0)
    assert end is not None and (end.outcome, end.reason) == (outcome, reason)
    result = sortie.result()
    assert result["epilogue"].startswith({"success": "Dig is home.", "partial": "Dig is over the lines",
                                          "failure": "Dig's escape ends where it began."}[outcome])


def test_flying_into_the_ground_is_a_crash():
    sortie = Sortie(load_level("escape"), seed=0)
    sortie.world.fleet.reset(0, pos=(0.0, 8000.0, -400.0), speed=50.0, heading=270.0, pitch=-60.0)
    end = run_until_end(sortie, PARKED)
    assert end is not None and (end.outcome, end.reason) == ("failure", "crashed")
    assert "km/h" in sortie.result()["reason"], "the cause and the impact speed"


def test_a_pilot_killed_by_a_fokker_is_shot_down_before_he_falls():
    sortie = Sortie(load_level("escape"), seed=0)
    world = sortie.world
    world.fleet.reset(0, pos=(0.0, 8000.0, -900.0), speed=50.0, heading=270.0, throttle=0.8)
    shooter = world.units["jasta_dr1/0"][0]
    hits = np.zeros(6, dtype=np.intp)
    world.combat.condition.strike(world.fleet, world.rng, aircraft=hits, part=hits + PILOT, engine=hits,
                                  outer=hits.astype(bool), shooter=hits + shooter)
    end = run_until_end(sortie, np.array([0.0, 0.0, 0.0, 0.8, 0.0, 0.0]), seconds=1.0)
    assert end is not None and (end.outcome, end.reason) == ("failure", "shot down")
    assert not world.fleet.crashed[0], "the rule fires when he is hit, before the wreck reaches the ground"
    assert int(world.combat.condition.downed_by[0]) == shooter
