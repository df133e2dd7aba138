"""The Camel's instrument board: a wooden board under a padded coaming, just ahead of the pilot and below the gun
breeches, with dials whose needles follow the same snapshot values as the HUD (airspeed, altitude, engine rpm,
compass heading, the flight's clock). It rides on the aircraft's node, so it shows at the bottom of the cockpit
camera's view; its own task turns a needle only when its reading moves by a visible amount. The board, bezels,
faces and scales are one mesh; each needle (or compass card) is its own small node."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from panda3d.core import NodePath

from flight.app.scene.ground_and_sky import linear, mesh_node
from flight.hud.display_units import FEET, MPH
from flight.sim.world import WorldSnapshot

# model frame (x right, y forward, z up), m: the middle of the board's top edge, 0.5 m ahead of the eye
# (cameras.EYE), just behind the gun breeches and low enough that their tops show over the coaming
BOARD_TOP = (0.0, 0.0, 0.62)
BOARD_SIZE = (0.60, 0.10)  # across, and down from the top edge into the fuselage's decking
DIAL_DROP = 0.041  # dial centres below the top edge, the bezels clear of the coaming
DIAL_RADIUS = 0.028
SWEEP_DEG = 300.0  # a needle dial's needle travels 300 deg clockwise from its zero
VISIBLE_TURN_DEG = 0.5
TASK_SORT = 41  # with the HUD: after the tick and the draw, before rendering
WOOD = (0.33, 0.20, 0.10)  # varnished walnut
LEATHER = (0.16, 0.10, 0.07)
BRASS = (0.62, 0.48, 0.24)
FACE = (0.07, 0.07, 0.06)
PAINT = (0.93, 0.90, 0.78)  # luminous paint on the scales and needles
CARD = (0.86, 0.82, 0.70)
NORTH = (0.75, 0.12, 0.10)


@dataclass(frozen=True)
class Dial:
    name: str
    x: float  # across the board, m
    full_scale: float  # reading at the end of the sweep
    reading: Callable[[WorldSnapshot], float]
    sweep_deg: float = SWEEP_DEG
    radius: float = DIAL_RADIUS
    card: bool = False  # a compass: the card turns under a fixed lubber line instead of a needle


DIALS = (
    Dial("airspeed", -0.19, 140.0, lambda s: float(s.eas[0]) * MPH),  # mph
    Dial("altimeter", -0.095, 1000.0, lambda s: (float(s.altitude[0]) * FEET) % 1000.0),  # the hundreds hand, ft
    Dial("tachometer", 0.0, 1500.0, lambda s: float(s.rpm[0]), radius=0.030),  # rpm
    Dial("compass", 0.095, 360.0, lambda s: float(np.degrees(s.euler[0, 2])) % 360.0, sweep_deg=360.0, card=True),
    Dial("clock", 0.19, 3600.0, lambda s: s.seconds % 3600.0, sweep_deg=360.0),  # the minute hand
)


def needle_angle(dial: Dial, value: float) -> float:
    """Needle roll in degrees (clockwise as the pilot sees it) for a reading, pinned at the stops; a full-circle
    dial (compass, clock) wraps round instead."""
    if dial.sweep_deg >= 360.0:
        return 360.0 * ((value / dial.full_scale) % 1.0)
    return dial.sweep_deg * min(max(value / dial.full_scale, 0.0), 1.0)


def _zero(dial: Dial) -> float:
    """Roll of the needle at a zero reading: about seven o'clock on a 300 deg dial, twelve on a full circle."""
    return 0.0 if dial.sweep_deg >= 360.0 else -dial.sweep_deg / 2


class InstrumentBoard:
    def __init__(self, aircraft: NodePath, snapshot: Callable[[], WorldSnapshot], task_manager):
        self.snapshot = snapshot
        self.node = aircraft.attach_new_node("instrument_board")
        self.node.set_pos(*BOARD_TOP)
        self.node.set_light_off()
        self.node.attach_new_node(_board_mesh())
        self.needles: dict[str, NodePath] = {}
        for dial in DIALS:
            pivot = self.node.attach_new_node(f"{dial.name}_needle")
            pivot.set_pos(dial.x, -0.0045, -DIAL_DROP)
            pivot.attach_new_node(_card_mesh(dial) if dial.card else _needle_mesh(dial))
            pivot.set_r(_zero(dial))
            self.needles[dial.name] = pivot
        self.task_manager = task_manager
        self.task = task_manager.add(self._update, "cockpit-instruments", sort=TASK_SORT)

    def update(self) -> None:
        s = self.snapshot()
        for dial in DIALS:
            angle = needle_angle(dial, dial.reading(s))
            angle = -angle if dial.card else angle + _zero(dial)  # the card turns the other way under the line
            needle = self.needles[dial.name]
            turn = angle - needle.get_r()
            if dial.sweep_deg >= 360.0:  # the short way round
                turn = (turn + 180.0) % 360.0 - 180.0
            if abs(turn) >= VISIBLE_TURN_DEG:
                needle.set_r(angle)

    def _update(self, task):
        self.update()
        return task.cont

    def destroy(self) -> None:
        self.task_manager.remove(self.task)
        self.node.remove_node()


class _Mesh:
    """Flat coloured polygons in the board's frame (x right, z up, facing the pilot at -y), gathered into one
    mesh: points, linear colours and counter-clockwise triangles as the pilot sees them."""

    def __init__(self):
        self.points: list[np.ndarray] = []
        self.colours: list[np.ndarray] = []
        self.tris: list[np.ndarray] = []
        self.count = 0

    def fan(self, outline: np.ndarray, colour, y: float) -> None:
        """A convex polygon from its (n, 2) x/z outline, counter-clockwise as the pilot sees it, at depth y."""
        centre = outline.mean(axis=0)
        ring = np.column_stack([outline[:, 0], np.full(len(outline), y), outline[:, 1]])
        self.add(np.vstack([[centre[0], y, centre[1]], ring]), colour,
                 np.column_stack([np.zeros(len(outline), int), 1 + np.arange(len(outline)),
                                  1 + (np.arange(len(outline)) + 1) % len(outline)]))

    def add(self, points: np.ndarray, colour, tris: np.ndarray) -> None:
        self.points.append(points)
        self.colours.append(np.broadcast_to(linear(colour), (len(points), 3)))
        self.tris.append(tris + self.count)
        self.count += len(points)

    def node(self, name: str):
        return mesh_node(name, np.concatenate(self.points), np.concatenate(self.colours), np.concatenate(self.tris))


def _circle(x: float, z: float, r: float, sides: int = 24) -> np.ndarray:
    a = np.linspace(0.0, 2.0 * np.pi, sides, endpoint=False)
    return np.column_stack([x + r * np.cos(a), z + r * np.sin(a)])  # counter-clockwise as the pilot sees it


def _box(x0, x1, z0, z1) -> np.ndarray:
    return np.array([(x1, z0), (x1, z1), (x0, z1), (x0, z0)])


def _tick(x: float, z: float, angle_deg: float, r0: float, r1: float, half_width: float) -> np.ndarray:
    """A small quad from r0 to r1 along the direction `angle_deg` clockwise from twelve o'clock."""
    a = np.radians(angle_deg)
    along, side = np.array([np.sin(a), np.cos(a)]), np.array([np.cos(a), -np.sin(a)])
    c = np.array([x, z])
    return np.array([c + along * r0 - side * half_width, c + along * r0 + side * half_width,
                     c + along * r1 + side * half_width, c + along * r1 - side * half_width])


def _board_mesh():
    """The board, the coaming roll along its top, and each dial's bezel, face and scale."""
    mesh = _Mesh()
    half, depth = BOARD_SIZE[0] / 2, BOARD_SIZE[1]
    mesh.fan(_box(-half, half, -depth, 0.0), WOOD, 0.0)
    # the coaming: a padded roll over the top edge, seen from the pilot as a leather band with a darker crease
    mesh.fan(_box(-half - 0.02, half + 0.02, -0.004, 0.014), LEATHER, -0.012)
    mesh.fan(_box(-half - 0.02, half + 0.02, 0.006, 0.011), (0.27, 0.18, 0.12), -0.0122)  # light on the roll's top
    mesh.fan(_box(-half - 0.02, half + 0.02, -0.006, -0.002), (0.08, 0.05, 0.035), -0.0125)
    for dial in DIALS:
        z = -DIAL_DROP
        mesh.fan(_circle(dial.x, z, dial.radius * 1.16), BRASS, -0.002)
        mesh.fan(_circle(dial.x, z, dial.radius), FACE, -0.003)
        if dial.card:  # the compass's lubber line, fixed at the top
            mesh.fan(_tick(dial.x, z, 0.0, dial.radius * 0.82, dial.radius * 1.02, 0.0012), NORTH, -0.0055)
            continue
        marks = 10 if dial.sweep_deg < 360 else 12
        for k in range(marks + (dial.sweep_deg < 360)):
            angle = _zero(dial) + dial.sweep_deg * k / marks
            major = k % (2 if dial.sweep_deg < 360 else 3) == 0
            mesh.fan(_tick(dial.x, z, angle, dial.radius * (0.72 if major else 0.8), dial.radius * 0.94,
                           0.0011 if major else 0.0007), PAINT, -0.0035)
    return mesh.node("instrument_board")


def _needle_mesh(dial: Dial):
    """A tapering needle pointing to twelve o'clock from the pivot, with a brass centre boss."""
    mesh = _Mesh()
    r = dial.radius
    mesh.fan(np.array([(0.0022, -0.16 * r), (0.0008, 0.86 * r), (-0.0008, 0.86 * r), (-0.0022, -0.16 * r)]),
             PAINT, 0.0)
    mesh.fan(_circle(0.0, 0.0, 0.13 * r, 10), BRASS, -0.0005)
    return mesh.node(f"{dial.name}_hand")


def _card_mesh(dial: Dial):
    """A compass card: pale, with a red north mark and black marks for east, south and west."""
    mesh = _Mesh()
    r = dial.radius * 0.9
    mesh.fan(_circle(0.0, 0.0, r), CARD, 0.0)
    for k in range(12):
        colour = NORTH if k == 0 else FACE
        width = 0.0025 if k == 0 else (0.0012 if k % 3 == 0 else 0.0006)
        mesh.fan(_tick(0.0, 0.0, 30.0 * k, r * (0.45 if k % 3 == 0 else 0.7), r * 0.95, width), colour, -0.0005)
    return mesh.node(f"{dial.name}_card")
