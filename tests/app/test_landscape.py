"""The landscape on screen: fields, woods and villages in the picture, graphics quality presets that change the
scene and apply mid-flight from the settings screen, and few draw calls (offscreen, Mesa's software GL is enough)."""
import numpy as np
import pytest
from panda3d.core import NodePath, PNMImage

from flight.app.app import FlightApp
from flight.app.scene.landscape import QUALITY
from flight.app.launch import settle_and_render
from flight.app.settings import Settings


@pytest.fixture(scope="module")
def app():
    app = FlightApp("offscreen", size=(320, 180), level="training", fly_now=True, settings=Settings(quality="medium"))
    yield app
    app.close()


def _fly_over_the_country(view, north=-2000.0, east=-1500.0, height=200.0):
    ground = float(view.world.terrain.height_at(np.array([north]), np.array([east]))[0])
    view.world.fleet.reset(0, pos=(north, east, -(ground + height)), speed=50.0, heading=200.0, pitch=-10.0)
    view.latest = view.world.snapshot()
    view.previous_pose = view.latest.pos[:1], view.latest.quat[:1]


def _pixels(app) -> np.ndarray:
    image = PNMImage()
    assert app.win.get_screenshot(image)
    return np.array([[image.get_xel(x, y) for x in range(0, image.get_x_size(), 2)]
                     for y in range(0, image.get_y_size(), 2)])


def _draw_calls(app) -> int:
    """Geoms Panda3D drew in the last frame, from its own cull result, over all display regions."""
    return sum(path.node().get_num_geoms() for region in app.win.get_active_display_regions()
               for path in NodePath(region.make_cull_result_graph()).find_all_matches("**/+GeomNode"))


def test_a_chase_frame_over_the_country_shows_fields_and_woods(app):
    view = app.router.screen.view
    _fly_over_the_country(view)
    view.camera.select("orbit")
    view.camera.orbit.start_from_camera = False
    view.camera.orbit.azimuth, view.camera.orbit.elevation, view.camera.orbit.distance = 30.0, 35.0, 120.0
    settle_and_render(app, view)
    view.landscape.settle()  # the land near the camera as fine as it gets
    app.task_mgr.step()
    ground = _pixels(app)[25:]  # below the horizon
    r, g, b = ground[..., 0], ground[..., 1], ground[..., 2]
    green = (g > r) & (g > b)
    brown = (r > g) & (g > b)  # ploughland, stubble, ripe corn
    dark_green = green & (g < 0.25)  # the woods
    assert green.mean() > 0.2 and brown.mean() > 0.05 and dark_green.mean() > 0.02, \
        (green.mean(), brown.mean(), dark_green.mean())
    # not one flat colour: the strips and parcels vary from block to block
    blocks = ground[: ground.shape[0] // 10 * 10, : ground.shape[1] // 10 * 10]
    means = blocks.reshape(blocks.shape[0] // 10, 10, blocks.shape[1] // 10, 10, 3).mean(axis=(1, 3))
    assert (means[..., 0] - means[..., 1]).std() > 0.02


def test_quality_presets_change_the_terrain_the_trees_and_the_clouds(app):
    landscape = app.router.screen.view.landscape
    counts = {}
    for name in QUALITY:
        landscape.set_quality(name)
        counts[name] = landscape.vertex_counts()
    assert counts["low"]["terrain"] * 3 < counts["medium"]["terrain"] == counts["high"]["terrain"]
    assert "trees" not in counts["low"] and 0 < counts["medium"]["trees"] < counts["high"]["trees"]
    assert counts["low"]["cloud-blobs"] < counts["medium"]["cloud-blobs"] < counts["high"]["cloud-blobs"]
    assert counts["low"]["buildings"] == counts["high"]["buildings"] > 0
    texels = {name: QUALITY[name].ground.fine_size for name in QUALITY}
    assert texels["low"] < texels["medium"] < texels["high"]
    landscape.set_quality("medium")


def test_quality_applies_mid_flight_from_the_settings_screen(app):
    flight = app.router.screen
    view = flight.view
    assert view.landscape.quality == "medium"
    flight.toggle_pause()
    flight.open_settings()
    flight.overlay.step("quality", -1)
    assert flight.overlay.draft.quality == "low"
    flight.overlay.save()  # writes the test session's private settings file, applies, closes
    assert app.settings.quality == "low" and view.landscape.quality == "low"
    assert view.root.find("**/trees").is_empty() and view.root.find_all_matches("**/ground").get_num_paths() == 1
    flight.toggle_pause()
    app.task_mgr.step()
    flight.toggle_pause()
    flight.open_settings()
    flight.overlay.step("quality", 1)
    flight.overlay.save()
    flight.toggle_pause()
    assert view.landscape.quality == "medium" and not view.root.find("**/trees").is_empty()


def test_few_draw_calls_at_every_quality(app):
    view = app.router.screen.view
    _fly_over_the_country(view)
    view.camera.select("chase")
    for name in QUALITY:
        view.landscape.set_quality(name)
        settle_and_render(app, view)
        view.landscape.settle()
        app.task_mgr.step()
        assert _draw_calls(app) < 90, name
    view.landscape.set_quality("medium")


def test_high_quality_asks_for_a_multisampled_window_and_antialiases_the_scene(app):
    from panda3d.core import AntialiasAttrib, ConfigVariableBool, ConfigVariableInt

    from flight.app.settings import before_window
    sample, samples = ConfigVariableBool("framebuffer-multisample"), ConfigVariableInt("multisamples")
    try:
        before_window(Settings(quality="high"))
        assert sample.get_value() and samples.get_value() == 4
        before_window(Settings(quality="medium"))
        assert not sample.get_value() and samples.get_value() == 0
    finally:
        sample.clear_local_value()
        samples.clear_local_value()
    view = app.router.screen.view
    view.landscape.set_quality("high")
    assert view.root.get_attrib(AntialiasAttrib.get_class_type()).get_mode() == AntialiasAttrib.M_multisample
    view.landscape.set_quality("medium")
    assert not view.root.has_antialias()
