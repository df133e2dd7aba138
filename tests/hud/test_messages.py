"""Radio and story lines: queued, each shown for its own span of simulated time (tick * DT), never wall time."""
from flight.hud.messages import Messages, line
from flight.hud.widget import styled
from tests.hud.helpers import frames


def test_a_line_names_its_speaker():
    assert line("Dig", "Contact!") == f"{styled('hud_speaker', 'Dig')}: Contact!"
    assert line("", "The gate is open.") == "The gate is open."


def test_lines_follow_each_other_by_sim_time(base, provider):
    messages = Messages(base.a2dBottomCenter, (0.0, 0.27), provider, base.task_mgr)
    messages.say("Allison", "Go, Dig!", seconds=2.0)
    messages.say("Dig", "Contact!", seconds=3.0)
    provider.at_seconds(10.0)
    frames(base)
    assert messages.gauge.shown == line("Allison", "Go, Dig!")
    frames(base, 5)  # frames without ticks (a paused sim) hold the line
    assert messages.gauge.shown == line("Allison", "Go, Dig!")
    provider.at_seconds(11.99)
    frames(base)
    assert messages.gauge.shown == line("Allison", "Go, Dig!")
    provider.at_seconds(12.0)
    frames(base)
    assert messages.gauge.text.getText() == line("Dig", "Contact!")
    provider.at_seconds(15.0)
    frames(base)
    assert messages.gauge.text.getText() == "" and not messages.queue
    messages.destroy()


def test_a_long_gap_in_sim_time_drops_every_expired_line(base, provider):
    messages = Messages(base.a2dBottomCenter, (0.0, 0.27), provider, base.task_mgr)
    messages.say("A", "one", 1.0)
    messages.say("B", "two", 1.0)
    messages.say("C", "three", 5.0)
    assert messages.current(0.0).text == "one"
    assert messages.current(2.5).text == "three", "two ran from 1 to 2 s, so three started at 2 s"
    assert messages.current(6.9).text == "three"
    assert messages.current(7.0) is None
    messages.destroy()


def test_a_restarted_sim_restarts_the_line_on_screen(base, provider):
    messages = Messages(base.a2dBottomCenter, (0.0, 0.27), provider, base.task_mgr)
    messages.say("Dig", "Contact!", 2.0)
    assert messages.current(30.0).text == "Contact!"
    assert messages.current(1.0).text == "Contact!"
    assert messages.current(2.9).text == "Contact!"
    assert messages.current(3.0) is None
    messages.destroy()
