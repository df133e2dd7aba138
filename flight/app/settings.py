"""The player's settings: a small TOML file in the user's config folder, read once at start and written by the
settings screen.

Where: `platformdirs.user_config_dir("captured-flight")/settings.toml` (on Linux ~/.config/captured-flight/),
or `$CAPTURED_CONFIG_DIR/settings.toml` when that environment variable is set (tests, portable installs).

A missing file gives the defaults. A broken file (not TOML, a value of the wrong type or out of range) is never
touched: the game starts on the defaults and shows one line naming the file, the key and the problem. Unknown
keys (a typo, or a file from a newer version) are reported the same way but the valid keys are still used. Only
Save on the settings screen writes the file, atomically (temp file in the same folder, then os.replace).

    resolution = [1280, 720]   # window size in pixels
    fullscreen = false
    vsync = true               # takes effect at the next start
    quality = "medium"         # "low" (software OpenGL), "medium", "high"
    fov_deg = 70               # horizontal field of view, degrees
    units = "auto"             # "auto" (by the aircraft's nation), "imperial", "metric"
    axis_rate = 2.5            # keyboard stick speed: full deflection per second
    mouse_stick = false        # the mouse position flies aileron and elevator
    mouse_aim = false          # point with the mouse and the aircraft flies there (over mouse_stick)
    difficulty = "normal"      # "easy", "normal", "hard": the enemy's skill, and it sets the assists below
    assist_rudder = true       # assists (flight.sim.run.assists): auto-rudder
    assist_stability = false   # the stick banks, wings level and the climb held when let go
    assist_stall = false       # stall and spin protection
    assist_takeoff = true      # take-off and landing help
    rumble = false             # gamepads that can rumble do on gun fire and hits
    show_fps = false           # the frame rate in the window's corner
    unlock_all_levels = false  # every story level open in the menu, won or not
    volume_master = 0.8        # sound volumes 0..1 (flight.sound): everything,
    volume_engines = 1.0       # engines and propellers,
    volume_guns = 1.0          # guns and shell bursts,
    volume_ambience = 1.0      # the wind and the world around
    mute = false               # no sound at all

This module imports panda3d only inside the functions that touch the window.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import tomli_w

from flight.files import TomlFileError, load_toml, write_atomically
from flight.paths import user_config_dir
from flight.sim.assist_settings import ASSIST_PRESETS, AssistSettings
from flight.sound.sound_mixer import Volumes
from flight.text import one_line, quoted

if TYPE_CHECKING:
    from flight.app.app import FlightApp

QUALITIES = ("low", "medium", "high")
UNITS = ("auto", "imperial", "metric")
DIFFICULTIES = ("easy", "normal", "hard")
FOV_RANGE = (40.0, 110.0)
VOLUME_RANGE = (0.0, 1.0)
VOLUMES = ("volume_master", "volume_engines", "volume_guns", "volume_ambience")
SWITCHES = ("fullscreen", "vsync", "mouse_stick", "mouse_aim", "rumble", "show_fps", "unlock_all_levels", "mute")
AXIS_RATE_RANGE = (0.5, 10.0)
SIZE_RANGE = (320, 16384)
ASSIST_SETTINGS = {"rudder": "auto_rudder", "stability": "stability", "stall": "stall_protection",
                   "takeoff": "takeoff_landing"}  # settings.toml's assist_<key> -> AssistSettings' field


@dataclass(frozen=True)
class Settings:
    resolution: tuple[int, int] = (1280, 720)
    fullscreen: bool = False
    vsync: bool = True
    quality: str = "medium"
    fov_deg: float = 70.0
    units: str = "auto"
    axis_rate: float = 2.5
    mouse_stick: bool = False
    mouse_aim: bool = False
    difficulty: str = "normal"
    rumble: bool = False
    show_fps: bool = False
    unlock_all_levels: bool = False
    assist_rudder: bool = True  # the "normal" preset (ASSIST_PRESETS)
    assist_stability: bool = False
    assist_stall: bool = False
    assist_takeoff: bool = True
    volume_master: float = 0.8
    volume_engines: float = 1.0
    volume_guns: float = 1.0
    volume_ambience: float = 1.0
    mute: bool = False

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            problem = _check(field.name, getattr(self, field.name))
            if problem is not None:
                raise ValueError(f"setting {field.name}: {problem}")

    def replace(self, **changes) -> Settings:
        return dataclasses.replace(self, **changes)

    def with_difficulty(self, difficulty: str) -> Settings:
        """The difficulty, with its preset of assists (each can then be changed on its own)."""
        preset = ASSIST_PRESETS[difficulty]
        return self.replace(difficulty=difficulty, **{f"assist_{short}": getattr(preset, name)
                                                      for short, name in ASSIST_SETTINGS.items()})

    def assists(self) -> AssistSettings:
        return AssistSettings(**{name: getattr(self, f"assist_{short}") for short, name in ASSIST_SETTINGS.items()})

    def volumes(self) -> Volumes:
        """The sound's volumes as the mixer takes them."""
        return Volumes(master=self.volume_master, engines=self.volume_engines, guns=self.volume_guns,
                       ambience=self.volume_ambience, muted=self.mute)

    def hud_units(self, nation: str) -> str:
        """The HUD's units: the chosen ones, or with "auto" those of the aircraft's nation."""
        if self.units != "auto":
            return self.units
        from flight.hud.display_units import units_for
        return units_for(nation)


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check(key: str, value) -> str | None:
    """None if `value` is valid for `key`, else the problem in a few words."""
    if key == "resolution":
        if (not isinstance(value, (list, tuple)) or len(value) != 2
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
            return f"expected two whole numbers like [1280, 720], got {quoted(value)}"
        if not all(SIZE_RANGE[0] <= v <= SIZE_RANGE[1] for v in value):
            return f"expected each side between {SIZE_RANGE[0]} and {SIZE_RANGE[1]} pixels, got {quoted(list(value))}"
    elif key in SWITCHES or key.startswith("assist_"):
        if not isinstance(value, bool):
            return f"expected true or false, got {quoted(value)}"
    elif key in ("fov_deg", "axis_rate", *VOLUMES):
        low, high = {"fov_deg": FOV_RANGE, "axis_rate": AXIS_RATE_RANGE}.get(key, VOLUME_RANGE)
        if not _number(value):
            return f"expected a number, got {quoted(value)}"
        if not low <= value <= high:
            return f"expected a number from {low:g} to {high:g}, got {quoted(value)}"
    else:
        choices = {"quality": QUALITIES, "units": UNITS, "difficulty": DIFFICULTIES}[key]
        if value not in choices:
            return f"expected one of {', '.join(repr(c) for c in choices)}, got {quoted(value)}"
    return None


def settings_path() -> Path:
    """settings.toml in $CAPTURED_CONFIG_DIR if set, else in the user's config folder for the game."""
    return user_config_dir() / "settings.toml"


def load_settings(path: Path | str | None = None) -> tuple[Settings, str | None]:
    """The settings in the file and None; or, if it is missing, the defaults and None; or, if it is broken, the
    defaults and a one-line message for the player. Never writes the file."""
    path = Path(path) if path is not None else settings_path()
    try:
        data = load_toml(path)
    except FileNotFoundError:
        return Settings(), None
    except TomlFileError as error:
        return Settings(), f"settings {error}; using the default settings"
    known = {field.name for field in dataclasses.fields(Settings)}
    for key, value in data.items():
        if key in known:
            problem = _check(key, value)
            if problem is not None:
                return Settings(), one_line(f"settings {path}: {key}: {problem}; using the default settings")
    values = {key: value for key, value in data.items() if key in known}
    if "resolution" in values:
        values["resolution"] = tuple(values["resolution"])
    values.update({key: float(values[key]) for key in ("fov_deg", "axis_rate", *VOLUMES) if key in values})
    settings = Settings(**values)
    unknown = sorted(set(data) - known)
    if unknown:
        names = ", ".join(one_line(key)[:40] for key in unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        return settings, one_line(f"settings {path}: unknown key{'s' if len(unknown) > 1 else ''} {names} "
                                  f"ignored; known: {', '.join(sorted(known))}")
    return settings, None


def save_settings(settings: Settings, path: Path | str | None = None) -> Path:
    """Write the settings atomically: a temp file in the same folder, then os.replace; creates the folder."""
    path = Path(path) if path is not None else settings_path()
    data = dataclasses.asdict(settings)
    data["resolution"] = list(settings.resolution)
    return write_atomically(path, tomli_w.dumps(data).encode("utf-8"))


SOFTWARE_RENDERERS = ("llvmpipe", "softpipe", "swrast", "software rasterizer")


def for_renderer(settings: Settings, renderer: str) -> tuple[Settings, str | None]:
    """On a first start (no settings file yet) under a software OpenGL renderer, Low quality, and the menu's line
    saying so; else the settings as they are."""
    if settings.quality == "low" or not any(name in renderer.lower() for name in SOFTWARE_RENDERERS):
        return settings, None
    return settings.replace(quality="low"), (f"Software OpenGL found ({renderer.split('(')[0].strip()}): Quality "
                                             "is set to Low to keep the game smooth; change it in Settings")


def before_window(settings: Settings) -> None:
    """Settings that only count when the window opens (vsync, fullscreen, and for "high" quality a multisampled
    framebuffer to antialias with): call before ShowBase starts. Vsync cannot change on an open window, so a
    changed vsync needs a restart; so does antialiasing after switching to "high" in a window opened without."""
    from panda3d.core import ConfigVariableBool, ConfigVariableInt
    ConfigVariableBool("sync-video").set_value(settings.vsync)
    ConfigVariableBool("fullscreen").set_value(settings.fullscreen)
    ConfigVariableBool("framebuffer-multisample").set_value(settings.quality == "high")
    ConfigVariableInt("multisamples").set_value(4 if settings.quality == "high" else 0)


def apply(app: FlightApp, settings: Settings, window: bool = True) -> None:
    """Apply to a running app: window size and fullscreen (with `window`, on a real window; an offscreen buffer
    keeps its size), the camera's field of view, and `app.settings` for the flight view (stick speed, mouse stick,
    units, and the FOV it sets when a flight starts). Vsync needs a restart: it is read from the saved file at
    the next start (`before_window`)."""
    from panda3d.core import GraphicsWindow, WindowProperties
    app.settings = settings
    if window and isinstance(app.win, GraphicsWindow):
        current = app.win.get_properties()
        if (tuple(settings.resolution) != (current.get_x_size(), current.get_y_size())
                or settings.fullscreen != current.get_fullscreen()):
            properties = WindowProperties()
            properties.set_size(*settings.resolution)
            properties.set_fullscreen(settings.fullscreen)
            app.win.request_properties(properties)
    if app.camLens is not None:  # none without a window (window-type none)
        app.camLens.set_fov(settings.fov_deg)
    if app.win is not None:
        app.set_frame_rate_meter(settings.show_fps)
