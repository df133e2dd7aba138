"""Panda3D's InputDevice behind the small Device interface (flight.input.device): the one module of
flight.input that imports panda3d. The game's readers, mixer and settings screen see only that interface.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from panda3d.core import InputDevice, InputDeviceManager, loadPrcFileData

from flight.input.device import Device, is_controller


class PandaDevice:
    """One InputDevice, read by axis and button name or index (the names are Panda3D's: "x", "left_y",
    "throttle", "trigger", "face_a", "hat_up"; "" where Panda3D has none)."""

    def __init__(self, device: InputDevice):
        self.device = device
        self.name = device.name or "controller"
        self.vendor_id, self.product_id = int(device.vendor_id), int(device.product_id)
        self.device_class = device.device_class.name
        self.axis_names = tuple(_named(state.axis.name) for state in device.axes)
        self.button_names = tuple(_named(state.handle.name) for state in device.buttons)
        self.can_rumble = bool(device.has_feature(InputDevice.Feature.vibration))
        self._axis_index = {name: i for i, name in reversed(list(enumerate(self.axis_names))) if name}
        self._button_index = {name: i for i, name in reversed(list(enumerate(self.button_names))) if name}

    @property
    def connected(self) -> bool:
        return bool(self.device.connected)

    def find_axis(self, name: str) -> float | None:
        index = self._axis_index.get(name)
        return None if index is None else self.axis(index)

    def axis(self, index: int) -> float:
        return float(self.device.axes[index].value)

    def find_button(self, name: str) -> bool | None:
        index = self._button_index.get(name)
        return None if index is None else self.button(index)

    def button(self, index: int) -> bool:
        return bool(self.device.buttons[index].pressed)

    def rumble(self, strong: float, weak: float) -> None:
        if self.can_rumble:
            self.device.set_vibration(float(strong), float(weak))

    def poll(self) -> None:
        """Read the device's pending events (attached to ShowBase's data graph, it is polled every frame)."""
        self.device.poll()


def _named(name: str) -> str:
    return "" if name == "none" else name


def is_panda_device(device) -> bool:
    return isinstance(device, InputDevice)


def as_device(device) -> Device:
    """A Panda3D InputDevice wrapped; anything else (a test's fake) is taken to speak Device already."""
    return PandaDevice(device) if is_panda_device(device) else device


class ControllerSource:
    """The game controllers Panda3D sees, without a window (for `flight devices`)."""

    def __init__(self):
        loadPrcFileData("flight-devices", "notify-level-device fatal\n")  # no /dev/input is no error here
        self.manager = InputDeviceManager.get_global_ptr()

    def controllers(self) -> list[PandaDevice]:
        self.manager.update()  # picks up devices plugged in since the last call
        devices = [PandaDevice(device) for device in self.manager.get_devices()]
        return [device for device in devices if is_controller(device)]


def unreadable_joysticks() -> list[tuple[str, str]]:
    """(event file, device name) of the joysticks and gamepads in /dev/input that this user cannot read (on
    Linux: not in the `input` group); the kernel's sysfs names them, and marks joysticks with a js* node."""
    if not sys.platform.startswith("linux"):
        return []
    found = []
    for event in sorted(Path("/dev/input").glob("event*")):
        sysfs = Path("/sys/class/input") / event.name / "device"
        try:
            joystick = any(child.name.startswith("js") for child in sysfs.iterdir())
            name = (sysfs / "name").read_text().strip()
        except OSError:
            continue
        if joystick and not os.access(event, os.R_OK):
            found.append((str(event), name))
    return found
