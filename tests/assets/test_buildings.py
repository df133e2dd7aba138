"""The committed aerodrome buildings: reproducible bytes, loadable, the named parts and the sizes the app relies on."""
from pathlib import Path

import numpy as np
import pytest
from panda3d.core import NodePath, loadPrcFileData


loadPrcFileData("", "window-type none\naudio-library-name null\nnotify-level-device fatal")
gltf = pytest.importorskip("gltf")

@pytest.fixture(scope="module")
def built(built_models: dict[str, Path]) -> dict[str, Path]:
    return built_models


def load(path: Path) -> NodePath:
    model = gltf.load_model(str(path))
    return model if isinstance(model, NodePath) else NodePath(model)


def test_hangar_size_origin_and_open_front(built: dict[str, Path]) -> None:
    model = load(built["canvas_hangar.glb"])
    low, high = (np.array(v) for v in model.get_tight_bounds())
    width, depth, height = high - low
    assert width == pytest.approx(20.0, abs=1.0)
    assert depth == pytest.approx(24.0, abs=1.0)
    assert height == pytest.approx(8.0, abs=0.5)
    assert low[2] == pytest.approx(0.0, abs=1e-4)  # origin at ground level
    assert abs(low[0] + high[0]) < 0.6 and abs(low[1] + high[1]) < 1.2  # and in the middle
    assert high[1] > -low[1]  # the door frame and curtains stand proud of the front, which is +Y


def test_windsock_has_a_sock_at_the_pole_top_streaming_along_plus_y(built: dict[str, Path]) -> None:
    model = load(built["windsock.glb"])
    sock = model.find("**/sock")
    assert not sock.is_empty()
    np.testing.assert_allclose(np.array(sock.get_pos(model)), [0.0, 0.0, 6.0], atol=1e-5)
    low, high = (np.array(v) for v in sock.get_tight_bounds(sock))
    assert high[1] > 2.5 and low[1] > -0.5 and abs(low[0] + high[0]) < 0.05  # out along +Y from the pivot
    low, high = (np.array(v) for v in model.get_tight_bounds())
    assert low[2] == pytest.approx(0.0, abs=1e-4) and 5.8 < high[2] < 7.0
    sock.set_h(90.0)  # the app turns it toward the wind: it swings about the pole
    low, high = (np.array(v) for v in sock.get_tight_bounds(model))
    assert low[0] < -2.5 and high[0] < 0.5


def test_hangar_doorway_is_dark_and_faces_out_of_the_front() -> None:
    from flight.assets.buildings import OPENING, TO_GLTF, hangar_model
    mesh = hangar_model().mesh
    dark = (mesh.colors[::3, :3] == OPENING).all(axis=1)
    normals = mesh.normals[::3][dark] @ TO_GLTF  # back to Panda3D model axes
    assert dark.sum() == 2 and (normals[:, 1] > 0.99).all()
