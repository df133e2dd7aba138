"""A ghost: an earlier replay of the same level flown alongside the player, drawn translucent. It steps with the
player's ticks and never touches the player's world."""
from __future__ import annotations

from panda3d.core import NodePath, TransparencyAttrib

from flight.app import frames
from flight.app.model_files import load_model
from flight.sim.replay.playback import Playback


class Ghost:
    def __init__(self, parent: NodePath, replay):
        self.playback = Playback(replay)
        self.model = load_model(f"{self.playback.sortie.level.aircraft}.glb")
        self.model.reparent_to(parent)
        self.model.set_transparency(TransparencyAttrib.M_alpha)
        self.model.set_alpha_scale(0.35)
        self.model.set_depth_write(False)
        self.model.set_bin("transparent", 10)
        fleet = self.playback.sortie.world.fleet
        self.previous = fleet.pos[:1].copy(), fleet.quat[:1].copy()

    def step(self) -> None:
        fleet = self.playback.sortie.world.fleet
        self.previous = fleet.pos[:1].copy(), fleet.quat[:1].copy()
        if self.playback.step() == 0:
            self.model.hide()  # its flight is over

    def draw(self, alpha: float) -> None:
        fleet = self.playback.sortie.world.fleet
        pos = frames.lerp(self.previous[0], fleet.pos[:1], alpha)[0]
        quat = frames.nlerp(self.previous[1], fleet.quat[:1], alpha)[0]
        frames.set_node_transform(self.model, pos, quat)
