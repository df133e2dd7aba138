"""ControlMixer: the keyboard and every connected controller merged into the one quantised ControlFrame the
simulation flies each tick. Pure Python: the app hands it connections and calls `update(DT)` once per tick, so
the frame depends only on the devices' values at that tick. Imports no panda3d.
"""
from __future__ import annotations

from flight.input.device import Connection
from flight.sim.command import BLIP, CLEAR_JAM, FIRE, RELOAD, REAR_GUN, ControlFrame
from flight.input.gun_aim import GunAim
from flight.input.keyboard import KeyboardMouse
from flight.input.device_reading import Reading, read
from flight.sim.world.seats import FLYING, seat_type

FRAME_BITS = {"fire": FIRE, "blip": BLIP, "clear_jam": CLEAR_JAM, "rear_gun": REAR_GUN}
DEFLECTED = 0.02  # a controller's stick further than this from the centre wins over the keys
LEVER_PICKUP = 0.03  # a throttle lever takes over the throttle once moved this far (of its 0..1 travel)
TRIM_RATE = 0.25  # elevator trim per second while a trim button or key is held
TRIM_LIMIT = 0.5


class ControlMixer:
    """Merges the keyboard reader with the connected controllers.

    - Stick axes (aileron, elevator, rudder): the most deflected controller axis wins; when every controller
      is centred (within DEFLECTED), the keys (and the mouse stick) fly. A controller that goes away simply
      stops counting, so its stick centres.
    - The throttle is one lever, kept in the keyboard reader's `throttle`: keys and throttle buttons move it,
      and a controller's throttle axis takes it over once moved (LEVER_PICKUP) and follows it from then on,
      until a key or button moves the throttle again. Unplugged, the throttle holds where it was.
    - Brake: the most of keys, brake axes and brake buttons. Buttons: the keys' bits or any controller's.
    - Trim: trim buttons and keys move an elevator offset at TRIM_RATE, up to +-TRIM_LIMIT, for the flight.
    - The seat (`seat`, the world's seat name, set by the app each tick; flight.sim.world.seats): at a gun the
      player mans (`aims_gun`) the stick axes slew `aim` (flight.input.gun_aim) and the frame carries the aim
      instead, and the left mouse button (`aim.trigger`) fires too; where the seat `reloads`, clear_jam (R)
      changes the belt: the RELOAD bit. The
      rear_gun action (V) toggles: each press takes the rear gun (in the air only: on the take-off roll the
      pilot keeps the throttle) or gives it back, and the REAR_GUN bit is set on every frame in between; the
      toggle drops when the player is not in his aircraft.

        mixer = ControlMixer(KeyboardMouse())
        mixer.attach(Connection(key, device, profile))
        frame = mixer.update(DT)     # quantised; the replay records frame.to_ints()
    """

    def __init__(self, keyboard: KeyboardMouse):
        self.keyboard = keyboard
        self.connections: dict[object, Connection] = {}
        self.trim = 0.0
        self.key_actions: set[str] = set()  # actions held on keys the keyboard reader does not know (trim)
        self._lever_owner: object | None = None
        self._lever_start: dict[object, float] = {}  # where each throttle lever was when it last gave way
        self._throttle_set: float | None = None  # the throttle as this mixer last left it
        self.seat = FLYING
        self.aim = GunAim()
        self.rear_gun = False  # V's toggle
        self._rear_gun_held = False
        self.airborne = True  # set by the app each tick: the rear gun is taken only in the air
        self.rear_gun_refused = False  # V was pressed on the ground this tick (the app says why)

    @property
    def seat(self) -> str:
        return self._seat.name

    @seat.setter
    def seat(self, name: str) -> None:
        self._seat = seat_type(name)

    def attach(self, connection: Connection) -> None:
        self.connections[connection.key] = connection
        lever = read(connection).axes.get("throttle")  # a lever plugged in takes over once moved from here
        if lever is None:
            self._lever_start.pop(connection.key, None)
        else:
            self._lever_start[connection.key] = lever

    def detach(self, key) -> Connection | None:
        """Forget a controller; the throttle holds its last value."""
        if key == self._lever_owner:
            self._lever_owner = None
        self._lever_start.pop(key, None)
        return self.connections.pop(key, None)

    def update(self, dt: float) -> ControlFrame:
        """Advance the keyboard, trim and throttle by dt and return this tick's quantised frame."""
        keys = self.keyboard.update(dt)
        readings, held = {}, self.key_actions  # the keyboard alone flies without the lookups (this runs every tick)
        if self.connections:
            readings = {key: read(connection) for key, connection in self.connections.items()}
            held = self.key_actions.union(*(reading.held for reading in readings.values()))
        self._throttle(readings, held, dt)
        if held:
            push = ("trim_up" in held) - ("trim_down" in held)
            self.trim = min(max(self.trim + push * TRIM_RATE * dt, -TRIM_LIMIT), TRIM_LIMIT)
        aileron, elevator, rudder, brake = keys.aileron, keys.elevator, keys.rudder, keys.brake
        if readings:
            aileron, elevator, rudder = (_pick(_values(readings, axis), getattr(keys, axis))
                                         for axis in ("aileron", "elevator", "rudder"))
            brake = max([brake, *_values(readings, "brake")])
        if "brake" in held:
            brake = 1.0
        buttons = keys.buttons
        for action in held.intersection(FRAME_BITS):
            buttons |= FRAME_BITS[action]
        buttons = self._seat_buttons(buttons)
        if self._seat.aims_gun:
            self.aim.slew(aileron, elevator, dt)
            aileron, elevator = self.aim.traverse, self.aim.elevation
        else:
            elevator = min(max(elevator + self.trim, -1.0), 1.0)
        frame = (aileron, elevator, rudder, self.keyboard.throttle, brake, buttons)
        # the keyboard's frame is on its steps already: when nothing here changed it, it is this tick's frame
        return keys if frame == keys else ControlFrame.on_steps(*frame)

    def _seat_buttons(self, buttons: int) -> int:
        """The buttons as the seat reads them: V's toggle, R at the gate, the mouse trigger at a gun."""
        pressed = bool(buttons & REAR_GUN)
        self.rear_gun_refused = pressed and not self._rear_gun_held and not self.rear_gun and not self.airborne
        if pressed and not self._rear_gun_held and not self.rear_gun_refused:
            self.rear_gun = not self.rear_gun
        self._rear_gun_held = pressed
        if not self._seat.in_aircraft:
            self.rear_gun = False
        buttons = buttons & ~REAR_GUN | (REAR_GUN if self.rear_gun else 0)
        if self._seat.reloads and buttons & CLEAR_JAM:
            buttons = buttons & ~CLEAR_JAM | RELOAD
        if self._seat.aims_gun and self.aim.trigger:
            buttons |= FIRE
        return buttons

    def _throttle(self, readings: dict[object, Reading], held: set[str], dt: float) -> None:
        keyboard = self.keyboard
        push = ("throttle_up" in held) - ("throttle_down" in held)
        if push:
            keyboard.throttle = min(max(keyboard.throttle + push * keyboard.throttle_rate * dt, 0.0), 1.0)
        if self._throttle_set is not None and keyboard.throttle != self._throttle_set:
            self._lever_owner = None  # keys, buttons or a replay moved it: the levers wait to be moved again
            self._lever_start.clear()
        for key, reading in readings.items():
            lever = reading.axes.get("throttle")
            if lever is None:
                continue
            start = self._lever_start.setdefault(key, lever)
            if key == self._lever_owner or abs(lever - start) > LEVER_PICKUP:
                self._lever_owner = key
                self._lever_start[key] = lever
                keyboard.throttle = lever
        self._throttle_set = keyboard.throttle


def _values(readings: dict[object, Reading], axis: str) -> list[float]:
    return [reading.axes[axis] for reading in readings.values() if axis in reading.axes]


def _pick(values: list[float], key_value: float) -> float:
    """The most deflected controller value, unless all are about centred and the keys are not."""
    best = max(values, key=abs, default=0.0)
    return best if abs(best) > DEFLECTED or key_value == 0.0 else key_value
