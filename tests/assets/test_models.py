"""Every committed model: rebuilt byte for byte by `flight models`, loadable by panda3d-gltf with the node names of
models/README.md, within its triangle budget, the aircraft to the size of their data, the ground models on z = 0."""
from pathlib import Path

import numpy as np
import pytest
from panda3d.core import NodePath, loadPrcFileData

from flight.assets import fokker_dr1
from flight.assets.build import MODELS, build_all
from flight.sim.dynamics import load_aircraft
from flight.paths import models_dir

loadPrcFileData("", "window-type none\naudio-library-name null\nnotify-level-device fatal")
gltf = pytest.importorskip("gltf")

AIRCRAFT = {  # file stem -> (span m, length m): the aircraft file's, or the builder's historical figures
    "camel": None, "fokker_d7": None, "gotha_g5": None,
    "fokker_dr1": (fokker_dr1.SPAN, fokker_dr1.LENGTH),
}
SURFACES = ["aileron_left", "aileron_right", "elevator", "rudder"]
PARTS = {  # the node-name contract (models/README.md)
    "camel.glb": ["propeller", "aileron_left_lower", "aileron_right_lower"] + SURFACES,
    "fokker_d7.glb": ["propeller"] + SURFACES,
    "fokker_dr1.glb": ["propeller"] + SURFACES,
    "gotha_g5.glb": ["propeller_left", "propeller_right", "aileron_left_lower", "aileron_right_lower",
                     "gunner_front", "gunner_rear"] + SURFACES,
    "windsock.glb": ["sock"],
    "gate.glb": ["gate_left", "gate_right"],
    "maxim_gun.glb": ["gun"],
    "flak_gun.glb": ["mount", "barrel"],
    "searchlight.glb": ["lamp"],
    "truck.glb": ["wheels", "wheel_front", "wheel_rear"],
}
BUDGET = {"aircraft": 3200, "far": 600, "tree": 100, "ground": 500}


def kind(name: str) -> str:
    stem = name.removesuffix(".glb")
    if stem.endswith("_far"):
        return "far"
    return "aircraft" if stem in AIRCRAFT else "tree" if stem.startswith("tree_") else "ground"


def load(path: Path) -> NodePath:
    model = gltf.load_model(str(path))
    return model if isinstance(model, NodePath) else NodePath(model)


def bounds(model: NodePath, relative_to: NodePath | None = None) -> tuple[np.ndarray, np.ndarray]:
    low, high = model.get_tight_bounds(relative_to or model)
    return np.array(low), np.array(high)


def test_every_model_is_committed_and_rebuilds_byte_for_byte(built_models: dict[str, Path], tmp_path: Path) -> None:
    again = {path.name: path.read_bytes() for path in build_all(tmp_path)}
    assert sorted(again) == sorted(MODELS) == sorted(built_models)
    stale = [name for name, path in built_models.items()
             if not (models_dir() / name).is_file() or (models_dir() / name).read_bytes() != path.read_bytes()]
    assert not stale, f"run `flight models` and commit: {stale}"
    assert all(again[name] == path.read_bytes() for name, path in built_models.items())


@pytest.mark.parametrize("name", sorted(MODELS))
def test_loads_with_its_named_parts_and_within_budget(built_models: dict[str, Path], name: str) -> None:
    model = load(built_models[name])
    for part in PARTS.get(name, []):
        assert not model.find(f"**/{part}").is_empty(), part
    triangles = sum(geom.get_num_primitives() and sum(p.get_num_faces() for p in geom.get_primitives())
                    for node in model.find_all_matches("**/+GeomNode") for geom in node.node().get_geoms())
    assert 0 < triangles <= BUDGET[kind(name)]


@pytest.mark.parametrize("name", sorted(n for n in MODELS if kind(n) in ("ground", "tree")))
def test_ground_models_stand_on_z0_at_the_origin(built_models: dict[str, Path], name: str) -> None:
    low, high = bounds(load(built_models[name]))
    assert low[2] == pytest.approx(0.0, abs=0.02)
    assert low[0] < 0.5 and low[1] < 0.5 and high[0] > -0.5 and high[1] > -0.5  # the origin is under the model


@pytest.mark.parametrize("stem", sorted(AIRCRAFT))
@pytest.mark.parametrize("far", [False, True])
def test_aircraft_size_matches_the_data_and_faces_plus_y(built_models: dict[str, Path], stem: str, far: bool) -> None:
    span, length = AIRCRAFT[stem] or (load_aircraft(stem).span, load_aircraft(stem).length)
    model = load(built_models[f"{stem}{'_far' if far else ''}.glb"])
    for gunner in model.find_all_matches("**/gunner_*"):
        gunner.stash()  # overall length and span leave out the guns
    low, high = bounds(model)
    assert high[0] - low[0] == pytest.approx(span, rel=0.05)
    assert high[1] - low[1] == pytest.approx(length, rel=0.05)
    assert high[1] > -low[1] * 0.3 and abs(low[0] + high[0]) < 0.05  # nose toward +Y, symmetric about x = 0


@pytest.mark.parametrize("stem", ["fokker_d7", "gotha_g5"])
def test_propellers_sit_on_the_engine_hubs(built_models: dict[str, Path], stem: str) -> None:
    model = load(built_models[f"{stem}.glb"])
    hubs = load_aircraft(stem).engine.positions
    names = ["propeller"] if len(hubs) == 1 else ["propeller_left", "propeller_right"]
    for name, (x, y, z) in zip(names, hubs):
        np.testing.assert_allclose(np.array(model.find(f"**/{name}").get_pos(model)), [y, x, -z], atol=1e-5)


def test_gotha_propellers_push_from_behind_their_nacelles(built_models: dict[str, Path]) -> None:
    model = load(built_models["gotha_g5.glb"])
    low, high = bounds(model.find("**/nacelles"), model)
    for name in ("propeller_left", "propeller_right"):
        prop = model.find(f"**/{name}")
        plow, phigh = bounds(prop, model)
        assert phigh[1] < low[1] + 0.35 and plow[2] < -0.5 < 1.0 < phigh[2]  # aft of the engines, spinning on y
        assert (prop.get_pos(model)[0] < 0) == (name == "propeller_left")


@pytest.mark.parametrize("stem", sorted(AIRCRAFT))
def test_control_surfaces_pivot_on_their_hinges(built_models: dict[str, Path], stem: str) -> None:
    """Each hinged part lies (horn balances aside) aft of its origin, so turning it swings the trailing edge."""
    model = load(built_models[f"{stem}.glb"])
    for name in SURFACES + ["aileron_left_lower", "aileron_right_lower"]:
        part = model.find(f"**/{name}")
        if part.is_empty():
            continue
        low, high = bounds(part)
        assert low[1] < -0.2 and high[1] < 0.3, name
        if name.startswith("aileron"):
            assert high[1] == pytest.approx(0.0, abs=0.08), name  # markings' faces that straddle the hinge
            assert (low[0] < -1.0) == ("left" in name) and (high[0] > 1.0) == ("right" in name), name


def test_gotha_gunners_turn_on_their_rings(built_models: dict[str, Path]) -> None:
    model = load(built_models["gotha_g5.glb"])
    front, rear = model.find("**/gunner_front"), model.find("**/gunner_rear")
    assert front.get_pos(model)[1] > 2.0 > -1.0 > rear.get_pos(model)[1]
    for gunner, ahead in ((front, True), (rear, False)):
        low, high = bounds(gunner)
        assert (high[1] > 1.0) == ahead and (low[1] < -1.0) == (not ahead)  # the gun points out over the ring
        assert high[2] > 0.4  # he stands up out of it
        before = bounds(gunner, model)
        gunner.set_h(90.0)
        after = bounds(gunner, model)
        assert not np.allclose(before[0], after[0], atol=0.1)
        gunner.set_h(0.0)


def test_moving_ground_parts_pivot_where_they_should(built_models: dict[str, Path]) -> None:
    flak = load(built_models["flak_gun.glb"])
    barrel = flak.find("**/barrel")
    before = bounds(barrel, flak)[1][2]
    barrel.set_p(60.0)
    assert bounds(barrel, flak)[1][2] > before + 1.5  # elevates up
    lamp = load(built_models["searchlight.glb"]).find("**/lamp")
    low, high = bounds(lamp)
    assert high[1] > 0.3 and abs(low[0] + high[0]) < 0.05
    gate = load(built_models["gate.glb"])
    left = gate.find("**/gate_left")
    left.set_h(80.0)
    assert bounds(left, gate)[1][1] > 2.0  # swings out toward +Y about its post
