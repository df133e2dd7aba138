"""TextGauge on a real OnscreenText under an offscreen ShowBase: setText only when the string changes, nothing
while hidden, and destroy() takes its task and node away."""
import numpy as np

from flight.hud import airspeed
from flight.hud.widget import READOUT_TICKS, TextGauge
from tests.hud.helpers import frames


def counting_set_text(gauge):
    calls = []
    original = gauge.text.setText

    def set_text(text):
        calls.append(text)
        original(text)
    gauge.text.setText = set_text
    return calls


def test_set_text_is_called_only_when_the_shown_string_changes(base, provider):
    gauge = TextGauge("airspeed", base.a2dBottomLeft, (0.06, 0.06), provider, lambda s: airspeed.text(s, "imperial"),
                      base.task_mgr)
    calls = counting_set_text(gauge)
    provider.set(eas=np.array([40.0]))
    frames(base, 3)
    assert calls == ["ASI   89 mph"] and gauge.text.getText() == "ASI   89 mph"
    provider.set(eas=np.array([40.1]))  # 89.70 mph, shown as 90
    frames(base, 2)
    provider.set(eas=np.array([40.11]))  # 89.72 mph: the same string, no call
    frames(base, 2)
    assert calls == ["ASI   89 mph", "ASI   90 mph"]
    gauge.destroy()


def test_a_readout_steps_with_game_time_and_follows_at_once_while_time_stands_still(base, provider):
    gauge = TextGauge("airspeed", base.a2dBottomLeft, (0.06, 0.06), provider, lambda s: airspeed.text(s, "metric"),
                      base.task_mgr, readout=True)
    frames(base)
    start = provider.snapshot.tick
    provider.set(tick=start + READOUT_TICKS - 1, eas=np.array([50.0]))
    frames(base)
    assert gauge.shown == "ASI    0 km/h", "between steps the digits hold"
    provider.set(tick=start + READOUT_TICKS)
    frames(base)
    assert gauge.shown == gauge.text.getText() == "ASI  180 km/h", "a step of game time on, they move"
    provider.set(eas=np.array([60.0]))  # the same tick: paused, the units or the aircraft followed changed
    frames(base)
    assert gauge.shown == "ASI  216 km/h"
    provider.set(tick=start + READOUT_TICKS + 1, eas=np.array([70.0]))  # paused, stepped on by one tick
    frames(base)
    assert gauge.shown == "ASI  216 km/h", "the step's own frame is within the readout's step"
    frames(base)
    assert gauge.shown == "ASI  252 km/h", "the next frame, time standing still, shows it"
    provider.set(tick=start + 1, eas=np.array([40.0]))  # a seek back
    frames(base)
    assert gauge.shown == "ASI  144 km/h"
    gauge.destroy()


def test_a_hidden_gauge_does_no_work_and_catches_up_when_shown(base, provider):
    gauge = TextGauge("airspeed", base.a2dBottomLeft, (0.06, 0.06), provider, lambda s: airspeed.text(s, "metric"),
                      base.task_mgr)
    frames(base)
    gauge.set_visible(False)
    provider.set(eas=np.array([50.0]))
    frames(base, 2)
    assert gauge.shown == "ASI    0 km/h"
    gauge.set_visible(True)
    frames(base)
    assert gauge.shown == gauge.text.getText() == "ASI  180 km/h"
    gauge.destroy()


def test_destroy_removes_the_task_and_the_node_and_spares_a_namesake(base, provider):
    first = TextGauge("fuel", base.a2dBottomRight, (-0.06, 0.06), provider, lambda s: "first", base.task_mgr)
    second = TextGauge("fuel", base.a2dBottomRight, (-0.06, 0.13), provider, lambda s: "second", base.task_mgr)
    children = base.a2dBottomRight.get_num_children()
    first.destroy()
    assert base.a2dBottomRight.get_num_children() == children - 1
    assert [task.name for task in base.task_mgr.getTasksNamed("hud-fuel")] == ["hud-fuel"]
    frames(base)
    assert second.text.getText() == "second"
    second.destroy()
    assert base.task_mgr.getTasksNamed("hud-fuel") == []
