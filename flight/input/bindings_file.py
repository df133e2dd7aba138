"""bindings.toml in the player's config folder: the keyboard's keys and a profile per kind of controller.

A missing file gives the defaults (flight.input.default_bindings). A broken one (not TOML, an unknown key,
a value of the wrong kind or out of range) is never touched: the game flies on the defaults and reports one line
naming the file and the problem, with the line for a syntax error and the key's path for a bad value. Saving
writes the whole file atomically. Imports no panda3d.

    version = 1

    [keyboard]                    # key = action (Panda3D's key names)
    arrow_left = "roll_left"
    "]" = "trim_up"

    [[profile]]
    name = "Gamepad (Xbox layout)"
    classes = ["gamepad"]         # or ids = ["045e:02ea"] (vendor:product), names = ["Xbox"] (part of the name)

    [profile.axes.elevator]       # aileron, elevator, rudder, throttle, brake, look_yaw, look_pitch
    source = "left_y"             # a named axis, a raw index (3), or alternatives (["pitch", "y"])
    invert = true
    dead_zone = 0.1
    saturation = 1.0
    expo = 0.3
    trim = 0.0
    raw_range = [-1.0, 1.0]
    # minus = "left_trigger"      # a second axis pulling the other way

    [profile.buttons]             # button (name, or raw index in quotes) = action
    face_a = "fire"
    "7" = "pause"
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import tomli_w

from flight.input.curves import AxisShape, shape_problem
from flight.input.default_bindings import default_bindings
from flight.input.profiles import AXIS_TARGETS, BUTTON_ACTIONS, KEY_ACTIONS, AxisBinding, Bindings, DeviceProfile
from flight.files import TomlFileError, load_toml, write_atomically
from flight.paths import user_config_dir
from flight.text import one_line, quoted

VERSION = 1
HEADER = ("# Captured! controls: edited by the Controls screen (Settings > Controls), or by hand.\n"
          "# The README's Controls section describes every key.\n")
SHAPE_KEYS = tuple(field.name for field in dataclasses.fields(AxisShape))
AXIS_KEYS = ("source", "minus") + SHAPE_KEYS
PROFILE_KEYS = ("name", "ids", "names", "classes", "axes", "buttons")


class BindingsProblem(ValueError):
    """A bad value, with the path of its key in the file."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")


def bindings_path() -> Path:
    """bindings.toml in $CAPTURED_CONFIG_DIR if set, else in the user's config folder for the game."""
    return user_config_dir() / "bindings.toml"


def load_bindings(path: Path | str | None = None) -> tuple[Bindings, str | None]:
    """The file's bindings and None; the defaults and None if it is missing; or, if it is broken, the defaults
    and a one-line message for the player. Never writes the file."""
    path = Path(path) if path is not None else bindings_path()
    try:
        return from_dict(load_toml(path)), None
    except FileNotFoundError:
        return default_bindings(), None
    except TomlFileError as error:  # TOML's own errors say "(at line 3, column 7)"
        return default_bindings(), f"bindings {error}; using the default controls"
    except BindingsProblem as error:
        return default_bindings(), one_line(f"bindings {path}: {error}; using the default controls")


def save_bindings(bindings: Bindings, path: Path | str | None = None) -> Path:
    """Write the bindings atomically (temp file in the same folder, then os.replace); creates the folder."""
    path = Path(path) if path is not None else bindings_path()
    return write_atomically(path, (HEADER + _inline_arrays(tomli_w.dumps(to_dict(bindings)))).encode("utf-8"))


def _inline_arrays(text: str) -> str:
    """tomli_w writes every array one item a line; short arrays of plain items read better on one line."""
    def inline(match: re.Match) -> str:
        items = [item.strip().rstrip(",") for item in match.group(1).strip().splitlines()]
        return "[" + ", ".join(items) + "]"
    return re.sub(r"\[\n((?:[ ]+[^\[\]\n]+,\n)+)[ ]*\]", inline, text)


def to_dict(bindings: Bindings) -> dict:
    return {"version": VERSION, "keyboard": dict(bindings.keyboard),
            "profile": [_profile_to_dict(profile) for profile in bindings.profiles]}


def _profile_to_dict(profile: DeviceProfile) -> dict:
    data: dict = {"name": profile.name}
    for key in ("ids", "names", "classes"):
        if getattr(profile, key):
            data[key] = list(getattr(profile, key))
    data["axes"] = {binding.target: _axis_to_dict(binding) for binding in profile.axes}
    data["buttons"] = {str(source): action for source, action in profile.buttons.items()}
    return data


def _axis_to_dict(binding: AxisBinding) -> dict:
    data: dict = {"source": _sources_out(binding.source)}
    if binding.minus:
        data["minus"] = _sources_out(binding.minus)
    shape = dataclasses.asdict(binding.shape)
    shape["raw_range"] = [float(v) for v in binding.shape.raw_range]
    data.update({key: value for key, value in shape.items()})
    return data


def _sources_out(sources: tuple) -> str | int | list:
    return sources[0] if len(sources) == 1 else list(sources)


def from_dict(data: dict) -> Bindings:
    """Bindings from the parsed file; a BindingsProblem names the first bad key. A file without [keyboard] has
    the default keys; its profiles come before the default ones, which stay as fallbacks."""
    _known(data, ("version", "keyboard", "profile"), "")
    if data.get("version", VERSION) != VERSION:
        raise BindingsProblem("version", f"expected {VERSION}, got {quoted(data['version'])}")
    defaults = default_bindings()
    keyboard = data.get("keyboard", defaults.keyboard)
    if not isinstance(keyboard, dict):
        raise BindingsProblem("keyboard", "expected a table of key = action")
    for key, action in keyboard.items():
        if not isinstance(action, str) or action not in KEY_ACTIONS:
            raise BindingsProblem(f"keyboard.{_key(key)}", f"unknown action {quoted(action)}; actions: "
                                                          f"{', '.join(sorted(KEY_ACTIONS))}")
    entries = data.get("profile", [])
    if not isinstance(entries, list):
        raise BindingsProblem("profile", "expected [[profile]] tables")
    profiles = tuple(_profile(entry, f"profile[{n}]") for n, entry in enumerate(entries))
    names = {profile.name for profile in profiles}
    fallbacks = tuple(profile for profile in defaults.profiles if profile.name not in names)
    return Bindings(keyboard={str(k).lower(): v for k, v in keyboard.items()}, profiles=profiles + fallbacks)


def _profile(entry, path: str) -> DeviceProfile:
    if not isinstance(entry, dict):
        raise BindingsProblem(path, "expected a table")
    name = entry.get("name")
    if not isinstance(name, str) or not name:
        raise BindingsProblem(f"{path}.name", f"expected the profile's name, got {quoted(name)}")
    path = f'{path} ("{one_line(name)[:40]}")'
    _known(entry, PROFILE_KEYS, path)
    lists = {}
    for key in ("ids", "names", "classes"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise BindingsProblem(f"{path}.{key}", f"expected a list of strings, got {quoted(value)}")
        lists[key] = tuple(v.lower() if key == "ids" else v for v in value)
    axes = entry.get("axes", {})
    if not isinstance(axes, dict):
        raise BindingsProblem(f"{path}.axes", "expected a table of control = axis")
    bindings = tuple(_axis(target, value, f"{path}.axes.{target}") for target, value in axes.items())
    buttons = entry.get("buttons", {})
    if not isinstance(buttons, dict):
        raise BindingsProblem(f"{path}.buttons", "expected a table of button = action")
    for source, action in buttons.items():
        if not isinstance(action, str) or action not in BUTTON_ACTIONS:
            raise BindingsProblem(f"{path}.buttons.{_key(source)}",
                                  f"unknown action {quoted(action)}; actions: {', '.join(BUTTON_ACTIONS)}")
    return DeviceProfile(name=name, axes=bindings, buttons={_button_source(s): a for s, a in buttons.items()},
                         **lists)


def _axis(target: str, value, path: str) -> AxisBinding:
    if target not in AXIS_TARGETS:
        raise BindingsProblem(path, f"unknown control; controls: {', '.join(AXIS_TARGETS)}")
    if not isinstance(value, dict):
        raise BindingsProblem(path, "expected a table with source = axis")
    _known(value, AXIS_KEYS, path)
    if "source" not in value:
        raise BindingsProblem(f"{path}.source", "missing: the axis's name or index")
    sources = {key: _sources_in(value[key], f"{path}.{key}") for key in ("source", "minus") if key in value}
    shape = {}
    for key in SHAPE_KEYS:
        if key in value:
            problem = shape_problem(key, value[key])
            if problem is not None:
                raise BindingsProblem(f"{path}.{key}", problem)
            shape[key] = tuple(float(v) for v in value[key]) if key == "raw_range" else value[key]
    try:
        return AxisBinding(target, shape=AxisShape(**shape), **sources)
    except ValueError as error:
        raise BindingsProblem(path, str(error)) from None


def _sources_in(value, path: str) -> tuple:
    values = value if isinstance(value, list) else [value]
    if not values or not all(isinstance(v, str) and v or isinstance(v, int) and not isinstance(v, bool)
                             and 0 <= v < 1000 for v in values):
        raise BindingsProblem(path, f"expected an axis name, an index from 0 to 999, or a list of them, "
                                    f"got {quoted(value)}")
    return tuple(values)


def _button_source(source: str) -> str | int:
    return int(source) if source.isascii() and source.isdigit() and len(source) < 6 else source


def _known(table: dict, keys: tuple[str, ...], path: str) -> None:
    unknown = sorted(set(table) - set(keys))
    if unknown:
        where = f"{path}.{_key(unknown[0])}" if path else _key(unknown[0])
        raise BindingsProblem(where, f"unknown key; known keys here: {', '.join(keys)}")


def _key(key) -> str:
    key = str(key)
    return key if key.replace("_", "").isascii() and key.replace("_", "").isalnum() else quoted(key, 40)
