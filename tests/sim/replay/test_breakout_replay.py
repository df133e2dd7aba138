"""Level 2 in a replay: the gate gun laid, fired and reloaded, the position falling, the cut, Dig's Gotha rolling
and its rear gun manned on the way: it verifies exactly, and a seek to either side of the hand-over gives the state
straight playback reaches."""
from flight.sim.replay import arrays, load_replay
from flight.sim.replay.playback import Playback, verify


def test_a_breakout_through_the_hand_over_verifies_and_seeks(breakout_recording):
    path, handover = breakout_recording  # recordings.record_breakout, shared with test_exact_on_every_cpu
    replay = load_replay(path)
    outcome = verify(replay)
    assert outcome.ok and outcome.ticks == replay.ticks, outcome
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
