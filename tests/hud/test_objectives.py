"""The objective list: a marker and a colour per state, top left."""
import pytest

from flight.hud.objectives import Objectives, text
from flight.hud.widget import styled
from tests.hud.helpers import frames


def test_each_state_has_its_marker():
    shown = text([("Take off", "done"), ("Cross the lines", "active"), ("Keep the Gothas together", "failed")])
    assert shown.split("\n") == [styled("hud_done", "+ Take off"), "> Cross the lines",
                                 styled("hud_failed", "x Keep the Gothas together")]
    assert text([]) == ""


def test_set_shows_the_list_and_rejects_an_unknown_state(base, provider):
    objectives = Objectives(base.a2dTopLeft, (0.06, -0.09), provider, base.task_mgr)
    frames(base)
    assert objectives.gauge.text.getText() == ""
    objectives.set([("Take off", "active")])
    frames(base)
    assert objectives.gauge.text.getText() == "> Take off"
    objectives.set([("Take off", "done"), ("Land at the aerodrome", "active")])
    frames(base)
    assert objectives.gauge.text.getText() == f"{styled('hud_done', '+ Take off')}\n> Land at the aerodrome"
    with pytest.raises(ValueError, match="'won'"):
        objectives.set([("Take off", "won")])
    objectives.destroy()
