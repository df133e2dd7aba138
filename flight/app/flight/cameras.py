"""The player's cameras: cockpit, chase, orbit and free, all driving the one Panda3D camera NodePath, and the rig
that switches between them (F1..F4, C) and routes the mouse. No camera goes below the terrain."""
from __future__ import annotations

import numpy as np
from panda3d.core import NodePath, Vec3

from flight.app.flight.cockpit import BOARD_TOP, DIAL_DROP

CLEARANCE = 1.5  # metres a camera keeps above the ground
DEG_PER_UNIT = 120.0  # mouse drag: degrees per window unit (half the window's width or height)
# the Camel's eyepoint, body (x fwd, y right, z down) = (-0.50, 0, -0.78) m from the CG, in the model frame: the
# pilot's head over the middle of the cockpit opening (the model's, centred 0.55 m aft), 0.6 m behind the breeches
EYE = Vec3(0.0, -0.50, 0.78)
# how far below the eye's level the instrument board's dials are seen, deg (flight.app.flight.cockpit's layout)
DIALS_BELOW_DEG = float(np.degrees(np.arctan2(EYE.z - (BOARD_TOP[2] - DIAL_DROP), BOARD_TOP[1] - EYE.y)))
ORDER = ("cockpit", "chase", "orbit", "free", "flyby")
NEAR = {"cockpit": 0.1, "chase": 0.5, "orbit": 0.5, "free": 0.5, "flyby": 0.5}  # metres; 0.1 shows the cowling and guns


def _floor(ground_height, x: float, y: float) -> float:
    """Lowest camera height over Panda3D (x east, y north)."""
    return float(ground_height(np.array([y]), np.array([x]))[0]) + CLEARANCE


class ChaseCamera:
    """Rides behind and above on a spring-damper so it lags a little in turns."""

    def __init__(self, camera: NodePath, ground_height, distance: float = 16.0, height: float = 4.0,
                 stiffness: float = 30.0):
        self.camera = camera
        self.ground_height = ground_height  # (north, east) -> metres, the world's terrain
        self.distance, self.height, self.stiffness = distance, height, stiffness
        self.position: Vec3 | None = None
        self.velocity = Vec3(0, 0, 0)

    def reset(self) -> None:
        """Snap to the wanted point on the next update instead of springing there."""
        self.position, self.velocity = None, Vec3(0, 0, 0)

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
        self.position.z = max(self.position.z, _floor(self.ground_height, self.position.x, self.position.y))
        self.camera.set_pos(self.position)
        self.camera.look_at(target, Vec3(0, 2.0, 0.5))


class CockpitCamera:
    """At the pilot's eye, a child of the aircraft node; `look` turns the head (yaw right, pitch up, degrees, from
    the resting view) within the cockpit's limits, and after `release_look` it swings back in about 0.3 s. At rest
    the head is tipped forward just enough to keep the instrument board's dials in the bottom of the picture,
    whatever the lens's field of view: the guns and the country ahead fill the rest."""
    YAW_LIMIT, PITCH_RANGE, RECENTRE_S = 150.0, (-45.0, 80.0), 0.08
    REST_PITCH_RANGE = (-14.0, -2.0)

    def __init__(self, camera: NodePath, lens=None):
        self.camera, self.lens = camera, lens
        self.yaw = self.pitch = 0.0
        self.held = False

    def rest_pitch(self) -> float:
        """Degrees the head tips down at rest: the dials' centres sit 72 % of the way from the middle of the picture
        to its bottom edge."""
        half_height = self.lens.get_fov()[1] / 2 if self.lens is not None else 21.5
        return float(np.clip(0.72 * half_height - DIALS_BELOW_DEG, *self.REST_PITCH_RANGE))

    def look(self, yaw_deg: float, pitch_deg: float) -> None:
        self.yaw = float(np.clip(yaw_deg, -self.YAW_LIMIT, self.YAW_LIMIT))
        self.pitch = float(np.clip(pitch_deg, *self.PITCH_RANGE))
        self.held = True

    def release_look(self) -> None:
        self.held = False

    def update(self, target: NodePath, dt: float) -> None:
        if not self.held:
            keep = np.exp(-dt / self.RECENTRE_S)
            self.yaw, self.pitch = self.yaw * keep, self.pitch * keep
        self.camera.set_pos_hpr(EYE, Vec3(-self.yaw, self.rest_pitch() + self.pitch, 0.0))  # heading turns left


class OrbitCamera:
    """Circles the aircraft at `distance`, aimed at it; azimuth clockwise from north, elevation up, degrees.
    Near the ground it slides up its sphere rather than closer, so the distance holds."""
    ELEVATION_LIMIT = 85.0  # short of the pole, where look_at has no heading

    def __init__(self, camera: NodePath, ground_height, distance: float = 25.0):
        self.camera, self.ground_height, self.distance = camera, ground_height, distance
        self.azimuth, self.elevation = 180.0, 15.0
        self.start_from_camera = True

    def drag(self, dx: float, dy: float) -> None:
        """Mouse motion in window units: the scene turns with the pointer."""
        self.azimuth = (self.azimuth + dx * DEG_PER_UNIT) % 360.0
        self.elevation = float(np.clip(self.elevation - dy * DEG_PER_UNIT, -self.ELEVATION_LIMIT,
                                       self.ELEVATION_LIMIT))

    def zoom(self, factor: float) -> None:
        self.distance = float(np.clip(self.distance * factor, 5.0, 500.0))

    def _offset(self) -> Vec3:
        az, el = np.radians(self.azimuth), np.radians(self.elevation)
        return Vec3(np.sin(az) * np.cos(el), np.cos(az) * np.cos(el), np.sin(el)) * self.distance

    def update(self, target: NodePath, dt: float) -> None:
        centre = target.get_pos(target.get_top())
        if self.start_from_camera:  # carry on from where the last camera looked, unless it sat in the aircraft
            self.start_from_camera = False
            last = self.camera.get_pos(target.get_top())
            away = last - centre
            placed = 3.0 < away.length() < 200.0 and last.z > _floor(self.ground_height, last.x, last.y) - 1.0
            if not placed:  # in the cockpit, or never placed: behind the tail and 15 degrees up, whatever the pitch
                ahead = target.get_top().get_relative_vector(target, Vec3(0, 1, 0))
                away = Vec3(-ahead.x, -ahead.y, 0.27 * np.hypot(ahead.x, ahead.y))
            away.normalize()
            self.azimuth = float(np.degrees(np.arctan2(away.x, away.y))) % 360.0
            self.elevation = float(np.clip(np.degrees(np.arcsin(away.z)), -self.ELEVATION_LIMIT,
                                           self.ELEVATION_LIMIT))
        for _ in range(3):  # the ground under the camera moves as it climbs; three passes settle it
            position = centre + self._offset()
            floor = _floor(self.ground_height, position.x, position.y)
            if position.z >= floor or floor - centre.z > self.distance:
                break
            self.elevation = min(float(np.degrees(np.arcsin((floor - centre.z) / self.distance))) + 1e-3,
                                 self.ELEVATION_LIMIT)
        position = centre + self._offset()
        position.z = max(position.z, _floor(self.ground_height, position.x, position.y))  # a steep hill's last cm
        self.camera.set_pos(position)
        self.camera.look_at(centre)


class FreeCamera:
    """Detached from the aircraft: `start` where another camera is, then `move` and `drag` (mouse-look)."""

    def __init__(self, camera: NodePath, ground_height, speed: float = 40.0):
        self.camera, self.ground_height, self.speed = camera, ground_height, speed  # speed in m/s
        self.position, self.heading, self.pitch = Vec3(0, 0, 0), 0.0, 0.0

    def start(self, position: Vec3, hpr: Vec3) -> None:
        self.position, self.heading, self.pitch = Vec3(position), float(hpr[0]), float(hpr[1])

    def drag(self, dx: float, dy: float) -> None:
        """Mouse motion in window units: the view follows the pointer."""
        self.heading -= dx * DEG_PER_UNIT
        self.pitch = float(np.clip(self.pitch + dy * DEG_PER_UNIT, -89.0, 89.0))

    def move(self, forward: float, right: float, up: float, dt: float) -> None:
        """forward along the view, right level, up vertical, each in [-1, 1] of `speed`."""
        h, p = np.radians(self.heading), np.radians(self.pitch)
        ahead = Vec3(-np.sin(h) * np.cos(p), np.cos(h) * np.cos(p), np.sin(p))
        side = Vec3(np.cos(h), np.sin(h), 0.0)
        self.position += (ahead * forward + side * right + Vec3(0, 0, up)) * self.speed * dt

    def update(self, target: NodePath, dt: float) -> None:
        self.position.z = max(self.position.z, _floor(self.ground_height, self.position.x, self.position.y))
        self.camera.set_pos_hpr(self.position, Vec3(self.heading, self.pitch, 0.0))


class FlyByCamera:
    """Stands beside the aircraft's path a few seconds ahead of it and turns to watch it pass, like a spectator
    at the edge of the field; once the aircraft is well past, it goes ahead again."""
    LEAD_S, SIDE_M, UP_M, PASSED_M = 4.0, 30.0, 6.0, 180.0

    def __init__(self, camera: NodePath, ground_height):
        self.camera, self.ground_height = camera, ground_height
        self.position: Vec3 | None = None
        self.last: Vec3 | None = None

    def reset(self) -> None:
        self.position = None

    def update(self, target: NodePath, dt: float) -> None:
        render = target.get_top()
        here = target.get_pos(render)
        speed = (here - self.last).length() / dt if self.last is not None and dt > 1e-4 else 0.0
        self.last = Vec3(here)
        if self.position is None or (here - self.position).length() > self.PASSED_M:
            ahead = render.get_relative_vector(target, Vec3(0, 1, 0))
            right = render.get_relative_vector(target, Vec3(1, 0, 0))
            lead = max(speed, 30.0) * self.LEAD_S
            self.position = here + ahead * lead + right * self.SIDE_M + Vec3(0, 0, self.UP_M)
            self.position.z = max(self.position.z, _floor(self.ground_height, self.position.x, self.position.y))
        self.camera.set_pos(self.position)
        self.camera.look_at(target)


class CameraRig:
    """The view's cameras, one active. It reparents the Panda3D camera (under the aircraft for the cockpit, under
    render otherwise) and sets the lens's near plane for each. Call `update` every frame and `detach` before the
    aircraft's node is removed.

        rig = CameraRig(base.camera, base.camLens, world.terrain.height_at)
        rig.select(rig.keys["f1"]); rig.cycle(); rig.update(aircraft_np, dt)
    """
    keys = {"f1": "cockpit", "f2": "chase", "f3": "orbit", "f4": "free", "f5": "flyby"}

    def __init__(self, camera: NodePath, lens, ground_height, current: str = "chase"):
        self.camera, self.lens = camera, lens
        self.render = camera.get_top()
        self.cockpit = CockpitCamera(camera, lens)
        self.chase = ChaseCamera(camera, ground_height)
        self.orbit = OrbitCamera(camera, ground_height)
        self.free = FreeCamera(camera, ground_height)
        self.flyby = FlyByCamera(camera, ground_height)
        self.current = current
        self.pointer: tuple[float, float] | None = None  # the mouse at the last frame a button was held
        self.select(current)

    @property
    def active(self):
        return getattr(self, self.current)

    def select(self, name: str) -> None:
        if name not in ORDER:
            raise ValueError(f"unknown camera {name!r} (cameras: {', '.join(ORDER)})")
        self.current = name
        self._set_near()
        self.chase.reset()
        self.flyby.reset()
        self.orbit.start_from_camera = True
        self.free.start(self.camera.get_pos(self.render), self.camera.get_hpr(self.render))
        self.cockpit.release_look()

    def cycle(self) -> None:
        self.select(ORDER[(ORDER.index(self.current) + 1) % len(ORDER)])

    def update(self, target: NodePath, dt: float) -> None:
        parent = target if self.current == "cockpit" else self.render
        if self.camera.get_parent() != parent:
            self._reparent(parent)
        self._set_near()  # again each frame, in case the view set the lens after building the rig
        self.active.update(target, dt)

    def _set_near(self) -> None:
        if abs(self.lens.get_near() - NEAR[self.current]) > 1e-6:
            self.lens.set_near(NEAR[self.current])

    def _reparent(self, parent: NodePath) -> None:
        """Move the camera under `parent` where it is, with no scale or shear left from the old parent."""
        pos, hpr = self.camera.get_pos(parent), self.camera.get_hpr(parent)
        self.camera.reparent_to(parent)
        self.camera.clear_transform()
        self.camera.set_pos_hpr(pos, hpr)

    def detach(self) -> None:
        """Back under render, so removing the aircraft's node does not take the camera with it."""
        if self.camera.get_parent() != self.render:
            self._reparent(self.render)

    def look(self, yaw_deg: float, pitch_deg: float) -> None:
        """Cockpit head angles from a hat switch; `release_look` recentres."""
        self.cockpit.look(yaw_deg, pitch_deg)

    def release_look(self) -> None:
        self.cockpit.release_look()

    def zoom(self, factor: float) -> None:
        self.orbit.zoom(factor)

    def move(self, forward: float, right: float, up: float, dt: float) -> None:
        if self.current == "free":
            self.free.move(forward, right, up, dt)

    def mouse(self, x: float, y: float, left: bool, right: bool) -> None:
        """Once a frame: the pointer in window units (-1..1, mouseWatcherNode.get_mouse()) and the held buttons.
        Right-drag turns the head in the cockpit, left-drag swings the orbit and free cameras."""
        held = right if self.current == "cockpit" else left and self.current in ("orbit", "free")
        if not held:
            if self.pointer is not None and self.current == "cockpit":
                self.cockpit.release_look()
            self.pointer = None
            return
        dx, dy = (x - self.pointer[0], y - self.pointer[1]) if self.pointer is not None else (0.0, 0.0)
        self.pointer = (x, y)
        if self.current == "cockpit":
            self.cockpit.look(self.cockpit.yaw + dx * DEG_PER_UNIT, self.cockpit.pitch + dy * DEG_PER_UNIT)
        else:
            self.active.drag(dx, dy)
