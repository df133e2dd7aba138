"""Duck-typed game controllers for the tests: Panda3D's InputDevice cannot be made from Python, so these speak
the small Device interface (flight.input.device) and the tests set their axes and buttons directly."""
from __future__ import annotations


class FakeDevice:
    """A controller with named axes and buttons ("" for an unnamed one); `set` moves an axis by name or index,
    `press`/`release` a button, `rumbles` records every set_vibration."""

    def __init__(self, name: str, device_class: str, axes: list[str], buttons: list[str], vendor_id: int = 0,
                 product_id: int = 0, values: dict | None = None, can_rumble: bool = False):
        self.name, self.device_class = name, device_class
        self.vendor_id, self.product_id = vendor_id, product_id
        self.axis_names, self.button_names = tuple(axes), tuple(buttons)
        self.values = [0.0] * len(axes)
        self.down = [False] * len(buttons)
        self.connected = True
        self.can_rumble = can_rumble
        self.rumbles: list[tuple[float, float]] = []
        for axis, value in (values or {}).items():
            self.set(axis, value)

    def _index(self, names: tuple[str, ...], which) -> int:
        return which if isinstance(which, int) else names.index(which)

    def set(self, axis, value: float) -> FakeDevice:
        self.values[self._index(self.axis_names, axis)] = float(value)
        return self

    def press(self, button) -> FakeDevice:
        self.down[self._index(self.button_names, button)] = True
        return self

    def release(self, button) -> FakeDevice:
        self.down[self._index(self.button_names, button)] = False
        return self

    def find_axis(self, name: str) -> float | None:
        return self.values[self.axis_names.index(name)] if name and name in self.axis_names else None

    def axis(self, index: int) -> float:
        return self.values[index]

    def find_button(self, name: str) -> bool | None:
        return self.down[self.button_names.index(name)] if name and name in self.button_names else None

    def button(self, index: int) -> bool:
        return self.down[index]

    def rumble(self, strong: float, weak: float) -> None:
        self.rumbles.append((strong, weak))


def xbox_pad(name: str = "Xbox Wireless Controller") -> FakeDevice:
    """As Panda3D reads an Xbox pad on Linux: sticks -1..1 (up is +1), triggers 0..1, the D-pad as buttons."""
    return FakeDevice(name, "gamepad", ["left_x", "left_y", "left_trigger", "right_x", "right_y", "right_trigger"],
                      ["face_a", "face_b", "face_x", "face_y", "lshoulder", "rshoulder", "back", "start", "guide",
                       "lstick", "rstick", "dpad_left", "dpad_right", "dpad_up", "dpad_down"],
                      vendor_id=0x045E, product_id=0x02EA, can_rumble=True)


def flight_stick(name: str = "Logitech Extreme 3D") -> FakeDevice:
    """A stick with a twist, a throttle wheel read 0..1 with full power at 0, twelve buttons and a hat."""
    stick = FakeDevice(name, "flight_stick", ["roll", "pitch", "yaw", "throttle"],
                       ["trigger"] + [f"joystick{n}" for n in range(2, 13)]
                       + ["hat_up", "hat_down", "hat_left", "hat_right"], vendor_id=0x046D, product_id=0xC215)
    return stick.set("throttle", 1.0)  # wheel back: idle


def pedals(name: str = "Thrustmaster TFRP Rudder") -> FakeDevice:
    return FakeDevice(name, "unknown", ["x", "y", "yaw"], [], vendor_id=0x044F, product_id=0xB679,
                      values={"x": -1.0, "y": -1.0})


def throttle_quadrant(name: str = "Saitek Pro Flight Throttle Quadrant") -> FakeDevice:
    return FakeDevice(name, "unknown", ["throttle", "", ""], ["", "", ""], vendor_id=0x06A3, product_id=0x0C2D,
                      values={"throttle": 1.0})
