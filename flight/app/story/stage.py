"""The shots of a story scene: the theatre's landscape built once for the scene, relit for each shot's time of day
and weather (flight.app.scene.relight), the shot's figures stood on the ground, and the camera moved as
flight.story.playhead says."""
from __future__ import annotations

import numpy as np
from panda3d.core import NodePath, Point3

from flight.app import frames
from flight.app.flight.cutaways import stand
from flight.app.model_files import load_model
from flight.app.scene.placed_models import theatre_landscape
from flight.app.scene.relight import relight
from flight.sim.map.theatre import load_theatre
from flight.story.playhead import Frame
from flight.story.scenes import Scene, Shot

FOV_DEG = 50.0  # horizontal, of which the Academy picture shows the middle three quarters


class Stage:
    """The scene's 3D half under the app's render; `show(frame)` puts a shot's frame on it."""

    def __init__(self, app, scene: Scene, quality: str):
        self.app = app
        self.root = app.render.attach_new_node("story-stage")
        theatre = load_theatre(scene.theatre)
        terrain = theatre.terrain()
        self.ground = lambda n, e: float(terrain.height_at(np.array([n]), np.array([e]))[0])
        shots = [beat.shot for beat in scene.beats if beat.shot is not None]
        self.landscape = None
        if shots:
            first = shots[0]
            focus = (*np.add(first.where, first.camera_from[:2]), first.camera_from[2])
            self.landscape = theatre_landscape(theatre, self.root, quality, first.time, focus,
                                               theatre.base_height)  # the clouds over the lie of the land
            self.landscape.follow(app.camera, app.task_mgr)
        self.models: dict[str, NodePath] = {}
        self.shot: Shot | None = None
        self.figures: list[NodePath] = []
        app.camera.reparent_to(app.render)
        app.camLens.set_fov(FOV_DEG)
        app.camLens.set_near_far(0.5, 12000.0)

    def show(self, frame: Frame) -> None:
        """The shot of `frame` (a new one relit and peopled first), its camera and figures where they are now."""
        shot = frame.beat.shot
        if shot is not self.shot:
            self._cut_to(shot)
        for node, (north, east, facing) in zip(self.figures, frame.figures):
            stand(node, np.add(shot.where, (north, east)), facing, self.ground)
        self.app.camera.set_pos(self._point(shot, frame.eye))
        self.app.camera.look_at(self._point(shot, frame.aim))

    def _point(self, shot: Shot, offset) -> Point3:
        north, east = np.add(shot.where, offset[:2])
        return Point3(*frames.position_to_panda(np.array([north, east, -(self.ground(north, east) + offset[2])])))

    def _cut_to(self, shot: Shot) -> None:
        self.shot = shot
        app = self.app
        relight(self.root, self.landscape, app.camera, app.set_background_color, shot.time, shot.weather)
        for node in self.figures:
            node.remove_node()
        self.figures = [self._model(figure.model).copy_to(self.root) for figure in shot.figures]
        north, east = np.add(shot.where, shot.camera_from[:2])
        self.landscape.settle((north, east, -(self.ground(north, east) + shot.camera_from[2])), near_only=True)

    def _model(self, name: str) -> NodePath:
        """The model of models/<name>.glb, its lowest point on the ground (an aircraft's origin is its centre of
        gravity, above its wheels)."""
        if name not in self.models:
            model = load_model(f"{name}.glb")
            holder = NodePath(name)
            model.reparent_to(holder)
            model.set_z(-min(model.get_tight_bounds()[0].z, 0.0))
            self.models[name] = holder
        return self.models[name]

    def destroy(self) -> None:
        if self.landscape is not None:
            self.landscape.destroy()
        self.root.remove_node()
