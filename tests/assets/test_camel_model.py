"""The committed Camel model: reproducible bytes, a valid .glb, and the parts and size the app relies on."""
import json
import struct
from pathlib import Path

import numpy as np
import pytest
from panda3d.core import NodePath, loadPrcFileData

from flight.sim.dynamics import load_aircraft

loadPrcFileData("", "window-type none\naudio-library-name null\nnotify-level-device fatal")
gltf = pytest.importorskip("gltf")

ANIMATED_PARTS = ["propeller", "aileron_left", "aileron_right", "elevator", "rudder"]
COMPONENTS = {5126: ("<f4", 4), 5123: ("<u2", 2), 5125: ("<u4", 4)}
WIDTH = {"SCALAR": 1, "VEC3": 3, "VEC4": 4}


@pytest.fixture(scope="module")
def built(built_models: dict[str, Path]) -> Path:
    return built_models["camel.glb"]


@pytest.fixture(scope="module")
def model(built: Path) -> NodePath:
    return NodePath(gltf.load_model(str(built)))


def read_glb(data: bytes) -> tuple[dict, bytes]:
    magic, version, length = struct.unpack_from("<III", data)
    assert (magic, version, length) == (0x46546C67, 2, len(data))
    json_length, json_type = struct.unpack_from("<II", data, 12)
    assert json_type == 0x4E4F534A and json_length % 4 == 0
    document = json.loads(data[20:20 + json_length])
    bin_length, bin_type = struct.unpack_from("<II", data, 20 + json_length)
    assert bin_type == 0x004E4942 and bin_length % 4 == 0
    assert 28 + json_length + bin_length == len(data)
    blob = data[28 + json_length:]
    assert document["buffers"] == [{"byteLength": len(blob)}]
    return document, blob


def test_glb_header_chunks_and_accessors_are_consistent(built: Path) -> None:
    document, blob = read_glb(built.read_bytes())
    assert document["asset"]["version"] == "2.0"
    for view in document["bufferViews"]:
        assert view["byteOffset"] % 4 == 0 and view["byteOffset"] + view["byteLength"] <= len(blob)
    for accessor in document["accessors"]:
        view = document["bufferViews"][accessor["bufferView"]]
        dtype, size = COMPONENTS[accessor["componentType"]]
        assert view["byteLength"] == accessor["count"] * size * WIDTH[accessor["type"]]
        if "min" in accessor:
            values = np.frombuffer(blob, dtype, accessor["count"] * 3, view["byteOffset"]).reshape(-1, 3)
            assert accessor["min"] == values.min(0).tolist() and accessor["max"] == values.max(0).tolist()
    for mesh in document["meshes"]:
        for primitive in mesh["primitives"]:
            count = document["accessors"][primitive["attributes"]["POSITION"]]["count"]
            index = document["accessors"][primitive["indices"]]
            view = document["bufferViews"][index["bufferView"]]
            dtype, _ = COMPONENTS[index["componentType"]]
            assert np.frombuffer(blob, dtype, index["count"], view["byteOffset"]).max() < count
            assert index["count"] % 3 == 0


def test_named_parts_the_app_animates(model: NodePath) -> None:
    for name in ANIMATED_PARTS + ["fuselage", "wings", "tail", "wheels"]:
        assert not model.find(f"**/{name}").is_empty(), name


def test_size_and_facing_match_the_aircraft_file(model: NodePath) -> None:
    camel = load_aircraft("camel")
    low, high = (np.array(v) for v in model.get_tight_bounds())
    span, length, _ = high - low
    assert span == pytest.approx(camel.span, rel=0.05)
    assert length == pytest.approx(camel.length, rel=0.10)
    propeller = np.array(model.find("**/propeller").get_pos(model))
    hub_x, hub_y, hub_z = camel.engine.positions[0]
    np.testing.assert_allclose(propeller, [hub_y, hub_x, -hub_z], atol=1e-5)  # nose toward +Y, origin at the CG
    assert high[1] == pytest.approx(hub_x + 0.1, abs=0.05)


def test_hinged_parts_pivot_on_their_hinges(model: NodePath) -> None:
    elevator = model.find("**/elevator")
    low, high = elevator.get_tight_bounds(elevator)
    assert high[1] == pytest.approx(0.0, abs=0.03)  # everything behind the hinge line, which is the local x axis
    rudder = model.find("**/rudder")
    low, high = rudder.get_tight_bounds(rudder)
    assert high[1] == pytest.approx(0.0, abs=0.03) and abs(high[0]) < 0.05
