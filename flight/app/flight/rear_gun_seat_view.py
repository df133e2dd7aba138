"""The view from the bomber's rear gun ring (`world.seat == "rear_gun"`): the camera at the gun's pivot (the gun
that points farthest aft, as the world's rear-gun seat picks it), a little behind and above it, looking along the
gun as the snapshot's `rear_gun_aim` lays it (azimuth from the nose, + right; elevation + up)."""
from __future__ import annotations

import numpy as np
from panda3d.core import NodePath, Vec3

EYE_BEHIND_M, EYE_UP_M = 0.7, 0.35  # the gunner's eye: behind the pivot along the gun, and over it
NEAR_M = 0.1


def rear_gun_pivot(world) -> np.ndarray | None:
    """Body-axes pivot (3,) of the gun the world's rear-gun seat mans (its muzzle's place), or None."""
    seat = world.rear_gun
    return None if seat is None else np.array(world.combat.guns.position[seat.gun], dtype=float)


def place_camera(camera: NodePath, lens, aircraft: NodePath, pivot_body: np.ndarray, aim_rad) -> None:
    """The camera under the aircraft's node (its model frame: +Y forward, +X right, +Z up) at the ring."""
    azimuth, elevation = (float(np.degrees(a)) for a in aim_rad)
    if camera.get_parent() != aircraft:
        camera.reparent_to(aircraft)
    x, y, z = pivot_body
    pivot = Vec3(y, x, -z)
    camera.set_hpr(-azimuth, elevation, 0.0)  # Panda3D's heading turns anticlockwise
    along = aircraft.get_relative_vector(camera, Vec3(0.0, 1.0, 0.0))
    camera.set_pos(pivot - along * EYE_BEHIND_M + Vec3(0.0, 0.0, EYE_UP_M))
    lens.set_near(NEAR_M)
