"""The small interface every game controller is read through, and what a connected one is. Panda3D's InputDevice
is wrapped to it by flight.input.panda_devices (the one module here that imports panda3d); tests pass plain
duck-typed fakes, since Panda3D's device classes cannot be made from Python.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

from flight.input.profiles import Bindings, DeviceProfile, Source

# Panda3D device classes that are game controllers; "unknown" ones count when they have axes (throttle
# quadrants and pedals often are unknown), keyboards, mice and the like never do
CONTROLLER_CLASSES = ("gamepad", "flight_stick", "steering_wheel")


class Device(Protocol):
    """A game controller as the readers see it.

        class FakeStick:
            name, vendor_id, product_id, device_class = "Stick", 0x046D, 0xC215, "flight_stick"
            axis_names, button_names = ("x", "y"), ("trigger",)
            connected, can_rumble = True, False
            def find_axis(self, name): return {"x": 0.3, "y": 0.0}.get(name)
            def axis(self, index): return (0.3, 0.0)[index]
            def find_button(self, name): return False if name == "trigger" else None
            def button(self, index): return False
            def rumble(self, strong, weak): pass
    """
    name: str
    vendor_id: int
    product_id: int
    device_class: str  # Panda3D's DeviceClass name: "gamepad", "flight_stick", "unknown", ...
    axis_names: tuple[str, ...]  # per axis index; "" where the system names none
    button_names: tuple[str, ...]  # per button index; "" where the system names none
    connected: bool
    can_rumble: bool

    def find_axis(self, name: str) -> float | None:
        """The named axis's value (-1..1 or 0..1), None if the device has no such axis."""

    def axis(self, index: int) -> float:
        """Axis `index`'s value."""

    def find_button(self, name: str) -> bool | None:
        """Whether the named button is down, None if the device has no such button."""

    def button(self, index: int) -> bool:
        """Whether button `index` is down."""

    def rumble(self, strong: float, weak: float) -> None:
        """Low- and high-frequency motor strengths, 0..1 (no-op without vibration)."""


def device_id(device: Device) -> str | None:
    """"vendor:product" in hex like "046d:c215", or None when the system does not say."""
    vendor, product = int(device.vendor_id or 0), int(device.product_id or 0)
    return f"{vendor:04x}:{product:04x}" if vendor or product else None


def is_controller(device: Device) -> bool:
    return device.device_class in CONTROLLER_CLASSES or (device.device_class == "unknown"
                                                          and len(device.axis_names) > 0)


def resolve_axis(device: Device, sources: tuple[Source, ...]) -> int | None:
    """The index of the axis `sources` reads on this device (its first source the device has), or None."""
    for source in sources:
        if isinstance(source, int):
            if 0 <= source < len(device.axis_names):
                return source
        elif source and source in device.axis_names:
            return device.axis_names.index(source)
    return None


def read_axis(device: Device, sources: tuple[Source, ...]) -> float | None:
    """The first of `sources` the device has (a name or an index), or None; a non-finite reading is None too."""
    for source in sources:
        if isinstance(source, int):
            value = device.axis(source) if 0 <= source < len(device.axis_names) else None
        else:
            value = device.find_axis(source)
        if value is not None:
            value = float(value)
            return value if math.isfinite(value) else None
    return None


def read_button(device: Device, source: Source) -> bool:
    if isinstance(source, int):
        return 0 <= source < len(device.button_names) and bool(device.button(source))
    return bool(device.find_button(source))


def axis_label(device: Device, index: int) -> str:
    name = device.axis_names[index] if index < len(device.axis_names) else ""
    return f"{index} {name}" if name else str(index)


def source_label(source: tuple[Source, ...] | Source) -> str:
    """How a binding's source reads on screen: "x", "axis 3", "roll/x"."""
    sources = source if isinstance(source, tuple) else (source,)
    return "/".join(f"#{s}" if isinstance(s, int) else s for s in sources)


@dataclass
class Connection:
    """A controller that is plugged in, under the key the app knows it by, with the profile it flies with."""
    key: object
    device: Device
    profile: DeviceProfile

    @classmethod
    def of(cls, key, device: Device, bindings: Bindings) -> Connection:
        """The connection of `device`, with the profile the bindings give it."""
        return cls(key, device, bindings.profile_for(device.name, device_id(device), device.device_class))

    @property
    def name(self) -> str:
        return self.device.name

    def rebind(self, bindings: Bindings) -> None:
        self.profile = Connection.of(self.key, self.device, bindings).profile
