"""A script keeps its own values (levels/README.md, "A script's own values"): a story phase's return value becomes
the next one's arguments, `m.start` hands a side phase its own, `m.until(..., at_most_s=)` gives up at a deadline,
and all three survive a keyframe restore; a unit answers whether it is in a zone; `story_endings` sets the story's
rules in their order."""
import pytest

from flight.sim.missions import MissionError, story_endings
from flight.sim.replay import arrays
from tests.sim.missions.test_api import run, said

SCRIPT = """
    from flight.sim.missions import *

    @phase
    def first(m):
        yield m.wait(s=1)
        m.start(side, "radio", [1, 2])
        return m.tick, "ticks"  # worked out from the world: a re-run at a keyframe would get another tick

    def side(m, speaker, numbers):
        for n in numbers:
            yield m.wait(s=0.5)
            m.say(speaker, f"side {n}")

    @phase
    def second(m, ended, unit):
        m.say("A", f"first ended at {ended} {unit}")
        yield m.until(after(100), at_most_s=2)
        m.say("A", f"gave up waiting; first ended at {ended} {unit}")
        yield m.until(after(3.5), at_most_s=50)
        m.succeed("done")
"""


def test_a_phase_hands_its_return_value_to_the_next_and_until_gives_up_at_most_s_later(make_sortie):
    sortie = make_sortie(SCRIPT)
    run(sortie, 600)
    assert said(sortie) == [(1.0, "first ended at 120 ticks"), (1.5, "side 1"), (2.0, "side 2"),
                            (3.0, "gave up waiting; first ended at 120 ticks")]
    assert sortie.end.outcome == "success" and sortie.end.seconds == 3.5, "the condition first, if it comes first"


@pytest.mark.parametrize("keyframe_tick", [130, 200, 300, 400])
def test_handed_values_and_deadlines_survive_a_keyframe_restore(make_sortie, keyframe_tick):
    straight = make_sortie(SCRIPT, "a")
    run(straight, keyframe_tick)
    keyframe = straight.state()
    run(straight, 600)
    restored = make_sortie(SCRIPT, "a")
    restored.restore(keyframe)
    assert arrays.digest(restored.state()) == arrays.digest(keyframe)
    run(restored, 600)
    assert arrays.digest(restored.state()) == arrays.digest(straight.state())
    assert said(restored) == said(straight) and restored.end == straight.end


def test_a_phase_is_handed_only_plain_data(make_sortie):
    sortie = make_sortie("""
        from flight.sim.missions import *

        @phase
        def first(m):
            yield m.wait(s=0.1)
            m.start(side, m.player)

        def side(m, unit):
            yield m.wait(s=1)
    """)
    with pytest.raises(MissionError, match=r"mission.py:\d+: side is handed .*must be plain data"):
        run(sortie, 30)


def test_a_unit_says_whether_it_is_in_a_zone(make_sortie):
    sortie = make_sortie("""
        from flight.sim.missions import *

        @phase
        def ask(m):
            yield m.wait(s=0.1)
            m.say("A", f"{m.player.in_zone('aerodrome')} {m.player.in_zone('north_field')}")
            yield m.wait(s=0.1)
            m.say("A", f"{m.player.in_zone('aerodrome')} {m.player.in_zone('north_field')}")
    """)
    run(sortie, 13)
    sortie.world.fleet.reset(0, pos=(2500.0, 0.0, -300.0), speed=40.0)
    run(sortie, 20)
    assert [text for _, text in said(sortie)] == ["True False", "False True"]


class Rules:
    """A stand-in for `m` that keeps the rules set on it."""

    def __init__(self):
        self.rules = []

    def fail_if(self, condition, reason):
        self.rules.append(("failure", condition.text, reason))

    def succeed_if(self, condition, reason):
        self.rules.append(("success", condition.text, reason))

    def partial_if(self, condition, reason):
        self.rules.append(("partial", condition.text, reason))


@pytest.mark.parametrize("home_ends", [True, False])
def test_the_story_endings_are_the_flight_home_across_the_lines(home_ends):
    m = Rules()
    story_endings(m, home="allied_aerodrome", home_ends=home_ends)
    home = [("success", "player landed in allied_aerodrome", "home: landed at the Allied aerodrome")]
    assert m.rules == [
        ("failure", "player shot down", "shot down"),
        ("failure", "player crashed", "crashed"),
        ("failure", "player landed in german_side", "captured again: down behind the German lines"),
        *(home if home_ends else []),
        ("partial", "player landed in allied_side and not (player in allied_aerodrome)",
         "down on the Allied side, short of the aerodrome"),
    ]
