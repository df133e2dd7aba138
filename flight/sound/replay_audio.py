"""A replay's whole sound rendered offline, as `flight replay FILE --audio OUT.wav` writes it: the playback stepped a
frame (two ticks) at a time and each snapshot handed to the same SoundMixer the game plays live, heard from a camera
riding with the followed aircraft. The same replay gives the same samples. Imports no panda3d."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.world.seats.gate.gate_seat import GateSeat
from flight.sound.gate_sound import gate_listener
from flight.sound.level_sound import LevelSound
from flight.sound.one_shots import RATE, to_pcm16
from flight.sound.sound_mixer import SoundMixer, Volumes
from flight.sound.spatial import EARS_BODY, Listener, riding_listener

CAMERAS = tuple(EARS_BODY)
BLOCK_TICKS = 2  # a block per 60 Hz frame, as live


def sample_of(tick: int, rate: int = RATE) -> int:
    """The first sample of `tick` (ticks and samples keep time: 22,050 / 120 is not whole)."""
    return round(tick * DT * rate)


def listener_for(snapshot, camera: str, follow: int) -> Listener:
    """Where the offline render listens: at the gate's gun while the player is there (Part 1), else riding with
    aircraft `follow`."""
    if snapshot.gate is not None and snapshot.seat == GateSeat.name:
        return gate_listener(snapshot.gate)
    return riding_listener(snapshot, follow, camera)


def render_replay(playback, camera: str = "chase", start_tick: int = 0, end_tick: int | None = None,
                  follow: int = 0, progress: Callable[[int, int], None] | None = None,
                  level: LevelSound = LevelSound()) -> np.ndarray:
    """(n, 2) int16 samples of the replay from `start_tick` to `end_tick` (default its end) heard from `camera`
    riding with aircraft `follow`, with its `level`'s own sounds (flight.sound.level_sound)."""
    world = playback.sortie.world
    mixer = SoundMixer([spec.name for spec in world.fleet.specs], seed=playback.replay.header["seed"], level=level)
    end_tick = playback.replay.ticks if end_tick is None else end_tick
    playback.seek(start_tick)
    blocks, tick = [], playback.tick
    while tick < end_tick:
        ran = playback.step(min(BLOCK_TICKS, end_tick - tick))
        if ran == 0:
            break
        snapshot = world.snapshot()
        count = sample_of(tick + ran) - sample_of(tick)
        scene = playback.sortie.mission_snapshot().scene
        blocks.append(to_pcm16(mixer.render(snapshot, listener_for(snapshot, camera, follow), count, Volumes(),
                                            scene)))
        tick += ran
        if progress is not None:
            progress(tick - start_tick, end_tick - start_tick)
    return np.concatenate(blocks) if blocks else np.zeros((0, 2), dtype="<i2")
