"""The fighting on screen, drawn from each frame's snapshot: tracers, muzzle flashes, hits, dust of rounds striking
the ground, flak bursts and their drifting smoke, explosions, smoke and fire trailing from hit aircraft, and the
ground units. A few Geoms rewritten per frame (flight.app.scene.effects_geom), never a node per bullet; the app only
reads the snapshot (the trails' history is the renderer's own)."""
from __future__ import annotations

import numpy as np
from panda3d.core import NodePath

from flight.app import frames
from flight.app.scene.effects_geom import Sprites, Streaks, soft_disc
from flight.app.flight.ground_nodes import GroundNodes
from flight.app.scene.ground_and_sky import linear, time_of_day_preset
from flight.sim.dynamics import DT, quaternion
from flight.sim.world.combat.events import DUST, EXPLOSION, FLAK_BURST, HIT
from flight.sim.world.combat.ground_units import FLAK, GUARDS

TRACER_STREAK_S = 0.03  # s of flight drawn behind a tracer's head (about 20 m)
TRAIL_SAMPLE_TICKS, TRAIL_SAMPLES = 6, 120  # a trail puff every 0.05 s, kept for 6 s
FIRE, SMOKE, BLACK, DUST_COLOUR = (1.0, 0.55, 0.2), (0.55, 0.55, 0.55), (0.05, 0.05, 0.05), (0.5, 0.42, 0.3)
FLASH, TRACER = (1.0, 0.8, 0.45), (1.0, 0.55, 0.25)
PUFF_LOBES = ((0.0, 0.0, 0.0), (0.8, 0.3, -0.4), (-0.5, 0.7, 0.3), (0.2, -0.8, -0.2))  # a flak burst's smoke


def _rgba(srgb, alpha) -> np.ndarray:
    """(K, 4) linear colours of one sRGB colour with per-sprite alpha (K,)."""
    alpha = np.atleast_1d(np.asarray(alpha, dtype=float))
    return np.concatenate([np.tile(linear(srgb), (len(alpha), 1)), alpha[:, None]], axis=1)


class Trails:
    """Smoke (engine hit) and fire (burning) left behind each aircraft: samples of where it was, every 0.1 s."""

    def __init__(self):
        self.pos = self.tick = self.kind = None
        self.last = -TRAIL_SAMPLE_TICKS

    def update(self, latest) -> None:
        n, c = len(latest.pos), latest.combat
        if self.pos is None or latest.tick < self.last:  # the first frame, or a seek back: start afresh
            self.pos = np.zeros((n, TRAIL_SAMPLES, 3))
            self.tick = np.full((n, TRAIL_SAMPLES), -10 ** 9)
            self.kind = np.zeros((n, TRAIL_SAMPLES), dtype=np.int8)
            self.last = latest.tick - TRAIL_SAMPLE_TICKS
        if latest.tick - self.last < TRAIL_SAMPLE_TICKS:
            return
        self.last = latest.tick
        slot = (latest.tick // TRAIL_SAMPLE_TICKS) % TRAIL_SAMPLES
        self.pos[:, slot], self.tick[:, slot] = latest.pos, latest.tick
        self.kind[:, slot] = np.where(c.burning, 2, np.where(c.smoke > 0.35, 1, 0))

    def sprites(self, now: float):
        age = (now - self.tick) * DT
        live = (self.kind > 0) & (age < TRAIL_SAMPLES * TRAIL_SAMPLE_TICKS * DT)
        age, kind, pos = age[live], self.kind[live], self.pos[live]
        pos = pos + np.array([0.0, 0.0, -1.0]) * age[:, None]  # smoke rises
        fade = 1.0 - age / (TRAIL_SAMPLES * TRAIL_SAMPLE_TICKS * DT)
        colour = np.where((kind == 2)[:, None], _rgba(BLACK, 0.75 * fade), _rgba(SMOKE, 0.45 * fade))
        flames = (kind == 2) & (age < 0.5)
        fire = (pos[flames], 1.5 + 2.0 * age[flames], _rgba(FIRE, 1.0 - 2.0 * age[flames]))
        return (pos, 1.6 + 1.2 * age, colour), fire


class Effects:
    """Build with the flight's root node and the camera; `draw` once a frame with the interpolated pose."""

    def __init__(self, parent: NodePath, camera: NodePath, time_of_day: str = "morning"):
        self.root = parent.attach_new_node("effects")
        self.camera = camera
        preset = time_of_day_preset(time_of_day)
        sun = max(np.sin(np.radians(preset.sun_elevation_deg)), 0.0)
        # smoke and dust are lit by the sky, not drawn glowing: as bright as a grey surface in this light
        self.daylight = float(np.clip(np.mean(preset.ambient) + np.mean(preset.sun) * sun, 0.05, 1.0))
        disc = soft_disc()
        self.smoke = Sprites(self.root, "smoke", disc)
        self.glow = Sprites(self.root, "glow", disc, additive=True)
        self.tracers = Streaks(self.root, "tracers")
        self.trails = Trails()
        self.ground: GroundNodes | None = None

    def draw(self, previous_pos: np.ndarray, previous_quat: np.ndarray, latest, alpha: float) -> None:
        c = latest.combat
        if c is None:
            return
        if self.ground is None:
            self.ground = GroundNodes(self.root, c)
        x, y, z = self.camera.get_pos(self.root)
        self.ground.draw(c, latest.pos, eye=np.array([y, x, -z]))
        self.trails.update(latest)
        pos = frames.lerp(previous_pos, latest.pos, alpha)
        quat = frames.nlerp(previous_quat, latest.quat, alpha)
        orientation = self.camera.get_quat(self.root)
        right, up = np.array(orientation.get_right()), np.array(orientation.get_up())
        events_glow, events_smoke = self._events(c, alpha)
        trail_smoke, trail_fire = self.trails.sprites(latest.tick + alpha)
        self.glow.draw(*_joined([self.flashes(c, pos, quat), events_glow, trail_fire]), right, up)
        centres, sizes, colours = _joined([events_smoke, trail_smoke])
        colours[:, :3] *= self.daylight
        self.smoke.draw(centres, sizes, colours, right, up)
        heads = c.tracer_pos + c.tracer_vel * (alpha * DT)
        streak = np.minimum((c.tracer_age + alpha) * DT, TRACER_STREAK_S)  # never back past the muzzle
        self.tracers.draw(frames.position_to_panda(heads),
                          frames.position_to_panda(heads - c.tracer_vel * streak[:, None]),
                          _rgba(TRACER, np.ones(len(heads))))

    @staticmethod
    def flashes(c, pos: np.ndarray, quat: np.ndarray):
        """Muzzle flashes of the aircraft's guns and of the ground's."""
        firing = np.argwhere(c.gun_flash)
        rot = quaternion.to_matrix(quat[firing[:, 0]]) if len(firing) else np.zeros((0, 3, 3))
        muzzles = pos[firing[:, 0]] + np.einsum("kij,kj->ki", rot, c.gun_position[firing[:, 0], firing[:, 1]])
        ground = np.flatnonzero(c.ground_flash)
        kind = c.ground_kind[ground]
        lift = np.where(kind == FLAK, 2.5, np.where(kind == GUARDS, 1.4, 1.0))
        points = np.concatenate([muzzles, c.ground_pos[ground] - lift[:, None] * np.array([0.0, 0.0, 1.0])])
        sizes = np.concatenate([np.full(len(muzzles), 0.7), np.where(kind == FLAK, 4.0, np.where(kind == GUARDS,
                                                                                               0.3, 0.6))])
        return points, sizes, _rgba(FLASH, np.ones(len(points)))

    @staticmethod
    def _events(c, alpha: float):
        """(glow, smoke) sprites of the recent events, each by its age."""
        age = (c.event_age + alpha) * DT
        kind, pos = c.event_kind, c.event_pos
        up = np.array([0.0, 0.0, -1.0])
        glows, smokes = [], []
        hit = (kind == HIT) & (age < 0.2)
        glows.append((pos[hit], np.full(hit.sum(), 0.6), _rgba((1.0, 0.9, 0.7), 1.0 - age[hit] / 0.2)))
        dust = (kind == DUST) & (age < 2.0)
        a = age[dust]
        smokes.append((pos[dust] + up * (0.5 + 0.4 * a[:, None]), 0.6 + 1.5 * a,
                       _rgba(DUST_COLOUR, 0.5 * (1.0 - a / 2.0))))
        burst = kind == FLAK_BURST
        flash = burst & (age < 0.1)
        glows.append((pos[flash], np.full(flash.sum(), 3.5), _rgba(FLASH, 1.0 - age[flash] / 0.1)))
        puff = np.flatnonzero(burst & (age < 15.0))
        a = age[puff]
        fade = 1.0 - a / 15.0
        for k, (dn, de, dd) in enumerate(PUFF_LOBES):  # a few lobes, turned by the event's slot in the ring
            turn = (puff * 2.4 + k) % (2.0 * np.pi)
            lobe = np.stack([dn * np.cos(turn) - de * np.sin(turn), dn * np.sin(turn) + de * np.cos(turn),
                             np.full(len(puff), dd)], axis=1)
            grown = np.minimum(a / 1.2, 1.0)
            smokes.append((pos[puff] + lobe * (2.0 + 4.0 * grown)[:, None] + up * (0.6 * a[:, None]),
                           2.5 + 6.0 * grown + 0.35 * a, _rgba(BLACK, 0.7 * fade * fade)))
        boom = kind == EXPLOSION
        fire = boom & (age < 1.5)
        a = age[fire]
        glows.append((pos[fire] + up * 2.0, 4.0 + 8.0 * a, _rgba(FIRE, 1.0 - a / 1.5)))
        column = boom & (age < 20.0)
        a, base = age[column], pos[column]
        for k in range(5):  # a column of smoke over the wreck
            smokes.append((base + up * (2.0 + 3.0 * k + 1.5 * a[:, None]), 3.0 + k + 0.8 * a,
                           _rgba(BLACK, 0.6 * (1.0 - a / 20.0))))
        return _joined(glows, panda=False), _joined(smokes, panda=False)

    def destroy(self) -> None:
        self.root.remove_node()


def _joined(parts, panda: bool = True):
    """Concatenate (positions NED, sizes, colours) triples; positions to Panda3D's axes unless `panda` is False."""
    parts = [p for p in parts if len(p[0])]
    if not parts:
        return np.zeros((0, 3)), np.zeros(0), np.zeros((0, 4))
    pos = np.concatenate([p[0] for p in parts])
    return (frames.position_to_panda(pos) if panda else pos, np.concatenate([np.broadcast_to(p[1], len(p[0]))
                                                                              for p in parts]),
            np.concatenate([p[2] for p in parts]))
