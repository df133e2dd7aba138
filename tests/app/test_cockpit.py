"""The instrument board's needles read the snapshot like the HUD does, and the board shows at the bottom of the
cockpit camera's picture, under the guns, on the ground and in the air."""
import dataclasses

import numpy as np
import pytest
from panda3d.core import PNMImage

from flight.app.app import FlightApp
from flight.app.flight.cockpit import DIALS, SWEEP_DEG, InstrumentBoard, needle_angle
from flight.app.launch import settle_and_render


@pytest.fixture(scope="module")
def app():
    app = FlightApp("offscreen", size=(160, 90), level="training", fly_now=True)
    yield app
    app.close()


def test_needles_follow_airspeed_and_rpm_and_stop_at_the_pins(app):
    view = app.router.screen.view
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
    assert not app.router.screen.view.aircraft.find("**/instrument_board").is_empty()


def test_the_compass_card_turns_against_the_heading_and_the_clock_goes_round(app):
    view = app.router.screen.view
    snapshot = view.latest
    board = InstrumentBoard(view.aircraft.attach_new_node("test"), lambda: snapshot, app.task_mgr)
    try:
        compass, clock = (next(d for d in DIALS if d.name == name) for name in ("compass", "clock"))
        euler = view.latest.euler.copy()
        euler[0, 2] = np.radians(90.0)
        snapshot = dataclasses.replace(view.latest, euler=euler)
        board.update()
        assert board.needles["compass"].get_r() == pytest.approx(-90.0), "heading east: north on the left"
        euler[0, 2] = np.radians(-10.0)
        board.update()
        assert board.needles["compass"].get_r() == pytest.approx(-350.0)
        assert needle_angle(compass, 370.0) == pytest.approx(10.0)
        assert needle_angle(clock, 15 * 60.0) == pytest.approx(90.0)
        assert needle_angle(clock, 3600.0 + 30 * 60.0) == pytest.approx(180.0)
    finally:
        board.destroy()


def _cockpit_picture(app) -> np.ndarray:
    view = app.router.screen.view
    view.camera.select("cockpit")
    settle_and_render(app, view)
    image = PNMImage()
    assert app.win.get_screenshot(image)
    return np.array([[image.get_xel(x, y) for x in range(image.get_x_size())] for y in range(image.get_y_size())])


def _board_share(rows: np.ndarray) -> float:
    """How much of the rows is the board: brown wood, black dial faces, brass bezels (not sky, grass or guns)."""
    r, g, b = rows[..., 0], rows[..., 1], rows[..., 2]
    wood_or_brass = (r > g * 1.2) & (g > b * 1.2)
    faces = (rows.max(axis=-1) < 0.06)
    return float((wood_or_brass | faces).mean())


@pytest.mark.parametrize("height", [None, 300.0])
def test_the_cockpit_view_shows_the_board_at_the_bottom_and_the_way_ahead_above_it(app, height):
    view = app.router.screen.view
    if height is not None:  # level flight over the fields
        ground = float(view.world.terrain.height_at(np.array([0.0]), np.array([-1500.0]))[0])
        view.world.fleet.reset(0, pos=(0.0, -1500.0, -(ground + height)), speed=50.0, heading=200.0, pitch=2.0)
        view.latest = view.world.snapshot()
        view.previous_pose = view.latest.pos[:1], view.latest.quat[:1]
    pixels = _cockpit_picture(app)
    rows = len(pixels)
    columns = slice(int(pixels.shape[1] * 0.2), int(pixels.shape[1] * 0.8))
    assert _board_share(pixels[int(rows * 0.72):int(rows * 0.94), columns]) > 0.75, "the board along the bottom"
    middle = pixels[int(rows * 0.35):int(rows * 0.6)]
    sky_or_land = (middle[..., 2] > middle[..., 0]) | (middle[..., 1] > middle[..., 2])
    assert sky_or_land.mean() > 0.5, "the way ahead is open over the guns"
    view.camera.select("chase")
