"""Player input: every device becomes one quantised ControlFrame (flight.sim.command) per tick, the only input
the simulation sees.

The keyboard/mouse reader is pure Python and imports no panda3d: the app forwards Panda3D's events to it as plain
strings and numbers, so it runs and is tested headless. So is the layer for game controllers: the Device interface
(device), profiles (profiles, default_bindings), axis curves (curves), bindings.toml (bindings_file), reading a
device (device_reading), merging devices with the keyboard (mixer), a gun laid by hand (gun_aim) and the settings
screen's capture and stick navigation (capture, navigation). Only panda_devices imports panda3d: it wraps Panda3D's
InputDevice to the Device interface.
"""
from flight.input.bindings import DEFAULT_BINDINGS
from flight.input.keyboard import KeyboardMouse

__all__ = ["DEFAULT_BINDINGS", "KeyboardMouse"]
