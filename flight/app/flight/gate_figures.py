"""The men at the gate on screen: pools of figure models (guards and prisoners) placed from the snapshot, each with
an ambient light of its own, so a man stands out where a searchlight's pool or a flash falls on him and keeps a
faint outline in the dark. The ground's light is baked into the terrain; the figures are lit per vertex, so a man in
a beam would otherwise be as dark as the night around him."""
from __future__ import annotations

import numpy as np
from panda3d.core import AmbientLight, NodePath

from flight.app import frames
from flight.app.model_files import load_model
from flight.app.scene.ground_and_sky import linear

BEAM_LIGHT = (0.9, 0.93, 1.0)  # a carbon arc's blue-white
FLASH_LIGHT = (1.0, 0.8, 0.45)
LIT_GAIN = 1.6  # ambient added to a man in the middle of a pool: as bright as by day, a little over
OUTLINE = 0.05  # ambient every man keeps: a shade above the ground's moonlit grey, so he shows as a shape
POOL_EDGE = 1.3  # a man this many pool radii from a spot's centre is out of its light
GUARD_TINT, PRISONER_TINT = (0.75, 0.8, 0.75, 1.0), (1.25, 1.15, 0.95, 1.0)  # field grey; pale shirt-sleeves


def light_on_men(pos_ned: np.ndarray, spots_ned: np.ndarray, radii: np.ndarray, flashes=None) -> np.ndarray:
    """(K,) 0..1 how much light falls on men at `pos_ned` (K, 3): full inside a searchlight's pool (`spots_ned`
    (L, 3), `radii` (L,) m), falling off to nothing at POOL_EDGE radii; a flash's light (flight.app.scene.night_lights
    Sources) by its strength and reach."""
    lit = np.zeros(len(pos_ned))
    if len(spots_ned) and len(pos_ned):
        d = np.hypot(*(pos_ned[:, None, :2] - spots_ned[None, :, :2]).transpose(2, 0, 1)) / radii[None]
        lit = np.clip((POOL_EDGE - d) / (POOL_EDGE - 0.7), 0.0, 1.0).max(axis=1)
    if flashes is not None and len(flashes.pos) and len(pos_ned):
        d = np.linalg.norm(pos_ned[:, None] - flashes.pos[None], axis=2) / flashes.reach[None]
        lit = np.maximum(lit, np.clip(flashes.strength[None] / (1.0 + 9.0 * d * d), 0.0, 1.0).max(axis=1))
    return lit


class Figures:
    """A pool of copies of one figure model, shown `draw`n at NED positions facing headings, lying or upright, lit
    by `lit` (0..1), tinted `tint` (guards and prisoners run in the same model)."""

    def __init__(self, parent: NodePath, model: str, count: int, tint=(1.0, 1.0, 1.0, 1.0)):
        template = load_model(model)
        template.flatten_strong()  # one Geom a man
        self.nodes = [template.copy_to(parent) for _ in range(count)]
        self.lights = [parent.attach_new_node(AmbientLight(f"{model}-light-{k}")) for k in range(count)]
        for node, light in zip(self.nodes, self.lights):
            node.set_light(light)
            node.set_color_scale(tint)
        self.beam, self.outline = np.asarray(linear(BEAM_LIGHT)), OUTLINE

    def draw(self, pos_ned: np.ndarray, heading_rad: np.ndarray, show: np.ndarray, lying: np.ndarray,
             lit: np.ndarray | None = None) -> None:
        panda = frames.position_to_panda(pos_ned)
        lit = np.zeros(len(show)) if lit is None else lit
        for k, node in enumerate(self.nodes):
            if k >= len(show) or not show[k]:
                node.hide()
                continue
            node.show()
            node.set_pos_hpr(*panda[k], -np.degrees(heading_rad[k]), -85.0 if lying[k] else 0.0, 0.0)
            self.lights[k].node().set_color((*(self.outline + LIT_GAIN * lit[k] * self.beam), 1.0))
