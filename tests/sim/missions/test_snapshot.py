"""The mission as the app reads it (flight.sim.missions.snapshot): the lines said since a tick, the objectives and
their states, the latest scene; read-only, and the same after a keyframe is restored."""
import dataclasses

import pytest

from flight.sim.dynamics import DT
from flight.sim.missions.snapshot import Line, Scene
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


def test_lines_since_a_tick_objectives_and_the_latest_scene(make_sortie):
    sortie = make_sortie(STORY)
    start = sortie.mission_snapshot()
    assert start.tick == 0 and start.lines == (Line(0, "A", "at the start", 3.0),)
    assert start.objectives == (("Do it", "active"),) and start.scene is None
    assert sortie.mission_snapshot(since_tick=0).lines == (), "nothing new since the start"
    second = round(1 / DT)
    run(sortie, second)
    now = sortie.mission_snapshot(since_tick=start.tick)
    assert now.tick == second
    assert [(line.speaker, line.tick) for line in now.lines] == [("B", second), ("C", second)]
    assert now.scene == Scene("grenade", second, 4.0)
    run(sortie, second)
    later = sortie.mission_snapshot(since_tick=now.tick)
    assert later.lines == () and later.scene == Scene("gate_dawn", 2 * second, 20.0), "the newest scene"
    assert later.objectives == (("Do it", "done"), ("Then this", "active"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        later.tick = 0


def test_a_restored_mission_reads_the_same(make_sortie):
    sortie = make_sortie(STORY)
    run(sortie, 200)
    saved, seen = sortie.state(), sortie.mission_snapshot(since_tick=-1)
    other = make_sortie(STORY)
    other.restore(saved)
    assert other.mission_snapshot(since_tick=-1) == seen
