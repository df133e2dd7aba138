"""The flight HUD: builds every widget on the a2d anchors, switches units and the detail level (H cycles full,
minimal, off) and destroys it all. Widgets update themselves from the snapshot provider; the Hud only places them."""
from __future__ import annotations

from panda3d.core import TextNode

from flight.hud import (airspeed, altimeter, ammunition, compass, damage_gauge, engine, fuel, gate_gauges,
                        rear_gun_gauges, stall_warning, vertical_speed)
from flight.hud.messages import Messages
from flight.hud.objective_arrow import ObjectiveArrow
from flight.hud.objectives import Objectives
from flight.hud.slip_ball import SlipBall
from flight.hud.display_units import UNITS, units_for
from flight.hud.widget import WARNING_COLOUR, SnapshotProvider, TextGauge, Widget
from flight.sim.world.seats import FLYING, SEAT_NAMES, seat_type

DETAILS = ("full", "minimal", "off")
SEAT_GAUGES = (gate_gauges, rear_gun_gauges)  # each a seat's own gauge, named after its seat (SEAT)
MINIMAL = frozenset({"airspeed", "altimeter", "engine", "messages", "stall_warning", "damage",
                     *(gauge.SEAT for gauge in SEAT_GAUGES)})
IN_A_SCENE = frozenset({"messages"})  # a mission's staged scene: its captions alone
ROW = 0.07
ASSIST_COLOUR = (0.75, 0.85, 1.0, 0.9)
TOP_WIDGETS = ("objectives", "objective_arrow", "stall_warning", "rear_gun")  # under the top's middle and left
READOUT = {"readout": True}  # the numbers and the damage list step at the readout rate (flight.hud.widget)
# name, format module, anchor, (x, z), alignment, extra TextGauge options
TEXT_GAUGES = (
    ("airspeed", airspeed, "a2dBottomLeft", (0.06, 0.06 + 3 * ROW), TextNode.A_left, READOUT),
    ("altimeter", altimeter, "a2dBottomLeft", (0.06, 0.06 + 2 * ROW), TextNode.A_left, READOUT),
    ("vertical_speed", vertical_speed, "a2dBottomLeft", (0.06, 0.06 + ROW), TextNode.A_left, READOUT),
    ("engine", engine, "a2dBottomLeft", (0.06, 0.06), TextNode.A_left, READOUT),
    ("fuel", fuel, "a2dBottomRight", (-0.06, 0.06), TextNode.A_right, READOUT),
    ("ammunition", ammunition, "a2dBottomRight", (-0.06, 0.06 + ROW), TextNode.A_right, READOUT),
    ("damage", damage_gauge, "a2dTopRight", (-0.06, -0.09), TextNode.A_right, {"fg": WARNING_COLOUR, **READOUT}),
    ("compass", compass, "a2dTopCenter", (0.0, -0.09), TextNode.A_center, READOUT),
    ("stall_warning", stall_warning, "a2dTopCenter", (0.0, -0.36), TextNode.A_center,
     {"fg": WARNING_COLOUR, "scale": 0.08}),
)
ALIGN = {"left": TextNode.A_left, "center": TextNode.A_center, "right": TextNode.A_right}
TEXT_GAUGES += tuple((gauge.SEAT, gauge, anchor, pos, ALIGN[align], {}) for gauge in SEAT_GAUGES
                     for anchor, pos, align in [gauge.PLACE])


class Hud:
    """All the flight widgets, by name in `widgets`. `app` is anything with ShowBase's a2d anchors
    (a2dTopLeft, a2dTopCenter, a2dBottomCenter, ...); `snapshot` returns the latest tick's WorldSnapshot."""

    def __init__(self, app, snapshot: SnapshotProvider, task_manager, nation: str, units: str | None = None):
        self.units = units_for(nation)
        if units is not None:
            self.set_units(units)
        self.widgets: dict[str, Widget] = {}
        for name, module, anchor, pos, align, options in TEXT_GAUGES:
            self._add(TextGauge(name, getattr(app, anchor), pos, snapshot,
                                lambda s, format=module.text: format(s, self.units), task_manager, align,
                                **options))
        self.slip_ball = self._add(SlipBall(app.a2dBottomCenter, (0.0, 0.06), snapshot, task_manager))
        self.messages = self._add(Messages(app.a2dBottomCenter, (0.0, 0.27), snapshot, task_manager))
        self.objectives = self._add(Objectives(app.a2dTopLeft, (0.06, -0.09), snapshot, task_manager))
        self.objective_arrow = self._add(ObjectiveArrow(app.a2dTopCenter, (0.0, -0.2), snapshot, task_manager))
        self.assists: list[str] = []  # the assists on (flight.sim.run.assists), and those acting this frame
        self.assists_acting: list[str] = []
        self._add(TextGauge("assists", app.a2dBottomLeft, (0.06, 0.06 + 4 * ROW), snapshot,
                            lambda s: self._assist_line(), task_manager, TextNode.A_left, fg=ASSIST_COLOUR))
        self.seat = FLYING
        self.scene = False
        self.set_detail("full")

    def _add(self, widget):
        self.widgets[widget.name] = widget
        return widget

    def set_assists(self, names: list[str]) -> None:
        self.assists = list(names)

    def _assist_line(self) -> str:
        """"ASSISTS rudder STALL": those acting this frame in capitals."""
        if not self.assists:
            return ""
        return "ASSISTS " + " ".join(n.upper() if n in self.assists_acting else n for n in self.assists)

    def clear_top(self, depth: float) -> None:
        """Move the widgets at the top's middle and left down by `depth` (a2d units), out from under a bar laid
        across the top (the replay player's)."""
        for name in TOP_WIDGETS:
            node = self.widgets[name].node
            node.set_z(node.get_z() - depth)

    def set_units(self, units: str) -> None:
        """"imperial" or "metric", from the settings; the gauges change at their next update."""
        if units not in UNITS:
            raise ValueError(f"HUD units {units!r}: expected one of {', '.join(UNITS)}")
        self.units = units

    def set_detail(self, detail: str) -> None:
        if detail not in DETAILS:
            raise ValueError(f"HUD detail {detail!r}: expected one of {', '.join(DETAILS)}")
        self.detail = detail
        for name, widget in self.widgets.items():
            shown = detail == "full" or (detail == "minimal" and name in MINIMAL)
            widget.set_visible(shown and self._means_something(name))

    def _means_something(self, name: str) -> bool:
        """In a mission's scene only the captions show; a seat's own gauge only in its seat; the rest where the
        seat lists them (flight.sim.world.seats: Seat.gauges; None for all the aircraft's)."""
        if self.scene:
            return name in IN_A_SCENE
        if name in SEAT_NAMES:
            return name == self.seat
        gauges = seat_type(self.seat).gauges
        return gauges is None or name in gauges

    def set_seat(self, seat: str) -> None:
        """Where the player is (the snapshot's seat)."""
        if seat != self.seat:
            self.seat = seat
            self.set_detail(self.detail)

    def set_scene(self, playing: bool) -> None:
        """A mission's staged scene plays: only its captions show over it."""
        if playing != self.scene:
            self.scene = playing
            self.set_detail(self.detail)

    def cycle_detail(self) -> str:
        """full -> minimal -> off -> full; returns the new level."""
        self.set_detail(DETAILS[(DETAILS.index(self.detail) + 1) % len(DETAILS)])
        return self.detail

    def destroy(self) -> None:
        for widget in self.widgets.values():
            widget.destroy()
        self.widgets.clear()
