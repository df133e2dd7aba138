"""Cameras that follow the player's aircraft. The chase camera rides behind and above on a spring-damper so it
lags a little in turns, and never goes below the terrain."""
from __future__ import annotations

import numpy as np
from panda3d.core import NodePath, Vec3


class ChaseCamera:
    def __init__(self, camera: NodePath, ground_height, distance: float = 16.0, height: float = 4.0,
                 stiffness: float = 30.0):
        self.camera = camera
        self.ground_height = ground_height  # (north, east) -> metres, the world's terrain
        self.distance, self.height, self.stiffness = distance, height, stiffness
        self.position: Vec3 | None = None
        self.velocity = Vec3(0, 0, 0)

    def update(self, target: NodePath, dt: float) -> None:
        """Spring towards the point behind and above the target, look at it; dt is the frame time."""
        render = target.get_top()
        wanted = render.get_relative_point(target, Vec3(0, -self.distance, self.height))
        if self.position is None:
            self.position = Vec3(wanted)
        damping = 2.0 * np.sqrt(self.stiffness)  # critically damped
        accel = (wanted - self.position) * self.stiffness - self.velocity * damping
        self.velocity += accel * min(dt, 0.05)
        self.position += self.velocity * min(dt, 0.05)
        floor = float(self.ground_height(np.array([self.position.y]), np.array([self.position.x]))[0]) + 1.5
        if self.position.z < floor:
            self.position.z = floor
        self.camera.set_pos(self.position)
        self.camera.look_at(target, Vec3(0, 2.0, 0.5))
