"""The Camel's instrument board: a wooden panel ahead of the pilot's eye with dials whose needles follow the same
snapshot values as the HUD (airspeed, altitude, engine rpm). It rides on the aircraft's node, so it shows in the
cockpit camera; its own task turns the needles only when a reading moves by a visible amount."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from panda3d.core import CardMaker, NodePath

from flight.hud.units import FEET, MPH
from flight.world import WorldSnapshot

BOARD_CENTRE = (0.0, 0.25, 0.52)  # model frame (x right, y forward, z up), m: below and ahead of the eye
DIAL_RADIUS = 0.045
SWEEP_DEG = 300.0  # a dial's needle travels 300 deg clockwise from its zero
VISIBLE_TURN_DEG = 0.5
TASK_SORT = 41  # with the HUD: after the tick and the draw, before rendering


@dataclass(frozen=True)
class Dial:
    name: str
    x: float  # across the board, m
    full_scale: float  # reading at the end of the sweep
    reading: Callable[[WorldSnapshot], float]


DIALS = (
    Dial("airspeed", -0.12, 140.0, lambda s: float(s.eas[0]) * MPH),  # mph
    Dial("altimeter", 0.0, 1000.0, lambda s: (float(s.altitude[0]) * FEET) % 1000.0),  # the hundreds hand, ft
    Dial("tachometer", 0.12, 1500.0, lambda s: float(s.rpm[0])),  # rpm
)


def needle_angle(dial: Dial, value: float) -> float:
    """Needle roll in degrees (clockwise as the pilot sees it) for a reading, pinned at the stops."""
    return SWEEP_DEG * min(max(value / dial.full_scale, 0.0), 1.0)


class InstrumentBoard:
    def __init__(self, aircraft: NodePath, snapshot: Callable[[], WorldSnapshot], task_manager):
        self.snapshot = snapshot
        self.node = aircraft.attach_new_node("instrument_board")
        self.node.set_pos(*BOARD_CENTRE)
        self.node.set_light_off()
        _card("board", (-0.2, 0.2, -0.06, 0.06), (0.32, 0.2, 0.1, 1)).reparent_to(self.node)
        self.needles: dict[str, NodePath] = {}
        for dial in DIALS:
            face = _card(f"{dial.name}_face", (-DIAL_RADIUS, DIAL_RADIUS, -DIAL_RADIUS, DIAL_RADIUS),
                         (0.08, 0.08, 0.07, 1))
            face.reparent_to(self.node)
            face.set_pos(dial.x, -0.002, 0.0)
            pivot = face.attach_new_node(f"{dial.name}_needle")
            pivot.set_y(-0.002)
            needle = _card("needle", (-0.003, 0.003, -0.004, 0.9 * DIAL_RADIUS), (0.95, 0.92, 0.8, 1))
            needle.reparent_to(pivot)
            pivot.set_r(-SWEEP_DEG / 2)  # zero at about seven o'clock
            self.needles[dial.name] = pivot
        self.task_manager = task_manager
        self.task = task_manager.add(self._update, "cockpit-instruments", sort=TASK_SORT)

    def update(self) -> None:
        s = self.snapshot()
        for dial in DIALS:
            angle = needle_angle(dial, dial.reading(s)) - SWEEP_DEG / 2
            needle = self.needles[dial.name]
            if abs(angle - needle.get_r()) >= VISIBLE_TURN_DEG:
                needle.set_r(angle)

    def _update(self, task):
        self.update()
        return task.cont

    def destroy(self) -> None:
        self.task_manager.remove(self.task)
        self.node.remove_node()


def _card(name: str, frame: tuple[float, float, float, float], colour) -> NodePath:
    """A flat card in the board's plane, facing the pilot (towards -y)."""
    maker = CardMaker(name)
    maker.set_frame(*frame)
    maker.set_color(*colour)
    return NodePath(maker.generate())
