"""Level 2 on screen (one breakout flight for the module): the night sky is dark and the searchlight beams show
against it, the gate's gun aims with the mouse and the frame carries the aim, R changes the belt at the gate, V
toggles the rear gun, and the mission's dawn scene at the gate starts and finishes while the world ticks on."""
import numpy as np
import pytest
from panda3d.core import PNMImage, Vec3

from flight.sim.command import ControlFrame
from flight.sim.command import FIRE, RELOAD, REAR_GUN
from flight.sim.dynamics import DT


@pytest.fixture(scope="module")
def view(app):
    app.router.go("flight", level="breakout")
    view = app.router.screen.view
    view.paused = True  # the tests step it themselves
    yield view


def _picture(app) -> np.ndarray:
    app.task_mgr.step()
    image = PNMImage()
    assert app.win.get_screenshot(image)
    w, h = image.get_x_size(), image.get_y_size()
    return np.array([[image.get_xel(x, y) for x in range(0, w, 4)] for y in range(0, h, 4)])


def test_the_night_sky_is_dark_and_the_beams_show_against_it(app, view):
    assert view.world.seat == "gate"
    for _ in range(round(3.0 / DT)):
        view.tick()
    lit = _picture(app)
    beams = view.seat_views["gate"].beams + list(view.effects.ground.beams.values())  # the towers' and the airfield's
    for beam in beams:
        beam.stash()  # (the views show the burning ones each frame)
    dark = _picture(app)
    sky = dark[: len(dark) // 4]
    assert np.median(sky) < 0.08 and np.median(sky[..., 2]) >= np.median(sky[..., 0])  # blue-black
    brighter = (lit - dark).sum(axis=2) > 0.05
    assert brighter.mean() > 0.002  # the beams light a part of the picture
    for beam in beams:
        beam.unstash()


def test_the_mouse_aims_the_gate_gun_and_fires_it(view):
    mixer = view.controls.mixer
    mixer.aim.centre()
    view.pointer = None
    view.aim_by_mouse(0.0, 0.0, False)
    view.aim_by_mouse(0.4, -0.2, True)
    mixer.seat = "gate"
    frame = view.controls.update(DT)
    assert (frame.aileron, frame.elevator) == pytest.approx((0.4, -0.2), abs=1e-4)
    assert frame.buttons & FIRE
    start = view.latest.gate.gun_traverse
    for _ in range(120):
        view.tick()
    assert view.latest.gate.gun_traverse > start  # the world's gun swings right after the aim
    view.aim_by_mouse(0.4, -0.2, False)


def test_r_changes_the_belt_at_the_gate(app, view):
    view.controls.mixer.seat = "gate"
    app.messenger.send("r")
    assert view.controls.update(DT).buttons & RELOAD
    app.messenger.send("r-up")


def test_v_toggles_the_rear_gun(app, view):
    mixer = view.controls.mixer
    mixer.seat, mixer.airborne = "aircraft", True  # in the air (on the take-off roll V is refused)
    app.messenger.send("v")
    app.messenger.send("v-up")
    assert all(view.controls.update(DT).buttons & REAR_GUN for _ in range(3))
    app.messenger.send("v")
    app.messenger.send("v-up")
    assert not view.controls.update(DT).buttons & REAR_GUN


def test_at_the_rear_gun_the_view_is_from_its_ring_looking_aft_and_the_gunner_is_not_drawn(app, view):
    world = view.world
    world.seat = "aircraft"
    world.fleet.reset(0, pos=(0.0, 0.0, -400.0), speed=38.0, heading=270.0, throttle=0.8)
    view.controls.update = lambda dt: ControlFrame(throttle=0.8, buttons=REAR_GUN)
    try:
        for _ in range(30):
            view.tick()
        app.task_mgr.step()
        assert world.seat == "rear_gun"
        camera, aircraft = app.camera, view.aircraft
        ahead = aircraft.get_relative_vector(camera, Vec3(0.0, 1.0, 0.0))
        assert ahead.y < -0.9, "looking astern, along the gun"
        forward, right, down = world.combat.guns.position[world.seats["rear_gun"].gun]  # the gun's pivot, body axes
        assert (camera.get_pos(aircraft) - Vec3(right, forward, -down)).length() < 1.0, "at the gun's ring"
        assert view.seat_views["rear_gun"].gunner.is_hidden()
    finally:
        del view.controls.update  # back to the class's own
        world.seat = "gate"


def test_the_dawn_scene_at_the_gate_starts_and_finishes(app, view):
    m = view.sortie.mission.m
    m.scene("gate_dawn", 2.0)  # as the script cuts to it
    view.show_mission()
    scene = view.cutaway
    assert scene is not None and type(scene).__name__ == "GateDawn"
    start = scene.ehrlich.get_pos(app.render)
    view.draw(1.0)
    app.task_mgr.step()
    tick = view.world.tick_count
    while view.cutaway is not None and view.world.tick_count < tick + round(3.0 / DT):
        for _ in range(12):
            view.tick()
        app.task_mgr.step()
    assert view.cutaway is None and view.world.tick_count > tick  # over, and the world ticked on through it
    assert (scene.ehrlich.get_pos(app.render) - start).length() > 1.0  # he walked
