"""`flight devices`: the game controllers the game can see (class, name, vendor:product, axes, buttons, the
profile they fly with) and, with --watch, their live values in the terminal. Panda3D is imported only when
no device source is given (tests pass fakes); no controller, or no /dev/input at all, is not an error.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from typing import TextIO

from flight.input.bindings_file import load_bindings
from flight.input.device import Device, device_id

INPUT_GROUP_HINT = ("cannot be read by this user: add yourself to the 'input' group "
                    "(sudo usermod -aG input $USER) and log in again")


def describe(device: Device, profile_name: str) -> list[str]:
    """The device's lines in the listing."""
    ident = device_id(device) or "????:????"
    features = ", rumble" if device.can_rumble else ""
    axes = ", ".join(f"{i} {name}" if name else str(i) for i, name in enumerate(device.axis_names)) or "none"
    buttons = ", ".join(f"{i} {name}" if name else str(i) for i, name in enumerate(device.button_names)) or "none"
    return [f"{device.device_class}  {device.name}  {ident}  {len(device.axis_names)} axes  "
            f"{len(device.button_names)} buttons{features}  profile: {profile_name}",
            f"    axes: {axes}", f"    buttons: {buttons}"]


def live_line(device: Device) -> str:
    """One line of a device's current values: every axis, then the buttons held."""
    axes = "  ".join(f"{name or i}:{device.axis(i):+.2f}" for i, name in enumerate(device.axis_names))
    held = [name or str(i) for i, name in enumerate(device.button_names) if device.button(i)]
    return f"{device.name[:24]:24}  {axes}  buttons: {', '.join(held) or '-'}"


def run(watch: bool = False, seconds: float | None = None, source: Callable[[], Sequence[Device]] | None = None,
        unreadable: Callable[[], list[tuple[str, str]]] | None = None, out: TextIO | None = None,
        err: TextIO | None = None) -> int:
    """List (and with `watch`, follow for `seconds` or until Ctrl-C) the controllers from `source`, by default
    Panda3D's. Returns the exit code: 0, also when none is attached."""
    out, err = out or sys.stdout, err or sys.stderr
    if source is None or unreadable is None:
        from flight.input.panda_devices import ControllerSource, unreadable_joysticks
        source = source or ControllerSource().controllers
        unreadable = unreadable or unreadable_joysticks
    bindings, message = load_bindings()
    if message:
        print(f"flight devices: {message}", file=err)
    devices = list(source())
    for path, name in unreadable():
        print(f"flight devices: {path} ({name}) {INPUT_GROUP_HINT}", file=err)
    if not devices:
        print("No game controllers attached (the keyboard and mouse always fly).", file=out)
        return 0
    for device in devices:
        profile = bindings.profile_for(device.name, device_id(device), device.device_class)
        print("\n".join(describe(device, profile.name)), file=out)
    if watch:
        _watch(source, seconds, out)
    return 0


def _watch(source: Callable[[], Sequence[Device]], seconds: float | None, out: TextIO) -> None:
    """Redraw the values in place ten times a second on a terminal; piped, one block a second."""
    terminal = out.isatty()
    interval = 0.1 if terminal else 1.0
    end = None if seconds is None else time.monotonic() + seconds
    drawn = 0
    print("Watching (Ctrl-C to stop):", file=out)
    try:
        while end is None or time.monotonic() < end:
            devices = list(source())
            for device in devices:
                poll = getattr(device, "poll", None)
                if poll is not None:
                    poll()
            lines = [live_line(device) for device in devices] or ["(no controllers attached)"]
            if terminal and drawn:
                out.write(f"\x1b[{drawn}F\x1b[J")  # back to the first line of the last block, clear below
            out.write("\n".join(lines) + "\n")
            out.flush()
            drawn = len(lines)
            time.sleep(interval if end is None else max(0.0, min(interval, end - time.monotonic())))
    except KeyboardInterrupt:
        pass
