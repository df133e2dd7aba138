"""The world ticks deterministically on its terrain, and the fixed-step loop makes it frame-rate independent."""
import numpy as np
import pytest

from flight.app.flight.loop import MAX_TICKS_PER_FRAME, FixedStepLoop
from flight.sim.dynamics import DT
from flight.sim.world import World, generate_terrain


def test_terrain_is_the_same_for_the_same_seed_and_level_at_the_aerodrome():
    a, b = generate_terrain(seed=4), generate_terrain(seed=4)
    assert np.array_equal(a.heights, b.heights)
    h = a.height_at(np.array([0.0, 300.0, -250.0]), np.array([0.0, 200.0, 100.0]))
    assert np.allclose(h, 60.0)
    assert 20.0 < a.heights.max() - a.heights.min() < 120.0, "gentle hills and a valley"


def test_height_at_matches_the_grid_points_and_interpolates_between_them():
    t = generate_terrain(seed=2)
    i, j = 37, 81
    north, east = t.north0 + i * t.spacing, t.east0 + j * t.spacing
    assert t.height_at(np.array([north]), np.array([east]))[0] == t.heights[i, j]
    mid = t.height_at(np.array([north + t.spacing / 2]), np.array([east]))[0]
    assert mid == (t.heights[i, j] + t.heights[i + 1, j]) / 2


def test_the_player_starts_parked_on_the_terrain():
    world = World(generate_terrain(seed=1))
    for _ in range(120):
        world.tick(np.zeros(6))
    s = world.snapshot()
    assert s.on_ground[0] and not s.crashed[0]
    assert 1.0 < s.height[0] < 2.0


def state_after(ticks: int, fps: float):
    """Run frames of 1/fps through a fixed-step loop until the world has had `ticks` ticks; return its state."""
    world, loop, done = World(generate_terrain(seed=1)), FixedStepLoop(), 0
    controls = np.array([0.0, 0.1, 0.0, 1.0, 0.0, 0.0])
    while done < ticks:
        for _ in range(min(loop.ticks_for(1.0 / fps), ticks - done)):
            world.tick(controls)
            done += 1
    return world.fleet.pos.copy(), world.fleet.quat.copy(), world.fleet.vel.copy()


def test_the_same_ticks_at_30_60_and_144_fps_give_bit_identical_states():
    reference = state_after(360, fps=120)
    for fps in (30, 60, 144):
        for mine, theirs in zip(state_after(360, fps), reference):
            assert np.array_equal(mine, theirs), f"{fps} fps"


def test_a_long_stall_does_not_become_a_burst_of_ticks():
    loop = FixedStepLoop()
    assert loop.ticks_for(5.0) <= MAX_TICKS_PER_FRAME == round(0.2 / DT)
    assert 0.0 <= loop.alpha <= 1.0


@pytest.mark.parametrize("fps", [5.0, 30.0, 144.0])
def test_down_to_5_fps_the_flight_keeps_up_with_the_clock(fps):
    loop = FixedStepLoop()
    ticks = sum(loop.ticks_for(1.0 / fps) for _ in range(round(20 * fps)))
    assert abs(ticks * DT - 20.0) <= DT and not loop.slow


def test_below_5_fps_it_drops_time_and_says_it_runs_slow():
    loop = FixedStepLoop()
    ticks = sum(loop.ticks_for(1.0 / 3.0) for _ in range(60))
    assert ticks * DT < 0.7 * 20.0 and loop.slow
    for _ in range(240):  # 4 s back at 60 fps: the note goes away
        loop.ticks_for(1.0 / 60.0)
    assert not loop.slow
