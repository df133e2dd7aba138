"""The view from the bomber's rear gun ring (flight.sim.world.seats.rear_gun): the camera at the gun's pivot (the gun
that points farthest aft, as the world's rear-gun seat picks it), a little behind and above it, looking along the
gun as the snapshot's `rear_gun_aim` lays it (azimuth from the nose, + right; elevation + up)."""
from __future__ import annotations

import numpy as np
from panda3d.core import NodePath, Vec3

from flight.sim.world.seats.rear_gun import RearGunSeat

EYE_BEHIND_M, EYE_UP_M = 0.7, 0.35  # the gunner's eye: behind the pivot along the gun, and over it
NEAR_M = 0.1


class RearGunView:
    """The rear gun seat on screen: its camera while manned, and the player's own gunner hidden meanwhile (a type
    without one, or a modder's model, finds none)."""

    def __init__(self, aircraft: NodePath, pivot_body: np.ndarray):
        self.aircraft, self.pivot_body = aircraft, pivot_body
        self.gunner = aircraft.find("**/gunner_rear")

    @classmethod
    def of(cls, view) -> RearGunView:
        seat = view.world.seats[RearGunSeat.name]
        return cls(view.aircraft, np.array(view.world.combat.guns.position[seat.gun], dtype=float))

    def place_camera(self, camera: NodePath, lens, snapshot) -> bool:
        """The camera at the ring, along the gun; False before the world has laid it (no aim yet)."""
        if snapshot.rear_gun_aim is None:
            return False
        place_camera(camera, lens, self.aircraft, self.pivot_body, snapshot.rear_gun_aim)
        return True

    def occupied(self, player_here: bool) -> None:
        if not self.gunner.is_empty():
            self.gunner.show() if not player_here else self.gunner.hide()

    def draw(self, snapshot, alpha: float, right: np.ndarray, up: np.ndarray) -> None:
        pass

    def destroy(self) -> None:
        pass


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
