"""What a night flight adds to the scene (flight.app.scene.ground_and_sky sets the moonlight and the dark haze): the stars and
the moon, lamplight in the camp's windows, and the flashes, flames and aerodrome flares that light what is near
them. The flight view builds it for a level flown at night and draws it every frame."""
from __future__ import annotations

import numpy as np
from panda3d.core import NodePath

from flight.app import frames
from flight.app.scene.effects import Effects
from flight.app.scene.lit_windows import lit_windows
from flight.app.scene.night_lights import NightLights, Sources, flare_path
from flight.app.scene.night_sky import night_sky


def home_heading(level) -> float:
    """The landing heading at the level's home aerodrome: its theatre airfield's nearest it, else the start's."""
    if level.theatre is None:
        return level.start_heading
    from flight.sim.map.theatre import load_theatre
    fields = load_theatre(level.theatre).airfields.values()
    nearest = min(fields, key=lambda a: np.hypot(a.north - level.aerodrome[0], a.east - level.aerodrome[1]))
    return nearest.landing_heading_deg


class Night:
    """Build with the flight's root, the camera, the level and its world; `draw` once a frame."""

    def __init__(self, root: NodePath, camera: NodePath, level, world):
        self.root, self.camera = root, camera
        self.sky = night_sky(level.time_of_day)
        self.sky.reparent_to(camera)
        if level.theatre is not None:
            from flight.sim.map.theatre import load_theatre
            lit_windows(load_theatre(level.theatre).features(), world.terrain.height_at).reparent_to(root)
        flares = flare_path(level.aerodrome[:2], level.aerodrome[2], home_heading(level))
        self.lights = NightLights(root, world.fleet.specs, world.terrain.height_at, flares)
        self.extra = None  # more sources for this frame (the gate's flashes), set by whoever draws them

    def draw(self, previous_pos: np.ndarray, previous_quat: np.ndarray, latest, alpha: float) -> None:
        pos = frames.lerp(previous_pos, latest.pos, alpha)
        quat = frames.nlerp(previous_quat, latest.quat, alpha)
        c = latest.combat
        flashes = Effects.flashes(c, pos, quat)[0] if c is not None else np.zeros((0, 3))
        sources = self.lights.sources(latest, pos, quat, flashes, alpha)
        if self.extra is not None:
            sources = Sources.joined([sources, self.extra])
        x, y, z = self.camera.get_pos(self.root)
        orientation = self.camera.get_quat(self.root)
        flicker = 0.5 + 0.5 * np.sin(latest.tick * 1.7) * np.cos(latest.tick * 0.63)
        self.lights.draw(sources, np.array([y, x, -z]), np.array(orientation.get_right()),
                         np.array(orientation.get_up()), flicker)

    def destroy(self) -> None:
        self.lights.destroy()
        self.sky.remove_node()
