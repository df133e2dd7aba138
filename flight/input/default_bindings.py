"""The bindings a new player starts with: the keyboard, gamepads in the Xbox layout, flight sticks, separate
throttles and rudder pedals. Axis directions follow Panda3D's readings on Linux (evdev): a flight stick's pitch
reads -1 pushed forward, a gamepad's stick +1 pushed up, yaw and rudder axes -1 to the right (Panda3D reverses
them for a right-handed frame). Where devices disagree (throttle levers above all), the settings screen's
"move the control" capture sets the direction from the player's own movement. Imports no panda3d.
"""
from __future__ import annotations

from flight.input.bindings import DEFAULT_BINDINGS
from flight.input.curves import AxisShape
from flight.input.profiles import AxisBinding, Bindings, DeviceProfile

KEYBOARD = {**DEFAULT_BINDINGS, "[": "trim_down", "]": "trim_up"}

# many HID sticks read their throttle wheel 0..1 with full power at 0, the Y axis's "forward is low"
STICK_THROTTLE = AxisShape(raw_range=(0.0, 1.0), invert=True, dead_zone=0.02)
RUDDER = AxisShape(invert=True, dead_zone=0.05, expo=0.2)

GAMEPAD = DeviceProfile(
    name="Gamepad (Xbox layout)",
    classes=("gamepad",),
    axes=(
        AxisBinding("aileron", "left_x", AxisShape(dead_zone=0.1, expo=0.3)),
        AxisBinding("elevator", "left_y", AxisShape(invert=True, dead_zone=0.1, expo=0.3)),  # stick up: nose down
        AxisBinding("rudder", "right_trigger", AxisShape(dead_zone=0.05), minus="left_trigger"),
        AxisBinding("look_yaw", "right_x", AxisShape(dead_zone=0.15)),
        AxisBinding("look_pitch", "right_y", AxisShape(dead_zone=0.15)),
    ),
    buttons={"face_a": "fire", "face_b": "blip", "face_x": "clear_jam", "face_y": "view_next",
             "lshoulder": "throttle_down", "rshoulder": "throttle_up", "dpad_up": "trim_down",
             "dpad_down": "trim_up", "dpad_left": "view_cockpit", "dpad_right": "view_chase", "lstick": "brake",
             "rstick": "view_orbit", "start": "pause", "back": "hud_detail"},
)

FLIGHT_STICK = DeviceProfile(
    name="Flight stick",
    classes=("flight_stick", "unknown", "steering_wheel"),
    axes=(
        AxisBinding("aileron", ("roll", "x"), AxisShape(dead_zone=0.03)),
        AxisBinding("elevator", ("pitch", "y"), AxisShape(dead_zone=0.03)),  # pulled back reads +1: nose up
        AxisBinding("rudder", ("rudder", "yaw"), RUDDER),
        AxisBinding("throttle", "throttle", STICK_THROTTLE),
    ),
    buttons={"trigger": "fire", "joystick2": "blip", "joystick3": "clear_jam", "joystick4": "view_next",
             "joystick5": "trim_down", "joystick6": "trim_up", "joystick7": "brake", "joystick8": "view_cockpit",
             "joystick9": "hud_detail", "joystick10": "pause", "hat_up": "look_up", "hat_down": "look_down",
             "hat_left": "look_left", "hat_right": "look_right"},
)

THROTTLE = DeviceProfile(
    name="Throttle",
    names=("throttle",),
    axes=(AxisBinding("throttle", "throttle", STICK_THROTTLE), AxisBinding("rudder", ("rudder", "yaw"), RUDDER)),
)

PEDALS = DeviceProfile(
    name="Rudder pedals",
    names=("pedal", "rudder"),
    axes=(AxisBinding("rudder", ("rudder", "yaw"), RUDDER),
          AxisBinding("brake", ("brake", "x"), AxisShape(dead_zone=0.05))),  # a toe brake
)

DEFAULT_PROFILES = (THROTTLE, PEDALS, GAMEPAD, FLIGHT_STICK)


def default_bindings() -> Bindings:
    return Bindings(keyboard=dict(KEYBOARD), profiles=DEFAULT_PROFILES)
