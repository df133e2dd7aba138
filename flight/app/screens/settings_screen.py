"""The settings screen: one row per setting with < and > buttons that step through its choices, then Save (write
the file, apply, go back), Cancel (go back, nothing changed) and Defaults (show the defaults; Save keeps them).
Controls opens the controllers' screen over it and comes back to the same draft.

It goes back through `on_close`, so it serves both the menu (as a screen of its own: `router.go("settings",
on_close=...)`) and the paused flight, where it is an overlay the flight screen enters and exits, so the flight is
not rebuilt."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from direct.gui.DirectGui import DirectButton, DirectFrame, OnscreenText
from panda3d.core import TextNode

from flight.app.settings import DIFFICULTIES, QUALITIES, UNITS, Settings, apply, save_settings

if TYPE_CHECKING:
    from flight.app.app import FlightApp

RESOLUTIONS = ((1024, 576), (1280, 720), (1366, 768), (1600, 900), (1920, 1080), (2560, 1440), (3840, 2160))
FOVS = (50.0, 60.0, 70.0, 80.0, 90.0, 100.0)
AXIS_RATES = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0)
ON_OFF = (False, True)
LEVELS = tuple(k / 10 for k in range(11))  # a volume, 0 .. 100 %

# (key, label, choices, how a value reads)
ROWS = (
    ("resolution", "Resolution", RESOLUTIONS, lambda v: f"{v[0]} x {v[1]}"),
    ("fullscreen", "Fullscreen", ON_OFF, lambda v: "on" if v else "off"),
    ("vsync", "Vsync (restart)", ON_OFF, lambda v: "on" if v else "off"),
    ("quality", "Quality", QUALITIES, lambda v: {"low": "low (software GL)"}.get(v, v)),
    ("fov_deg", "Field of view", FOVS, lambda v: f"{v:g} deg"),
    ("units", "Units", UNITS, lambda v: {"auto": "by aircraft"}.get(v, v)),
    ("axis_rate", "Stick speed (keys)", AXIS_RATES, lambda v: f"{v:g} /s"),
    ("mouse_stick", "Mouse flies", ON_OFF, lambda v: "on" if v else "off"),
    ("mouse_aim", "Mouse aim (point to fly)", ON_OFF, lambda v: "on" if v else "off"),
    ("difficulty", "Difficulty (sets the assists)", DIFFICULTIES, str),
    ("assist_rudder", "Assist: auto-rudder", ON_OFF, lambda v: "on" if v else "off"),
    ("assist_stability", "Assist: stability", ON_OFF, lambda v: "on" if v else "off"),
    ("assist_stall", "Assist: stall and spin", ON_OFF, lambda v: "on" if v else "off"),
    ("assist_takeoff", "Assist: take-off, landing", ON_OFF, lambda v: "on" if v else "off"),
    ("rumble", "Rumble (gamepads)", ON_OFF, lambda v: "on" if v else "off"),
    ("show_fps", "Frame rate shown", ON_OFF, lambda v: "on" if v else "off"),
    ("unlock_all_levels", "All levels open", ON_OFF, lambda v: "on" if v else "off"),
    ("mute", "Sound", ON_OFF, lambda v: "muted" if v else "on"),
    ("volume_master", "Volume", LEVELS, lambda v: f"{v:.0%}"),
    ("volume_engines", "Volume: engines", LEVELS, lambda v: f"{v:.0%}"),
    ("volume_guns", "Volume: guns, bursts", LEVELS, lambda v: f"{v:.0%}"),
    ("volume_ambience", "Volume: wind, world", LEVELS, lambda v: f"{v:.0%}"),
)
ROW_STEP = 1.3 / len(ROWS)  # the rows share the space between the title and the buttons
TEXT = (0.9, 0.88, 0.8, 1)


def choices_with(choices: tuple, value) -> tuple:
    """The choices, with a value from the file that is not among them slotted in so stepping keeps it."""
    if value in choices:
        return choices
    try:
        return tuple(sorted((*choices, value)))
    except TypeError:
        return (*choices, value)


class SettingsScreen:
    """Edits a draft of `app.settings`; only Save writes the file and applies it."""

    def __init__(self, app: FlightApp, on_close: Callable[[], None]):
        self.app = app
        self.on_close = on_close
        self.draft: Settings = app.settings
        self.frame = None
        self.values: dict[str, OnscreenText] = {}
        self.status = None
        self.controls = None  # the Controls screen, while it is open over this one

    def enter(self) -> None:
        self.frame = DirectFrame(frameColor=(0.12, 0.11, 0.10, 0.92), frameSize=(-1.1, 1.1, -0.92, 0.92),
                                 sortOrder=10)
        OnscreenText(text="Settings", parent=self.frame, pos=(0, 0.76), scale=0.09, fg=(0.95, 0.9, 0.75, 1))
        for row, (key, label, _, _) in enumerate(ROWS):
            y = 0.66 - ROW_STEP * row
            OnscreenText(text=label, parent=self.frame, pos=(-0.95, y), scale=0.045, fg=TEXT, align=TextNode.A_left)
            for x, step, sign in ((0.18, "<", -1), (0.92, ">", 1)):
                DirectButton(parent=self.frame, text=step, scale=0.045, pos=(x, 0, y), frameSize=(-1, 1, -0.5, 0.95),
                             command=self.step, extraArgs=[key, sign])
            self.values[key] = OnscreenText(parent=self.frame, pos=(0.55, y), scale=0.045, fg=(1, 1, 1, 1),
                                            align=TextNode.A_center, mayChange=True)
        for column, (label, command) in enumerate((("Save", self.save), ("Cancel", self.cancel),
                                                   ("Defaults", self.reset), ("Controls", self.open_controls))):
            DirectButton(parent=self.frame, text=label, scale=0.065, pos=(-0.75 + 0.5 * column, 0, -0.72),
                         frameSize=(-3, 3, -0.6, 1.1), command=command)
        self.status = OnscreenText(parent=self.frame, pos=(0, -0.85), scale=0.04, fg=(1, 0.6, 0.4, 1), wordwrap=50,
                                   mayChange=True)
        self._show()

    def _show(self) -> None:
        for key, _, _, shown in ROWS:
            self.values[key].setText(shown(getattr(self.draft, key)))

    def step(self, key: str, sign: int) -> None:
        """Move one setting of the draft to its next (sign 1) or previous (-1) choice, wrapping round."""
        choices = next(choices_with(choices, getattr(self.draft, key)) for k, _, choices, _ in ROWS if k == key)
        index = choices.index(getattr(self.draft, key))
        value = choices[(index + sign) % len(choices)]
        self.draft = self.draft.with_difficulty(value) if key == "difficulty" else self.draft.replace(**{key: value})
        self._show()

    def reset(self) -> None:
        self.draft = Settings()
        self._show()

    def save(self) -> None:
        try:
            save_settings(self.draft)
        except OSError as error:
            self.status.setText(f"Could not save the settings: {error}")
            return
        self.app.settings_message = None  # a broken file is replaced by a good one
        apply(self.app, self.draft)
        self.on_close()

    def cancel(self) -> None:
        if self.controls is not None:  # Esc over the Controls screen goes back to this one
            self.controls.cancel()
            return
        self.on_close()

    def open_controls(self) -> None:
        self.frame.hide()
        self.controls = self.app.router.make("controls", on_close=self.close_controls)
        self.controls.enter()

    def close_controls(self) -> None:
        self.controls.exit()
        self.controls = None
        self.frame.show()

    def exit(self) -> None:
        if self.controls is not None:
            self.close_controls()
        if self.frame is not None:
            self.frame.destroy()
            self.frame = None
        self.values.clear()
