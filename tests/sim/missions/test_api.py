"""The mission API's semantics on small test levels: phases and waits, each trigger kind, objectives, the message
log, outcomes, and a mission restored from a keyframe carrying on exactly as it would have."""
import numpy as np
import pytest

from flight.sim.dynamics import DT
from flight.sim.missions import MissionError
from flight.sim.replay import arrays

PARKED = np.array([0.0, 0.0, 0.0, 0.0, 0.0, 0.0])


def run(sortie, ticks, controls=PARKED):
    for _ in range(ticks):
        if sortie.end is not None:
            break
        sortie.tick(controls)


def said(sortie):
    return [(round(e.tick * DT, 2), e.text) for e in sortie.mission.m.log if e.kind == "say"]


def test_phases_run_in_order_with_waits_on_mission_time(make_sortie):
    sortie = make_sortie("""
        from flight.sim.missions import phase

        @phase
        def one(m):
            m.say("A", "first")
            yield m.wait(s=1.5)
            m.say("A", "second")

        @phase
        def two(m):
            m.say("B", "third")
            yield m.wait(s=0.5)
            m.succeed("all said")
    """)
    run(sortie, 600)
    assert said(sortie) == [(0.0, "first"), (1.5, "second"), (1.5, "third")]
    assert sortie.end.outcome == "success" and sortie.end.reason == "all said" and sortie.end.seconds == 2.0


def test_objectives_change_state_and_the_log_records_each_change(make_sortie):
    sortie = make_sortie("""
        from flight.sim.missions import phase

        @phase
        def jobs(m):
            a, b = m.objective("Do A"), m.objective("Maybe B", optional=True)
            yield m.wait(s=1)
            a.complete()
            b.fail()
            a.fail()  # a finished objective stays finished
    """)
    run(sortie, 240)
    objectives = sortie.mission.m.objectives
    assert [(o.text, o.state, o.optional) for o in objectives.values()] == [("Do A", "done", False),
                                                                          ("Maybe B", "failed", True)]
    changes = [(e.speaker, e.text) for e in sortie.mission.m.log if e.kind == "objective"]
    assert changes == [("active", "jobs/0"), ("active", "jobs/1"), ("done", "jobs/0"), ("failed", "jobs/1")]


@pytest.mark.parametrize("condition, move, expected_tick", [
    ("after(2)", None, 240),
    ("in_zone('player', 'north_field')", (2500.0, 0.0, -300.0), 11),
    ("left_zone('player', 'aerodrome')", (0.0, 1000.0, -300.0), 11),
    ("in_zone('player', 'the_lines')", (0.0, -2500.0, -300.0), 11),
    ("above('player', 200)", (0.0, 0.0, -300.0), 11),
    ("airborne('player')", (0.0, 0.0, -300.0), 10 + 120),
    ("heading_near('player', 90)", (0.0, 0.0, -300.0), 10 + 120),  # only once airborne
    ("crashed('player') & destroyed('player')", (0.0, 0.0, -61.5), None),
    ("any_of(after(100), after(1))", None, 120),
    ("all_of(after(1), not_(after(0.5)))", None, None),
])
def test_each_trigger_fires_on_the_first_tick_it_holds(make_sortie, condition, move, expected_tick):
    sortie = make_sortie(f"""
        from flight.sim.missions import *

        @phase
        def wait_for_it(m):
            yield m.until({condition})
            m.succeed("triggered")
    """)
    run(sortie, 10)
    if move is not None:
        dive = condition.startswith("crashed")
        sortie.world.fleet.reset(0, pos=move, speed=40.0, heading=90.0, pitch=-60.0 if dive else 0.0,
                                 throttle=0.8)
    run(sortie, 400)
    if condition.startswith("crashed"):
        assert sortie.end is not None and sortie.world.fleet.crashed[0]
    elif expected_tick is None:
        assert sortie.end is None
    else:
        assert sortie.end is not None and sortie.end.seconds == expected_tick * DT


def test_fired_damaged_landed_and_stalled_read_the_world(make_sortie):
    sortie = make_sortie("""
        from flight.sim.missions import *

        @phase
        def watch(m):
            yield m.until(fired("player"))
            m.say("log", "fired")
            yield m.until(damaged("player", 0.5))
            m.say("log", "damaged")
            yield m.until(stalled("player"))
            m.say("log", "stalled")
    """)
    run(sortie, 5)
    sortie.world.shots_fired[0] = 3
    run(sortie, 1)
    sortie.world.fleet.damage[0, 0] = 0.4
    run(sortie, 1)
    sortie.world.fleet.reset(0, pos=(0.0, 0.0, -400.0), speed=20.0, pitch=30.0, throttle=0.0)
    run(sortie, 240)
    assert [text for _, text in said(sortie)] == ["fired", "damaged", "stalled"]


def test_rules_end_the_mission_whichever_phase_is_running(make_sortie):
    sortie = make_sortie("""
        from flight.sim.missions import *

        @phase
        def rules(m):
            m.fail_if(crashed("player"), "crashed")
            m.partial_if(in_zone("player", "north_field"), "came down short")
            yield m.wait(s=1000)
    """)
    run(sortie, 10)
    sortie.world.fleet.reset(0, pos=(2500.0, 0.0, -300.0), speed=40.0)
    run(sortie, 10)
    assert sortie.end.outcome == "partial" and sortie.end.reason == "came down short"


def test_a_restored_keyframe_carries_on_exactly(make_sortie):
    script = """
        from flight.sim.missions import *

        @phase
        def first(m):
            m.fail_if(crashed("player"), "crashed")
            done = m.objective("Wait a bit")
            yield m.wait(s=1)
            m.start(chatter)
            heard = m.objective("Listen")  # made after starting another phase: still this phase's
            yield m.wait(s=2)
            done.complete()
            heard.complete()

        def chatter(m):
            for n in range(10):
                m.say("radio", f"line {n}")
                yield m.wait(s=0.7)

        @phase
        def second(m):
            later = m.objective("Then more")
            yield m.until(after(6))
            later.complete()
            m.succeed("done")
    """
    straight = make_sortie(script, "a")
    run(straight, 400)
    keyframe = straight.state()
    run(straight, 1000)
    restored = make_sortie(script, "a")
    restored.restore(keyframe)
    assert arrays.digest(restored.state()) == arrays.digest(keyframe)
    run(restored, 1000)
    assert arrays.digest(restored.state()) == arrays.digest(straight.state())
    assert said(restored) == said(straight) and restored.end == straight.end
    assert straight.end.outcome == "success" and straight.end.seconds == 6.0


def test_scenes_figures_and_the_epilogue_reach_the_debrief(make_sortie):
    sortie = make_sortie("""
        from flight.sim.missions import phase

        EPILOGUE = {"success": "And so home."}

        @phase
        def story(m):
            m.stat("prisoners_through", 12)
            yield m.wait(s=1)
            m.stat("prisoners_through", 31)  # the last figure set is the one that counts
            m.stat("share", 0.5)
            m.scene("gate_dawn", 20)
            yield m.wait(s=1)
            m.succeed("told")
    """)
    run(sortie, 480)
    assert [(e.text, e.seconds) for e in sortie.mission.m.log if e.kind == "scene"] == [("gate_dawn", 20.0)]
    result = sortie.result()
    assert result["stats"]["prisoners_through"] == 31 and result["stats"]["share"] == 0.5
    assert result["epilogue"] == "And so home."


def test_a_level_without_a_gate_has_no_gate_seat(make_sortie):
    sortie = make_sortie("""
        from flight.sim.missions import phase

        @phase
        def story(m):
            m.seat("aircraft")
            yield m.wait(s=0.1)
            m.seat("gate")
    """)
    with pytest.raises(MissionError, match=r"mission.py:8: ValueError: this level has no \[gate\]"):
        run(sortie, 30)
    assert sortie.world.seat == "aircraft"


def test_an_epilogue_that_is_not_captions_is_refused(make_sortie):
    with pytest.raises(MissionError, match=r"mission.py: EPILOGUE must map outcomes"):
        make_sortie("""
            from flight.sim.missions import phase

            EPILOGUE = {"won": "yes"}

            @phase
            def story(m):
                m.succeed("told")
        """)
