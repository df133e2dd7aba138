"""Guns heard at their real cyclic rates: the flight model's guns fire a burst, the offline mixer hears each round at
its tick, and the reports' spacing in the rendered samples is the type's rate from its aircraft file."""
import numpy as np
import pytest

from flight.sim.command import FIRE, REAR_GUN
from flight.sim.map.terrain import generate_terrain
from flight.sim.world.world import Slot, World
from flight.sound.sound_mixer import SoundMixer, Volumes
from flight.sound.sound_spec import load_sound
from flight.sound.spatial import riding_listener
from tests.sound.fakes import render

GUNS_ONLY = Volumes(engines=0.0, ambience=0.0)
TERRAIN = generate_terrain(1, size_m=(4000.0, 4000.0))


def burst(aircraft: str, buttons: int, ticks: int = 360) -> np.ndarray:
    """A 3 s burst of aircraft 0's guns in level flight, heard from its cockpit."""
    world = World(TERRAIN, [Slot("player", aircraft, "allied", 0.0, 0.0, 0.0, on_ground=False, altitude=1500.0)])
    mixer, snapshots = SoundMixer([aircraft], seed=12), []
    controls = np.array([0.0, 0.0, 0.0, 0.8, 0.0, 0.0])
    for tick in range(ticks):
        world.tick(controls, buttons)
        if tick % 2:
            snapshots.append(world.snapshot())
    return render(mixer, snapshots, lambda s: riding_listener(s, 0, "cockpit"), GUNS_ONLY)


def report_times(samples: np.ndarray) -> np.ndarray:
    """Seconds of each report's onset: where the 1 ms envelope rises through 40 % of the loudest, 40 ms after the
    last onset or more (a report's tail and its lock's clack are not a new round)."""
    envelope = np.convolve(np.abs(samples).max(axis=1), np.ones(22) / 22, mode="same")
    above = envelope > 0.4 * envelope.max()
    onsets = []
    for k in np.nonzero(above[1:] & ~above[:-1])[0] + 1:
        if not onsets or k - onsets[-1] > 0.04 * 22050:
            onsets.append(k)
    return np.array(onsets) / 22050


@pytest.mark.parametrize("aircraft, buttons", [("camel", FIRE), ("fokker_d7", FIRE), ("gotha_g5", FIRE | REAR_GUN)])
def test_a_burst_is_heard_at_the_guns_cyclic_rate(aircraft, buttons):
    rate_rpm = load_sound(aircraft).gun_rates_rpm[0]
    times = report_times(burst(aircraft, buttons))
    assert len(times) >= 10
    mean_interval = (times[-1] - times[0]) / (len(times) - 1)  # rounds fall on whole ticks: 15 or 16 at 475 rpm
    assert 60.0 / mean_interval == pytest.approx(rate_rpm, rel=0.05)
