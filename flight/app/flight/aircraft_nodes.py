"""Every aircraft of the world on screen: one model per fleet slot (its type's .glb; a type without one borrows
the Camel's until it has), placed between the last two ticks, with propellers and control surfaces moving with
the simulation. Wrecks stay where they fell."""
from __future__ import annotations

import numpy as np
from panda3d.core import LODNode, NodePath

from flight.app import frames
from flight.app.model_files import load_model
from flight.paths import models_dir

# (node, control column, hinge axis setter, sign): positive aileron raises the right trailing edge, positive
# elevator (stick back) raises the elevator's, positive rudder swings the rudder's to the right
CONTROL_SURFACES = (("aileron_left", 0, "p", 1.0), ("aileron_right", 0, "p", -1.0),
                    ("aileron_left_lower", 0, "p", 1.0), ("aileron_right_lower", 0, "p", -1.0),
                    ("elevator", 1, "p", -1.0), ("rudder", 2, "h", 1.0))
PROPELLERS = ("propeller", "propeller_left", "propeller_right")
STAND_IN = "camel"
NEAR_M, FAR_M = 300.0, 15000.0  # the detailed model up to NEAR_M, then the few-hundred-triangle one


class AircraftNodes:
    def __init__(self, parent: NodePath, specs: list):
        self.specs = specs
        loaded: dict[str, NodePath] = {}
        self.models: list[NodePath] = []  # each aircraft's root: the near model and its far stand-in under a LOD
        for spec in specs:
            name = spec.name if (models_dir() / f"{spec.name}.glb").is_file() else STAND_IN
            if name not in loaded:
                loaded[name] = _with_far_model(name)
            self.models.append(loaded[name].copy_to(parent))
        self.propellers = [[p for p in (m.find(f"**/{n}") for n in PROPELLERS) if not p.is_empty()]
                           for m in self.models]
        self.surfaces = [[(m.find(f"**/{name}"), column, axis, sign) for name, column, axis, sign in CONTROL_SURFACES
                          if not m.find(f"**/{name}").is_empty()] for m in self.models]

    def draw(self, previous_pos: np.ndarray, previous_quat: np.ndarray, latest, alpha: float) -> None:
        """Place every aircraft at lerp(previous, latest, alpha) and set its moving parts from the snapshot."""
        pos = frames.lerp(previous_pos, latest.pos, alpha)
        quat = frames.nlerp(previous_quat, latest.quat, alpha)
        angles = np.degrees(latest.engine_angle)
        for i, model in enumerate(self.models):
            frames.set_node_transform(model, pos[i], quat[i])
            for propeller in self.propellers[i]:
                propeller.set_r(angles[i])
            throws = self.specs[i].control_throws
            for surface, column, axis, sign in self.surfaces[i]:
                angle = sign * np.degrees(throws[surface.get_name().split("_")[0]]) * float(latest.controls[i, column])
                getattr(surface, f"set_{axis}")(angle)


GUNNERS = ("gunner_front", "gunner_rear")  # a bomber's gunners, turning on their rings
MOVING_PARTS = PROPELLERS + GUNNERS + tuple(name for name, *_ in CONTROL_SURFACES)


def _flattened(model: NodePath) -> NodePath:
    """The model with its fixed parts merged into a few meshes (a Fokker is some 60 parts: 60 draw calls each),
    each moving part kept as its own node at its hinge, its pieces merged under it."""
    frame = NodePath("frame")  # hinges are kept relative to this, whatever flattening does to the model's root
    model.reparent_to(frame)
    moving = [part for part in (model.find(f"**/{name}") for name in MOVING_PARTS) if not part.is_empty()]
    hinges = [(part, part.get_transform(frame)) for part in moving]
    for part, _ in hinges:
        part.detach_node()
    model.flatten_strong()
    for part, hinge in hinges:
        part.reparent_to(model)
        part.set_transform(frame, hinge)
        for piece in part.get_children():
            piece.flatten_strong()
    model.detach_node()
    return model


def _with_far_model(name: str) -> NodePath:
    """The type's model; with its `<name>_far.glb`, both under a LODNode (a player's replacement may have none)."""
    root = NodePath(name)
    near = _flattened(load_model(f"{name}.glb"))
    if not (models_dir() / f"{name}_far.glb").is_file():
        near.reparent_to(root)
        return root
    lod = root.attach_new_node(LODNode(f"{name}_lod"))
    lod.node().add_switch(NEAR_M, 0.0)
    near.reparent_to(lod)
    lod.node().add_switch(FAR_M, NEAR_M)
    load_model(f"{name}_far.glb").reparent_to(lod)
    return root
