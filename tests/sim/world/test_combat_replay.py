"""Combat replays exactly: the same seed and inputs give the same bits, a keyframe taken mid-burst continues
identically, and a recorded sortie of Level 1 with the guns firing verifies."""
import numpy as np

from flight.tools.bench import combat_world
from flight.sim.command import CLEAR_JAM, FIRE
from flight.sim.replay import ReplayWriter, arrays, load_replay
from flight.sim.replay.header import make_header
from flight.sim.replay.playback import Playback, verify
from flight.sim.world import load_level
from flight.sim.world.combat.ground_units import FLAK
from flight.sim.run.driver import Driver
from flight.sim.run.sortie import Sortie
from tests.sim.replay.recordings import gunner

CRUISE = np.array([0.0, 0.02, 0.0, 0.8, 0.0, 0.0])


def test_two_runs_of_a_full_melee_are_bit_identical():
    first, second = combat_world(), combat_world()
    for _ in range(300):
        first.tick(CRUISE, FIRE)
        second.tick(CRUISE, FIRE)
    c = first.combat
    flak = c.units.kind == FLAK
    assert len(c.bullets) > 1000 and c.condition.hits_taken.sum() > 0 and (c.units.last_shot[flak] >= 0).any()
    assert arrays.digest(first.state()) == arrays.digest(second.state())


def test_a_keyframe_taken_mid_burst_continues_identically():
    world = combat_world()
    for _ in range(200):
        world.tick(CRUISE, FIRE)
    keyframe = arrays.from_bytes(arrays.to_bytes(world.state()))  # as a replay stores it
    assert len(world.combat.bullets) > 500
    for tick in range(200):
        world.tick(CRUISE, FIRE if tick % 50 < 30 else CLEAR_JAM)
    straight = arrays.digest(world.state())
    for restored in (combat_world(), world):  # into a fresh world, and back into the one that ran on
        restored.restore(keyframe)
        for tick in range(200):
            restored.tick(CRUISE, FIRE if tick % 50 < 30 else CLEAR_JAM)
        assert arrays.digest(restored.state()) == straight


def test_a_recorded_sortie_of_level_1_with_firing_verifies_and_seeks(tmp_path):
    sortie = Sortie(load_level("escape"), seed=5)
    path = tmp_path / "escape.flightreplay"
    writer = ReplayWriter(path, make_header("escape", 5, "normal"), sortie)
    driver = Driver(sortie, writer)
    driver.fly(gunner(sortie), 120 * 12)
    driver.finish()
    assert sortie.world.shots_fired[0] > 50 and sortie.result()["stats"]["shots_fired"] > 50
    replay = load_replay(path)
    assert verify(replay).ok
    straight = Playback(replay)
    straight.step(1300)
    seeker = Playback(replay)
    seeker.seek(1300)
    assert arrays.digest(seeker.sortie.state()) == arrays.digest(straight.sortie.state())
