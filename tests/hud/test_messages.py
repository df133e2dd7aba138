"""Radio and story lines: the mission's line on screen, and the game's own notes over it, each for its own span of
simulated time (tick * DT), never wall time."""
from flight.hud.messages import Messages, line
from flight.hud.widget import styled
from flight.sim.missions.snapshot import Line
from tests.hud.helpers import frames


def test_a_line_names_its_speaker():
    assert line("Dig", "Contact!") == f"{styled('hud_speaker', 'Dig')}: Contact!"
    assert line("", "The gate is open.") == "The gate is open."


def test_the_mission_line_shows_as_the_snapshot_gives_it(base, provider):
    messages = Messages(base.a2dBottomCenter, (0.0, 0.27), provider, base.task_mgr)
    messages.show_mission_line(Line(0, "Allison", "Go, Dig!", 2.0, 0))
    frames(base)
    assert messages.shown[0] == line("Allison", "Go, Dig!")
    messages.show_mission_line(None)
    frames(base)
    assert messages.text.getText() == ""
    messages.destroy()


def test_notes_show_at_once_over_the_mission_line_for_their_sim_time(base, provider):
    messages = Messages(base.a2dBottomCenter, (0.0, 0.27), provider, base.task_mgr)
    messages.show_mission_line(Line(0, "Dig", "Contact!", 5.0, 0))
    provider.at_seconds(10.0)
    messages.say("Controls", "Pad connected", 2.0)
    messages.say("Recorder", "replay not recorded", 4.0)
    frames(base)
    assert messages.shown[1] == "\n".join([line("Controls", "Pad connected"),
                                                     line("Recorder", "replay not recorded")])
    assert messages.shown[0] == line("Dig", "Contact!"), "the mission's line stays under them"
    frames(base, 5)  # frames without ticks (a paused sim) hold the notes
    assert len(messages.notes_on(10.0)) == 2
    provider.at_seconds(12.0)
    frames(base)
    assert messages.shown[1] == line("Recorder", "replay not recorded")
    provider.at_seconds(14.0)
    frames(base)
    assert messages.notes_text.getText() == "" and not messages.notes
    messages.destroy()


def test_a_note_said_later_than_the_sim_now_starts_from_now(base, provider):
    messages = Messages(base.a2dBottomCenter, (0.0, 0.27), provider, base.task_mgr)
    provider.at_seconds(30.0)
    messages.say("Replay", "recorded with another version", 2.0)
    assert [n.text for n in messages.notes_on(1.0)] == ["recorded with another version"], "seeked back"
    assert messages.notes_on(2.9) and not messages.notes_on(3.0)
    messages.destroy()
