"""Light at night from what burns or fires: muzzle flashes, flak bursts, explosions, burning aircraft, the
engines' exhaust flames and the flares laid along the home aerodrome's landing run (lit once the player is
within FLARES_WITHIN_M). The nearest MAX_LIGHTS sources become Panda3D point lights on the scene (the models are
lit per vertex); the ground, whose light is baked into the terrain, gets a soft glow laid flat under each source
near it instead. Two sprite Geoms and at most four lights, however many sources."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from panda3d.core import NodePath, PointLight

from flight.app import frames
from flight.app.scene.effects_geom import Sprites, soft_disc
from flight.app.scene.ground_and_sky import linear
from flight.sim.dynamics import DT, quaternion
from flight.sim.world.combat.events import EXPLOSION, FLAK_BURST

MAX_LIGHTS = 4
FLARES_WITHIN_M = 3000.0
FLARE_COUNT, FLARE_SIDE_M = 8, 20.0  # a row of flares along the landing run, this far left of its centre line
FLAME, FLASH, EXHAUST, FLARE = (1.0, 0.55, 0.2), (1.0, 0.8, 0.45), (1.0, 0.5, 0.25), (1.0, 0.65, 0.3)
EXHAUST_FORWARD_M, EXHAUST_UP_M = 0.8, 0.35  # stacks on the engine: ahead of a pusher's hub, behind a tractor's
GROUND_GLOW_SHARE = 0.35  # of a source's light laid on the ground under it


@dataclass(frozen=True)
class Sources:
    """Lights this frame: positions (S, 3) NED, sRGB colours (S, 3), strength (S,) (1 lights a white surface fully
    close by), reach (S,) m (the light falls to a tenth there)."""
    pos: np.ndarray
    colour: np.ndarray
    strength: np.ndarray
    reach: np.ndarray

    @staticmethod
    def of(pos, colour, strength, reach) -> Sources:
        pos = np.asarray(pos, float).reshape(-1, 3)
        k = len(pos)
        return Sources(pos, np.broadcast_to(np.asarray(colour, float), (k, 3)),
                       np.broadcast_to(np.asarray(strength, float), (k,)), np.broadcast_to(np.asarray(reach, float),
                                                                                           (k,)))

    @staticmethod
    def joined(parts: list[Sources]) -> Sources:
        return Sources(*(np.concatenate([getattr(p, name) for p in parts]) for name in
                         ("pos", "colour", "strength", "reach")))


def exhaust_points(specs) -> tuple[np.ndarray, np.ndarray]:
    """The exhaust stacks of every aircraft, one per engine on the engine by its hub: (owner (E,) fleet index,
    position (E, 3) body axes)."""
    owner = np.concatenate([np.full(len(spec.engine.positions), i) for i, spec in enumerate(specs)])
    hubs = np.concatenate([np.array(spec.engine.positions, float).reshape(-1, 3) for spec in specs])
    towards_cg = -np.sign(hubs[:, 0]) + (hubs[:, 0] == 0.0)
    return owner, hubs + np.column_stack([towards_cg * EXHAUST_FORWARD_M, np.zeros(len(hubs)),
                                          np.full(len(hubs), -EXHAUST_UP_M)])


def flare_path(centre_ned: tuple[float, float], radius_m: float, heading_deg: float) -> np.ndarray:
    """(FLARE_COUNT, 2) north, east of the flares: a row along the landing heading through the field, to its left."""
    h = np.radians(heading_deg)
    along, left = np.array([np.cos(h), np.sin(h)]), np.array([np.sin(h), -np.cos(h)])
    steps = np.linspace(-0.6, 0.6, FLARE_COUNT)[:, None] * radius_m
    return np.asarray(centre_ned, float)[None] + steps * along + FLARE_SIDE_M * left


class NightLights:
    """Build once per flight; `draw` every frame with the interpolated poses and the camera's axes."""

    def __init__(self, root: NodePath, specs, height_at, flares: np.ndarray | None = None):
        self.root, self.height_at = root, height_at
        self.pool = [root.attach_new_node(PointLight(f"night-light-{k}")) for k in range(MAX_LIGHTS)]
        self.lit = [False] * MAX_LIGHTS
        disc = soft_disc()
        self.glows = Sprites(root, "night-glows", disc, additive=True)
        self.ground_glows = Sprites(root, "ground-glows", disc, additive=True)
        self.exhaust_owner, self.exhaust_body = exhaust_points(specs)
        self.flares = None
        if flares is not None:
            ground = height_at(flares[:, 0], flares[:, 1])
            self.flares = np.column_stack([flares, -(ground + 0.4)])

    def sources(self, latest, pos: np.ndarray, quat: np.ndarray, flashes: np.ndarray, alpha: float) -> Sources:
        """What lights the night this frame (`flashes`: (K, 3) NED muzzle flashes, from flight.app.scene.effects)."""
        c = latest.combat
        parts = [Sources.of(flashes, FLASH, 1.5, 15.0)]
        if c is not None:
            age = (c.event_age + alpha) * DT
            burst = (c.event_kind == FLAK_BURST) & (age < 0.15)
            parts.append(Sources.of(c.event_pos[burst], FLASH, 6.0, 90.0))
            boom = (c.event_kind == EXPLOSION) & (age < 1.5)
            parts.append(Sources.of(c.event_pos[boom], FLAME, 5.0 * (1.0 - age[boom] / 1.5), 40.0))
            parts.append(Sources.of(pos[c.burning], FLAME, 2.0, 25.0))
        running = ((latest.rpm > 100.0) & ~latest.crashed)[self.exhaust_owner]
        owner = self.exhaust_owner[running]
        if len(owner):
            stacks = pos[owner] + np.einsum("kij,kj->ki", quaternion.to_matrix(quat[owner]),
                                            self.exhaust_body[running])
            parts.append(Sources.of(stacks, EXHAUST, 0.5, 6.0))
        if self.flares is not None and np.hypot(*(latest.pos[0, :2] - self.flares[:, :2].mean(0))) < FLARES_WITHIN_M:
            parts.append(Sources.of(self.flares, FLARE, 1.0, 30.0))
        return Sources.joined(parts)

    def draw(self, sources: Sources, camera_ned: np.ndarray, right: np.ndarray, up: np.ndarray,
             flicker: float) -> None:
        """Light the nearest sources, glow the exhausts and flares, and lay light on the ground under them all
        (`flicker` 0..1 shakes the flames' size a little, the same for all: it costs nothing to look alive)."""
        self._lights(sources, camera_ned)
        small = sources.reach <= 30.0  # exhausts and flares are seen as points of flame; flashes draw themselves
        sizes = np.where(sources.reach[small] < 10.0, 0.3, 0.9) * (0.85 + 0.3 * flicker)
        self.glows.draw(frames.position_to_panda(sources.pos[small]), sizes,
                        _rgba(sources.colour[small], np.ones(small.sum())), right, up)
        ground = self.height_at(sources.pos[:, 0], sources.pos[:, 1])
        height = -sources.pos[:, 2] - ground
        near = height < sources.reach
        share = GROUND_GLOW_SHARE * np.minimum(sources.strength[near], 1.0) * (1.0 - height[near] / sources.reach[near])
        spots = np.column_stack([sources.pos[near, :2], -(ground[near] + 0.3)])
        self.ground_glows.draw(frames.position_to_panda(spots), 0.5 * sources.reach[near],
                               _rgba(sources.colour[near], share), np.array([1.0, 0.0, 0.0]),
                               np.array([0.0, 1.0, 0.0]))

    def _lights(self, sources: Sources, camera_ned: np.ndarray) -> None:
        order = np.argsort(np.linalg.norm(sources.pos - camera_ned, axis=1))[:MAX_LIGHTS]
        for k, light in enumerate(self.pool):
            if k < len(order):
                s = order[k]
                node = light.node()
                node.set_color((*(linear(sources.colour[s]) * sources.strength[s]), 1.0))
                node.set_attenuation((1.0, 0.0, 9.0 / sources.reach[s] ** 2))  # a tenth at its reach
                light.set_pos(*frames.position_to_panda(sources.pos[s]))
                if not self.lit[k]:
                    self.root.set_light(light)
            elif self.lit[k]:
                self.root.clear_light(light)
            self.lit[k] = k < len(order)

    def destroy(self) -> None:
        for light in self.pool:
            self.root.clear_light(light)
            light.remove_node()
        self.glows.node.remove_node()
        self.ground_glows.node.remove_node()


def _rgba(srgb: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    return np.concatenate([linear(np.asarray(srgb).reshape(-1, 3)), np.asarray(alpha, float).reshape(-1, 1)], 1)
