"""Flying a level on screen: the world ticks in fixed steps from the player's keyboard and mouse, and the scene,
camera and HUD draw the newest snapshot, the aircraft interpolated between the last two ticks."""
from __future__ import annotations

import dataclasses
import secrets
from typing import TYPE_CHECKING

import numpy as np
from panda3d.core import ClockObject, MouseButton, Point3

from flight.app.flight.cameras import CameraRig
from flight.app.flight.cockpit import InstrumentBoard
from flight.app.flight.cutaways import cutaway_for
from flight.app.flight.ghost import Ghost
from flight.app.flight.loop import MIN_REAL_TIME_FPS, FixedStepLoop
from flight.app.flight.mouse_aim import NOSE_AHEAD, MouseAim
from flight.app.flight.aircraft_nodes import AircraftNodes
from flight.app.scene.effects import Effects
from flight.app.scene.night import Night
from flight.app.scene.night_lights import Sources
from flight.app.flight.seat_views import seat_views
from flight.app.scene.placed_models import level_landscape
from flight.app.scene.ground_and_sky import add_sky_and_light
from flight.app.flight.flight_controls import FlightControls
from flight.app.flight.flight_sound import FlightSound
from flight.input import KeyboardMouse
from flight.sim.dynamics import DT
from flight.hud.hud import Hud
from flight.sim.missions import MissionError
from flight.sim.missions.snapshot import MissionSnapshot, Scene
from flight.sim.replay.live import LiveRecording
from flight.sim.world import load_level
from flight.sim.run.assists import MOUSE_AIM, Assisted
from flight.sim.run.driver import Driver
from flight.sim.run.sortie import Ending, Sortie
from flight.sim.world.seats import FLYING, seat_type

if TYPE_CHECKING:
    from flight.app.app import FlightApp


def new_seed() -> int:
    """A fresh seed for each flight (the replay header keeps it): the wall clock chooses it, the sim never reads it."""
    return secrets.randbits(31)


SLOW_NOTE = (f"Running slow: under {MIN_REAL_TIME_FPS:.0f} frames a second the flight falls behind the clock. "
             "Settings > Quality: low")
SLOW_NOTE_EVERY_S = 30.0
REAR_GUN_ON_GROUND = "The rear gun once she is off the ground: on the roll you keep the throttle (V in the air)"
TICK_TASK_SORT = 10  # after the event manager (0), before drawing (igLoop, 50)

class FlightView:
    """World, scene and HUD of one flight; `paused` stops the ticks. The sortie is flown live from the keyboard
    and mouse and recorded (with `record`), or driven by a replay's `playback` (then `speed` x real time) until
    `take_control`; a `ghost` replay of the same level flies alongside, translucent."""

    def __init__(self, app: FlightApp, level: str, playback=None, ghost=None, record: bool = True):
        self.app = app
        self.paused = False
        self.speed = 1.0
        settings = app.settings
        self.level = load_level(level)
        self.playback = playback
        self.sortie = playback.sortie if playback else Sortie(self.level, seed=new_seed(),
                                                                  difficulty=settings.difficulty)
        self.world = self.sortie.world
        self.recording = LiveRecording(self.sortie) if record and playback is None else None
        self.driver = Driver(self.sortie, self.recording)  # the player's frames in: quantised, ticked, recorded
        self.end: Ending | None = None
        self.error: str | None = None  # a mission script error, one line
        self.mission_shown: MissionSnapshot | None = None  # what the HUD last showed of the mission
        self.latest = self.world.snapshot()
        self.previous_pose = self.latest.pos, self.latest.quat
        self.loop = FixedStepLoop()
        self.slow_noted_at = -round(SLOW_NOTE_EVERY_S / DT)  # the tick the HUD last said the flight runs slow
        self.keys = KeyboardMouse(app.controllers.bindings.flying_keys(), axis_rate=settings.axis_rate,
                                  mouse_stick=settings.mouse_stick and not settings.mouse_aim)
        self.root = app.render.attach_new_node("flight")
        add_sky_and_light(self.root, app.set_background_color, self.level.time_of_day)
        self.landscape = level_landscape(self.level, self.world, self.root, settings.quality)
        self.landscape.follow(app.camera, app.task_mgr)
        self.aircraft_nodes = AircraftNodes(self.root, self.world.fleet.specs)
        self.aircraft = self.aircraft_nodes.models[0]  # the player's: the cameras and the cockpit ride on it
        self.effects = Effects(self.root, app.camera, self.level.time_of_day)
        self.night = Night(self.root, app.camera, self.level, self.world) if self.level.time_of_day == "night" else None
        self.seat_views = seat_views(self)  # the seats with a view of their own (flight.app.flight.seat_views)
        self.cutaway = None  # a scene the mission cut to (flight.app.flight.cutaways), while it plays
        self.pointer = None  # the mouse where it was last frame, for aiming a gun by its motion
        app.camLens.set_fov(settings.fov_deg)
        app.camLens.set_near_far(0.5, 12000)
        self.camera = CameraRig(app.camera, app.camLens, self.world.terrain.height_at)
        self._bind_view_keys()
        if playback is None:
            self._bind_flying_keys()
        self.ghost = Ghost(self.root, ghost) if ghost is not None else None
        nation = self.world.fleet.specs[0].nation
        self.instruments = InstrumentBoard(self.aircraft, lambda: self.latest, app.task_mgr)
        self.followed = 0  # whose HUD and which aircraft the cameras show (a replay can follow any)
        self._focused = None, 0, None  # (latest, followed) and the snapshot followed_snapshot made of them
        self.hud = Hud(app, self.followed_snapshot, app.task_mgr, nation,
                       units=None if settings.units == "auto" else settings.units)
        app.accept("h", self.hud.cycle_detail)
        self.controls = FlightControls(app, self.keys, self.camera, self.hud, lambda: self.latest)  # + controllers
        self.assisted = Assisted(lambda sortie: self.controls.update(DT), settings.assists())
        self.mouse_aim: MouseAim | None = None
        self._set_mouse_aim(settings.mouse_aim and playback is None)
        self.hud.set_assists(self._assist_names(settings) if playback is None else [])
        self.sound = FlightSound(app, [spec.name for spec in self.world.fleet.specs], self.sortie.seed, level)
        app.task_mgr.add(self._tick, "flight-tick", sort=TICK_TASK_SORT)
        app.task_mgr.add(self._draw, "flight-draw", sort=TICK_TASK_SORT + 1)

    def _bind_flying_keys(self) -> None:
        for key in self.keys.bindings:
            self.app.accept(key, self.keys.press, [key])
            self.app.accept(f"{key}-up", self.keys.release, [key])

    def _bind_view_keys(self) -> None:
        for key, name in CameraRig.keys.items():
            self.app.accept(key, self.camera.select, [name])
        self.app.accept("c", self.camera.cycle)
        self.app.accept("wheel_up", self.camera.zoom, [0.9])
        self.app.accept("wheel_down", self.camera.zoom, [1.1])

    def _ignore_keys(self) -> None:
        for key in (*self.keys.bindings, *(f"{k}-up" for k in self.keys.bindings), *CameraRig.keys, "c", "h",
                    "wheel_up", "wheel_down"):
            self.app.ignore(key)

    def apply_settings(self, settings) -> None:
        """Settings saved from the pause overlay reach the live flight."""
        self.keys.axis_rate = settings.axis_rate
        self.keys.mouse_stick = settings.mouse_stick and not settings.mouse_aim
        self.assisted.settings = settings.assists()
        self._set_mouse_aim(settings.mouse_aim and self.playback is None)
        self.hud.set_assists(self._assist_names(settings))
        self.hud.set_units(settings.hud_units(self.world.fleet.specs[0].nation))
        self.landscape.set_quality(settings.quality)

    def result(self) -> dict:
        """The sortie's result for the debrief, with the HUD's units and the assists that flew and for how long."""
        result = self.sortie.result() | {"units": self.hud.units}
        if self.playback is None and self.assisted.settings.any:
            result["assists"] = {"names": self.assisted.settings.names(),
                                 "acting_s": round(self.assisted.assisted_ticks * DT)}
        return result

    def tick(self) -> None:
        """One fixed step (tests and `flight shot` step the flight with this)."""
        self.advance(1)

    def advance(self, ticks: int) -> None:
        """Run `ticks` fixed steps, reading the player's controls at the tick rate, then take the one snapshot
        the frame draws (the pose before the last step is all the interpolation needs from the one before)."""
        if ticks == 0:
            return
        fleet = self.world.fleet
        for tick in range(ticks):
            if self.sortie.end is not None or (self.playback is not None and self.playback.at_end):
                if tick:  # it ended on an earlier step of this frame: drawn where it stopped
                    self.previous_pose = fleet.pos.copy(), fleet.quat.copy()
                break
            if tick == ticks - 1:
                self.previous_pose = fleet.pos.copy(), fleet.quat.copy()
            try:
                if self.playback is not None:
                    self.playback.step()
                else:
                    self.controls.mixer.seat = self.world.seat
                    self.controls.mixer.airborne = not self.world.fleet.on_ground[0]
                    self.driver.step(self.assisted(self.sortie))
                    if self.controls.mixer.rear_gun_refused:
                        self.hud.messages.say("Note", REAR_GUN_ON_GROUND, seconds=4.0)
            except MissionError as error:  # the level's script broke: the state takes the player to the menu
                self.error = str(error)
                self.paused = True
                return
            if self.ghost is not None:
                self.ghost.step()
        self.latest = self.world.snapshot()
        self.hud.assists_acting = self.assisted.active
        self.end = self.sortie.end
        if self.end is not None:
            self.driver.finish()
        if self.recording is not None and self.recording.problem:
            self.hud.messages.say("Recorder", self.recording.problem, seconds=10.0)
            self.recording = self.driver.recorder = None
        self.show_mission()

    def show_mission(self) -> None:
        """From the mission's snapshot: its line on screen now into the HUD, a scene it has cut to since the last
        snapshot, and its objectives into the list."""
        shown = self.mission_shown
        mission = self.sortie.mission_snapshot()
        self.hud.messages.show_mission_line(mission.on_air)
        if mission.scene is not None and mission.scene != (shown.scene if shown is not None else None):
            self.cut_to(mission.scene)
        if mission.objectives != self.hud.objectives.objectives:  # (checking them all each frame costs)
            self.hud.objectives.set(mission.objectives)
        self.mission_shown = mission

    def _tick(self, task):
        if not self.paused:
            self.advance(self.loop.ticks_for(ClockObject.get_global_clock().get_dt(), self.speed))
            self.note_if_slow()
        return task.cont

    def note_if_slow(self) -> None:
        """Below MIN_REAL_TIME_FPS the flight runs slower than the clock: say so, again every SLOW_NOTE_EVERY_S
        of game time while it lasts."""
        if self.loop.slow and self.latest.tick >= self.slow_noted_at + round(SLOW_NOTE_EVERY_S / DT):
            self.slow_noted_at = self.latest.tick
            self.hud.messages.say("Note", SLOW_NOTE, seconds=6.0)

    @property
    def recording_path(self):
        """The replay file of this flight, if it is being (or was) recorded."""
        return self.recording.path if self.recording is not None else None

    def show_current(self) -> None:
        """Draw the sortie as it is now, with no motion to interpolate (after a seek)."""
        self.latest = self.world.snapshot()
        self.previous_pose = self.latest.pos, self.latest.quat
        self.end = self.sortie.end
        self.mission_shown = self.sortie.mission_snapshot()  # a scene cut to before the jump is not played again
        self.show_mission()

    def take_control(self, writer) -> None:
        """The player flies on from this tick: the keys start from the replay's throttle, and `writer` (the new
        recording with the replay's inputs so far) records what they do."""
        self.playback = None
        self.speed = 1.0
        self.keys.throttle = float(self.world.fleet.applied[0, 3])
        self.recording = self.driver.recorder = LiveRecording(writer=writer)
        self._bind_flying_keys()

    def cut_to(self, scene: Scene) -> None:
        """Play the mission's `scene` (flight.app.flight.cutaways); an unknown one is skipped, the story goes on."""
        if self.cutaway is not None:
            self.cutaway.destroy()
        self.cutaway = cutaway_for(self, scene)

    def _draw(self, task):
        self.draw(self.loop.alpha)
        seat = self.latest.seat
        watcher = self.app.mouseWatcherNode  # None offscreen: a buffer has no mouse
        if watcher is not None and watcher.has_mouse():
            x, y = watcher.get_mouse_x(), watcher.get_mouse_y()
            if seat_type(seat).aims_gun:
                self.aim_by_mouse(x, y, watcher.is_button_down(MouseButton.one()))
            else:
                self.pointer = None
                if self.keys.mouse_stick:
                    self.keys.mouse_move(x, y)
                self.camera.mouse(x, y, watcher.is_button_down(MouseButton.one()),
                                  watcher.is_button_down(MouseButton.three()))
        self.place_camera(seat)
        if self.mouse_aim is not None:
            pointer = (x, y) if watcher is not None and watcher.has_mouse() and seat == FLYING else None
            nose = self.app.render.get_relative_point(self.aircraft_nodes.models[0], Point3(0, NOSE_AHEAD, 0))
            self.assisted.aim = self.mouse_aim.update(self.app.camera, self.app.camLens, self.app.render, pointer,
                                                      nose)
        self.sound.update(self.latest, self.app.camera, self.root, ClockObject.get_global_clock().get_dt(),
                          self.paused, self.speed, self.app.settings.volumes(),
                          self.mission_shown.scene if self.mission_shown is not None else None)
        return task.cont

    def _assist_names(self, settings) -> list[str]:
        return settings.assists().names() + ([MOUSE_AIM] if settings.mouse_aim else [])

    def _set_mouse_aim(self, on: bool) -> None:
        """Mouse aim on (its markers made) or off (the assists fly no aim)."""
        if on and self.mouse_aim is None:
            self.mouse_aim = MouseAim(self.app.aspect2d, self.app.getAspectRatio())
        elif not on and self.mouse_aim is not None:
            self.mouse_aim.destroy()
            self.mouse_aim = None
            self.assisted.aim = None

    def aim_by_mouse(self, x: float, y: float, trigger: bool) -> None:
        """At a gun: the pointer's motion since the last frame moves the aim, the left button fires."""
        aim = self.controls.mixer.aim
        if self.pointer is not None:
            aim.mouse_moved(x - self.pointer[0], y - self.pointer[1])
        self.pointer = (x, y)
        aim.trigger = trigger

    def place_camera(self, seat: str) -> None:
        """The mission's scene if one plays, else the seat's own view (the gate's gun, the rear gun ring), or the
        player's camera."""
        lens = self.app.camLens
        if self.cutaway is not None and not self.cutaway.update(self.latest.tick, self.app.camera, lens):
            self.cutaway.destroy()
            self.cutaway = None
        self.hud.set_scene(self.cutaway is not None)
        if self.cutaway is not None:
            return
        seat_view = self.seat_views.get(seat)
        if seat_view is None or not seat_view.place_camera(self.app.camera, lens, self.latest):
            self.camera.update(self.aircraft_nodes.models[self.followed], ClockObject.get_global_clock().get_dt())
        for name, other in self.seat_views.items():
            other.occupied(name == seat)
        self.hud.set_seat(seat)

    def follow(self, step: int = 1) -> None:
        """Follow the next (or previous) aircraft still in the air or in one piece: cameras and HUD."""
        n = self.world.fleet.n
        self.followed = (self.followed + step) % n
        self.camera.select(self.camera.current)  # the chase and orbit cameras start afresh on the new aircraft

    def followed_snapshot(self):
        """The newest snapshot with the followed aircraft first, so the HUD (which reads index 0) shows it: made
        once a frame for all the widgets that ask."""
        latest, followed, focused = self._focused
        if latest is not self.latest or followed != self.followed:
            focused = focus(self.latest, self.followed)
            self._focused = self.latest, self.followed, focused
        return focused

    def draw(self, alpha: float) -> None:
        """Place the aircraft between the last two ticks and move their propellers and control surfaces."""
        self.aircraft_nodes.draw(*self.previous_pose, self.latest, alpha)
        self.effects.draw(*self.previous_pose, self.latest, alpha)
        orientation = self.app.camera.get_quat(self.root)
        right, up = np.array(orientation.get_right()), np.array(orientation.get_up())
        for seat_view in self.seat_views.values():
            seat_view.draw(self.latest, alpha, right, up)
        if self.night is not None:
            extra = [view.light_sources for view in self.seat_views.values()
                     if getattr(view, "light_sources", None) is not None]  # the gate's flashes
            self.night.extra = Sources.joined(extra) if extra else None
            self.night.draw(*self.previous_pose, self.latest, alpha)
        if self.ghost is not None:
            self.ghost.draw(alpha)

    def destroy(self) -> None:
        if self.end is None:  # left mid-flight: the file still gets its outcome
            self.driver.finish(dict(self.sortie.result(), outcome="abandoned", reason="left the flight"))
        self.app.task_mgr.remove("flight-tick")
        self.app.task_mgr.remove("flight-draw")
        self.sound.destroy()
        self._ignore_keys()
        self.controls.destroy()
        self.hud.destroy()
        self.instruments.destroy()
        if self.cutaway is not None:
            self.cutaway.destroy()
        self.camera.detach()  # before the aircraft's node goes: the cockpit camera rides on it
        if self.night is not None:
            self.night.destroy()
        self.landscape.destroy()  # its sky dome rides on the camera, outside the flight's root
        self.root.remove_node()
        self.app.render.clear_fog()


def focus(snapshot, index: int):
    """`snapshot` with aircraft `index` moved to the front of every per-aircraft array."""
    if index == 0:
        return snapshot
    n = len(snapshot.pos)
    order = [index] + [i for i in range(n) if i != index]
    changes = {}
    for field in dataclasses.fields(snapshot):
        value = getattr(snapshot, field.name)
        if isinstance(value, np.ndarray) and value.ndim and len(value) == n:
            changes[field.name] = value[order]
        elif isinstance(value, tuple) and len(value) == n:
            changes[field.name] = tuple(value[i] for i in order)
        elif field.name == "combat" and value is not None:
            changes[field.name] = value.reordered(order)
    return dataclasses.replace(snapshot, **changes)
