"""The player's controls in one flight: the keyboard and every connected controller merged into one quantised
ControlFrame per tick (`update`, called by the flight view's fixed-step loop, so the sim never reads a device);
a HUD line when a controller comes or goes; looking round the cockpit with a hat or a right stick; and, if the
settings ask for it, rumble on firing and on being hit."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from direct.showbase.DirectObject import DirectObject
from panda3d.core import ClockObject

from flight.input.device import Connection
from flight.sim.command import ControlFrame
from flight.input.keyboard import KeyboardMouse
from flight.input.mixer import ControlMixer
from flight.input.device_reading import read

if TYPE_CHECKING:
    from flight.app.app import FlightApp

LOOK_HAT_DEG = (90.0, 40.0)  # yaw, pitch of the head for a hat held right or up
LOOK_STICK_DEG = (150.0, 70.0)  # for a right stick at full deflection
FIRE_RUMBLE = (0.0, 0.35, 0.08)  # strong motor, weak motor, seconds: a buzz per burst
HIT_RUMBLE = (0.8, 0.4, 0.3)  # a thump when the aircraft is hit
TASK_SORT = 9  # before the flight view draws (11): the head turns in the same frame


class FlightControls:
    """Owns the flight's ControlMixer. `snapshot` returns the latest WorldSnapshot (for rumble)."""

    def __init__(self, app: FlightApp, keys: KeyboardMouse, camera, hud, snapshot):
        self.app, self.camera, self.hud, self.snapshot = app, camera, hud, snapshot
        self.hub = app.controllers
        self.mixer = ControlMixer(keys)
        self.events = DirectObject()
        for key, action in self.hub.bindings.trim_keys().items():
            self.events.accept(key, self.mixer.key_actions.add, [action])
            self.events.accept(f"{key}-up", self.mixer.key_actions.discard, [action])
        for connection in self.hub.connections.values():
            self.mixer.attach(connection)
        self.hub.listen(self._changed)
        self.looking = False
        self.rumble_until: float | None = None
        self._last_rounds_and_damage: tuple[float, float] | None = None
        app.task_mgr.add(self._frame, "flight-controls", sort=TASK_SORT)

    def update(self, dt: float) -> ControlFrame:
        """This tick's quantised frame from the keys and the controllers as they are now."""
        return self.mixer.update(dt)

    def _changed(self, change: str, connection: Connection) -> None:
        if change == "connected":
            self.mixer.attach(connection)
            self.hud.messages.say("Controls", f"{connection.name} connected ({connection.profile.name})", 4.0)
        elif change == "disconnected":
            self.mixer.detach(connection.key)
            others = [c.name for c in self.mixer.connections.values()]
            flying = f"flying on {', '.join(others)} and the keyboard" if others else "the keyboard flies"
            throttle = round(self.mixer.keyboard.throttle * 100)
            self.hud.messages.say("Controls", f"{connection.name} unplugged: stick centred, throttle held at "
                                              f"{throttle} %; {flying}", 6.0)

    def _frame(self, task):
        self._look()
        self._rumble()
        return task.cont

    def _look(self) -> None:
        """The cockpit head follows a hat (look_* buttons) or look axes while they are off centre."""
        look = None
        for connection in self.mixer.connections.values():
            reading = read(connection)
            held = reading.held
            hat = (("look_right" in held) - ("look_left" in held), ("look_up" in held) - ("look_down" in held))
            stick = (reading.axes.get("look_yaw", 0.0), reading.axes.get("look_pitch", 0.0))
            if any(hat):
                look = (hat[0] * LOOK_HAT_DEG[0], hat[1] * LOOK_HAT_DEG[1])
            elif any(stick):
                look = (stick[0] * LOOK_STICK_DEG[0], stick[1] * LOOK_STICK_DEG[1])
        if look is not None:
            self.camera.look(*look)
            self.looking = True
        elif self.looking:
            self.camera.release_look()
            self.looking = False

    def _rumble(self) -> None:
        """Buzz when the player's guns fire (their rounds go down), thump when the aircraft is hit (its damage
        goes up), on controllers that can; off unless the settings turn it on."""
        snapshot = self.snapshot()
        rounds, damage = _player_rounds(snapshot), _player_damage(snapshot)
        last, self._last_rounds_and_damage = self._last_rounds_and_damage, (rounds, damage)
        now = ClockObject.get_global_clock().get_frame_time()
        if self.rumble_until is not None and now >= self.rumble_until:
            self.hub.rumble(0.0, 0.0)
            self.rumble_until = None
        if last is not None and self.app.settings.rumble:
            last_rounds, last_damage = last
            for happened, (strong, weak, seconds) in ((damage > last_damage, HIT_RUMBLE),
                                                       (rounds < last_rounds, FIRE_RUMBLE)):
                if happened:
                    self.hub.rumble(strong, weak)
                    self.rumble_until = now + seconds
                    break

    def destroy(self) -> None:
        self.app.task_mgr.remove("flight-controls")
        self.events.ignore_all()
        self.hub.forget(self._changed)
        if self.rumble_until is not None:
            self.hub.rumble(0.0, 0.0)
        if self.looking:
            self.camera.release_look()


def _player_rounds(snapshot) -> float:
    """Rounds left in the player's guns (0 for a world without guns)."""
    ammunition = getattr(snapshot, "ammunition", None)
    return float(np.clip(ammunition[0], 0, None).sum()) if ammunition is not None else 0.0


def _player_damage(snapshot) -> float:
    """How damaged the player's aircraft is, summed over its parts (1 intact .. 0 gone each)."""
    damage = getattr(snapshot, "damage", None)
    return float((1.0 - np.asarray(damage[0])).sum()) if damage is not None else 0.0
