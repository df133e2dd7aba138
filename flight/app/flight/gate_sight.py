"""The gate Maxim's sights on screen: a ring at the breech and a bead on a post at the muzzle, both on the line
from the gunner's eye to where the rounds strike at the zero range, so the bead covers the mark the gun will hit
there. Drawn over the gun and unlit in a pale luminous paint, to be seen at night."""
from __future__ import annotations

import numpy as np
from panda3d.core import LineSegs, NodePath, Point3

from flight.app import frames
from flight.sim.dynamics.atmosphere import GRAVITY
from flight.sim.world.combat.ground_units import MG_DRAG, MG_MUZZLE_VELOCITY
from flight.sim.world.seats.gate.gun import BARREL

ZERO_M = 100.0  # m: the sights are set for the range the gate is fought at (the wire to the huts)
RING_M, BEAD_M = 0.45, 1.05  # m from the eye: the ring over the breech, the bead at the muzzle
RING_RADIUS, POST_HEIGHT = 0.011, 0.03  # m (the ring about 1.4 degrees across its radius)
PAINT = (0.75, 1.0, 0.7, 0.9)  # luminous paint, pale green


def zero_point(gate, range_m: float = ZERO_M) -> np.ndarray:
    """(3,) NED where a round from the gun as laid (`gate`, a GateSnapshot) strikes `range_m` along the bore from
    the pivot: the muzzle velocity's flight with its drag (v' = -k v^2: t = (e^(ks) - 1) / (k v0)) and its drop."""
    s = range_m - BARREL
    t = np.expm1(MG_DRAG * s) / (MG_DRAG * MG_MUZZLE_VELOCITY)
    return gate.gun_pos + range_m * gate.gun_direction + np.array([0.0, 0.0, 0.5 * GRAVITY * t * t])


def _ring(segs: LineSegs, radius: float, segments: int = 24) -> None:
    angle = np.linspace(0.0, 2.0 * np.pi, segments + 1)
    segs.move_to(radius, 0.0, 0.0)
    for a in angle[1:]:
        segs.draw_to(radius * np.cos(a), 0.0, radius * np.sin(a))


class GateSight:
    """Built on the gun's node (the camera's parent at the gun, `eye` in its frame); `draw` every frame."""

    def __init__(self, gun: NodePath, eye):
        self.gun, self.eye = gun, np.array(eye, float)
        self.ring = self._part("sight-ring", lambda s: _ring(s, RING_RADIUS), 2.0)

        def bead(segs: LineSegs) -> None:
            segs.move_to(0.0, 0.0, -POST_HEIGHT)
            segs.draw_to(0.0, 0.0, 0.0)
            _ring(segs, 0.0012, 8)
        self.bead = self._part("sight-bead", bead, 3.0)

    def _part(self, name: str, shape, thickness: float) -> NodePath:
        segs = LineSegs(name)
        segs.set_thickness(thickness)
        segs.set_color(*PAINT)
        shape(segs)
        node = self.gun.attach_new_node(segs.create())
        node.set_light_off()
        node.set_depth_test(False)
        node.set_depth_write(False)
        node.set_bin("fixed", 60)  # over the gun and the beams
        node.set_transparency(True)
        return node

    def draw(self, root: NodePath, gate) -> None:
        """Lay the ring and the bead on the line from the eye to the zero range's point of strike."""
        strike = self.gun.get_relative_point(root, Point3(*frames.position_to_panda(zero_point(gate))))
        line = np.array(strike) - self.eye
        line /= np.linalg.norm(line)
        far = Point3(*(self.eye + 100.0 * line))
        for node, at in ((self.ring, RING_M), (self.bead, BEAD_M)):
            node.set_pos(*(self.eye + at * line))
            node.look_at(far)

    def show(self, shown: bool) -> None:
        for node in (self.ring, self.bead):
            node.show() if shown else node.hide()
