"""Rounds heard as they pass and as they strike: a supersonic round passing close cracks when and where it passes,
a round leaving the listener's own guns or too slow does not; a strike on an aircraft sounds of what it hit, the
engine's metal ringing high, the wings' linen snapping, the fuselage's wood knocking."""
import numpy as np
import pytest

from flight.sound.one_shots import RATE, fabric_rip, metal_strike, thwack
from flight.sound.replay_audio import sample_of
from flight.sound.sound_mixer import CRACK_M, SoundMixer, Volumes
from tests.sound.fakes import db, ears, peak_hz, snapshot

GUNS_ONLY = Volumes(engines=0.0, ambience=0.0)
LISTENER = np.array([0.0, 0.0, -1000.0])


def with_rounds(tick: int, pos, vel, born):
    """A dead-engined aircraft far off, and rounds in flight at `pos`, `vel` (K, 3), fired on ticks `born`."""
    s = snapshot(tick, rpm=0.0, pos=[[5000.0, 0.0, -1000.0]], shots=[[-1000]])
    s.combat.bullet_pos, s.combat.bullet_vel = np.asarray(pos, float), np.asarray(vel, float)
    s.combat.bullet_born = np.asarray(born)
    return s


def render_rounds(fly):
    """1 s in blocks of two ticks; `fly(tick)` gives each block's rounds (pos, vel, born)."""
    mixer, blocks = SoundMixer(["camel"], seed=3), []
    for tick in range(2, 122, 2):
        pos, vel, born = fly(tick)
        blocks.append(mixer.render(with_rounds(tick, pos, vel, born), ears(LISTENER), sample_of(tick) -
                                   sample_of(tick - 2), GUNS_ONLY))
    return np.concatenate(blocks).astype(float)


def passing(miss_m: float, speed: float = 700.0):
    """A round fired at tick 0 from 400 m south, flying north past the listener `miss_m` to his right."""
    def fly(tick):
        north = -400.0 + speed * tick / 120.0
        return [[north, miss_m, -1000.0]], [[speed, 0.0, 0.0]], [0]
    return fly


def test_a_round_passing_close_cracks_as_it_passes():
    samples = render_rounds(passing(4.0))
    passes = sample_of(round(400.0 / 700.0 * 120.0))  # about 0.57 s in
    loud = np.nonzero(np.abs(samples).max(axis=1) > 0.05)[0]
    assert len(loud) and abs(loud[0] - passes) < 0.02 * RATE, "at the moment it passes"
    assert db(samples[loud[0]:loud[0] + 200, 1]) > db(samples[loud[0]:loud[0] + 200, 0]) + 3.0, "on his right"
    assert np.abs(samples[: passes - RATE // 20]).max() < 1e-3, "nothing before"


@pytest.mark.parametrize("case", ["wide", "slow", "own"])
def test_a_wide_a_slow_or_an_outgoing_round_is_not_heard(case):
    if case == "wide":
        fly = passing(CRACK_M + 5.0)
    elif case == "slow":
        fly = passing(4.0, speed=300.0)
    else:
        fly = outgoing
    assert np.abs(render_rounds(fly)).max() < 1e-3


def outgoing(tick):
    """Fired at tick 60 from beside his ear, flying away north."""
    if tick <= 60:
        return np.zeros((0, 3)), np.zeros((0, 3)), np.zeros(0, dtype=int)
    return [[1.0 + 700.0 * (tick - 60) / 120.0, 0.5, -1000.0]], [[700.0, 0.0, 0.0]], [60]


def strike_sound(at_body):
    """The strike a mixer lays for a hit at `at_body` m (NED from a Camel at the origin facing north)."""
    mixer = SoundMixer(["camel"], seed=3)
    s = snapshot(10, pos=[[0.0, 0.0, -1000.0]], shots=[[-1000]])
    return mixer._struck(s, np.array([0.0, 0.0, -1000.0]) + at_body)


def test_a_strike_sounds_of_what_it_hit():
    mixer = SoundMixer(["camel"], seed=3)
    assert np.array_equal(strike_sound([2.0, 0.0, -0.3]), mixer.metal), "the engine, ahead of the cockpit"
    assert np.array_equal(strike_sound([-0.5, 3.5, 0.0]), mixer.fabric), "the wing"
    assert np.array_equal(strike_sound([-2.0, 0.2, 0.0]), mixer.thwack), "the fuselage"
    assert np.array_equal(strike_sound([0.0, 30.0, 0.0]), mixer.thwack), "away from every aircraft"


def test_metal_rings_high_wood_knocks_low_and_linen_is_brightest_and_shortest():
    metal, wood, linen = metal_strike(1), thwack(1), fabric_rip(1)
    assert peak_hz(metal, 200, 5000) > 1500.0
    assert 250.0 < peak_hz(wood[100:], 100, 1000) < 550.0, "the knock under the crack"

    def ring_s(sound):
        return np.nonzero(np.abs(sound) > 0.05)[0][-1] / RATE
    assert ring_s(metal) > ring_s(wood) > ring_s(linen)
