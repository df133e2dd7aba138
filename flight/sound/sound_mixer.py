"""The whole sound of a sortie as a function of its snapshots: `SoundMixer.render(snapshot, listener, n)` turns the
world after a tick (rpm, throttle, blip, airspeed, shots, bursts) and the listener's place into the next n stereo
samples. The game plays these blocks live, and `flight replay --audio` and `--video` write them to a file: one
implementation.

Sources: per aircraft one per engine (the note and its propeller's whirr, at the engine's hub) and one airframe
(flight.sound.airframes: wind, wires, rumble, its guns' reports); bursts where they went off (flight.sound.bursts):
flak, explosions, crashes, hits, the ground's guns, the gate's fight, a level's bell, the distant guns. Imports numpy,
numba and flight.sim only."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.dynamics.quaternion import to_matrix
from flight.sim.world.combat.events import EXPLOSION, FLAK_BURST, HIT
from flight.sim.world.combat.ground_units import FLAK, MG
from flight.sound import voices as v
from flight.sound.airframes import Airframes
from flight.sound.ambience import Bell, DistantGuns
from flight.sound.bursts import Bursts
from flight.sound.gate_sound import GateSounds
from flight.sound.level_sound import LevelSound
from flight.sound.one_shots import (RATE, blast, bullet_crack, fabric_rip, flak_woof, gun_report, metal_strike,
                                    thwack)
from flight.sound.sound_spec import curve_gains, load_sound
from flight.sound.spatial import GEOMETRY, RING, SPATIAL_STATE, Listener, geometry, spatialize

LONGEST_GAP_TICKS = 240  # a longer jump between two snapshots (a seek) starts the sound afresh, firing nothing
MOST_SAMPLES = 8192  # in one block (0.37 s at 22,050 Hz)
HEADROOM = 2.0  # the mix's gain before the soft limiter: a Camel's engine from the chase camera near -14 dBFS
CRACK_M = 20.0  # a supersonic round passing nearer the listener than this is heard cracking past
MOST_CRACKS = 6  # in one block: a burst from a whole flight is a rattle of cracks, not a wall of them
SUPERSONIC = 343.0  # m/s: slower rounds (far down their flight) hiss past unheard
NOSE_M, WING_ROOT_M, HIT_REACH_M = 1.0, 1.2, 8.0  # body axes: forward of this the engine, out past this the wings
GRENADE_SCENE = "grenade"  # the mission's cut to black that ends the gate: its blast is heard over the black
GRENADE_AHEAD_M = 3.0  # thrown from the dark, it goes off a few yards in front of the listener
GRENADE_GAIN = 4.0  # twice a guard's grenade in the fight: the loudest moment of the night, as the story has it


@dataclass(frozen=True)
class Volumes:
    """The player's volumes, 0..1 each (flight.app.settings keeps them): `engines` the engines and propellers,
    `guns` every gun and shell burst, `ambience` the wind and the world around."""
    master: float = 1.0
    engines: float = 1.0
    guns: float = 1.0
    ambience: float = 1.0
    muted: bool = False


class SoundMixer:
    """The sound of the aircraft types `aircraft` (fleet order) and everything around them, block by block. Keeps
    phases, filters, delay lines and the shots already heard between blocks; same inputs, same samples."""

    def __init__(self, aircraft: list[str], seed: int = 0, level: LevelSound = LevelSound()):
        self.rate = rate = RATE  # the one-shots' tables are made at it too
        loaded = {name: load_sound(name) for name in sorted(set(aircraft))}
        self.specs = [loaded[name] for name in aircraft]
        n = len(aircraft)
        slots = [(i, e) for i, s in enumerate(self.specs) for e in range(len(s.engine_positions))]
        self.engine_owner = np.array([i for i, _ in slots], dtype=np.int64)
        # per type: its spec, its engines' indices among the engines and its aircraft's in the fleet (the curves
        # are read once a type, not once a source)
        self.types = [(spec, np.nonzero([self.specs[i].name == name for i, _ in slots])[0],
                       np.nonzero([s.name == name for s in self.specs])[0]) for name, spec in loaded.items()]
        self.per_type = [(spec, engines) for spec, engines, _ in self.types]  # each type's engines
        self.engine_slot = np.array([e for _, e in slots], dtype=np.int64)
        self.engine_offset = np.array([self.specs[i].engine_positions[e] for i, e in slots]).reshape(-1, 3)
        per_engine = [self.specs[i] for i, _ in slots]
        self.firings = np.array([s.firings_per_rev for s in per_engine]) / 60.0
        self.loudness = np.array([s.loudness for s in per_engine])
        self.blades = np.array([s.blades for s in per_engine]) / 60.0
        self.rated = np.array([s.rated_rpm for s in per_engine])
        self.engine_params = np.zeros((len(slots), v.ENGINE_PARAMS))
        self.engine_params[:, v.SHARP] = [4.0 + 36.0 * s.harshness for s in per_engine]
        self.engine_params[:, v.EXHAUST] = [s.exhaust for s in per_engine]
        self.engine_params[:, v.BRIGHT] = v.lowpass_coefficient([s.brightness_hz for s in per_engine], rate)
        self.engine_state = np.zeros((len(slots), v.ENGINE_STATE))
        self.engine_state[:, v.STRENGTH] = 1.0
        # a single-engined aircraft's airframe is heard through its engine's delay line (the two are a metre or two
        # apart: the same bearing, the same Doppler), which halves a fighter's mixing; a Gotha's is a source of its
        # own between its engines
        engines_of = np.bincount(self.engine_owner, minlength=n)
        self.shared_airframe = np.nonzero(engines_of == 1)[0]
        self.shared_engine = np.searchsorted(self.engine_owner, self.shared_airframe)
        self.own_airframe = np.nonzero(engines_of != 1)[0]
        sources = len(slots) + len(self.own_airframe)
        self.noise = v.new_noise(len(slots) + n, seed)
        self.airframes = Airframes(self.specs, self.types, seed, rate, self.noise[len(slots):])
        self.ring = np.zeros((sources, RING), dtype=np.float32)
        self.spatial_state = np.zeros((sources, SPATIAL_STATE))
        self.geometry: np.ndarray | None = None  # (sources, GEOMETRY) at the last block's end
        self.bursts = Bursts(rate)
        self.gate = GateSounds(seed)
        self.distant_guns = DistantGuns(seed, rate)
        self.bell = Bell(level.bell_ned, level.bell_seconds, seed) if level.bell_ned is not None else None
        self.woofs = [flak_woof(seed + k) for k in range(4)]
        self.thwack = thwack(seed + 4) * 0.6  # wood: a fuselage, or a ground unit
        self.fabric = fabric_rip(seed + 5) * 0.6
        self.metal = metal_strike(seed + 6) * 0.6
        self.cracks = [bullet_crack(seed + 7 + k) * 0.7 for k in range(3)]
        self.explosion = blast(seconds=2.0, seed=seed + 1)
        self.ground_report = gun_report(seed + 2) * 0.8
        self.flak_report = flak_woof(seed + 3)[: rate // 2]
        self.written = 0  # samples rendered so far
        self.last_tick: int | None = None
        self.bursts_heard = 0  # flak bursts played, to take the variants in turn
        self.crashed: np.ndarray | None = None  # the last block's, to hear a crash
        self.scene = None  # the last block's mission scene (flight.sim.missions.snapshot.Scene), heard once

    def render(self, snapshot, listener: Listener, count: int, volumes: Volumes = Volumes(),
               scene=None) -> np.ndarray:
        """The next `count` samples (count, 2) float32, -1..1, spanning the ticks since the last snapshot; `scene`
        is the mission's latest cut (its snapshot's `scene`), heard when it is the grenade's."""
        if count > MOST_SAMPLES:
            raise ValueError(f"{count} samples in one block, more than {MOST_SAMPLES}")
        gap = None if self.last_tick is None else snapshot.tick - self.last_tick
        if gap is not None and not 0 <= gap <= LONGEST_GAP_TICKS:
            gap = None  # a seek or a restart: no shots or bursts to catch up on, no Doppler from the jump
            self.bursts.clear()
        r = to_matrix(snapshot.quat)
        engines = self._engines(snapshot, count, volumes)
        wind = self.airframes.block(snapshot, count, self.written, self.last_tick is None, gap, volumes)
        engines[self.shared_engine] += wind[self.shared_airframe]
        points = np.concatenate([snapshot.pos[self.engine_owner] + np.einsum(
            "kij,kj->ki", r[self.engine_owner], self.engine_offset), snapshot.pos[self.own_airframe]])
        end = geometry(listener, points, self.rate)
        start = end if gap is None or self.geometry is None else self.geometry
        stereo = np.zeros((count, 2))
        spatialize(np.concatenate([engines, wind[self.own_airframe]]), self.ring, self.written, start, end,
                   self.spatial_state, stereo, self.rate)
        if gap:  # 0: a frame between two ticks (a slow-motion replay) brings nothing new
            self._new_bursts(snapshot, listener, count, gap, volumes)
            if snapshot.gate is not None:
                self.gate.lay(snapshot.gate, self.bursts, listener, self.written, count, gap, volumes)
            if self.bell is not None:
                self.bell.lay(self.bursts, listener, snapshot.tick, gap, self.written, count, volumes.ambience)
            if scene is not None and scene != self.scene and scene.name == GRENADE_SCENE:
                self._grenade(scene.start_tick - (snapshot.tick - gap), listener, count, gap, volumes)
        self.distant_guns.lay(self.bursts, listener, self.written, count, volumes.ambience)
        self.bursts.mix(stereo, self.written, listener)
        self.geometry, self.last_tick, self.crashed = end, snapshot.tick, snapshot.crashed.copy()
        self.scene = scene  # after a seek too: a cut from before the jump is not heard late
        self.written += count
        if volumes.muted:
            return np.zeros((count, 2), dtype=np.float32)
        return np.tanh(stereo * (HEADROOM * volumes.master)).astype(np.float32)

    def _grenade(self, ticks_in: int, listener: Listener, count: int, gap: int, volumes: Volumes) -> None:
        """The gate's last grenade, `ticks_in` ticks into the block, a few yards ahead of the listener."""
        at = self.written + int(max(ticks_in, 0) * count / gap)
        where = listener.pos_ned + GRENADE_AHEAD_M * listener.r_ned_from_ears[:, 0]
        self.bursts.add(self.gate.grenade * (GRENADE_GAIN * volumes.guns), where, at, listener)

    def _engines(self, s, count: int, volumes: Volumes) -> np.ndarray:
        """Each engine's note and whirr for the block, from rpm, throttle, blip, airspeed and damage."""
        owner, p = self.engine_owner, self.engine_params
        rpm = s.engine_rpm[owner, self.engine_slot] if s.engine_rpm is not None else s.rpm[owner]
        health = s.engine_health[owner, self.engine_slot] if s.engine_health is not None else np.ones(len(owner))
        running = (s.controls[owner, 5] < 0.5) & (health > 0.0) & (s.fuel[owner] > 0.0) & ~s.crashed[owner]
        loudness = curve_gains(self.per_type, "engine_volume", rpm / self.rated) * self.loudness
        fresh = self.last_tick is None
        p[:, v.FIRE0] = rpm * self.firings if fresh else p[:, v.FIRE1]
        p[:, v.BLADE0] = rpm * self.blades if fresh else p[:, v.BLADE1]
        p[:, v.WHIRR0] = p[:, v.WHIRR1]
        p[:, v.FIRE1], p[:, v.BLADE1] = rpm * self.firings, rpm * self.blades
        p[:, v.GAIN] = loudness * (0.55 + 0.45 * s.controls[owner, 3]) * running * volumes.engines
        whirr = curve_gains(self.per_type, "whirr_volume", s.airspeed[owner])
        p[:, v.WHIRR1] = whirr * np.minimum(rpm / (0.3 * self.rated), 1.0) * ~s.crashed[owner] * volumes.engines
        p[:, v.MISFIRE] = 0.6 * (1.0 - np.clip(health, 0.0, 1.0))
        out = np.empty((len(owner), count))
        v.engines_block(p, self.engine_state, self.noise, out, self.rate)
        return out

    def _new_bursts(self, s, listener: Listener, count: int, gap: int, volumes: Volumes) -> None:
        """Flak bursts and explosions of the ticks since the last block, and the ground guns' rounds."""
        c = s.combat
        if c is None:
            return
        fresh = (c.event_age >= 1) & (c.event_age <= gap)  # stamped ticks T - gap .. T - 1, as rounds are
        for kind, pos, age in zip(c.event_kind[fresh], c.event_pos[fresh], c.event_age[fresh]):
            at = self.written + int((gap - age) * count / gap)
            if kind == FLAK_BURST:
                self.bursts.add(self.woofs[self.bursts_heard % 4] * (2.5 * volumes.guns), pos, at, listener)
                self.bursts_heard += 1
            elif kind == EXPLOSION:
                self.bursts.add(self.explosion * (3.0 * volumes.guns), pos, at, listener)
            elif kind == HIT:
                self.bursts.add(self._struck(s, pos) * volumes.guns, pos, at, listener)
        if c.bullet_pos is not None:
            self._cracks(s, listener, count, gap, volumes)
        if self.crashed is not None:
            for i in np.nonzero(s.crashed & ~self.crashed)[0]:  # an aircraft hitting the ground
                self.bursts.add(self.explosion * (2.0 * volumes.ambience), s.pos[i], self.written, listener)
        if c.ground_shot_tick is None:
            return
        for u in np.nonzero(c.ground_shot_tick >= s.tick - gap)[0]:
            at = self.written + int((c.ground_shot_tick[u] - (s.tick - gap)) * count / gap)
            if c.ground_kind[u] == MG:
                self.bursts.add(self.ground_report * volumes.guns, c.ground_pos[u], at, listener)
            elif c.ground_kind[u] == FLAK:
                self.bursts.add(self.flak_report * (2.0 * volumes.guns), c.ground_pos[u], at, listener)


    def _struck(self, s, pos: np.ndarray) -> np.ndarray:
        """The sound of a round striking at `pos`: by where it hit the nearest aircraft (in its body axes), the
        engine's metal ahead of the cockpit, the wings' linen out past their roots, else the fuselage's wood; a
        strike away from every aircraft (a ground unit) is wood too."""
        if len(s.pos) == 0:
            return self.thwack
        i = int(np.argmin(np.linalg.norm(s.pos - pos, axis=1)))
        body = to_matrix(s.quat[i:i + 1])[0].T @ (pos - s.pos[i])
        if np.linalg.norm(body) > HIT_REACH_M:
            return self.thwack
        if body[0] > NOSE_M:
            return self.metal
        return self.fabric if abs(body[1]) > WING_ROOT_M else self.thwack

    def _cracks(self, s, listener: Listener, count: int, gap: int, volumes: Volumes) -> None:
        """The rounds that passed within CRACK_M of the listener since the last block, faster than sound, each
        cracking at its nearest point as it got there. Each round's path is its straight flight back to the block's
        start or its firing, whichever is later, so a round leaving the listener's own guns never passes him."""
        c = s.combat
        speed = np.linalg.norm(c.bullet_vel, axis=1)
        flown = np.minimum(gap, s.tick - c.bullet_born) * DT  # s of its flight in this block
        start = c.bullet_pos - c.bullet_vel * flown[:, None]
        along = np.einsum("ij,ij->i", listener.pos_ned - start, c.bullet_vel) / np.maximum(speed * speed, 1e-9)
        nearest = start + c.bullet_vel * np.clip(along, 0.0, flown)[:, None]
        miss = np.linalg.norm(nearest - listener.pos_ned, axis=1)
        passing = np.nonzero((miss < CRACK_M) & (along > 0.0) & (along < flown) & (speed > SUPERSONIC))[0]
        for k in passing[np.argsort(miss[passing], kind="stable")][:MOST_CRACKS]:
            at = self.written + int((gap - (flown[k] - along[k]) / DT) * count / gap)
            gain = min(1.0, 3.0 / max(miss[k], 1.0)) * volumes.guns
            self.bursts.add(self.cracks[k % len(self.cracks)] * gain, nearest[k], at, listener)


def warm_up() -> None:
    """Compile the sound's kernels (or load them from numba's cache) before a flight needs them, with the argument
    types the mixer passes: a second on a first start, a few milliseconds after."""
    engine = np.zeros((1, v.ENGINE_PARAMS))
    engine[0, v.SHARP] = 1.0
    v.engines_block(engine, np.zeros((1, v.ENGINE_STATE)), v.new_noise(2, 0)[1:], np.zeros((1, 4)), RATE)
    v.airframe_block(np.zeros((1, v.AIRFRAME_PARAMS)), np.zeros((1, v.AIRFRAME_STATE)), v.new_noise(2, 0)[1:],
                     np.zeros((1, 4)), RATE)
    where = np.zeros((1, GEOMETRY))
    spatialize(np.zeros((1, 4)), np.zeros((1, RING), dtype=np.float32), 0, where, where,
               np.zeros((1, SPATIAL_STATE)), np.zeros((4, 2)), RATE)
    v.lowpassed(np.zeros(4), 0.5)
