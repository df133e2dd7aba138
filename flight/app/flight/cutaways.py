"""Staged scenes a mission cuts to with `m.scene(name, seconds)` (a "scene" event in its log): the app plays them
for that many seconds of mission time while the world ticks on, and the mission's captions show over them.

- "grenade": a cut to black, the blast heard over it (the sound mixer's, flight.sound.sound_mixer), the caption
  telling the rest.
- "gate_dawn": the camp gate at dawn: Allison slumped by the gun, Oberst Ehrlich walking down from his house to
  him, stopping, and saluting.
"""
from __future__ import annotations

import numpy as np
from direct.gui.DirectGui import DirectFrame
from panda3d.core import NodePath, Vec3

from flight.app import frames
from flight.app.model_files import load_model
from flight.app.scene.relight import relight
from flight.sim.dynamics import DT
from flight.sim.world.seats.gate.gate_seat import GateSeat

WALK_SHARE = 0.55  # of the scene he walks; then he halts, salutes and holds it
HALT_M = 1.8  # Ehrlich stops this far from Allison
SALUTE_AFTER_S = 1.5  # after halting
CAMERA_FROM_GUN = (-14.0, -6.0, 1.7)  # north, east, up of the gun: south-west of it, the gun and the house in view


class BlackOut:
    """A black card over the 3D view (the HUD's captions stay over it; the grenade's blast is the sound mixer's,
    flight.sound.sound_mixer, heard from the cut's tick)."""

    def __init__(self, app, start_tick: int, seconds: float):
        self.end_tick = start_tick + round(seconds / DT)
        self.card = DirectFrame(frameColor=(0, 0, 0, 1), frameSize=(-3, 3, -1, 1), sortOrder=-10)

    def update(self, tick: int, camera, lens) -> bool:
        """False once the scene is over."""
        return tick < self.end_tick

    def destroy(self) -> None:
        self.card.destroy()


class GateDawn:
    """The dawn at the gate. `gun` (north, east) of the gate's gun, `house_door` (north, east) of the commandant's."""

    @classmethod
    def of(cls, view, start_tick: int, seconds: float) -> GateDawn | None:
        """The scene for the flight view's level, or None where it has no gate."""
        gate = view.level.seat_specs.get(GateSeat.table)
        if gate is None:
            return None
        return cls(view, start_tick, seconds, gate.gun, commandant_door(view.level, gate.gun))

    def __init__(self, view, start_tick: int, seconds: float, gun, house_door):
        self.start_tick, self.end_tick = start_tick, start_tick + round(seconds / DT)
        height_at = view.world.terrain.height_at
        self.ground = lambda n, e: float(height_at(np.array([n]), np.array([e]))[0])
        self.gun, self.door = np.asarray(gun, float), np.asarray(house_door, float)
        to_door = (self.door - self.gun) / np.linalg.norm(self.door - self.gun)
        self.halt = self.gun + to_door * HALT_M
        self.root = view.root.attach_new_node("gate-dawn")
        self.allison = self._figure("figure_running.glb", self.gun - np.array([0.0, 1.1]),
                                    np.degrees(np.arctan2(*to_door[::-1])) + 180.0)
        self.allison.set_p(-70.0)  # slumped back against the sandbags
        self.ehrlich = self._figure("figure_standing.glb", self.door, 0.0)
        self.arm = _salute_arm(self.ehrlich)
        self.camera_at = self.gun + np.array(CAMERA_FROM_GUN[:2])
        _to_dawn(view)

    def _figure(self, model: str, where, heading_deg: float) -> NodePath:
        node = load_model(model)
        node.reparent_to(self.root)
        self._place(node, where, heading_deg)
        return node

    def _place(self, node: NodePath, where, heading_deg: float) -> None:
        stand(node, where, heading_deg, self.ground)

    def update(self, tick: int, camera, lens) -> bool:
        """Walk, halt and salute by the scene's clock; the camera watches from by the road. False once over."""
        seconds = (tick - self.start_tick) * DT
        path = self.halt - self.door
        walk_s = WALK_SHARE * (self.end_tick - self.start_tick) * DT
        where = self.door + path * min(seconds / walk_s, 1.0)
        self._place(self.ehrlich, where, np.degrees(np.arctan2(path[1], path[0])))
        if seconds > walk_s + SALUTE_AFTER_S:
            self.arm.show()
        render = self.root.get_top()
        if camera.get_parent() != render:
            camera.reparent_to(render)
        ground = self.ground(*self.camera_at)
        x, y, z = frames.position_to_panda(np.array([*self.camera_at, -(ground + CAMERA_FROM_GUN[2])]))
        camera.set_pos(x, y, z)
        focus = self.gun + 0.35 * (where - self.gun)  # Allison in the picture, and Ehrlich coming to him
        fx, fy, fz = frames.position_to_panda(np.array([*focus, -(self.ground(*focus) + 1.0)]))
        camera.look_at(Vec3(fx, fy, fz))
        lens.set_near(0.5)
        return tick < self.end_tick

    def destroy(self) -> None:
        self.root.remove_node()


def stand(node: NodePath, where, heading_deg: float, ground) -> None:
    """Stand `node` on the ground at `where` (north, east), facing the compass bearing `heading_deg`; `ground(north,
    east)` is the height there. The story's shots place their figures with it too."""
    x, y, z = frames.position_to_panda(np.array([where[0], where[1], -ground(*where)]))
    node.set_pos(x, y, z)
    node.set_h(-heading_deg)


def _salute_arm(figure: NodePath) -> NodePath:
    """A right forearm raised to the cap's peak, hidden until he salutes (the figure has no arm of its own to move)."""
    arm = load_model("figure_standing.glb").find("**/+GeomNode").copy_to(figure)
    arm.set_scale(0.18, 0.18, 0.3)  # a sliver of the figure's own uniform, as long as a forearm
    arm.set_pos(0.28, 0.05, 1.15)
    arm.set_hpr(0.0, 0.0, 40.0)
    arm.hide()
    return arm


def _to_dawn(view) -> None:
    """Relight the flight's scene for dawn (flight.app.scene.relight); the night's stars, lamps and flare glows go."""
    relight(view.root, view.landscape, view.app.camera, view.app.set_background_color, "dawn")
    if view.night is not None:
        view.night.destroy()
        view.night = None
    for node in view.root.find_all_matches("**/lit-windows"):
        node.hide()


def commandant_door(level, gun) -> tuple[float, float]:
    """(north, east) of the commandant's door: 5 m out from his house's middle, the way it faces (the theatre's
    [camp]); without a theatre, beside the gate's gun at `gun` (north, east)."""
    if level.theatre is None:
        return gun[0] - 20.0, gun[1] + 20.0
    from flight.sim.map.theatre import load_theatre
    placed = load_theatre(level.theatre).features()
    k = placed.select("commandant_house")[0]
    facing = np.radians(placed.facing_deg[k])
    return placed.north[k] + 5.0 * np.cos(facing), placed.east[k] + 5.0 * np.sin(facing)


CUTAWAYS = {  # a mission's m.scene(name, seconds) -> what plays it: (view, start_tick, seconds) -> scene or None
    "grenade": lambda view, start, seconds: BlackOut(view.app, start, seconds),
    "gate_dawn": GateDawn.of,
}


def cutaway_for(view, scene):
    """The staged scene for the mission's `scene` (flight.sim.missions.snapshot.Scene) in the flight `view`; None
    for a name no cut-away plays (the story goes on without it)."""
    make = CUTAWAYS.get(scene.name)
    return None if make is None else make(view, scene.start_tick, scene.seconds)
