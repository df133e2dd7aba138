"""Mouse aim (Settings > Mouse aim): the pointer marks a direction in the world, the one under it from the camera,
and the assists (flight.sim.run.assists: Assisted.aim) fly the aircraft towards it in coordinated turns, so a
newcomer flies by pointing. With the pointer still the aircraft keeps turning until its nose is under it; the
ring shows the aim, the cross where the nose (and the guns) point. Stick keys override their own axes."""
from __future__ import annotations

import math

from direct.gui.OnscreenText import OnscreenText
from panda3d.core import NodePath, Point2, Point3, TextNode

AIM_COLOUR = (1.0, 1.0, 1.0, 0.85)
NOSE_COLOUR = (1.0, 0.85, 0.4, 0.9)
NOSE_AHEAD = 500.0  # m ahead of the aircraft where the nose marker is taken


def aim_under_pointer(camera: NodePath, lens, render: NodePath, x: float, y: float) -> tuple[float, float]:
    """The world direction under the pointer at (x, y) (-1..1 window units) as the sim's (heading, flight-path
    angle) in radians: heading clockwise from north, the angle up from the horizon."""
    near, far = Point3(), Point3()
    lens.extrude(Point2(x, y), near, far)
    ray = render.get_relative_vector(camera, far - near)  # Panda3D: x east, y north, z up
    horizontal = math.hypot(ray.x, ray.y)
    return math.atan2(ray.x, ray.y), math.atan2(ray.z, horizontal)


class MouseAim:
    """The markers on `parent` (aspect2d); `update` moves them and returns the aim for the assists."""

    def __init__(self, parent: NodePath, aspect: float):
        self.aspect = aspect
        self.ring = OnscreenText(text="O", parent=parent, scale=0.07, fg=AIM_COLOUR, align=TextNode.A_center,
                                 mayChange=False)
        self.nose = OnscreenText(text="+", parent=parent, scale=0.11, fg=NOSE_COLOUR, align=TextNode.A_center,
                                 mayChange=False)

    def update(self, camera: NodePath, lens, render: NodePath, pointer: tuple[float, float] | None,
               nose_world: Point3) -> tuple[float, float] | None:
        """The aim under `pointer` (None: no pointer, no aim), with the ring on it and the cross on the nose's
        point `nose_world` (render coordinates) where the camera sees it."""
        if pointer is None:
            self.ring.hide()
            self.nose.hide()
            return None
        x, y = pointer
        self.ring.show()
        self.ring.set_pos(x * self.aspect, 0, y - 0.025)
        seen = Point2()
        if lens.project(camera.get_relative_point(render, nose_world), seen):
            self.nose.show()
            self.nose.set_pos(seen.x * self.aspect, 0, seen.y - 0.04)
        else:
            self.nose.hide()
        return aim_under_pointer(camera, lens, render, x, y)

    def destroy(self) -> None:
        self.ring.destroy()
        self.nose.destroy()
