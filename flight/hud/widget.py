"""The base of the HUD widgets: the Widget shape the Hud manages, the text styles, and TextGauge, one line (or
block) of text whose own task formats the newest snapshot and calls setText only when the string changes; a
readout's numbers step every READOUT_TICKS of game time."""
from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from direct.gui.OnscreenText import OnscreenText
from panda3d.core import NodePath, TextNode, TextProperties, TextPropertiesManager

from flight.sim.world import WorldSnapshot

Units = str  # "imperial" (mph, ft) or "metric" (km/h, m); see flight.hud.display_units
SnapshotProvider = Callable[[], WorldSnapshot]

READOUT_TICKS = 8  # a readout's numbers change every 8 ticks (15 Hz): the last digit reads instead of flickering
HUD_TASK_SORT = 40  # after the world's tick (10) and the scene's draw (11), before rendering (igLoop, 50)
TEXT_COLOUR = (1.0, 1.0, 0.9, 1.0)
WARNING_COLOUR = (1.0, 0.35, 0.25, 1.0)
# named colours for parts of one text, embedded as "\1name\1...\2" (Panda3D's TextPropertiesManager)
STYLES = {"hud_speaker": (1.0, 0.8, 0.45, 1.0), "hud_done": (0.55, 0.9, 0.5, 1.0), "hud_failed": WARNING_COLOUR}


class Widget(Protocol):
    """What the Hud needs of a widget: a name, one node, set_visible() that shows or hides it, refresh() as its
    task does each frame, and destroy() that removes its task and node.
    Example: `TextGauge("fuel", app.a2dBottomRight, (-0.06, 0.06), provider, format, task_mgr)`."""
    name: str
    node: NodePath

    def set_visible(self, visible: bool) -> None: ...

    def refresh(self) -> None: ...

    def destroy(self) -> None: ...


def styled(style: str, text: str) -> str:
    """`text` in one of STYLES' colours, inside a TextGauge's string."""
    return f"\1{style}\1{text}\2"


def _register_styles() -> None:
    manager = TextPropertiesManager.get_global_ptr()
    for name, colour in STYLES.items():
        properties = TextProperties()
        properties.set_text_color(*colour)
        manager.set_properties(name, properties)


_register_styles()


class TaskWidget:
    """A HUD node refreshed by its own task: subclasses set `self.node`, define `update()` and call `_start`.

        class Needle(TaskWidget):
            def __init__(self, parent, snapshot, task_manager):
                self.node, self.snapshot = parent.attach_new_node("hud-needle"), snapshot
                self._start("needle", task_manager)
            def update(self): self.node.set_r(...)
    """

    visible = True  # as set_visible left it: a frame reads this, not the node (a Panda3D call costs about a
    # microsecond between rendered frames, and sixteen widgets ask every frame)

    def _start(self, name: str, task_manager) -> None:
        self.task_manager = task_manager
        self.task = task_manager.add(self._update, f"hud-{name}", sort=HUD_TASK_SORT)

    def set_visible(self, visible: bool) -> None:
        """Show or hide the widget (the HUD's detail level, the seat); a hidden widget does no work."""
        self.visible = visible
        if visible:
            self.node.show()
        else:
            self.node.hide()

    def refresh(self) -> None:
        """What the widget's task does each frame: `update`, unless hidden."""
        if self.visible:
            self.update()

    def _update(self, task):
        self.refresh()
        return task.cont

    def destroy(self) -> None:
        # by the task object, not its name: another HUD's widget may share the name
        self.task_manager.remove(self.task)
        self.node.remove_node()


def hud_text(parent: NodePath, pos: tuple[float, float], align=TextNode.A_left, scale: float = 0.055,
             fg=TEXT_COLOUR, wordwrap: float | None = None) -> OnscreenText:
    """An empty HUD text node, shadowed so that it reads over sky and ground, for setText."""
    return OnscreenText(text="", parent=parent, pos=pos, scale=scale, align=align, fg=fg, shadow=(0, 0, 0, 0.8),
                        wordwrap=wordwrap, mayChange=True)


class TextGauge(TaskWidget):
    """HUD text at `pos` under `parent`; `format` turns the newest snapshot into its text. The task does nothing
    while the gauge is hidden (the HUD's detail level). A `readout` (speed, height, rpm, rounds left) is formatted
    again only once READOUT_TICKS of game time have passed, as an instrument's digits step, or on any frame game
    time has not moved since the last (paused, stepped a tick at a time; the units or the aircraft followed
    changed); other text (the stall warning, the assists acting) shows on the frame it changes."""

    def __init__(self, name: str, parent: NodePath, pos: tuple[float, float], snapshot: SnapshotProvider,
                 format: Callable[[WorldSnapshot], str], task_manager, align=TextNode.A_left, *,
                 scale: float = 0.055, fg=TEXT_COLOUR, wordwrap: float | None = None, readout: bool = False):
        self.name = name
        self.snapshot = snapshot
        self.format = format
        self.text = self.node = hud_text(parent, pos, align, scale, fg, wordwrap)
        self.shown = ""
        self.readout_ticks = READOUT_TICKS if readout else 0
        self.read_at = None  # the tick of the snapshot last formatted
        self.seen_at = None  # the tick of the last frame's snapshot
        self._start(name, task_manager)

    def update(self) -> None:
        snapshot = self.snapshot()
        tick, moving = snapshot.tick, snapshot.tick != self.seen_at
        self.seen_at = tick
        if moving and self.read_at is not None and 0 < tick - self.read_at < self.readout_ticks:
            return
        self.read_at = tick
        shown = self.format(snapshot)
        if shown != self.shown:
            self.text.setText(shown)
            self.shown = shown

    def destroy(self) -> None:
        self.task_manager.remove(self.task)
        self.text.destroy()
