"""The sound's figures for `flight bench`: milliseconds of sound work per rendered frame (60 fps: two ticks, 367 or
368 samples at 22,050 Hz), SoundMixer.render from each frame's snapshot heard from the chase camera, in the
busiest scenes: Level 2's squadron in the air at night (its six Gothas and three night fighters, every gun firing,
over the combat case's flak and machine guns), and, beside it, the combat budget case (40 aircraft)."""
from __future__ import annotations

import time

import numpy as np

from flight.sound.replay_audio import sample_of
from flight.sound.sound_mixer import SoundMixer
from flight.sound.spatial import riding_listener
from flight.tools.bench_figures import goal
from flight.tools.bench_world import combat_ground_units, combat_world

WARM_FRAMES = 30  # the kernels load (or compile) on the first blocks


def _ms_per_frame(world, frames: int) -> tuple[float, float]:
    """(median, 95th percentile) ms of the sound's work per frame as `world` flies on, and the sources mixed."""
    mixer = SoundMixer([spec.name for spec in world.fleet.specs], seed=1)
    controls = np.array([0.0, 0.0, 0.0, 0.8, 0.0, 0.0])
    spent = []
    for frame in range(WARM_FRAMES + frames):
        for _ in range(2):
            world.tick(controls)
        snapshot = world.snapshot()
        count = sample_of(snapshot.tick) - sample_of(snapshot.tick - 2)
        start = time.perf_counter()
        mixer.render(snapshot, riding_listener(snapshot), count)
        spent.append(time.perf_counter() - start)
    ms = np.array(spent[WARM_FRAMES:]) * 1000.0
    return round(float(np.median(ms)), 3), round(float(np.percentile(ms, 95)), 3)


def squadron_world():
    """Level 2's squadron at its busiest: the player's Gotha and five more in a box at 1,500 m, three D.VIIs on
    them, at night, every trigger held, over the combat case's ground units (flak, machine guns, searchlights)."""
    from flight.sim.map.terrain import generate_terrain
    from flight.sim.world.world import Slot, World
    slots = [Slot("player" if i == 0 else f"squadron/{i}", "gotha_g5", "allied", -60.0 * i, 40.0 * (i % 2), 270.0,
                  on_ground=False, altitude=1500.0 + 10.0 * i, speed=38.0) for i in range(6)]
    slots += [Slot(f"nachtjagd/{i}", "fokker_d7", "german", 200.0, 100.0 * i, 270.0, on_ground=False,
                   altitude=1450.0, speed=50.0) for i in range(3)]
    world = World(generate_terrain(seed=1), slots, seed=1, ground_units=combat_ground_units(), time_of_day="night")
    world.combat.trigger[:] = True
    return world


def sound_figures(quick: bool) -> dict:
    frames = 60 if quick else 600
    figures = {}
    for name, world in (("level2", squadron_world()), ("combat", combat_world())):
        for _ in range(400):  # the first rounds and shells out, as the combat figures wait for
            world.tick(np.array([0.0, 0.0, 0.0, 0.8, 0.0, 0.0]))
        median, p95 = _ms_per_frame(world, frames)
        figures |= {f"{name}_ms_per_frame": goal(median, at_most=1.0) if name == "level2" else median,
                    f"{name}_ms_p95": p95, f"{name}_aircraft": world.fleet.n}
    return figures
