"""An AI-vs-AI dogfight runs to an end (one of them downed) and does it bit for bit the same again, also when it
is carried on from a keyframe taken in the middle of it by a fresh world, as replay seeking does; the world's
difficulty sets the enemy's skill."""
import numpy as np

from flight.sim.dynamics import DT
from flight.sim.replay import arrays
from flight.sim.world.world import Slot, World

from .combat_worlds import flying, terrain

SEED, LIMIT = 4, round(90.0 / DT)


def dogfight(difficulty: str = "normal") -> World:
    """A Camel (a novice) and a Fokker (an ace) crossing 640 m apart at 900 m, each ordered to pursue the other;
    the player's aircraft parked far away."""
    slots = [Slot("player", "camel", "allied", 3000.0, 3000.0, 0.0),
             flying("rfc/0", "camel", "allied", 0.0, 0.0, 0.0, altitude=900.0, speed=45.0),
             flying("jasta/0", "fokker_d7", "german", 400.0, 500.0, 270.0, altitude=950.0, speed=50.0)]
    world = World(terrain(), slots, seed=SEED, difficulty=difficulty)
    world.pilot.pursue([1], target=2)
    world.pilot.pursue([2], target=1)
    world.pilot.set_skill([1], "novice")
    world.pilot.set_skill([2], "ace")
    return world


def over(world: World) -> bool:
    return bool(world.combat.condition.downed[1:].any() or world.fleet.crashed[1:].any())


def fight_on(world: World, until: int = LIMIT) -> World:
    while world.tick_count < until and not over(world):
        world.tick(np.zeros(6))
    return world


def test_a_dogfight_runs_to_an_end_the_same_every_time_even_from_a_keyframe():
    first = fight_on(dogfight())
    assert over(first) and first.tick_count < LIMIT, "somebody is downed"
    assert first.shots_fired[1:].min() > 0, "both fired"
    halfway = fight_on(dogfight(), until=first.tick_count // 2)
    keyframe = arrays.from_bytes(arrays.to_bytes(halfway.state()))  # as a replay stores it
    second = dogfight()
    second.restore(keyframe)
    fight_on(second)
    assert second.tick_count == first.tick_count
    assert np.array_equal(second.combat.condition.downed, first.combat.condition.downed)
    assert arrays.digest(second.state()) == arrays.digest(first.state())


def test_the_difficulty_sets_the_enemy_s_skill_not_the_friends():
    slots = [Slot("player", "camel", "allied", 0.0, 0.0, 0.0),
             flying("rfc/0", "camel", "allied", 0.0, 100.0), flying("jasta/0", "fokker_d7", "german", 0.0, 900.0)]
    easy, hard = (World(terrain(), slots, difficulty=d).pilot.skill for d in ("easy", "hard"))
    assert easy.aim_error[0] == hard.aim_error[0], "a friend flies the same whatever the difficulty"
    assert easy.aim_error[1] > hard.aim_error[1] and easy.reaction_ticks[1] > hard.reaction_ticks[1]
    assert easy.g_limit[1] < hard.g_limit[1]
