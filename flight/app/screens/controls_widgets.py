"""Drawing pieces of the Controls screen: a live bar per raw axis, a lamp per button, the response curve of the
selected control with its live point, and the ring that shows which widget the stick has in focus."""
from __future__ import annotations

import numpy as np
from direct.gui.DirectGui import DirectFrame, OnscreenText
from panda3d.core import LineSegs, NodePath, TextNode

from flight.input.curves import AxisShape

TEXT = (0.9, 0.88, 0.8, 1)
DIM = (0.35, 0.33, 0.3, 1)
LIT = (1.0, 0.75, 0.25, 1)
BAR_HALF = 0.22  # half the width of an axis bar


class AxisBar:
    """"3 throttle  [====|    ] +0.52": the raw value of one axis, -1..1 about the bar's middle."""

    def __init__(self, parent: NodePath, label: str, x: float, y: float):
        self.label = OnscreenText(text=label, parent=parent, pos=(x, y - 0.012), scale=0.035, fg=TEXT,
                                  align=TextNode.A_left)
        middle = x + 0.45
        self.back = DirectFrame(parent=parent, frameColor=DIM, frameSize=(-BAR_HALF, BAR_HALF, -0.012, 0.012),
                                pos=(middle, 0, y))
        self.fill = DirectFrame(parent=parent, frameColor=LIT, frameSize=(0, 0, -0.012, 0.012), pos=(middle, 0, y))
        self.value = OnscreenText(text="", parent=parent, pos=(middle + BAR_HALF + 0.03, y - 0.012), scale=0.035,
                                  fg=TEXT, align=TextNode.A_left, mayChange=True)

    def update(self, value: float) -> None:
        shown = float(np.clip(value, -1.0, 1.0)) if np.isfinite(value) else 0.0
        self.fill["frameSize"] = (min(0.0, shown * BAR_HALF), max(0.0, shown * BAR_HALF), -0.012, 0.012)
        self.value.setText(f"{value:+.2f}")

    def destroy(self) -> None:
        for node in (self.label, self.back, self.fill, self.value):
            node.destroy()


class ButtonLamps:
    """A grid of numbered squares, lit while their button is down."""

    def __init__(self, parent: NodePath, count: int, x: float, y: float, per_row: int = 12):
        self.lamps = []
        self.labels = []
        for index in range(count):
            row, column = divmod(index, per_row)
            pos = (x + 0.085 * column, 0, y - 0.085 * row)
            self.lamps.append(DirectFrame(parent=parent, frameColor=DIM, frameSize=(-0.035, 0.035, -0.035, 0.035),
                                          pos=pos))
            self.labels.append(OnscreenText(text=str(index), parent=parent, pos=(pos[0], pos[2] - 0.012),
                                            scale=0.03, fg=(0, 0, 0, 1)))

    def update(self, down: list[bool]) -> None:
        for lamp, pressed in zip(self.lamps, down):
            lamp["frameColor"] = LIT if pressed else DIM

    def destroy(self) -> None:
        for node in self.lamps + self.labels:
            node.destroy()


class CurvePlot:
    """The selected control's response: raw travel across (-1..1), command up (-1..1, or 0..1 for a lever),
    with the live reading as a dot."""

    def __init__(self, parent: NodePath, x: float, y: float, size: float):
        self.root = parent.attach_new_node("curve-plot")
        self.root.set_pos(x, 0, y)
        self.size = size
        DirectFrame(parent=self.root, frameColor=(0.07, 0.07, 0.06, 1), frameSize=(-size, size, -size, size))
        grid = LineSegs("curve-grid")
        grid.set_color(0.3, 0.3, 0.28, 1)
        for a, b in (((-size, 0), (size, 0)), ((0, -size), (0, size))):
            grid.move_to(a[0], 0, a[1])
            grid.draw_to(b[0], 0, b[1])
        self.root.attach_new_node(grid.create())
        self.curve: NodePath | None = None
        self.dot = DirectFrame(parent=self.root, frameColor=LIT, frameSize=(-0.014, 0.014, -0.014, 0.014))
        self.lever = False

    def draw(self, shape: AxisShape | None, lever: bool) -> None:
        """Redraw the curve for `shape` (None: the control is not bound)."""
        if self.curve is not None:
            self.curve.remove_node()
            self.curve = None
        self.lever = lever
        self.dot.hide()
        if shape is None:
            return
        travel = np.linspace(-1.0, 1.0, 161)
        raw = self._raw(shape, travel)
        command = shape.lever(raw) if lever else shape.stick(raw)
        lines = LineSegs("curve")
        lines.set_color(*LIT)
        lines.set_thickness(2.0)
        for i, (t, c) in enumerate(zip(travel, command)):
            (lines.move_to if i == 0 else lines.draw_to)(t * self.size, 0, self._y(c))
        self.curve = self.root.attach_new_node(lines.create())

    def point(self, travel: float | None, command: float | None) -> None:
        """The live reading: where along the travel the axis is, and the command it gives."""
        if travel is None or command is None:
            self.dot.hide()
            return
        self.dot.show()
        self.dot.set_pos(float(np.clip(travel, -1, 1)) * self.size, 0, self._y(command))

    def _y(self, command: float) -> float:
        return (2.0 * command - 1.0) * self.size if self.lever else command * self.size

    @staticmethod
    def _raw(shape: AxisShape, travel):
        """Raw values for positions -1..1 along the travel (the curve is drawn against travel, not raw)."""
        low, high = shape.raw_range
        return low + (np.asarray(travel) + 1.0) / 2.0 * (high - low)

    def destroy(self) -> None:
        self.root.remove_node()


def travel_of(shape: AxisShape, raw: float) -> float:
    """Where a raw value lies along the shape's travel, -1..1 (before inversion: as the axis moves)."""
    low, high = shape.raw_range
    return float(np.clip(2.0 * (raw - low) / (high - low) - 1.0, -1.0, 1.0))


class FocusRing:
    """A frame behind the widget the stick has in focus."""

    def __init__(self, parent: NodePath):
        self.frame = DirectFrame(parent=parent, frameColor=(1.0, 0.8, 0.3, 0.55), frameSize=(0, 0, 0, 0))
        self.frame.hide()

    def around(self, widget) -> None:
        left, right, bottom, top = widget.getBounds()
        scale = widget.getScale()
        pos = widget.getPos(self.frame.getParent())
        pad = 0.012
        self.frame["frameSize"] = (left * scale[0] - pad, right * scale[0] + pad, bottom * scale[2] - pad,
                                   top * scale[2] + pad)
        self.frame.set_pos(pos)
        self.frame.show()

    def hide(self) -> None:
        self.frame.hide()
