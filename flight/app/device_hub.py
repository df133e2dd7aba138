"""The game controllers plugged in, for the whole life of the app: Panda3D's connect-device and
disconnect-device events at any time (menus or flight), each controller attached to ShowBase's data graph so it
is polled every frame, its profile from the bindings, and its one-press buttons (pause, cameras, HUD) turned
into the key events the game already answers.

    hub = DeviceHub(app, bindings)
    hub.listen(lambda change, connection: ...)     # "connected", "disconnected", "rebound"
"""
from __future__ import annotations

from collections.abc import Callable

from direct.showbase.DirectObject import DirectObject

from flight.input.device import Connection, is_controller
from flight.input.panda_devices import as_device, is_panda_device
from flight.input.profiles import Bindings
from flight.input.device_reading import read

# one-press button actions, as the keys the game answers to (the flight screen: escape; FlightView: F1-F4, C, H, wheel)
PRESS_EVENTS = {"pause": "escape", "view_cockpit": "f1", "view_chase": "f2", "view_orbit": "f3", "view_free": "f4",
                "view_next": "c", "hud_detail": "h", "zoom_in": "wheel_up", "zoom_out": "wheel_down"}
UI_TASK_SORT = 5  # after the data graph has polled the devices (-50), before the flight ticks (10)

Listener = Callable[[str, Connection], None]


class DeviceHub:
    """`connections` (key -> Connection) are the controllers plugged in, in the order they came. A screen
    with its own stick handling sets `menu_owner` so the one-press buttons stop sending key events."""

    def __init__(self, app, bindings: Bindings):
        self.app = app
        self.bindings = bindings
        self.connections: dict[object, Connection] = {}
        self.listeners: list[Listener] = []
        self.menu_owner = None
        self._held: dict[object, frozenset[str]] = {}
        self._count = 0
        self.events = DirectObject()
        self.events.accept("connect-device", self.connect)
        self.events.accept("disconnect-device", self.disconnect)
        for device in app.devices.get_devices():  # plugged in before the game started: no event for those
            self.connect(device)
        app.task_mgr.add(self._press_buttons, "device-buttons", sort=UI_TASK_SORT)

    def listen(self, listener: Listener) -> None:
        self.listeners.append(listener)

    def forget(self, listener: Listener) -> None:
        if listener in self.listeners:
            self.listeners.remove(listener)

    def connect(self, raw) -> Connection | None:
        """A device was plugged in (Panda3D's InputDevice, or a test's fake): keep it if it is a game
        controller, attach it so Panda3D polls it, and tell the listeners."""
        if raw in self.connections:
            return self.connections[raw]
        device = as_device(raw)
        if not is_controller(device) or not device.connected:  # an Xbox receiver lists pads that are off
            return None
        if is_panda_device(raw):
            self._count += 1
            self.app.attach_input_device(raw, prefix=f"controller{self._count}")
        connection = Connection.of(raw, device, self.bindings)
        self.connections[raw] = connection
        self._held[raw] = read(connection).held  # a button held while plugging in is no press
        self._tell("connected", connection)
        return connection

    def disconnect(self, raw) -> None:
        connection = self.connections.pop(raw, None)
        if connection is None:
            return
        self._held.pop(raw, None)
        if is_panda_device(raw):
            self.app.detach_input_device(raw)
        self._tell("disconnected", connection)

    def set_bindings(self, bindings: Bindings) -> None:
        """New bindings (saved on the settings screen): every controller takes its profile again."""
        self.bindings = bindings
        for connection in self.connections.values():
            connection.rebind(bindings)
            self._tell("rebound", connection)

    def rumble(self, strong: float, weak: float) -> None:
        for connection in self.connections.values():
            if connection.device.can_rumble:
                connection.device.rumble(strong, weak)

    def _tell(self, change: str, connection: Connection) -> None:
        for listener in list(self.listeners):
            listener(change, connection)

    def _press_buttons(self, task):
        for key, connection in self.connections.items():
            held = read(connection).held
            pressed = held - self._held.get(key, frozenset())
            self._held[key] = held
            if self.menu_owner is None:
                for action in sorted(pressed & PRESS_EVENTS.keys()):
                    self.app.messenger.send(PRESS_EVENTS[action])
        return task.cont

    def destroy(self) -> None:
        self.app.task_mgr.remove("device-buttons")
        self.events.ignore_all()
        for raw in list(self.connections):
            self.disconnect(raw)
        self.listeners.clear()
