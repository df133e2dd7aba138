"""Part 1 of the breakout on screen: the player at the camp gate's Maxim (the gate seat). The camera sits
behind the breech and looks along the barrel over its sights (flight.app.flight.gate_sight), the gun in the
foreground turning with the aim; the guards (running or lying in cover, hit ones flat) and the prisoners running
for the bombers, lit where the pools and flashes fall (flight.app.flight.gate_figures), grenades in the air, the
rifles' and the gun's flashes, and the towers' searchlight beams (faded near the eye) with their lit circles on the
ground, all from the snapshot's `gate` (flight.sim.world.seats.gate.gate_snapshot's GateSnapshot): the gun drawn
where the world has laid it, following the app's aim (flight.input.gun_aim) at a hand-laid rate."""
from __future__ import annotations

import numpy as np
from panda3d.core import NodePath, Vec3

from flight.app import frames
from flight.app.flight.gate_figures import GUARD_TINT, PRISONER_TINT, Figures, light_on_men
from flight.app.flight.gate_sight import GateSight
from flight.app.flight.ground_nodes import BEAM_END_RADIUS, BEAM_LENGTH, beam_fade, beam_node
from flight.app.scene.effects import TRACER, TRACER_STREAK_S
from flight.app.scene.effects_geom import Sprites, Streaks, soft_disc
from flight.app.scene.ground_and_sky import linear
from flight.app.scene.night_lights import Sources
from flight.sim.dynamics import DT
from flight.sim.world.combat.events import EXPLOSION
from flight.sim.world.seats.gate.guards import MAN_STATES
from flight.sim.world.seats.gate.prisoners import PRISONER_STATES

BREECH_EYE = Vec3(0.0, -1.2, 0.6)  # m in the gun's frame: the gunner's eye behind the breech, over the sights
NEAR_M = 0.1  # the lens's near plane at the gun: the breech is half a metre away
RUNNING, COVER, DOWN = (MAN_STATES.index(s) for s in ("running", "cover", "down"))
P_RUNNING, P_FALLEN = (PRISONER_STATES.index(s) for s in ("running", "fallen"))
BEAM_HALF_ANGLE_DEG = float(np.degrees(np.arctan2(BEAM_END_RADIUS, BEAM_LENGTH)))
POOL_CLEAR_M, POOL_FADE_M = 8.0, 25.0  # a searchlight pool this near the gun is not drawn, and fades in over this
FLASH, LIT_GROUND = (1.0, 0.8, 0.45), (0.9, 0.93, 1.0)


class GateView:
    """Built where the world offers the gate seat; `draw` every frame with the newest snapshot (its `gate`), then
    `place_camera` while the player is at the gun."""

    def __init__(self, root: NodePath, gun_node: NodePath | None, camera: NodePath | None = None):
        self.root = root.attach_new_node("gate")
        self.camera = camera
        self.model = gun_node if gun_node is not None and not gun_node.is_empty() else None
        self.gun = self.model.find("**/gun") if self.model is not None else None
        self.sight = GateSight(self.gun, BREECH_EYE) if self.gun is not None else None
        self.guards = self.runners = self.prisoners = None
        self.last_prisoner_pos: np.ndarray | None = None
        self.prisoner_heading: np.ndarray | None = None
        disc = soft_disc()
        self.flashes = Sprites(self.root, "gate-flashes", disc, additive=True)
        self.lit_ground = Sprites(self.root, "searchlight-circles", disc, additive=True)
        self.grenades = Sprites(self.root, "grenades", disc)
        self.tracers = Streaks(self.root, "gate-tracers")
        self.beams: list[NodePath] = []
        self.light_sources: Sources | None = None

    @classmethod
    def of(cls, view) -> GateView:
        return cls(view.root, view.landscape.root.find("**/camp:gate_mg"), view.app.camera)

    def draw(self, snapshot, alpha: float, right: np.ndarray, up: np.ndarray) -> None:
        """Men, grenades, flashes, tracers and searchlights from the snapshot's `gate` (a GateSnapshot); the gun laid
        as the world lays it."""
        gate = snapshot.gate
        if self.gun is not None:
            bearing = np.degrees(gate.gun_facing + gate.gun_traverse)
            self.gun.set_hpr(-bearing - self.model.get_h(self.root), np.degrees(gate.gun_elevation), 0.0)
            self.sight.draw(self.root, gate)
        self._flashes(gate, alpha, right, up)
        pools = self._searchlights(gate)
        self._men(gate, pools)
        grenades = frames.position_to_panda(gate.grenade_pos - np.array([0.0, 0.0, 0.1]))
        self.grenades.draw(grenades, np.full(len(grenades), 0.15), np.tile([0.02, 0.02, 0.02, 1.0],
                                                                           (len(grenades), 1)), right, up)
        heads = gate.tracer_pos + gate.tracer_vel * (alpha * DT)
        streak = np.minimum((gate.tracer_age + alpha) * DT, TRACER_STREAK_S)
        self.tracers.draw(frames.position_to_panda(heads),
                          frames.position_to_panda(heads - gate.tracer_vel * streak[:, None]),
                          np.tile([*linear(TRACER), 1.0], (len(heads), 1)))

    def _men(self, gate, pools: tuple[np.ndarray, np.ndarray]) -> None:
        """Guards (standing, or lying in cover; running ones in the runners' pool) and prisoners, each lit by the
        pools and flashes that fall on him."""
        if self.guards is None:
            self.guards = Figures(self.root, "figure_standing.glb", len(gate.men_state), GUARD_TINT)
            self.runners = Figures(self.root, "figure_running.glb", len(gate.men_state), GUARD_TINT)
            self.prisoners = Figures(self.root, "figure_running.glb", len(gate.prisoner_state), PRISONER_TINT)
        state = gate.men_state
        upright = (state == RUNNING) | gate.men_throwing
        lit = np.maximum(light_on_men(gate.men_pos, *pools, self.light_sources), gate.men_lit)
        self.guards.draw(gate.men_pos, gate.men_heading, ((state == COVER) | (state == DOWN)) & ~upright, ~upright,
                         lit)
        self.runners.draw(gate.men_pos, gate.men_heading, upright, np.zeros(len(state), bool), lit)
        p_state = gate.prisoner_state
        self.prisoners.draw(gate.prisoner_pos, self._prisoner_headings(gate.prisoner_pos),
                            (p_state == P_RUNNING) | (p_state == P_FALLEN), p_state == P_FALLEN,
                            light_on_men(gate.prisoner_pos, *pools, self.light_sources))

    def _prisoner_headings(self, pos: np.ndarray) -> np.ndarray:
        """The way each prisoner ran since the last frame (the last way, standing still)."""
        if self.prisoner_heading is None or self.last_prisoner_pos is None or len(pos) != len(self.last_prisoner_pos):
            self.prisoner_heading = np.full(len(pos), np.pi)  # south, out of the gate
        else:
            moved = pos[:, :2] - self.last_prisoner_pos[:, :2]
            running = np.hypot(*moved.T) > 1e-3
            self.prisoner_heading[running] = np.arctan2(moved[running, 1], moved[running, 0])
        self.last_prisoner_pos = pos.copy()
        return self.prisoner_heading

    def _flashes(self, gate, alpha: float, right, up) -> None:
        """The rifles' and the gun's flashes and the grenades' bursts; they light the night too (`light_sources`)."""
        rifles = gate.men_pos[gate.men_flash] + np.array([0.0, 0.0, -1.2])
        muzzle = gate.muzzle_pos[None] if gate.flash else np.zeros((0, 3))
        age = (gate.event_age + alpha) * DT
        burst = (gate.event_kind == EXPLOSION) & (age < 0.6)
        blasts = gate.event_pos[burst] + np.array([0.0, 0.0, -1.0])
        points = np.concatenate([rifles, muzzle, blasts])
        sizes = np.concatenate([np.full(len(rifles), 0.3), np.full(len(muzzle), 0.5), 2.0 + 6.0 * age[burst]])
        fade = np.concatenate([np.ones(len(rifles) + len(muzzle)), 1.0 - age[burst] / 0.6])
        self.flashes.draw(frames.position_to_panda(points), sizes,
                          np.column_stack([np.tile(linear(FLASH), (len(points), 1)), fade]), right, up)
        self.light_sources = Sources.joined([Sources.of(np.concatenate([rifles, muzzle]), FLASH, 1.5, 15.0),
                                             Sources.of(blasts, FLASH, 6.0, 30.0)])

    def _searchlights(self, gate) -> tuple[np.ndarray, np.ndarray]:
        """A beam from each burning lamp towards its spot, faded near the eye, and the spot lit on the ground;
        returns the lit pools' centres (L, 3) NED and radii (L,) m."""
        while len(self.beams) < len(gate.light_pos):
            self.beams.append(beam_node())
            self.beams[-1].reparent_to(self.root)
        eye = self._eye()
        for beam, lamp, spot, on in zip(self.beams, gate.light_pos, gate.light_spot, gate.light_on):
            fade = beam_fade(lamp, spot, eye) if on else 0.0
            beam.show() if fade > 0.0 else beam.hide()
            beam.set_pos(*frames.position_to_panda(lamp))
            beam.look_at(*frames.position_to_panda(spot))
            beam.set_scale(np.linalg.norm(spot - lamp) / BEAM_LENGTH)  # fading out at the spot: no glare at the gun
            beam.set_color_scale(fade, fade, fade, 1.0)
        lit = gate.light_on
        reach = np.linalg.norm(gate.light_spot[lit] - gate.light_pos[lit], axis=1)
        # a pool held on the gun itself would wash out the gunner's view: it fades in with distance from him
        from_gun = np.linalg.norm(gate.light_spot[lit, :2] - gate.gun_pos[:2], axis=1)
        colours = np.tile([*linear(LIT_GROUND), 0.22], (int(lit.sum()), 1))
        colours[:, 3] *= np.clip((from_gun - POOL_CLEAR_M) / POOL_FADE_M, 0.0, 1.0)
        self.lit_ground.draw(frames.position_to_panda(gate.light_spot[lit] - np.array([0.0, 0.0, 0.25])),
                             2.0 + reach * np.tan(np.radians(BEAM_HALF_ANGLE_DEG)), colours,
                             np.array([1.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0]))
        return gate.light_spot[lit], 2.0 + reach * np.tan(np.radians(BEAM_HALF_ANGLE_DEG))

    def _eye(self) -> np.ndarray:
        """(3,) NED where the camera is (the gunner's eye while he is at the gun)."""
        if self.camera is None:
            return np.array([0.0, 0.0, -1e6])
        x, y, z = self.camera.get_pos(self.root)
        return np.array([y, x, -z])

    def place_camera(self, camera: NodePath, lens, snapshot) -> bool:
        """The camera behind the breech, looking along the barrel; False where the theatre has no gun model."""
        if self.gun is None:
            return False
        if camera.get_parent() != self.gun:
            camera.reparent_to(self.gun)
        camera.set_pos_hpr(BREECH_EYE, Vec3(0.0, 0.0, 0.0))
        lens.set_near(NEAR_M)
        return True

    def occupied(self, player_here: bool) -> None:
        if self.sight is not None:
            self.sight.show(player_here)

    def destroy(self) -> None:
        self.root.remove_node()
