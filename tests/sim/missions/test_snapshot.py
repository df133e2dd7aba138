"""The mission as the app reads it (flight.sim.missions.snapshot): the line on screen, the objectives and their
states, the latest scene; read-only, and the same after a keyframe is restored."""
import dataclasses

import pytest

from flight.sim.dynamics import DT
from flight.sim.missions.snapshot import Line, Scene, line_on_air
from tests.sim.missions.test_api import run

STORY = """
    from flight.sim.missions import phase

    @phase
    def story(m):
        m.say("A", "at the start", seconds=3)
        job = m.objective("Do it")
        yield m.wait(s=1)
        m.say("B", "a second in")
        m.say("C", "the same tick")
        m.scene("grenade", 4)
        yield m.wait(s=1)
        job.complete()
        m.objective("Then this")
        m.scene("gate_dawn", 20)
"""


def test_the_line_on_screen_objectives_and_the_latest_scene(make_sortie):
    sortie = make_sortie(STORY)
    start = sortie.mission_snapshot()
    assert start.tick == 0 and start.on_air == Line(0, "A", "at the start", 3.0, 0)
    assert start.objectives == (("Do it", "active"),) and start.scene is None
    second = round(1 / DT)
    run(sortie, second)
    now = sortie.mission_snapshot()
    assert now.tick == second and now.on_air == start.on_air, "A's three seconds are not up"
    assert now.scene == Scene("grenade", second, 4.0)
    run(sortie, second)
    later = sortie.mission_snapshot()
    assert later.on_air == start.on_air and later.scene == Scene("gate_dawn", 2 * second, 20.0), "the newest scene"
    assert later.objectives == (("Do it", "done"), ("Then this", "active"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        later.tick = 0


def test_lines_said_together_follow_each_other_and_none_shows_late(make_sortie):
    """A at 0 s for 3 s; B and C at 1 s, 5 s each: B from 3 s to 8 s, C from 8 s to 13 s, then nothing."""
    sortie = make_sortie(STORY)
    second, log = round(1 / DT), None
    run(sortie, 2 * second)
    log = sortie.mission.m.log
    shown = {t: line_on_air(log, round(t * second)) for t in (2.99, 3.0, 7.99, 8.0, 12.99, 13.0, 60.0)}
    assert [(t, on_air and on_air.speaker) for t, on_air in shown.items()] == [
        (2.99, "A"), (3.0, "B"), (7.99, "B"), (8.0, "C"), (12.99, "C"), (13.0, None), (60.0, None)]
    assert shown[3.0].tick == second and shown[3.0].start_tick == 3 * second
    assert line_on_air(log, 0).speaker == "A" and line_on_air([], 0) is None


def test_a_restored_mission_reads_the_same(make_sortie):
    sortie = make_sortie(STORY)
    run(sortie, 200)
    saved, seen = sortie.state(), sortie.mission_snapshot()
    other = make_sortie(STORY)
    other.restore(saved)
    assert other.mission_snapshot() == seen
