"""Level 2 in a replay: the gate gun laid, fired and reloaded, the position falling, the cut, Dig's Gotha rolling
and its rear gun manned on the way: it verifies exactly, and a seek to either side of the hand-over gives the state
straight playback reaches."""
import numpy as np

from flight.sim.command import ControlFrame
from flight.sim.command import FIRE, RELOAD, REAR_GUN
from flight.sim.replay import arrays, load_replay
from flight.sim.replay.playback import Playback, verify
from tests.sim.replay.recordings import record

SEED = 5  # its gate falls within a minute when the gun is silent


def allison_then_dig():
    """Sweeps the gate gun and works the belt, never firing: the guards take the gate; in the Gotha, opens up,
    takes the rear gun from 5 s to 9 s after the hand-over (aiming and firing astern), and opens up again."""
    handover = []  # the second the player came to the Gotha

    def fly(sortie) -> ControlFrame:
        seconds = sortie.tick_count / 120.0
        if sortie.world.seat == "gate":
            return ControlFrame(float(np.sin(seconds)), -0.3, buttons=RELOAD if 1.0 < seconds < 2.0 else 0)
        if not handover:
            handover.append(seconds)
        if 5.0 < seconds - handover[0] < 9.0:
            return ControlFrame(float(np.sin(seconds)), 0.2, throttle=1.0, buttons=REAR_GUN | FIRE)
        return ControlFrame(throttle=1.0)
    fly.handover = handover
    return fly


def test_a_breakout_through_the_hand_over_verifies_and_seeks(tmp_path):
    pilot = allison_then_dig()
    replay = load_replay(record(tmp_path / "breakout.flightreplay", pilot, 120 * 70, seed=SEED, level="breakout"))
    outcome = verify(replay)
    assert outcome.ok and outcome.ticks == replay.ticks, outcome
    handover = round(pilot.handover[0] * 120)
    assert handover + 960 < replay.ticks, "the recording runs past the rear gun"
    straight, expected, seats = Playback(replay), {}, set()
    for tick in [handover - 7, handover + 700, handover + 960]:
        while straight.tick < tick and not straight.at_end:
            straight.step(min(60, tick - straight.tick))
            seats.add(straight.sortie.world.seat)
        expected[tick] = arrays.digest(straight.sortie.state())
    assert seats == {"gate", "aircraft", "rear_gun"}, "both parts and the rear gun are in the recording"
    seeker = Playback(replay)
    for tick in sorted(expected, reverse=True):
        seeker.seek(tick)
        assert arrays.digest(seeker.sortie.state()) == expected[tick], tick
