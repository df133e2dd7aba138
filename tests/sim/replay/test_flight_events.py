"""The flight's events (flight.sim.run.flight_events, the timeline's and the Tacview export's): worked out from the
sortie, once per replay, and where they happened."""
import numpy as np

from flight.sim.replay import load_replay
from flight.sim.replay.timeline import flight_events, known_events, timeline_events
from flight.sim.run.flight_events import EventWatcher
from flight.sim.run.sortie import Sortie
from flight.sim.world import load_level
from tests.sim.replay.recordings import dive_pilot, record


def test_level_2_marks_the_gate_lost_and_every_change_of_seat(breakout_recording):
    path, handover = breakout_recording  # Allison never fires: the gate falls; Dig takes the rear gun 5-9 s after
    replay = load_replay(path)
    assert known_events(replay) is None
    events = flight_events(replay)
    assert known_events(replay) is events, "kept in memory for the file"
    kinds = [(event.kind, event.text) for event in events]
    assert kinds[0] == ("objective", "Failed: Hold the gate until 40 men reach the bombers")
    assert events[0].tick < handover
    seats = [event for event in events if event.kind == "seat"]
    assert [e.text for e in seats] == ["Flying", "At the rear gun", "Flying"]
    assert abs(seats[0].tick - handover) <= 12 and abs(seats[1].tick - (handover + 5 * 120)) <= 12
    assert [e.tick for e in events] == sorted(e.tick for e in events)


def test_a_dive_into_the_ground_takes_off_then_crashes(tmp_path):
    replay = load_replay(record(tmp_path / "dive.flightreplay", dive_pilot, 120 * 60))
    events = timeline_events(flight_events(replay))
    kinds = [event.kind for event in events]
    assert kinds[0] == "takeoff" and kinds[-1] == "crash" and events[-1].tick <= replay.ticks
    assert events[-1].text.startswith("You crashed (")


def test_a_jam_and_a_belt_change_are_marked_once_each():
    sortie = Sortie(load_level("escape"))
    watcher = EventWatcher(sortie)
    combat = sortie.world.combat
    guns = combat.guns.per_aircraft(np.arange(len(combat.rounds)), -1)[0]  # the player's gun slots
    mine = guns[guns >= 0]
    combat.rounds[mine] -= 10
    assert watcher.observe(sortie) == []
    combat.jammed[mine[0]] = True
    combat.rounds[mine] += 10
    assert [(e.kind, e.text) for e in watcher.observe(sortie)] == [("jam", "Gun jammed"), ("belt", "Belt changed")]
    assert watcher.observe(sortie) == [], "still jammed: no new mark"
