"""The slip ball: a ball in a curved glass tube between two wires, as in a turn-and-slip indicator.

Convention: the ball shows -y of the body specific force (y right). Apparent gravity is -f, so when the airframe
is pushed left (f_y < 0, e.g. skidding to the left) the ball rolls right, and the pilot "steps on the ball" with
right rudder to centre it. The ball sits where the tube's floor is normal to the apparent gravity, taking the
vertical part as 1 g, so it follows atan(-f_y) and stops against the tube's ends."""
from __future__ import annotations

import math

from panda3d.core import NodePath

from flight.hud import outlines as shapes
from flight.hud.widget import SnapshotProvider, TaskWidget
from flight.sim.world import WorldSnapshot

TUBE_RADIUS = 0.6  # of the arc, aspect2d units
TUBE_HALF_ANGLE = math.radians(16.0)
TUBE_WIDTH = 0.05
BALL_RADIUS = 0.02
BALL_STOP = TUBE_HALF_ANGLE - BALL_RADIUS / TUBE_RADIUS  # the ball's centre at an end of the tube (about 0.25 g)
VISIBLE_MOVE = 0.002  # aspect2d units: under a pixel at 720 lines (2 units / 720 = 0.0028)


def ball_angle(s: WorldSnapshot) -> float:
    """Radians along the tube from its centre, positive to the right."""
    return min(max(math.atan(-float(s.specific_force[0, 1])), -BALL_STOP), BALL_STOP)


def ball_position(angle: float) -> tuple[float, float]:
    """(x, z) of the ball's centre, on the tube's arc."""
    return TUBE_RADIUS * math.sin(angle), TUBE_RADIUS * (1.0 - math.cos(angle))


class SlipBall(TaskWidget):
    def __init__(self, parent: NodePath, pos: tuple[float, float], snapshot: SnapshotProvider, task_manager,
                 name: str = "slip_ball"):
        self.name = name
        self.snapshot = snapshot
        self.node = parent.attach_new_node(f"hud-{name}")
        self.node.set_pos(pos[0], 0.0, pos[1])
        shapes.arc_band("tube", TUBE_RADIUS, TUBE_HALF_ANGLE, TUBE_WIDTH, (0.92, 0.92, 0.85, 0.55)).reparent_to(
            self.node)
        # drawn in scene-graph order: tube, ball, then the wires in front of the ball
        self.ball = shapes.disc("ball", BALL_RADIUS, (0.05, 0.05, 0.05, 1.0))
        self.ball.reparent_to(self.node)
        for side in (-1.0, 1.0):
            x = side * (BALL_RADIUS + 0.004)
            shapes.rectangle("wire", x - 0.002, -TUBE_WIDTH / 2, x + 0.002, TUBE_WIDTH / 2,
                             (0.1, 0.1, 0.1, 1.0)).reparent_to(self.node)
        self.ball_x = 0.0  # where the ball was placed (kept here: asking the node costs a Panda3D call a frame)
        self._start(name, task_manager)

    def update(self) -> None:
        x, z = ball_position(ball_angle(self.snapshot()))
        if abs(x - self.ball_x) >= VISIBLE_MOVE:
            self.ball.set_pos(x, 0.0, z)
            self.ball_x = x

