"""The ground units on screen: a flak gun, Maxim, searchlight, lorry or squad of guards at each unit's place in the
snapshot, guns laid on their targets, searchlight beams where the lights point, lorry wheels turning, wrecks
darkened. Uses models/*.glb (flak_gun, maxim_gun, searchlight, truck, figure_standing) and plain boxes for any
that are missing."""
from __future__ import annotations

import numpy as np
from panda3d.core import ColorBlendAttrib, NodePath

from flight.app import frames
from flight.app.model_files import load_model
from flight.app.scene.ground_and_sky import linear, mesh_node
from flight.paths import models_dir
from flight.sim.world.combat.ground_units import FLAK, GUARDS, MG, SEARCHLIGHT, TRUCK

MODELS = {FLAK: "flak_gun.glb", MG: "maxim_gun.glb", SEARCHLIGHT: "searchlight.glb", TRUCK: "truck.glb",
          GUARDS: "figure_standing.glb"}
STAND_INS = {FLAK: ((2.4, 4.0, 1.6), (0.3, 0.32, 0.26)), MG: ((0.8, 1.4, 0.7), (0.2, 0.2, 0.2)),
             SEARCHLIGHT: ((1.4, 1.4, 1.8), (0.35, 0.35, 0.3)), TRUCK: ((2.2, 6.0, 2.6), (0.3, 0.32, 0.22)),
             GUARDS: ((0.5, 0.3, 1.75), (0.3, 0.32, 0.3))}  # (width, length, height) m, sRGB
WHEEL_RADIUS = 0.45  # m, the lorry's
BEAM_LENGTH, BEAM_END_RADIUS = 3000.0, 45.0  # m: a 150 cm searchlight's beam spreads about 1.5 degrees
EYE_CLEAR_M = 60.0  # a beam at the camera stops this far short of it
BEAM_BRIGHTNESS = 0.07  # added to the picture at the lamp, fading to nothing at the far end (both walls add)
SQUAD_SPACING = 1.6  # m between the men of a squad
BEAM_CLEAR_M, BEAM_FADE_M = 4.0, 120.0  # a beam's walls this near the camera are not drawn, and fade in over this


def _box(size: tuple[float, float, float], srgb) -> NodePath:
    """A stand-in box standing on the ground, centred on the origin."""
    w, l, h = size
    corners = np.array([[x, y, z] for z in (0.0, h) for y in (-l / 2, l / 2) for x in (-w / 2, w / 2)])
    faces = np.array([[0, 2, 1], [1, 2, 3], [4, 5, 6], [5, 7, 6], [0, 1, 4], [1, 5, 4], [2, 6, 3], [3, 6, 7],
                      [0, 4, 2], [2, 4, 6], [1, 3, 5], [3, 7, 5]])
    colours = np.tile(linear(srgb), (8, 1))
    return NodePath(mesh_node("stand-in", corners, colours, faces))


def beam_node() -> NodePath:
    """A searchlight's beam: an open cone along +Y, bright at the lamp and fading to nothing at its far end."""
    segments = 16
    angle = np.linspace(0.0, 2.0 * np.pi, segments, endpoint=False)
    ring = np.stack([np.cos(angle), np.zeros(segments), np.sin(angle)], axis=1)
    near, far = ring * 0.8, ring * BEAM_END_RADIUS + [0.0, BEAM_LENGTH, 0.0]
    points = np.concatenate([near, far])
    colours = np.concatenate([np.full((segments, 3), BEAM_BRIGHTNESS), np.zeros((segments, 3))]) * linear(
        (0.95, 0.97, 1.0))
    i = np.arange(segments)
    j = (i + 1) % segments
    faces = np.concatenate([np.stack([i, j, i + segments], 1), np.stack([j, j + segments, i + segments], 1)])
    node = NodePath(mesh_node("beam", points, colours, faces, alpha=0.5))
    node.set_two_sided(True)
    node.set_light_off()
    node.set_depth_write(False)
    node.set_bin("fixed", 35)
    node.set_attrib(ColorBlendAttrib.make(ColorBlendAttrib.M_add, ColorBlendAttrib.O_one, ColorBlendAttrib.O_one))
    return node


def beam_reach(lamp: np.ndarray, axis: np.ndarray, eye: np.ndarray) -> float:
    """How much of a beam to draw (1 whole): one that would pass over or near the camera ends EYE_CLEAR_M short of
    it, fading out before it; seen from inside, its walls would be a flat grey wash over the picture."""
    along = float(np.dot(eye - lamp, axis))
    if not 0.0 < along < BEAM_LENGTH:
        return 1.0
    across = float(np.linalg.norm(eye - lamp - along * axis))
    if across > BEAM_END_RADIUS * along / BEAM_LENGTH + EYE_CLEAR_M:
        return 1.0
    return max(along - EYE_CLEAR_M, 10.0) / BEAM_LENGTH


def beam_fade(lamp: np.ndarray, spot: np.ndarray, eye: np.ndarray) -> float:
    """0..1, how much of a short beam's walls to draw (from `lamp` to `spot`, NED, seen from `eye`): they fade
    with the camera's nearness to the beam's wall. A beam's glow is light scattered along the path through it, a
    few metres across a tower's beam seen from the side, but its walls draw as bright near as far: one sweeping
    past the gun would lay a flat grey band over half the picture."""
    axis = spot - lamp
    length = float(np.linalg.norm(axis))
    if length < 1e-6:
        return 0.0
    along = float(np.clip(np.dot(eye - lamp, axis) / length ** 2, 0.0, 1.0))
    radius = 0.8 + along * BEAM_END_RADIUS * length / BEAM_LENGTH  # the cone's, scaled to the spot (beam_node)
    gap = float(np.linalg.norm(eye - lamp - along * axis)) - radius
    return float(np.clip((gap - BEAM_CLEAR_M) / BEAM_FADE_M, 0.0, 1.0)) ** 2


class GroundNodes:
    """One node per ground unit of a CombatSnapshot (kinds and squad sizes do not change during a flight)."""

    def __init__(self, parent: NodePath, combat):
        self.root = parent.attach_new_node("ground-units")
        loaded: dict[int, NodePath] = {}
        self.units: list[NodePath] = []
        self.parts: list[dict[str, NodePath]] = []
        self.beams: dict[int, NodePath] = {}
        self.rolled = np.zeros(len(combat.ground_kind))  # m each lorry has driven
        self.last_pos = np.array(combat.ground_pos, dtype=float)
        for u, kind in enumerate(int(k) for k in combat.ground_kind):
            if kind not in loaded:
                loaded[kind] = (load_model(MODELS[kind]) if (models_dir() / MODELS[kind]).is_file()
                                else _box(*STAND_INS[kind]))
            node = self.root.attach_new_node(f"unit-{u}")
            men = int(combat.ground_count[u]) if kind == GUARDS else 1
            columns = min(men, 3)
            for k in range(men):  # a squad in ranks of three
                copy = loaded[kind].copy_to(node)
                copy.set_pos((k % 3 - (columns - 1) / 2) * SQUAD_SPACING, -(k // 3) * SQUAD_SPACING, 0.0)
            parts = {name: node.find(f"**/{name}") for name in ("mount", "barrel", "gun", "lamp", "wheel_front",
                                                               "wheel_rear")}
            self.parts.append({name: part for name, part in parts.items() if not part.is_empty()})
            if kind == SEARCHLIGHT:
                beam = beam_node()
                beam.reparent_to(self.parts[-1].get("lamp", node))
                beam.set_pos(0.0, 0.8, 0.0)
                self.beams[u] = beam
            self.units.append(node)

    def draw(self, combat, aircraft_pos: np.ndarray, eye: np.ndarray | None = None) -> None:
        """Place and aim every unit from the snapshot (`aircraft_pos`: (N, 3) NED, where the guns point); a beam
        that would pass over the camera at `eye` (NED) ends short of it."""
        pos = frames.position_to_panda(combat.ground_pos)
        moved = np.hypot(*(combat.ground_pos[:, :2] - self.last_pos[:, :2]).T)
        self.rolled += np.where(moved < 50.0, moved, 0.0)  # a seek jumps: no spinning the wheels for it
        self.last_pos = np.array(combat.ground_pos, dtype=float)
        heading = -np.degrees(combat.ground_heading)
        for u, node in enumerate(self.units):
            node.set_pos(*pos[u])
            node.set_h(heading[u])
            kind, parts = int(combat.ground_kind[u]), self.parts[u]
            node.set_color_scale((0.25, 0.25, 0.25, 1.0) if combat.ground_health[u] <= 0.0 else (1, 1, 1, 1))
            if kind == SEARCHLIGHT:
                self._aim(parts, "lamp", "lamp", combat.searchlight_beam[u], heading[u])
                self.beams[u].show() if combat.searchlight_on[u] else self.beams[u].hide()
                if eye is not None:
                    self.beams[u].set_scale(beam_reach(combat.ground_pos[u], combat.searchlight_beam[u], eye))
            elif kind in (FLAK, MG) and combat.ground_target[u] >= 0:
                look = aircraft_pos[combat.ground_target[u]] - combat.ground_pos[u]
                self._aim(parts, "mount" if kind == FLAK else "gun", "barrel" if kind == FLAK else "gun", look,
                          heading[u])
            elif kind == TRUCK:
                turn = np.degrees(self.rolled[u] / WHEEL_RADIUS) % 360.0
                for name in ("wheel_front", "wheel_rear"):
                    if name in parts:
                        parts[name].set_p(-turn)

    @staticmethod
    def _aim(parts: dict[str, NodePath], traverse: str, elevate: str, look_ned: np.ndarray, heading: float) -> None:
        """Turn `traverse` about the vertical and tip `elevate` up so the part looks along `look_ned`."""
        x, y, z = frames.position_to_panda(np.asarray(look_ned, dtype=float))
        h = np.degrees(np.arctan2(-x, y)) - heading
        p = np.degrees(np.arctan2(z, np.hypot(x, y)))
        if traverse == elevate and traverse in parts:
            parts[traverse].set_hpr(h, p, 0.0)
            return
        if traverse in parts:
            parts[traverse].set_h(h)
        if elevate in parts:
            parts[elevate].set_p(p)

    def destroy(self) -> None:
        self.root.remove_node()
