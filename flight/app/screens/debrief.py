"""The debrief after a flight: how the mission ended (success, partial or failure and why), the flight's figures,
its events along a timeline with a count of each kind (a mark opens the replay there) and the story's closing
caption; a win opens the next level. Restart, Watch the replay, Menu, or Go on with the story (the next level's
briefing, after its scene the first time; after The Breakout, the ending)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from direct.gui.DirectGui import DirectButton, OnscreenText

from flight.app.screens.timeline_bar import TimelineBar, counts_text
from flight.campaign import after_flight, load_progress, record_win
from flight.hud.display_units import distance_text, sink_text, speed_text
from flight.sim.replay import ReplayFileError, load_replay
from flight.sim.replay.timeline import event_pass, known_events, timeline_events
from flight.sim.run.sortie import Ending

if TYPE_CHECKING:
    from flight.app.app import FlightApp

TITLES = {"success": "Mission accomplished", "partial": "Partly done", "failure": "Mission failed"}
WARNING = (1, 0.6, 0.4, 1)
TIMELINE_Z = -0.58  # under the buttons; the epilogue under it


class DebriefScreen:
    """`result` is the sortie's (flight.sim.run.sortie.Sortie.result); `replay_path` the flight's recording, if
    there is one to watch."""

    def __init__(self, app: FlightApp, level: str, end: Ending, result: dict | None = None,
                 replay_path: Path | None = None):
        self.app = app
        self.level = level
        self.end = end
        self.result = result or {}
        self.units = self.result.get("units", "metric")  # the HUD's, as the flight had them
        self.replay_path = replay_path
        self.nodes = []
        self.timeline: TimelineBar | None = None
        self.finding_events = None  # the pass working out the replay's events, while it runs

    def enter(self) -> None:
        self.app.set_background_color(0.12, 0.11, 0.10, 1)
        if self.end.outcome == "success":  # the campaign opens the next level
            problem = record_win(self.level)
            if problem:
                self.nodes.append(OnscreenText(text=problem, pos=(0, -0.92), scale=0.04, fg=WARNING, wordwrap=60))
        minutes, seconds = divmod(round(self.end.seconds), 60)
        reason = self._reason(self.result.get("stats", {}))
        self.nodes.append(OnscreenText(text=TITLES[self.end.outcome], pos=(0, 0.5), scale=0.12,
                                       fg=(0.95, 0.9, 0.75, 1)))
        self.nodes.append(OnscreenText(text=f"{reason[:1].upper()}{reason[1:]}, after {minutes}:{seconds:02d}.",
                                       pos=(0, 0.3), scale=0.06, fg=(0.9, 0.88, 0.8, 1), wordwrap=30))
        self._figures(self.result.get("stats", {}))
        epilogue = self.result.get("epilogue")
        if epilogue:  # the caption that leads into the next chapter
            self.nodes.append(OnscreenText(text=epilogue, pos=(0, -0.76), scale=0.05, fg=(0.95, 0.9, 0.75, 1),
                                           wordwrap=36))
        buttons = [("Restart", self.restart), ("Menu", self.to_menu)]
        if self.replay_path is not None:
            buttons.insert(1, ("Watch replay", self.watch_replay))
        for row, (label, command) in enumerate(buttons):
            self.nodes.append(DirectButton(text=label, scale=0.07, pos=(0, 0, -0.1 - 0.14 * row),
                                           frameSize=(-4.2, 4.2, -0.6, 1.1), command=command))
        self.story = after_flight(load_progress()[0], self.level, self.end.outcome)
        if self.story != (None, None):
            self.nodes.append(DirectButton(text="Go on", scale=0.07, pos=(0.75, 0, -0.1),
                                           frameSize=(-3.0, 3.0, -0.6, 1.1), command=self.go_on))
        self._start_timeline()

    def go_on(self) -> None:
        """On with the story: its scene (the ending told by this flight's outcome), then the next briefing."""
        scene, level = self.story
        then = ("briefing", {"level": level}) if level is not None else None
        if scene is None:
            self.app.router.go("briefing", level=level)
        else:
            self.app.router.go("scene", name=scene, then=then, outcome=self.end.outcome)

    def _start_timeline(self) -> None:
        """The replay's events, worked out a little each frame (or known already), then laid out."""
        try:
            self.replay = load_replay(self.replay_path) if self.replay_path is not None else None
        except ReplayFileError:
            self.replay = None  # Watch replay says why
        if self.replay is None:
            return
        if known_events(self.replay) is None:
            self.finding_events = event_pass(self.replay)
            self.app.task_mgr.add(self._find_events, "debrief-timeline")
        else:
            self._lay_timeline()

    def _find_events(self, task):
        if next(self.finding_events, None) is not None:
            return task.cont
        self.finding_events = None
        self._lay_timeline()
        return task.done

    def _lay_timeline(self) -> None:
        events = timeline_events(known_events(self.replay))
        self.timeline = TimelineBar(self.app.aspect2d, -1.0, 1.0, TIMELINE_Z, self.replay.ticks, events,
                                    self.watch_replay, words_z=TIMELINE_Z + 0.05, height=0.05, track=True)
        self.nodes.append(OnscreenText(text=counts_text(events), pos=(0, TIMELINE_Z - 0.08), scale=0.045,
                                       fg=(0.8, 0.78, 0.7, 1)))

    def _reason(self, stats: dict) -> str:
        """Why the flight ended, a crash with its cause and speed in the HUD's units."""
        if "impact_speed_ms" not in stats:
            return self.result.get("reason", self.end.reason)
        speed = speed_text(stats["impact_speed_ms"], self.units)
        return f"{self.end.reason} ({stats['crash_cause'].replace('_', ' ')} at {speed})"

    def _figures(self, stats: dict) -> None:
        if not stats:
            return
        figures = (f"Distance {distance_text(stats['distance_km'] * 1000.0, self.units)}    "
                   f"In the air {stats['flight_s'] / 60:.1f} min")
        if "landing" in stats:
            figures += f"    Landing: {stats['landing']} ({sink_text(stats['touchdown_sink_ms'], self.units)})"
        self.nodes.append(OnscreenText(text=figures, pos=(0, 0.16), scale=0.05, fg=(0.8, 0.78, 0.7, 1)))
        combat = (f"Rounds fired {stats['shots_fired']}    Hits {stats['hits']}    "
                  f"Downed {stats['downed']}    Damage taken {stats['damage_taken'] * 100:.0f}%")
        self.nodes.append(OnscreenText(text=combat, pos=(0, 0.08), scale=0.045, fg=(0.8, 0.78, 0.7, 1)))
        assists = self.result.get("assists")
        if assists:
            line = f"Assists: {', '.join(assists['names'])} (acting {assists['acting_s'] // 60}:{assists['acting_s'] % 60:02d})"
            self.nodes.append(OnscreenText(text=line, pos=(0, 0.01), scale=0.04, fg=(0.75, 0.85, 1.0, 1)))

    def restart(self) -> None:
        self.app.router.go("flight", level=self.level)

    def watch_replay(self, start_tick: int = 0) -> None:
        """The flight's recording in the replay player, from `start_tick` (a mark of the timeline); closing it
        comes back to this debrief."""
        try:
            replay = load_replay(self.replay_path)
        except ReplayFileError as error:
            self.nodes.append(OnscreenText(text=str(error), pos=(0, -0.8), scale=0.04, fg=WARNING, wordwrap=60))
            return
        router = self.app.router
        router.go("replay", replay=replay, on_close=lambda: router.show(self), start_tick=start_tick)

    def to_menu(self) -> None:
        self.app.router.go("menu")

    def exit(self) -> None:
        self.app.task_mgr.remove("debrief-timeline")
        self.finding_events = None
        if self.timeline is not None:
            self.timeline.destroy()
            self.timeline = None
        for node in self.nodes:
            node.destroy()
        self.nodes.clear()
