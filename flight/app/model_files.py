"""Loading the game's .glb models (what `flight models` writes into models/, or a player's replacement)."""
import gltf
from panda3d.core import NodePath

from flight.paths import models_dir


def load_model(filename: str) -> NodePath:
    """A model from models/ as a NodePath, through panda3d-gltf."""
    model = gltf.load_model(str(models_dir() / filename))
    return model if isinstance(model, NodePath) else NodePath(model)
