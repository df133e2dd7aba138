"""An arrow at the top centre pointing at the current objective: straight up when it is dead ahead, rotated
clockwise by its bearing relative to the aircraft's heading; hidden when there is no objective to point at."""
from __future__ import annotations

import math

from panda3d.core import NodePath

from flight.hud import outlines as shapes
from flight.hud.widget import SnapshotProvider, TaskWidget
from flight.sim.world import WorldSnapshot

VISIBLE_TURN = 0.5  # degrees
# pointing up (+z), turning about its middle
ARROW_POINTS = ((0.0, 0.055), (-0.04, 0.01), (0.04, 0.01), (-0.013, 0.01), (0.013, 0.01), (0.013, -0.045),
                (-0.013, -0.045))
ARROW_TRIANGLES = ((0, 1, 2), (3, 4, 5), (3, 5, 6))


def relative_bearing(s: WorldSnapshot, target_ned: tuple[float, float]) -> float:
    """Degrees in [-180, 180) from the aircraft's heading to the target (north, east), positive to the right."""
    north = target_ned[0] - float(s.pos[0, 0])
    east = target_ned[1] - float(s.pos[0, 1])
    bearing = math.degrees(math.atan2(east, north) - float(s.euler[0, 2]))
    return (bearing + 180.0) % 360.0 - 180.0


class ObjectiveArrow(TaskWidget):
    def __init__(self, parent: NodePath, pos: tuple[float, float], snapshot: SnapshotProvider, task_manager,
                 name: str = "objective_arrow"):
        self.name = name
        self.snapshot = snapshot
        self.target: tuple[float, float] | None = None
        self.node = parent.attach_new_node(f"hud-{name}")
        self.node.set_pos(pos[0], 0.0, pos[1])
        self.arrow = shapes.mesh("arrow", ARROW_POINTS, ARROW_TRIANGLES, (1.0, 0.85, 0.3, 0.9))
        self.arrow.reparent_to(self.node)
        self.arrow.hide()
        self.arrow_r = 0.0  # the arrow's roll as last set (kept here: asking the node costs a Panda3D call a frame)
        self._start(name, task_manager)

    def point_at(self, target_ned: tuple[float, float] | None) -> None:
        """Point at (north, east) metres in the world, or hide the arrow for None."""
        if target_ned is None:
            self.target = None
            self.arrow.hide()
        else:
            self.target = (float(target_ned[0]), float(target_ned[1]))
            self.arrow.show()

    def update(self) -> None:
        if self.target is None:
            return
        roll = relative_bearing(self.snapshot(), self.target)
        # compare on the circle, so -179.9 and 180 count as the same direction
        if abs((roll - self.arrow_r + 180.0) % 360.0 - 180.0) >= VISIBLE_TURN:
            self.arrow.set_r(roll)
            self.arrow_r = roll

