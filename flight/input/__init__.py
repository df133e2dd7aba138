"""Player input: every device becomes one quantised ControlFrame per tick, the only input the simulation sees.

`ControlFrame` and the keyboard/mouse reader are pure Python and numpy and import no panda3d: the app forwards
Panda3D's events to them as plain strings and numbers, so they run and are tested headless. So is the layer for
game controllers: the Device interface (device), profiles (profiles, default_bindings), axis curves (curves),
bindings.toml (bindings_file), reading a device (reader), merging devices with the keyboard (mixer), the settings
screen's capture and stick navigation (capture, navigation) and `flight devices` (devices_command). Only
panda_devices imports panda3d: it wraps Panda3D's InputDevice to the Device interface.
"""
from flight.input.bindings import DEFAULT_BINDINGS
from flight.sim.command import BLIP, CLEAR_JAM, FIRE, NEUTRAL, ControlFrame
from flight.input.keyboard import KeyboardMouse

__all__ = ["BLIP", "CLEAR_JAM", "FIRE", "ControlFrame", "DEFAULT_BINDINGS", "KeyboardMouse", "NEUTRAL"]
