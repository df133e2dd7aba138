"""Watching a replay: the recorded sortie re-flown in the flight view, with pause, speeds from 0.25x to 8x, a seek
bar with the flight's events marked under it (worked out a little each frame, the first time a file is shown) and
10 s jumps, the flight view's cameras and HUD, and Take control (the player flies on from here, into a new
recording that starts with the replay's inputs)."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from direct.gui import DirectGuiGlobals as DGG
from direct.gui.DirectGui import DirectFrame, DirectSlider, OnscreenText
from panda3d.core import Point3, TextNode

from flight.app.flight.flight_view import FlightView
from flight.app.flight.loop import MAX_TICKS_PER_FRAME
from flight.app.screens.replay_files import clock
from flight.app.screens.timeline_bar import TimelineBar
from flight.sim.dynamics import DT
from flight.sim.replay import Replay, new_replay_path
from flight.sim.replay.playback import Playback, version_note
from flight.sim.replay.timeline import event_pass, known_events, timeline_events

if TYPE_CHECKING:
    from flight.app.app import FlightApp

SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)
BAR_DEPTH = 0.36  # a2d units the bar takes from the top: the HUD's top widgets go below it
SEEK_BAR_X, SEEK_BAR_HALF = 0.35, 0.8  # the seek bar's centre and half length in the bar's frame
JUMP_TICKS = round(10.0 / DT)
KEYS = ("Space pause   [ ] speed   Left/Right 10 s   Tab next aircraft   T take control   F1-F5 C cameras   "
        "H HUD   Esc back")


class ReplayPlayer:
    """A replay on screen; `on_close` goes back (to the replay browser or the debrief), or without one Esc quits
    (`flight replay FILE`)."""

    def __init__(self, app: FlightApp, replay: Replay, on_close: Callable[[], None] | None = None,
                 start_tick: int = 0):
        self.app = app
        self.replay = replay
        self.on_close = on_close
        self.start_tick = start_tick  # where to open it (a debrief's marker)
        self.timeline: TimelineBar | None = None
        self.finding_events = None  # the pass working out the events, while it runs
        self.view: FlightView | None = None
        self.handed_over = False
        self.bar_tick = 0
        self.nodes = []

    def enter(self) -> None:
        self.view = FlightView(self.app, self.replay.header["level"], playback=Playback(self.replay))
        self.view.loop.max_ticks = round(max(SPEEDS) * MAX_TICKS_PER_FRAME)
        # along the top, under the compass: the bottom belongs to the HUD's gauges and messages
        bar = DirectFrame(parent=self.app.a2dTopCenter, frameColor=(0, 0, 0, 0.45),
                          frameSize=(-1.2, 1.2, -0.37, -0.17))
        self.status = OnscreenText(parent=bar, pos=(-1.15, -0.24), scale=0.045, fg=(1, 1, 1, 1),
                                   align=TextNode.A_left, mayChange=True)
        OnscreenText(parent=bar, text=KEYS, pos=(0, -0.345), scale=0.032, fg=(0.85, 0.85, 0.8, 1))
        self.seek_bar = DirectSlider(parent=bar, range=(0, max(self.replay.ticks, 1)), value=0,
                                     pos=(SEEK_BAR_X, 0, -0.23), scale=SEEK_BAR_HALF, frameSize=(-1, 1, -0.02, 0.02),
                                     thumb_frameSize=(-0.02, 0.02, -0.04, 0.04), pageSize=0)
        self.seek_bar.bind(DGG.B1PRESS, self._clicked)  # a click on the track jumps there, playing or paused
        self.nodes.append(bar)
        self.bar = bar
        self.view.hud.clear_top(BAR_DEPTH)
        if known_events(self.replay) is None:
            self.finding_events = event_pass(self.replay)
        else:
            self._lay_timeline()
        for note in (version_note(self.replay), None if self.replay.complete else
                     f"This recording stops after {clock(self.replay.ticks)}: it was interrupted."):
            if note:
                self.view.hud.messages.say("Replay", note, seconds=8.0)
        for key, command, args in (("space", self.toggle_pause, []), ("[", self.change_speed, [-1]),
                                   ("]", self.change_speed, [1]), ("arrow_left", self.jump, [-JUMP_TICKS]),
                                   ("arrow_right", self.jump, [JUMP_TICKS]), ("t", self.take_control, []),
                                   ("tab", self.view.follow, [1]),
                                   ("escape", self.close, [])):
            self.app.accept(key, command, args)
        self.app.task_mgr.add(self._show, "replay-status", sort=13)
        if self.start_tick:
            self.seek(self.start_tick)

    @property
    def playback(self) -> Playback:
        return self.view.playback

    def toggle_pause(self) -> None:
        self.view.paused = not self.view.paused

    def change_speed(self, step: int) -> None:
        index = SPEEDS.index(self.view.speed) + step
        self.view.speed = SPEEDS[min(max(index, 0), len(SPEEDS) - 1)]

    def jump(self, ticks: int) -> None:
        self.seek(self.playback.tick + ticks)

    def seek(self, tick: int) -> None:
        self.playback.seek(tick)
        self.view.show_current()
        self._move_bar(self.playback.tick)

    def _move_bar(self, tick: int) -> None:
        self.bar_tick = tick  # where we put the thumb: a value elsewhere is the player's drag
        self.seek_bar["value"] = tick

    def _clicked(self, event) -> None:
        """A click on the seek bar's track: to that moment (the window's pointer, in the track's own -1..1)."""
        mouse = event.get_mouse()
        x = self.seek_bar.get_relative_point(self.app.render2d, Point3(mouse.x, 0, mouse.y)).x
        self.seek_to_fraction((x + 1.0) / 2.0)

    def seek_to_fraction(self, fraction: float) -> None:
        self.seek(round(min(max(fraction, 0.0), 1.0) * self.replay.ticks))


    def _lay_timeline(self) -> None:
        self.timeline = TimelineBar(self.bar, SEEK_BAR_X - SEEK_BAR_HALF, SEEK_BAR_X + SEEK_BAR_HALF, -0.28,
                                    self.replay.ticks, timeline_events(known_events(self.replay)), self.seek,
                                    words_z=-0.42)

    def _find_events(self) -> None:
        """One step of the events' pass; the marks go down when it is done."""
        if next(self.finding_events, None) is None:
            self.finding_events = None
            self._lay_timeline()

    def _show(self, task):
        if self.view.playback is None:
            return task.done
        if self.finding_events is not None:
            self._find_events()
        dragged = round(self.seek_bar["value"])
        if dragged != self.bar_tick:  # the player moved the thumb since the last frame, playing or paused
            self.seek(dragged)
        tick = self.playback.tick
        self._move_bar(tick)
        state = "paused" if self.view.paused else f"{self.view.speed:g}x"
        if self.playback.at_end:
            outcome = self.replay.outcome or {}
            state = f"end: {outcome.get('outcome', 'interrupted')}" + (f" ({outcome['reason']})"
                                                                        if outcome.get("reason") else "")
        marking = "   marking the events..." if self.finding_events is not None else ""
        self.status.setText(f"{clock(tick)} / {clock(self.replay.ticks)}   {state}{marking}")
        return task.cont

    def take_control(self) -> None:
        """From this moment the player flies, recorded into a new replay; the flight carries on as a live one."""
        if self.playback.sortie.end is not None:
            return
        writer = self.playback.take_control(new_replay_path(self.replay.header["level"]))
        self.view.followed = 0
        self.view.take_control(writer)
        self.view.paused = False
        self.view.hud.messages.say("Replay", "You have control.", seconds=4.0)
        self.handed_over = True
        self.app.router.go("flight", level=self.replay.header["level"], view=self.view)

    def close(self) -> None:
        if self.on_close is not None:
            self.on_close()
        else:
            self.app.userExit()

    def exit(self) -> None:
        self.app.task_mgr.remove("replay-status")
        for key in ("space", "[", "]", "arrow_left", "arrow_right", "t", "tab", "escape"):
            self.app.ignore(key)
        if self.timeline is not None:
            self.timeline.destroy()
        for node in self.nodes:
            node.destroy()
        self.nodes.clear()
        if not self.handed_over:
            self.view.destroy()
