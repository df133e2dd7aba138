"""The camera rig offscreen on the training level: where each camera sits and looks, the switching order, mouse
routing and the terrain floor. The view's own draw task is never stepped, the rig is updated directly."""
import numpy as np
import pytest
from panda3d.core import Vec3

from flight.app.app import FlightApp
from flight.app.flight.cameras import CLEARANCE, DIALS_BELOW_DEG, CameraRig

FRAME = 1 / 60


@pytest.fixture(scope="module")
def app():
    app = FlightApp("offscreen", size=(320, 180), level="training", fly_now=True)
    app.router.screen.view.paused = True
    app.router.screen.view.draw(1.0)  # the aircraft on its start point
    yield app
    app.close()


@pytest.fixture
def rig(app):
    rig = CameraRig(app.camera, app.camLens, app.router.screen.view.world.terrain.height_at)
    yield rig
    rig.detach()


def aircraft(app):
    return app.router.screen.view.aircraft


def axis(app, node, direction):
    """A node's axis (model frame) as a unit vector in render."""
    v = app.render.get_relative_vector(node, Vec3(*direction))
    return v / v.length()


def ground(app, point):
    return float(app.router.screen.view.world.terrain.height_at(np.array([point.y]), np.array([point.x]))[0])


def test_the_cockpit_camera_rides_at_the_pilots_eye_looking_forward(app, rig):
    rig.select("cockpit")
    rig.update(aircraft(app), FRAME)
    assert app.camera.get_parent() == aircraft(app)
    assert (app.camera.get_pos(app.render) - aircraft(app).get_pos(app.render)).length() < 1.5
    assert axis(app, app.camera, (0, 1, 0)).dot(axis(app, aircraft(app), (0, 1, 0))) > 0.98
    assert app.camLens.get_near() == pytest.approx(0.1)


def test_at_rest_the_head_tips_forward_just_enough_to_show_the_dials(app, rig):
    rig.select("cockpit")
    rig.update(aircraft(app), FRAME)
    rest = rig.cockpit.rest_pitch()
    assert -12.0 < rest < -3.0
    assert app.camera.get_p() == pytest.approx(rest) and app.camera.get_h() == pytest.approx(0.0)
    # the dials' centres sit in the bottom quarter of the picture, whatever the field of view
    for fov in (50.0, 70.0, 90.0):
        app.camLens.set_fov(fov)
        half_height = app.camLens.get_fov()[1] / 2
        below_middle = DIALS_BELOW_DEG + rig.cockpit.rest_pitch()  # deg under the picture's middle
        assert 0.5 * half_height < below_middle < 0.95 * half_height, fov
    app.camLens.set_fov(70.0)


def test_looking_right_in_the_cockpit_and_recentring_on_release(app, rig):
    rig.select("cockpit")
    rig.look(90, 0)
    rig.update(aircraft(app), FRAME)
    assert axis(app, app.camera, (0, 1, 0)).dot(axis(app, aircraft(app), (1, 0, 0))) > 0.9
    rig.release_look()
    rig.update(aircraft(app), 0.5)
    assert axis(app, app.camera, (0, 1, 0)).dot(axis(app, aircraft(app), (0, 1, 0))) > 0.99
    rig.look(200, -90)
    assert (rig.cockpit.yaw, rig.cockpit.pitch) == (150, -45)


def test_the_right_mouse_button_turns_the_head_and_letting_go_recentres(app, rig):
    rig.select("cockpit")
    rig.mouse(0.0, 0.0, left=False, right=True)
    rig.mouse(0.5, 0.25, left=False, right=True)
    assert rig.cockpit.yaw == pytest.approx(60) and rig.cockpit.pitch == pytest.approx(30)
    rig.mouse(0.5, 0.25, left=False, right=False)
    rig.update(aircraft(app), 0.5)
    assert abs(rig.cockpit.yaw) < 1 and abs(rig.cockpit.pitch) < 1


def test_the_chase_camera_is_behind_and_above_the_terrain(app, rig):
    rig.select("cockpit")
    rig.update(aircraft(app), FRAME)
    rig.select("chase")
    for _ in range(3):
        rig.update(aircraft(app), FRAME)
    camera = app.camera.get_pos(app.render)
    assert app.camera.get_parent() == app.render
    assert app.camera.get_scale(app.render).almost_equal(Vec3(1, 1, 1))
    assert (camera - aircraft(app).get_pos(app.render)).dot(axis(app, aircraft(app), (0, 1, 0))) < 0
    assert camera.z >= ground(app, camera) + CLEARANCE - 1e-3
    assert app.camLens.get_near() == pytest.approx(0.5)


def test_the_orbit_camera_keeps_its_distance_and_stays_above_the_ground(app, rig):
    rig.select("orbit")
    centre = aircraft(app).get_pos(app.render)
    for dx, dy in ((0.3, -0.1), (0.5, -0.05), (-1.2, 0.02)):
        rig.mouse(0.0, 0.0, left=True, right=False)
        rig.mouse(dx, dy, left=True, right=False)
        rig.mouse(dx, dy, left=False, right=False)
        rig.update(aircraft(app), FRAME)
        assert (app.camera.get_pos(app.render) - centre).length() == pytest.approx(25.0, abs=1e-2)
    rig.orbit.drag(0.0, 2.0)  # swing right under the aircraft, which sits on the grass
    rig.update(aircraft(app), FRAME)
    camera = app.camera.get_pos(app.render)
    assert camera.z >= ground(app, camera) + CLEARANCE - 1e-3
    assert (camera - centre).length() == pytest.approx(25.0, abs=1e-2)
    assert axis(app, app.camera, (0, 1, 0)).dot((centre - camera) / 25.0) > 0.999, "still aimed at the aircraft"
    rig.zoom(2.0)
    rig.update(aircraft(app), FRAME)
    assert (app.camera.get_pos(app.render) - centre).length() == pytest.approx(50.0, abs=1e-2)


def test_the_free_camera_starts_where_the_last_one_was_and_flies_forward(app, rig):
    rig.select("chase")
    rig.update(aircraft(app), FRAME)
    start = app.camera.get_pos(app.render)
    rig.select("free")
    rig.update(aircraft(app), FRAME)
    assert app.camera.get_pos(app.render).almost_equal(start, 1e-3)
    forward = axis(app, app.camera, (0, 1, 0))
    rig.move(1, 0, 0, 0.5)
    rig.update(aircraft(app), FRAME)
    moved = app.camera.get_pos(app.render) - start
    assert moved.length() == pytest.approx(0.5 * rig.free.speed, rel=1e-3)
    assert moved.dot(forward) / moved.length() > 0.999
    rig.move(0, 0, -1, 60.0)  # dive far into the ground
    rig.update(aircraft(app), FRAME)
    camera = app.camera.get_pos(app.render)
    assert camera.z >= ground(app, camera) + CLEARANCE - 1e-3


def test_c_cycles_cockpit_chase_orbit_free_flyby_and_f_keys_select(app, rig):
    rig.select("cockpit")
    seen = []
    for _ in range(5):
        rig.cycle()
        rig.update(aircraft(app), FRAME)
        seen.append(rig.current)
    assert seen == ["chase", "orbit", "free", "flyby", "cockpit"]
    for key, name in (("f3", "orbit"), ("f1", "cockpit"), ("f4", "free"), ("f5", "flyby"), ("f2", "chase")):
        rig.select(rig.keys[key])
        assert rig.current == name
    with pytest.raises(ValueError):
        rig.select("helicopter")


def test_detach_leaves_the_camera_under_render_where_it_was(app, rig):
    rig.select("cockpit")
    rig.update(aircraft(app), FRAME)
    eye = app.camera.get_pos(app.render)
    rig.detach()
    assert app.camera.get_parent() == app.render
    assert app.camera.get_pos(app.render).almost_equal(eye, 1e-3)


def test_the_orbit_camera_starts_behind_and_above_when_the_last_camera_was_in_the_cockpit(app, rig):
    rig.select("cockpit")
    rig.update(aircraft(app), FRAME)
    rig.select("orbit")
    rig.update(aircraft(app), FRAME)
    assert rig.orbit.elevation == pytest.approx(15.1, abs=0.2)
    away = app.camera.get_pos(app.render) - aircraft(app).get_pos(app.render)
    assert away.dot(axis(app, aircraft(app), (0, 1, 0))) < -20
