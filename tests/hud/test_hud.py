"""The Hud: every widget on its a2d anchor, units by nation or setting, H's detail cycle, and a clean destroy."""
import numpy as np
import pytest

from flight.hud.hud import MINIMAL, Hud
from tests.hud.helpers import frames

ALL = {"airspeed", "altimeter", "vertical_speed", "engine", "compass", "fuel", "ammunition", "damage",
       "stall_warning", "slip_ball", "messages", "objectives", "objective_arrow", "gate", "rear_gun", "assists"}
FLYING = ALL - {"gate", "rear_gun"}  # a seat's own gauges show only in that seat


@pytest.fixture
def hud(base, provider):
    hud = Hud(base, provider, base.task_mgr, "british")
    yield hud
    hud.destroy()


def shown_text(hud, name):
    return hud.widgets[name].text.getText()


def test_it_builds_every_widget_on_an_anchor(base, hud):
    assert set(hud.widgets) == ALL
    anchors = {"a2dTopLeft", "a2dTopCenter", "a2dTopRight", "a2dBottomLeft", "a2dBottomCenter", "a2dBottomRight"}
    for name, widget in hud.widgets.items():
        assert widget.node.get_parent().get_name() in anchors, name


def test_units_follow_the_nation_and_the_setting(base, provider, hud):
    provider.set(eas=np.array([40.0]))
    frames(base)
    assert shown_text(hud, "airspeed") == "ASI   89 mph"
    hud.set_units("metric")
    frames(base)
    assert shown_text(hud, "airspeed") == "ASI  144 km/h"
    german = Hud(base, provider, base.task_mgr, "german")
    frames(base)
    assert shown_text(german, "altimeter").endswith(" m")
    german.destroy()
    with pytest.raises(ValueError, match="'nautical'"):
        hud.set_units("nautical")


def visible(hud):
    return {name for name, widget in hud.widgets.items() if not widget.node.is_hidden()}


def test_detail_cycles_full_minimal_off(base, hud):
    assert hud.detail == "full" and visible(hud) == FLYING
    assert hud.cycle_detail() == "minimal"
    assert visible(hud) == set(MINIMAL) - {"gate", "rear_gun"} == {"airspeed", "altimeter", "engine", "messages",
                                                       "stall_warning", "damage"}
    assert hud.cycle_detail() == "off"
    assert visible(hud) == set()
    assert hud.cycle_detail() == "full"
    assert visible(hud) == FLYING


def test_the_seat_picks_the_gauges(base, hud):
    hud.set_seat("gate")
    assert visible(hud) == {"gate", "messages", "objectives"}
    hud.set_scene(True)
    assert visible(hud) == {"messages"}
    hud.set_scene(False)
    hud.set_seat("aircraft")
    assert visible(hud) == FLYING
    hud.set_seat("rear_gun")
    assert visible(hud) == FLYING | {"rear_gun"}


def test_destroy_removes_every_task_and_node(base, provider):
    anchors = [base.a2dTopLeft, base.a2dTopCenter, base.a2dTopRight, base.a2dBottomLeft, base.a2dBottomCenter,
               base.a2dBottomRight]
    before = [anchor.get_num_children() for anchor in anchors]
    tasks = len(base.task_mgr.getTasks())
    hud = Hud(base, provider, base.task_mgr, "british")
    assert len(base.task_mgr.getTasks()) == tasks + len(ALL), "one task per widget"
    frames(base, 2)
    hud.destroy()
    assert len(base.task_mgr.getTasks()) == tasks
    assert [anchor.get_num_children() for anchor in anchors] == before
    frames(base)
