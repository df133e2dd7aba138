"""The aerodrome on the terrain, offscreen: everything stands on the ground, clear of the start spot."""
import numpy as np
import pytest
from panda3d.core import loadPrcFileData

from flight.app.scene.aerodrome import aerodrome_node
from flight.app.model_files import load_model
from flight.sim.world import generate_terrain, load_level

pytest.importorskip("gltf")


@pytest.fixture(scope="module")
def base():
    loadPrcFileData("", "window-type offscreen\naudio-library-name null\nnotify-level-device fatal")
    from direct.showbase.ShowBase import ShowBase
    base = ShowBase()
    yield base
    base.destroy()


@pytest.fixture(scope="module")
def level():
    return load_level("training")


@pytest.fixture(scope="module")
def terrain(level):
    return generate_terrain(seed=level.terrain_seed)


@pytest.mark.parametrize("heading", [None, 0.0, 135.0])
def test_everything_stands_on_the_ground_clear_of_the_start(base, level, terrain, heading) -> None:
    north0, east0, _ = level.aerodrome
    heading = level.start_heading if heading is None else heading
    node = aerodrome_node(load_model, terrain, (north0, east0), heading)
    node.reparent_to(base.render)
    try:
        placed = node.get_children()
        names = sorted(child.get_name() for child in placed)
        assert names == ["hangar_0", "hangar_1", "parked_camel_0", "parked_camel_1", "parked_camel_2", "windsock"]
        for child in placed:
            low, high = (np.array(v) for v in child.get_tight_bounds(base.render))
            x, y, _ = child.get_pos(base.render)  # Panda3D x east, y north
            ground = float(terrain.height_at(np.array([y]), np.array([x]))[0])
            assert abs(low[2] - ground) < 0.3, child.get_name()
            assert np.hypot(x - east0, y - north0) > 60.0, child.get_name()
            nearest = np.hypot(np.clip(east0, low[0], high[0]) - east0, np.clip(north0, low[1], high[1]) - north0)
            assert nearest > 60.0, child.get_name()  # no part of it either
    finally:
        node.remove_node()


def test_camels_and_sock_face_the_wind(base, level, terrain) -> None:
    heading = level.start_heading
    node = aerodrome_node(load_model, terrain, level.aerodrome[:2], heading)
    try:
        compass = np.radians(heading)
        into_wind = np.array([np.sin(compass), np.cos(compass), 0.0])  # Panda3D x east, y north
        for i in range(3):
            camel = node.find(f"parked_camel_{i}")
            nose = np.array(base.render.get_relative_vector(camel, (0, 1, 0)))
            assert nose @ into_wind > 0.97  # nose up about 12 deg in the 3-point attitude
            assert 10.0 < camel.get_p(node) < 14.0
        sock = node.find("**/sock")
        streams = np.array(base.render.get_relative_vector(sock, (0, 1, 0)))
        assert streams @ into_wind == pytest.approx(-1.0, abs=1e-4)
    finally:
        node.remove_node()
