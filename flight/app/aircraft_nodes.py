"""Every aircraft of the world on screen: one model per fleet slot (its type's .glb; a type without one borrows
the Camel's until it has), placed between the last two ticks, with propellers and control surfaces moving with
the simulation. Wrecks stay where they fell."""
from __future__ import annotations

import numpy as np
from panda3d.core import NodePath

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


class AircraftNodes:
    def __init__(self, parent: NodePath, specs: list):
        self.specs = specs
        loaded: dict[str, NodePath] = {}
        self.models: list[NodePath] = []
        for spec in specs:
            name = spec.name if (models_dir() / f"{spec.name}.glb").is_file() else STAND_IN
            if name not in loaded:
                loaded[name] = load_model(f"{name}.glb")
            model = loaded[name].copy_to(parent) if len(self.models) else loaded[name]
            model.reparent_to(parent)
            self.models.append(model)
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
