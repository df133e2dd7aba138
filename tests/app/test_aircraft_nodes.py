"""Aircraft on screen: the near model's fixed parts merged into a few meshes, its moving parts kept where their
hinges were and turned by the simulation's controls."""
import numpy as np
import pytest
from panda3d.core import NodePath

from flight.app.flight.aircraft_nodes import MOVING_PARTS, AircraftNodes, _flattened
from flight.app.model_files import load_model
from flight.sim.dynamics import load_aircraft
from flight.sim.world import generate_terrain
from flight.sim.world.world import World

pytest.importorskip("gltf")


def geoms(model: NodePath) -> int:
    return sum(path.node().get_num_geoms() for path in model.find_all_matches("**/+GeomNode"))


@pytest.mark.parametrize("name", ["camel", "fokker_d7", "gotha_g5"])
def test_flattening_merges_the_fixed_parts_and_keeps_each_hinge_where_it_was(name):
    model = load_model(f"{name}.glb")
    hinges = {part: model.find(f"**/{part}").get_mat(model) for part in MOVING_PARTS
              if not model.find(f"**/{part}").is_empty()}
    before = geoms(model)
    flat = _flattened(model)
    assert geoms(flat) < 0.8 * before
    assert {"propeller", "elevator", "rudder"} <= set(hinges) or {"propeller_left", "elevator"} <= set(hinges)
    for part, matrix in hinges.items():
        node = flat.find(f"**/{part}")
        assert node.get_parent() == flat, part
        assert node.get_mat(flat).almost_equal(matrix, 1e-4), part


def test_the_controls_swing_the_surfaces_and_turn_the_propeller():
    world = World(generate_terrain(seed=1), seed=0)
    world.fleet.reset(0, pos=(0.0, 0.0, -300.0), speed=50.0, throttle=1.0)
    nodes = AircraftNodes(NodePath("root"), [load_aircraft("camel")])
    controls = np.array([1.0, 1.0, 1.0, 1.0, 0.0, 0.0])
    for _ in range(5):
        world.tick(controls)
    snapshot = world.snapshot()
    nodes.draw(snapshot.pos, snapshot.quat, snapshot, 1.0)
    model = nodes.models[0]
    assert model.find("**/elevator").get_p() != 0.0
    assert model.find("**/rudder").get_h() != 0.0
    assert model.find("**/aileron_left").get_p() == -model.find("**/aileron_right").get_p() != 0.0
    assert model.find("**/propeller").get_r() != 0.0

