"""The instrument board's needles read the snapshot like the HUD does."""
import dataclasses

import numpy as np
import pytest

from flight.app.app import FlightApp
from flight.app.cockpit import DIALS, SWEEP_DEG, InstrumentBoard, needle_angle


@pytest.fixture(scope="module")
def app():
    app = FlightApp("offscreen", size=(160, 90), level="training")
    yield app
    app.close()


def test_needles_follow_airspeed_and_rpm_and_stop_at_the_pins(app):
    view = app.state.view
    snapshot = view.latest
    board = InstrumentBoard(view.aircraft.attach_new_node("test"), lambda: snapshot, app.task_mgr)
    try:
        snapshot = dataclasses.replace(view.latest, eas=np.array([70.0 / 2.236936]), rpm=np.array([750.0]))
        board.update()
        airspeed = DIALS[0]
        assert board.needles["airspeed"].get_r() == pytest.approx(needle_angle(airspeed, 70.0) - SWEEP_DEG / 2,
                                                                  abs=0.01)
        assert board.needles["tachometer"].get_r() == pytest.approx(0.0, abs=0.01), "half scale: straight up"
        snapshot = dataclasses.replace(snapshot, eas=np.array([200.0]))
        board.update()
        assert board.needles["airspeed"].get_r() == pytest.approx(SWEEP_DEG / 2), "pinned at the top stop"
    finally:
        board.destroy()


def test_the_view_has_a_board_in_the_cockpit(app):
    assert not app.state.view.aircraft.find("**/instrument_board").is_empty()
