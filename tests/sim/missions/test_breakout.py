"""Level 2's script on the real level: the gate's count crews the Gothas (and only those take off, for the Allies),
the player moves from the gate to the lead Gotha, and the ending grades by the bombers home. The gate's own fight
is tests/sim/world/test_gate.py's; here its end is forced (the position falls with so many men at the bombers)."""
import numpy as np
import pytest

from flight.sim.dynamics import DT
from flight.sim.missions.runner import load_script
from flight.sim.world import load_level
from flight.sim.world.ai.orders import Order
from flight.sim.world.seats.gate.prisoners import ARRIVED
from flight.sim.world.combat.ground_units import SIDES
from flight.sim.run.sortie import Sortie

PARKED = np.array([0.0, 0.0, 0.0, 0.0, 1.0, 0.0])
SCRIPT = load_script(load_level("breakout").mission_path)[0]
ALLIED_AERODROME = (0.0, -15000.0)


def run(sortie: Sortie, seconds: float, controls=PARKED) -> None:
    for _ in range(round(seconds / DT)):
        if sortie.end is not None:
            return
        sortie.tick(controls)


def gate_falls_with(arrived: int, seed: int = 0) -> Sortie:
    """A breakout sortie whose gate falls on its first tick with `arrived` men at the bombers; run through the
    grenade's cut into Part 2."""
    sortie = Sortie(load_level("breakout"), seed=seed)
    gate = sortie.world.seats["gate"].gate
    gate.prisoners.state[:arrived] = ARRIVED
    gate.health = 0.0
    run(sortie, 6.0)
    return sortie


@pytest.mark.parametrize("arrived, bombers", [(0, 1), (7, 1), (8, 1), (16, 2), (39, 4), (40, 5), (60, 6)])
def test_every_eight_men_at_the_bombers_crew_one_more_besides_digs(arrived, bombers):
    assert SCRIPT.crews(arrived) == bombers


def test_the_count_hands_over_to_the_squadron_and_the_player_to_the_lead_gotha():
    sortie = gate_falls_with(24)
    world, m = sortie.world, sortie.mission.m
    assert world.seat == "aircraft"
    assert m.stats["prisoners_at_the_bombers"] == 24 and m.stats["bombers"] == 3
    squadron = world.units["squadron"]
    assert [Order(k).name for k in world.pilot.orders.kind[np.array(squadron) - 1]] == [
        "FORMATION", "FORMATION", "NONE", "NONE", "NONE"], "two wingmen ordered up, three Gothas left parked"
    assert [SIDES[s] for s in world.combat.allegiance[squadron]] == ["allied"] * 2 + ["german"] * 3
    assert [SIDES[s] for s in world.combat.side[squadron]] == ["german"] * 5, "their crosses stay"
    said = [e.text for e in m.log if e.kind in ("say", "scene")]
    assert "grenade" in said and any(text.startswith("3 machines") for text in said)


def test_the_wingmen_roll_after_dig_and_the_parked_ones_stay():
    sortie = gate_falls_with(16)
    run(sortie, 40.0, controls=np.array([0.0, 0.0, 0.0, 1.0, 0.0, 0.0]))  # Dig opens up and rolls west
    fleet = sortie.world.fleet
    wingman, parked = sortie.world.units["squadron/0"][0], sortie.world.units["squadron/1"][0]
    assert fleet.pos[0, 1] < 14500.0 and fleet.pos[wingman, 1] < 14550.0, "both on the move west"
    assert np.linalg.norm(fleet.vel[parked]) < 0.1


def land_everyone_at_home(sortie: Sortie, home: int) -> None:
    """Put Dig (flying, then down) and the first `home` wingmen down at the Allied aerodrome; the rest are lost."""
    world = sortie.world
    fleet = world.fleet
    fleet.reset(0, pos=(*ALLIED_AERODROME, -300.0), speed=40.0, heading=270.0, throttle=0.6)
    world.airborne_run[0] = world.airborne_ticks[0] = round(60.0 / DT)
    run(sortie, 0.5, controls=np.array([0.0, 0.0, 0.0, 0.6, 0.0, 0.0]))  # airborne, over the lines, at home
    for n, wingman in enumerate(SCRIPT.wingmen(sortie.mission.m.stats["bombers"])):
        i = world.units[wingman][0]
        if n < home:
            fleet.reset(i, pos=(ALLIED_AERODROME[0] + 60.0 * (n + 1), ALLIED_AERODROME[1], 0.0), heading=270.0,
                        on_ground=True)
            world.airborne_ticks[i] = round(600.0 / DT)
        else:
            fleet.crashed[i] = True
    fleet.reset(0, pos=(*ALLIED_AERODROME, 0.0), heading=270.0, on_ground=True)


@pytest.mark.parametrize("home, outcome", [(3, "success"), (1, "partial")])
def test_the_ending_plays_at_the_gate_and_grades_by_the_bombers_home(home, outcome):
    sortie = gate_falls_with(40)
    land_everyone_at_home(sortie, home)
    run(sortie, 40.0)
    end, m = sortie.end, sortie.mission.m
    assert end is not None and end.outcome == outcome
    assert end.reason == f"home: {home + 1} of 5 bombers landed at the Allied aerodrome"
    scenes = [e for e in m.log if e.kind == "scene"]
    assert [e.text for e in scenes] == ["grenade", "gate_dawn"]
    assert end.seconds >= scenes[-1].tick * DT + scenes[-1].seconds, "the scene plays out before the debrief"
    stats = sortie.result()["stats"]
    assert (stats["bombers_home"], stats["bombers"], stats["prisoners_at_the_bombers"]) == (home + 1, 5, 40)
    assert sortie.result()["epilogue"] == SCRIPT.EPILOGUE[outcome]


def test_digs_call_counts_the_machines_in_english():
    assert SCRIPT.squadron_call(1).startswith("One machine, chaps.")
    assert SCRIPT.squadron_call(4).startswith("4 machines, chaps.")
