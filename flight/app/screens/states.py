"""Game states: the main menu and flight (with its pause overlay). Each builds its nodes on enter and removes
them on exit; the app only switches between them."""
from __future__ import annotations

from direct.gui.DirectGui import DirectButton, DirectFrame, OnscreenText
from panda3d.core import TextNode

from flight.app.flight.flight_view import FlightView
from flight.campaign import load_progress, record_win
from flight.app.screens.settings_screen import SettingsState
from flight.sim.missions import MissionError
from flight.sim.world import LevelFileError, load_level
from flight.sim.run.sortie import Ending

MENU_ENTRIES = (("Training", "training"), ("Dig's Escape", "escape"), ("The Breakout", "breakout"),
                ("Replays", "replays"), ("Settings", "settings"))
LOCKED_HINT = {"breakout": "win Dig's Escape to unlock"}


class MenuState:
    """Training, the two story levels (The Breakout disabled until Dig's Escape is won, unless the app opens
    all levels: `flight play --all-levels` or the setting), replays, settings, quit."""

    def __init__(self, app):
        self.app = app
        self.nodes = []

    def enter(self) -> None:
        self.app.set_background_color(0.12, 0.11, 0.10, 1)
        self.nodes.append(OnscreenText(text="Captured!", pos=(0, 0.6), scale=0.14, fg=(0.95, 0.9, 0.75, 1)))
        progress, progress_message = load_progress()
        settings = getattr(self.app, "settings", None)
        all_levels = getattr(self.app, "all_levels", False) or getattr(settings, "unlock_all_levels", False)
        for row, (label, level) in enumerate(MENU_ENTRIES + (("Quit", "quit"),)):
            enabled = progress.unlocked(level, all_levels)
            y = 0.3 - 0.14 * row
            self.nodes.append(DirectButton(
                text=label, scale=0.07, pos=(0, 0, y), frameSize=(-4.5, 4.5, -0.6, 1.1),
                command=self.choose, extraArgs=[level], state="normal" if enabled else "disabled",
                text_fg=(0.1, 0.1, 0.1, 1) if enabled else (0.5, 0.5, 0.5, 1)))
            if not enabled:
                self.nodes.append(OnscreenText(text=LOCKED_HINT[level], pos=(0.36, y + 0.01), scale=0.04,
                                               fg=(0.7, 0.68, 0.6, 1), align=TextNode.A_left))
        # a broken settings or progress file, or a level that could not be flown, in one line
        message = (getattr(self.app, "menu_message", None) or getattr(self.app, "settings_message", None)
                   or progress_message)
        self.app.menu_message = None
        if message:
            self.nodes.append(OnscreenText(text=message, pos=(0, -0.85), scale=0.04, fg=(1, 0.6, 0.4, 1),
                                           wordwrap=60))
        bindings_message = getattr(self.app, "bindings_message", None)  # a broken bindings.toml, in one line
        if bindings_message:
            self.nodes.append(OnscreenText(text=bindings_message, pos=(0, -0.72), scale=0.04, fg=(1, 0.6, 0.4, 1),
                                           wordwrap=60))

    def choose(self, level: str | None) -> None:
        if level == "quit":
            self.app.userExit()
        elif level == "replays":
            from flight.app.screens.replay_browser import ReplayBrowserState
            self.app.go(ReplayBrowserState(self.app))
        elif level == "settings":
            self.app.go(SettingsState(self.app, on_close=lambda: self.app.go(MenuState(self.app))))
        elif level is not None:
            self.app.go(BriefingState(self.app, level))

    def exit(self) -> None:
        for node in self.nodes:
            node.destroy()
        self.nodes.clear()


class BriefingState:
    """The level's title and briefing, then Fly or back to the menu."""

    def __init__(self, app, level: str):
        self.app = app
        self.level = load_level(level)
        self.nodes = []

    def enter(self) -> None:
        self.app.set_background_color(0.12, 0.11, 0.10, 1)
        self.nodes.append(OnscreenText(text=self.level.title, pos=(0, 0.7), scale=0.1, fg=(0.95, 0.9, 0.75, 1)))
        self.nodes.append(OnscreenText(text=self.level.briefing, pos=(0, 0.45), scale=0.05, fg=(0.9, 0.88, 0.8, 1),
                                       wordwrap=36))
        for row, (label, command) in enumerate((("Fly", self.fly), ("Menu", self.to_menu))):
            self.nodes.append(DirectButton(text=label, scale=0.07, pos=(0, 0, -0.55 - 0.14 * row),
                                           frameSize=(-3, 3, -0.6, 1.1), command=command))
        self.app.accept("enter", self.fly)

    def fly(self) -> None:
        self.app.go(FlightState(self.app, self.level.name))

    def to_menu(self) -> None:
        self.app.go(MenuState(self.app))

    def exit(self) -> None:
        self.app.ignore("enter")
        for node in self.nodes:
            node.destroy()
        self.nodes.clear()


TITLES = {"success": "Mission accomplished", "partial": "Partly done", "failure": "Mission failed"}


class DebriefState:
    """How the mission ended (success, partial or failure and why) and the flight's figures; Restart, Watch the
    replay, or Menu."""

    def __init__(self, app, level: str, end: Ending, result: dict | None = None, replay_path=None):
        self.app = app
        self.level = level
        self.end = end
        self.result = result or {}
        self.replay_path = replay_path
        self.nodes = []

    def enter(self) -> None:
        self.app.set_background_color(0.12, 0.11, 0.10, 1)
        if self.end.outcome == "success":  # the campaign opens the next level
            problem = record_win(self.level)
            if problem:
                self.nodes.append(OnscreenText(text=problem, pos=(0, -0.92), scale=0.04, fg=(1, 0.6, 0.4, 1),
                                               wordwrap=60))
        minutes, seconds = divmod(round(self.end.seconds), 60)
        reason = self.result.get("reason", self.end.reason)
        self.nodes.append(OnscreenText(text=TITLES[self.end.outcome], pos=(0, 0.5), scale=0.12,
                                       fg=(0.95, 0.9, 0.75, 1)))
        self.nodes.append(OnscreenText(text=f"{reason[:1].upper()}{reason[1:]}, after {minutes}:{seconds:02d}.",
                                       pos=(0, 0.3), scale=0.06, fg=(0.9, 0.88, 0.8, 1), wordwrap=30))
        stats = self.result.get("stats", {})
        if stats:
            figures = f"Distance {stats['distance_km']:.1f} km    In the air {stats['flight_s'] / 60:.1f} min"
            if "landing" in stats:
                figures += f"    Landing: {stats['landing']} ({stats['touchdown_sink_ms']:.1f} m/s)"
            self.nodes.append(OnscreenText(text=figures, pos=(0, 0.16), scale=0.05, fg=(0.8, 0.78, 0.7, 1)))
            combat = (f"Rounds fired {stats['shots_fired']}    Hits {stats['hits']}    "
                      f"Downed {stats['downed']}    Damage taken {stats['damage_taken'] * 100:.0f}%")
            self.nodes.append(OnscreenText(text=combat, pos=(0, 0.08), scale=0.045, fg=(0.8, 0.78, 0.7, 1)))
        epilogue = self.result.get("epilogue")
        if epilogue:  # the caption that leads into the next chapter
            self.nodes.append(OnscreenText(text=epilogue, pos=(0, -0.62), scale=0.05, fg=(0.95, 0.9, 0.75, 1),
                                           wordwrap=36))
        buttons = [("Restart", self.restart), ("Menu", self.to_menu)]
        if self.replay_path is not None:
            buttons.insert(1, ("Watch replay", self.watch_replay))
        for row, (label, command) in enumerate(buttons):
            self.nodes.append(DirectButton(text=label, scale=0.07, pos=(0, 0, -0.1 - 0.14 * row),
                                           frameSize=(-3, 3, -0.6, 1.1), command=command))

    def restart(self) -> None:
        self.app.go(FlightState(self.app, self.level))

    def watch_replay(self) -> None:
        from flight.app.screens.replay_player import ReplayState
        from flight.sim.replay import ReplayFileError, load_replay
        try:
            replay = load_replay(self.replay_path)
        except ReplayFileError as error:
            self.nodes.append(OnscreenText(text=str(error), pos=(0, -0.8), scale=0.04, fg=(1, 0.6, 0.4, 1),
                                           wordwrap=60))
            return
        self.app.go(ReplayState(self.app, replay, on_close=lambda: self.app.go(self)))

    def to_menu(self) -> None:
        self.app.go(MenuState(self.app))

    def exit(self) -> None:
        for node in self.nodes:
            node.destroy()
        self.nodes.clear()


class FlightState:
    """Flying a level; Esc pauses with Resume, Settings, Controls, Restart and Menu; the end of the flight opens the
    debrief. Settings and Controls open as an overlay over the paused flight (the flight stays this state and is
    not rebuilt); Esc or Cancel there goes back to the pause menu."""

    def __init__(self, app, level: str, view: FlightView | None = None, ghost=None):
        self.app = app
        self.level = level
        self.view = view  # a replay's view, handed over when the player takes control
        self.ghost = ghost
        self.pause_frame = None
        self.settings: SettingsState | None = None

    def enter(self) -> None:
        if self.view is None:
            try:
                self.view = FlightView(self.app, self.level, ghost=self.ghost,
                                       record=getattr(self.app, "record_replays", True))
            except (LevelFileError, MissionError) as error:
                self.app.menu_message = str(error)
                self.app.go(MenuState(self.app))
                return
        self.app.accept("escape", self.toggle_pause)
        self.app.accept("p", self.toggle_pause)
        self.app.task_mgr.add(self._watch_end, "flight-end", sort=12)

    def _watch_end(self, task):
        if self.view.error is not None:
            self.app.menu_message = self.view.error
            self.app.go(MenuState(self.app))
            return task.done
        if self.view.end is not None:
            path = self.view.recording_path
            self.app.go(DebriefState(self.app, self.level, self.view.end, self.view.sortie.result(), path))
            return task.done
        return task.cont

    def toggle_pause(self) -> None:
        if self.settings is not None:
            self.settings.cancel()
        elif self.pause_frame is None:
            self.view.paused = True
            self.pause_frame = DirectFrame(frameColor=(0, 0, 0, 0.5), frameSize=(-0.5, 0.5, -0.46, 0.35))
            OnscreenText(text="Paused", parent=self.pause_frame, pos=(0, 0.22), scale=0.08, fg=(1, 1, 1, 1),
                         align=TextNode.A_center)
            for row, (label, command) in enumerate((("Resume", self.toggle_pause), ("Settings", self.open_settings),
                                                    ("Controls", self.open_controls), ("Restart", self.restart),
                                                    ("Menu", self.to_menu))):
                DirectButton(parent=self.pause_frame, text=label, scale=0.06, pos=(0, 0, 0.08 - 0.11 * row),
                             frameSize=(-3, 3, -0.6, 1.1), command=command)
        else:
            self.pause_frame.destroy()
            self.pause_frame = None
            self.view.paused = False

    def open_settings(self) -> None:
        """The settings over the paused flight; closing them shows the pause menu again."""
        self.pause_frame.hide()
        self.settings = SettingsState(self.app, on_close=self.close_settings)
        self.settings.enter()

    def open_controls(self) -> None:
        """The controllers' screen over the paused flight; closing it shows the pause menu again."""
        from flight.app.screens.controls_screen import ControlsState
        self.pause_frame.hide()
        self.settings = ControlsState(self.app, on_close=self.close_settings)
        self.settings.enter()

    def close_settings(self) -> None:
        self.settings.exit()
        self.settings = None
        self.pause_frame.show()
        apply_settings = getattr(self.view, "apply_settings", None)  # stick speed, mouse stick, units mid-flight
        if apply_settings is not None:
            apply_settings(self.app.settings)

    def restart(self) -> None:
        self.app.go(FlightState(self.app, self.level, ghost=self.ghost))

    def to_menu(self) -> None:
        self.app.go(MenuState(self.app))

    def exit(self) -> None:
        if self.settings is not None:
            self.settings.exit()
            self.settings = None
        self.app.task_mgr.remove("flight-end")
        self.app.ignore("escape")
        self.app.ignore("p")
        if self.pause_frame is not None:
            self.pause_frame.destroy()
        if self.view is not None:
            self.view.destroy()
