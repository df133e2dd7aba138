"""Level 2 on screen (one breakout flight for the module): the night sky is dark and the searchlight beams show
against it, the gate's gun aims with the mouse and the frame carries the aim, R changes the belt at the gate, V
toggles the rear gun, and the mission's dawn scene at the gate starts and finishes while the world ticks on; the gate
is readable: a sight on the gun, no grey band from a beam passing the gun, the men lit in the pools."""
import dataclasses

import numpy as np
import pytest
from panda3d.core import PNMImage, Point2, Point3, Vec3

from flight.app import frames
from flight.app.flight import gate_seat_view
from flight.app.flight.gate_figures import light_on_men
from flight.app.flight.gate_sight import zero_point
from flight.app.scene.night_lights import Sources
from flight.sim.command import ControlFrame
from flight.sim.command import FIRE, RELOAD, REAR_GUN
from flight.sim.dynamics import DT


@pytest.fixture(scope="module")
def view(app):
    app.router.go("flight", level="breakout")
    view = app.router.screen.view
    view.paused = True  # the tests step it themselves
    yield view


def _picture(app, every: int = 4, middle: bool = False) -> np.ndarray:
    """The rendered frame, every `every`th pixel (its middle third only, if `middle`)."""
    app.task_mgr.step()
    image = PNMImage()
    assert app.win.get_screenshot(image)
    w, h = image.get_x_size(), image.get_y_size()
    xs, ys = (range(w // 3, 2 * w // 3, every), range(h // 3, 2 * h // 3, every)) if middle else (
        range(0, w, every), range(0, h, every))
    return np.array([[image.get_xel(x, y) for x in xs] for y in ys])


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


def _gate_frame(app, view, gate=None) -> None:
    """Draw the gate (with `gate` in place of the snapshot's, if given) from the gunner's eye, and render it."""
    if gate is not None:
        view.latest = dataclasses.replace(view.latest, gate=gate)
    app.task_mgr.step()  # the camera to the gun
    view.draw(1.0)
    app.task_mgr.step()


def test_the_sight_covers_where_the_rounds_strike_at_its_zero_range_and_shows_at_night(app, view):
    view.world.seat = "gate"
    _gate_frame(app, view)
    sight = view.seat_views["gate"].sight
    lens = app.camLens
    strike = frames.position_to_panda(zero_point(view.latest.gate))
    marks = []
    for point in (app.camera.get_relative_point(app.render, Point3(*strike)), sight.bead.get_pos(app.camera),
                  sight.ring.get_pos(app.camera)):
        film = Point2()
        assert lens.project(point, film)
        marks.append(np.array(film))
    assert np.abs(marks[1] - marks[0]).max() < 0.005 and np.abs(marks[2] - marks[0]).max() < 0.005
    shown = _picture(app, 1, middle=True)
    for part in (sight.ring, sight.bead):
        part.stash()  # (the view shows the sight each frame while the player is at the gun)
    hidden = _picture(app, 1, middle=True)
    for part in (sight.ring, sight.bead):
        part.unstash()
    assert ((shown - hidden).sum(axis=2) > 0.5).sum() >= 5  # pale lines on the dark


def test_a_beam_sweeping_past_the_gun_lays_no_grey_band_over_the_picture(app, view, monkeypatch):
    """Regression, issue #17 part 5: a tower's beam passing 20 m in front of the gun covered 30-45% of the picture
    with flat grey (its walls drawn as bright near as far)."""
    view.world.seat = "gate"
    latest = view.latest
    gate = latest.gate
    _gate_frame(app, view)
    ahead = np.array(app.camera.get_quat(app.render).get_forward())
    forward = np.array([ahead[1], ahead[0], 0.0]) / np.hypot(ahead[0], ahead[1])  # NED, level
    right = np.array([-forward[1], forward[0], 0.0])
    lamp = gate.gun_pos + 10.0 * forward + 175.0 * right + np.array([0.0, 0.0, -8.5])  # as at 20 s into the level
    spot = gate.gun_pos + 20.0 * forward - 90.0 * right + np.array([0.0, 0.0, 0.9])
    swept = dataclasses.replace(gate, light_pos=np.array([lamp]), light_spot=np.array([spot]),
                                light_on=np.array([True]))
    beams = view.seat_views["gate"].beams

    def grey_share() -> float:
        _gate_frame(app, view, swept)
        lit = _picture(app)
        beams[0].stash()
        dark = _picture(app)
        beams[0].unstash()
        return float(((lit - dark).sum(axis=2) > 0.05).mean())

    try:
        after = grey_share()
        monkeypatch.setattr(gate_seat_view, "beam_fade", lambda lamp, spot, eye: 1.0)
        before = grey_share()
    finally:
        view.latest = latest
    assert before > 0.2, "the beam crosses the view (else this test shows nothing)"
    assert after < 0.05, f"{after:.0%} of the picture under the beam's walls (was {before:.0%} unfaded)"


def test_men_are_lit_in_a_searchlights_pool_and_by_a_flash_and_dark_away_from_them():
    spots, radii = np.array([[0.0, 0.0, 0.0]]), np.array([10.0])
    men = np.array([[0.0, 2.0, 0.0], [0.0, 11.0, 0.0], [0.0, 40.0, 0.0], [0.0, 80.0, 0.0]])
    flash = Sources.of([[0.0, 81.0, -1.0]], (1.0, 0.8, 0.45), 1.5, 15.0)
    lit = light_on_men(men, spots, radii, flash)
    assert lit[0] == 1.0 and 0.0 < lit[1] < 1.0 and lit[2] < 0.05 and lit[3] > 0.9
