"""Times of day, the terrain's baked shading and the clouds (no window needed)."""
import numpy as np
import pytest
from panda3d.core import GeomNode, NodePath

from flight.app.scene.ground_and_sky import (CLOUD_BASE_M, TIMES_OF_DAY, add_sky_and_light, clouds_node, terrain_node,
                              time_of_day_preset)
from flight.sim.world import generate_terrain


@pytest.fixture(scope="module")
def terrain():
    return generate_terrain(seed=1, size_m=(2000.0, 2000.0))


def _columns(node: NodePath) -> np.ndarray:
    """The float vertex rows (x, y, z, r, g, b, a[, u, v]) of the first geom under `node`."""
    geom_node = node.find("**/+GeomNode").node() if not isinstance(node.node(), GeomNode) else node.node()
    data = geom_node.get_geom(0).get_vertex_data()
    width = data.get_format().get_array(0).get_stride() // 4
    return np.frombuffer(memoryview(data.get_array(0)).cast("B"), dtype=np.float32).reshape(-1, width)


def test_presets_are_the_five_times_of_day():
    assert list(TIMES_OF_DAY) == ["dawn", "morning", "day", "dusk", "night"]


@pytest.mark.parametrize("name", list(TIMES_OF_DAY))
def test_each_preset_builds_sky_light_and_terrain(name, terrain):
    root, background = NodePath("root"), []
    add_sky_and_light(root, lambda *rgba: background.append(rgba), name)
    assert len(background) == 1 and len(background[0]) == 4
    assert root.has_fog() and root.find("sun") and root.find("sky")
    assert _columns(terrain_node(terrain, name)).shape[0] == terrain.heights.size


def test_unknown_time_of_day_is_named():
    with pytest.raises(ValueError, match="'teatime'"):
        time_of_day_preset("teatime")
    with pytest.raises(ValueError, match="'teatime'"):
        add_sky_and_light(NodePath("root"), lambda *rgba: None, "teatime")


def test_the_sun_is_low_at_dawn_and_dusk_and_the_light_shines_away_from_it():
    assert TIMES_OF_DAY["dawn"].sun_elevation_deg < TIMES_OF_DAY["day"].sun_elevation_deg
    assert TIMES_OF_DAY["dusk"].sun_elevation_deg < TIMES_OF_DAY["day"].sun_elevation_deg
    root = NodePath("root")
    add_sky_and_light(root, lambda *rgba: None, "morning")  # sun in the east, 35 degrees up
    forward = root.get_relative_vector(root.find("sun"), (0, 1, 0))
    assert forward.x < -0.7 and forward.z < -0.5  # shining west and down


def test_night_terrain_is_dark(terrain):
    def brightness(name):
        return _columns(terrain_node(terrain, name))[:, 3:6].mean()
    assert brightness("night") < 0.3 * brightness("day")
    assert brightness("dawn") < brightness("day")
    assert np.all(_columns(terrain_node(terrain, "day"))[:, 3:6] <= 1.0)


def test_night_sky_is_dark_blue():
    sky = TIMES_OF_DAY["night"].sky
    assert sky[2] > sky[0] and max(sky) < 0.25
    assert TIMES_OF_DAY["night"].fog_density > TIMES_OF_DAY["day"].fog_density


def test_clouds_float_well_above_the_ground_deterministically():
    rows = _columns(clouds_node(3, 8000.0, "day", ground_m=60.0))
    assert rows[:, 2].min() > 700.0 + 60.0 and rows[:, 2].min() >= CLOUD_BASE_M + 60.0 - 1.0
    assert rows[:, 2].max() < 1500.0 + 60.0 + 1.0
    assert np.all(np.abs(rows[:, :2]) < 8000.0)
    assert 0.0 < rows[:, 6].min() < 1.0  # translucent
    np.testing.assert_array_equal(rows, _columns(clouds_node(3, 8000.0, "day", ground_m=60.0)))
    assert not np.array_equal(rows[:10], _columns(clouds_node(4, 8000.0, "day", ground_m=60.0))[:10])


def test_no_clouds_at_night():
    assert clouds_node(3, 8000.0, "night").find("**/+GeomNode").is_empty()
    with pytest.raises(ValueError):
        clouds_node(3, 8000.0, "noon")


def test_every_time_of_day_a_level_may_name_has_a_lighting_preset():
    from flight.app.scene.ground_and_sky import TIMES_OF_DAY as presets
    from flight.sim.world.level import TIMES_OF_DAY as names
    assert set(presets) == set(names)
