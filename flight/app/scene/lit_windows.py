"""Lamplight at night in the camp's huts, the commandant's house and the hangars: warm quads just proud of the
windows (and of the hangars' open fronts), unlit and glowing, all in one mesh. Where the windows are comes from
the models' builders (flight.assets.camp, .buildings); which of them are lit is fixed per building, so a replay
shows the same ones."""
from __future__ import annotations

import numpy as np
from panda3d.core import NodePath

from flight.app import frames
from flight.app.scene.ground_and_sky import linear, mesh_node
from flight.assets.buildings import HANGAR_DEPTH, WOODEN_HANGAR
from flight.sim.map.features import Placements

LAMPLIGHT = (1.0, 0.72, 0.36)
LIT_SHARE = 0.6  # of the windows with a lamp behind them
_BARRACKS_XS = tuple(float(x) for x in np.arange(-13.0, 13.5, 3.25) if abs(x) > 1.5)
# model -> windows as (x, y, z, half width, half height) in the model's frame (x right, y front, z up); a window
# on the back wall has y < 0
WINDOWS = {
    "barracks": [(x, side * 4.05, 1.6, 0.5, 0.45) for x in _BARRACKS_XS for side in (1, -1)],
    "commandant_house": [(x, side * 4.05, z, 0.45, 0.7) for x in (-4.0, -2.0, 2.0, 4.0) for z in (1.7, 4.4)
                         for side in (1, -1)],
    "wooden_hangar": [(0.0, WOODEN_HANGAR[1] / 2 + 0.05, 2.0, 7.0, 2.0)],  # the open front, dimmer
    "canvas_hangar": [(0.0, HANGAR_DEPTH / 2 + 0.05, 2.0, 6.0, 2.0)],
}
DIM = {"wooden_hangar": 0.35, "canvas_hangar": 0.35}


def lit_windows(placed: Placements, height_at, seed: int = 5) -> NodePath:
    """One glowing mesh of the lit windows of every building in `placed` that has windows (two-sided quads)."""
    rng = np.random.default_rng(seed)
    points, colours, tris = [], [], []
    ground = placed.ground(height_at)
    for k, model in enumerate(placed.model):
        for x, y, z, half_w, half_h in WINDOWS.get(model, ()):
            if rng.random() > LIT_SHARE and model not in DIM:
                continue
            corners = np.array([[x - half_w, y, z - half_h], [x + half_w, y, z - half_h],
                                [x + half_w, y, z + half_h], [x - half_w, y, z + half_h]])
            base = sum(len(p) for p in points)
            points.append(_to_ned(corners, placed.north[k], placed.east[k], ground[k], placed.facing_deg[k]))
            warmth = DIM.get(model, 1.0) * rng.uniform(0.7, 1.0)
            colours.append(np.tile(linear(np.array(LAMPLIGHT) * warmth), (4, 1)))
            tris.append(np.array([[0, 1, 2], [0, 2, 3]]) + base)
    if not points:
        return NodePath("lit-windows")
    node = NodePath(mesh_node("lit-windows", frames.position_to_panda(np.concatenate(points)),
                              np.concatenate(colours), np.concatenate(tris)))
    node.set_two_sided(True)
    node.set_light_off()
    node.set_fog_off()  # a lamp is seen through the haze long after the wall it is in
    return node


def _to_ned(corners: np.ndarray, north: float, east: float, ground: float, facing_deg: float) -> np.ndarray:
    """Model-frame points of a building facing `facing_deg` (its +Y) at (north, east) on the ground, to NED."""
    f = np.radians(facing_deg)
    front, right = np.array([np.cos(f), np.sin(f)]), np.array([-np.sin(f), np.cos(f)])
    north_east = np.array([north, east]) + corners[:, 0:1] * right + corners[:, 1:2] * front
    return np.column_stack([north_east, -(ground + corners[:, 2])])
