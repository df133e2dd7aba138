"""The aerodrome's furniture on the terrain: two canvas hangars at the field edge, a windsock, three parked Camels.

Everything sits on the same heightfield the flight model uses for ground contact (`terrain.height_at`). The
layout is in the field's own frame, `forward` along the take-off heading (into the wind) and `right` 90 deg
clockwise from it; the start spot at the centre and the take-off run ahead of it stay clear.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
from panda3d.core import NodePath

from flight.app import frames
from flight.assets.buildings import HANGAR_DEPTH, HANGAR_WIDTH
from flight.sim.dynamics import Fleet, load_aircraft
from flight.sim.world import Terrain

# (forward, right) in metres from the centre; the hangars stand side by side on the left, their openings facing
# the field (to the right), the Camels parked in a row in front of them, the sock off the hangars' upwind corner
HANGARS = ((-12.0, -200.0), (12.0, -200.0))
CAMELS = ((-22.0, -172.0), (0.0, -172.0), (22.0, -172.0))
WINDSOCK = (60.0, -185.0)

Loader = Callable[[str], NodePath]


def aerodrome_node(loader_fn: Loader, terrain: Terrain, centre_ned_north_east: tuple[float, float],
                   heading_deg: float) -> NodePath:
    """A node (parent it under the scene root) holding the aerodrome's hangars, windsock and parked Camels around
    `centre` (north, east), laid out for take-off on `heading_deg` (compass, into the wind). `loader_fn(filename)`
    returns a fresh NodePath for a file in models/, e.g. `load_model`."""
    root = NodePath("aerodrome")
    north0, east0 = (float(v) for v in centre_ned_north_east)
    h = np.radians(heading_deg)
    forward, right = np.array([np.cos(h), np.sin(h)]), np.array([-np.sin(h), np.cos(h)])  # (north, east)

    def spot(along: float, across: float) -> tuple[float, float]:
        north, east = np.array([north0, east0]) + along * forward + across * right
        return float(north), float(east)

    def ground(north: float, east: float) -> float:
        return float(terrain.height_at(np.array([north]), np.array([east]))[0])

    hangar = loader_fn("canvas_hangar.glb")
    facing = -(heading_deg + 90.0)  # Panda3D heading turns anticlockwise; the opening faces `right`, the field
    for i, (along, across) in enumerate(HANGARS):
        north, east = spot(along, across)
        node = hangar.copy_to(root)
        node.set_name(f"hangar_{i}")
        node.set_h(facing)
        # stand on the lowest ground under the footprint (its depth runs across the field), so no corner floats
        half_width, half_depth = HANGAR_WIDTH / 2, HANGAR_DEPTH / 2
        z = min(ground(*spot(along + a, across + b)) for a in (-half_width, 0.0, half_width)
                for b in (-half_depth, 0.0, half_depth))
        node.set_pos(*frames.position_to_panda(np.array([north, east, -z])))

    sock = loader_fn("windsock.glb")
    sock.reparent_to(root)
    sock.set_name("windsock")
    north, east = spot(*WINDSOCK)
    sock.set_pos(*frames.position_to_panda(np.array([north, east, -ground(north, east)])))
    sock.find("**/sock").set_h(-(heading_deg + 180.0))  # streaming downwind

    # the 3-point attitude and CG height come from the flight model itself: one Camel reset on flat ground
    fleet = Fleet([load_aircraft("camel")])
    fleet.reset(0, heading=heading_deg, on_ground=True)
    cg_down, attitude = float(fleet.pos[0, 2]), fleet.quat[0].copy()
    camel = loader_fn("camel.glb")
    camel.flatten_strong()  # parked, its parts never move: fewer draw calls (35 geoms become 22)
    for i, (along, across) in enumerate(CAMELS):
        north, east = spot(along, across)
        node = camel.copy_to(root)
        node.set_name(f"parked_camel_{i}")
        frames.set_node_transform(node, np.array([north, east, cg_down - ground(north, east)]), attitude)
    return root
