"""A story scene on screen (levels/story/<name>.toml): its cards and shots in order, paced by the scene's clock;
Space or P pauses, Esc or the Skip button held for HOLD_TO_SKIP_S skips (a press by accident does not), and the
end or a skip goes on to where the campaign goes next (`then`), the scene counted as seen."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from direct.gui import DirectGuiGlobals as DGG
from direct.gui.DirectGui import DirectButton, OnscreenText
from panda3d.core import ClockObject

from flight.app.story.card import ACADEMY_RATIO, Intertitle, flat_card
from flight.app.story.stage import Stage
from flight.campaign import record_seen
from flight.story.playhead import Frame, frame_at
from flight.story.scenes import SceneFileError, load_scene

if TYPE_CHECKING:
    from flight.app.app import FlightApp

HOLD_TO_SKIP_S = 1.0
HINT = (0.6, 0.58, 0.52, 1)


class SceneScreen:
    """`name` a scene of levels/story; `then` (screen key, options) where to go after it (the menu if None);
    `outcome` the flight's, for an epilogue card."""

    def __init__(self, app: FlightApp, name: str, then: tuple[str, dict] | None = None, outcome: str = "success"):
        self.app = app
        self.name = name
        self.then = then
        self.outcome = outcome
        self.seconds = 0.0  # into the scene
        self.paused = False
        self.held_s: float | None = None  # how long Esc or Skip has been held, while it is
        self.frame: Frame | None = None
        self.stage: Stage | None = None
        self.overlay = None

    def enter(self) -> None:
        try:
            self.scene = load_scene(self.name).told(self.outcome)
        except SceneFileError as error:  # the story goes on without the scene
            print(f"flight: {error}", file=sys.stderr)
            self._go_on(message=str(error))
            return
        self.app.set_background_color(0, 0, 0, 1)
        self._setting_the_scene()
        self.stage = Stage(self.app, self.scene, self.app.settings.quality)
        self.overlay = overlay = self.app.aspect2d.attach_new_node("scene-overlay")
        half = ACADEMY_RATIO
        flat_card(overlay, "bar-left", -4.0, -half, -1.0, 1.0)
        flat_card(overlay, "bar-right", half, 4.0, -1.0, 1.0)
        self.fade = flat_card(overlay, "fade", -4.0, 4.0, -1.0, 1.0)
        self.card = Intertitle(overlay)
        self.hint = OnscreenText(parent=overlay, text="Hold Esc to skip    Space: pause", pos=(0, -0.93),
                                 scale=0.035, fg=HINT, mayChange=True)
        self.fill = flat_card(overlay, "skip-fill", -0.25, 0.25, -0.965, -0.955, colour=(0.85, 0.83, 0.75, 1))
        self.fill.set_sx(0.0)
        for node in (self.hint, self.fill):
            node.set_bin("fixed", 3)  # over the card's black (flight.app.story.card)
        self.skip = DirectButton(parent=overlay, text="Skip", scale=0.045, pos=(half - 0.12, 0, -0.93),
                                 frameColor=(0.15, 0.15, 0.15, 1), text_fg=(0.85, 0.83, 0.75, 1),
                                 frameSize=(-1.6, 1.6, -0.5, 1.0), pressEffect=False)
        self.skip.bind(DGG.B1PRESS, lambda _: self.hold(True))
        self.skip.bind(DGG.B1RELEASE, lambda _: self.hold(False))
        for key in ("escape", "space", "p"):
            self.app.accept(key, self._key, [key, True])
            self.app.accept(f"{key}-up", self._key, [key, False])
        self.show(0.0)
        self.app.task_mgr.add(self._tick, "story-scene")

    def _setting_the_scene(self) -> None:
        """A line on the black while the theatre is built for the scene's shots (seconds on a first start, with the
        kernels still compiling behind it), so the click that started it is seen to have worked."""
        note = OnscreenText(text=f"{self.scene.title} ...", pos=(0, 0), scale=0.05, fg=HINT)
        for _ in range(2):  # both buffers: the line is on screen before the build holds the frame
            self.app.graphicsEngine.render_frame()
        note.destroy()

    def _key(self, key: str, down: bool) -> None:
        if key == "escape":
            self.hold(down)
        elif down:
            self.toggle_pause()

    def hold(self, down: bool) -> None:
        """Esc or Skip pressed (down) or let go: the skip is counted while it is held."""
        self.held_s = 0.0 if down else None
        self.fill.set_sx(0.0)

    def toggle_pause(self) -> None:
        self.paused = not self.paused
        self.hint.setText("Paused: Space to go on" if self.paused else "Hold Esc to skip    Space: pause")

    def _tick(self, task):
        self.advance(ClockObject.get_global_clock().get_dt())
        return task.cont

    def advance(self, dt: float) -> None:
        """`dt` seconds on: the skip's hold counted, the scene's clock run (unless paused), the frame drawn."""
        dt = min(dt, 0.1)  # a long frame (the landscape settling at a cut) does not jump a card
        if self.held_s is not None:
            self.held_s += dt
            self.fill.set_sx(min(self.held_s / HOLD_TO_SKIP_S, 1.0))
            if self.held_s >= HOLD_TO_SKIP_S:
                self._go_on()
                return
        if not self.paused:
            self.show(self.seconds + dt)

    def show(self, seconds: float) -> None:
        """The frame `seconds` into the scene; past its end, on to what comes next."""
        self.seconds = seconds
        self.frame = frame = frame_at(self.scene, seconds)
        if frame is None:
            self._go_on()
            return
        if frame.beat.shot is None:
            self.card.show(frame.beat.card, frame.shown)
            self.fade.set_alpha_scale(0.0)
        else:
            self.card.hide()
            self.stage.show(frame)
            self.fade.set_alpha_scale(1.0 - frame.shown)

    def _go_on(self, message: str | None = None) -> None:
        """On to `then`, the scene counted as seen (a broken scene is not: it is reported, and the story goes on)."""
        if message is None:
            problem = record_seen(self.name)
            if problem:
                print(f"flight: {problem}", file=sys.stderr)
        if self.then is None:
            self.app.router.go("menu", message=message)
        else:
            key, options = self.then
            self.app.router.go(key, **options)

    def exit(self) -> None:
        self.app.task_mgr.remove("story-scene")
        for key in ("escape", "space", "p"):
            self.app.ignore(key)
            self.app.ignore(f"{key}-up")
        if self.overlay is not None:
            self.card.destroy()
            self.hint.destroy()
            self.skip.destroy()
            self.overlay.remove_node()
            self.overlay = None
        if self.stage is not None:
            self.stage.destroy()
            self.stage = None
