"""Device profiles: which axis of a controller flies which control and what each button does, and how a
connected controller finds its profile (by vendor:product id, then by name, then by device class). Plain
dataclasses, so the bindings file (flight.input.bindings_file) reads and writes them; imports no panda3d.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from flight.input.bindings import ACTIONS as KEYBOARD_ACTIONS
from flight.input.curves import AxisShape

STICK_TARGETS = ("aileron", "elevator", "rudder")
LEVER_TARGETS = ("throttle", "brake")
LOOK_TARGETS = ("look_yaw", "look_pitch")  # the cockpit head, from a gamepad's right stick
AXIS_TARGETS = STICK_TARGETS + LEVER_TARGETS + LOOK_TARGETS

# what a button can do. Held actions count every tick they are down; the others act once per press.
FRAME_ACTIONS = ("fire", "blip", "clear_jam", "rear_gun")  # the ControlFrame's button bits
HELD_ACTIONS = FRAME_ACTIONS + ("brake", "trim_up", "trim_down", "throttle_up", "throttle_down",
                                "look_up", "look_down", "look_left", "look_right")
PRESS_ACTIONS = ("pause", "view_cockpit", "view_chase", "view_orbit", "view_free", "view_next", "hud_detail",
                 "zoom_in", "zoom_out")
BUTTON_ACTIONS = HELD_ACTIONS + PRESS_ACTIONS
# keys can do what the keyboard reader knows, and trim (the flight's controls handle those two keys)
KEY_ACTIONS = frozenset(KEYBOARD_ACTIONS) | {"trim_up", "trim_down"}

Source = str | int  # a named axis or button ("x", "left_y", "trigger", "hat_up"), or a raw index


@dataclass(frozen=True)
class AxisBinding:
    """One control flown by one axis. `source` lists alternatives, the first the device has wins (axis names
    differ between Panda3D versions and systems: a stick's X reads "roll" or "x"); `minus` is a second axis
    pulling the other way (a gamepad's two triggers as one rudder: right minus left)."""
    target: str
    source: tuple[Source, ...]
    shape: AxisShape = AxisShape()
    minus: tuple[Source, ...] = ()

    def __post_init__(self) -> None:
        if self.target not in AXIS_TARGETS:
            raise ValueError(f"unknown control {self.target!r}; controls: {', '.join(AXIS_TARGETS)}")
        for name in ("source", "minus"):
            value = getattr(self, name)
            if isinstance(value, (str, int)):  # one source given bare
                object.__setattr__(self, name, (value,))
        if not self.source:
            raise ValueError("source: expected an axis name or index")

    @property
    def lever(self) -> bool:
        return self.target in LEVER_TARGETS


@dataclass(frozen=True)
class DeviceProfile:
    """The bindings of one kind of controller. A device takes the first profile listing its vendor:product id
    (`ids`, hex like "046d:c215"), else the first with a part of its name (`names`, any case), else the first
    for its Panda3D device class (`classes`: "gamepad", "flight_stick", "unknown", ...). `buttons` maps a
    button (name or raw index) to an action."""
    name: str
    axes: tuple[AxisBinding, ...] = ()
    buttons: dict[Source, str] = field(default_factory=dict)
    ids: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        unknown = sorted({action for action in self.buttons.values() if action not in BUTTON_ACTIONS})
        if unknown:
            raise ValueError(f"unknown button action(s) {', '.join(unknown)}; actions: {', '.join(BUTTON_ACTIONS)}")
        targets = [binding.target for binding in self.axes]
        if len(set(targets)) != len(targets):
            raise ValueError("a control is bound twice")

    def axis(self, target: str) -> AxisBinding | None:
        return next((binding for binding in self.axes if binding.target == target), None)

    def with_axis(self, binding: AxisBinding) -> DeviceProfile:
        """This profile with `binding` in place of the one for its control."""
        axes = tuple(b for b in self.axes if b.target != binding.target) + (binding,)
        return replace(self, axes=tuple(sorted(axes, key=lambda b: AXIS_TARGETS.index(b.target))))

    def without_axis(self, target: str) -> DeviceProfile:
        return replace(self, axes=tuple(b for b in self.axes if b.target != target))

    def with_button(self, source: Source, action: str) -> DeviceProfile:
        """`source` does `action`, and no other button does it any more."""
        buttons = {s: a for s, a in self.buttons.items() if a != action and s != source}
        buttons[source] = action
        return replace(self, buttons=buttons)

    def for_device(self, name: str, ident: str | None) -> DeviceProfile:
        """A copy of this profile that matches one device exactly (the settings screen edits that copy)."""
        return replace(self, name=name, ids=(ident,) if ident else (), names=(name,), classes=())


@dataclass(frozen=True)
class Bindings:
    """The keyboard's keys (key name -> action) and the device profiles, first match wins."""
    keyboard: dict[str, str]
    profiles: tuple[DeviceProfile, ...]

    def __post_init__(self) -> None:
        unknown = sorted({action for action in self.keyboard.values() if action not in KEY_ACTIONS})
        if unknown:
            raise ValueError(f"unknown key action(s) {', '.join(unknown)}")

    def flying_keys(self) -> dict[str, str]:
        """The keys the keyboard reader (KeyboardMouse) takes: all but the trim keys."""
        return {key: action for key, action in self.keyboard.items() if action in KEYBOARD_ACTIONS}

    def trim_keys(self) -> dict[str, str]:
        return {key: action for key, action in self.keyboard.items() if action not in KEYBOARD_ACTIONS}

    def profile_for(self, name: str, ident: str | None, device_class: str) -> DeviceProfile:
        """The profile for a device: by id, then by name, then by class; an empty one if none fits."""
        lowered = name.lower()
        for matches in (lambda p: ident is not None and ident in p.ids,
                        lambda p: any(part.lower() in lowered for part in p.names if part),
                        lambda p: device_class in p.classes):
            for profile in self.profiles:
                if matches(profile):
                    return profile
        return DeviceProfile(name="Unbound")

    def with_profile(self, profile: DeviceProfile) -> Bindings:
        """These bindings with `profile` first, so it wins its devices, in place of any profile of its name."""
        rest = tuple(p for p in self.profiles if p.name != profile.name)
        return replace(self, profiles=(profile,) + rest)
