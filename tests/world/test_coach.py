"""The training instructor speaks each lesson once, in order, as the flight gets there."""
import dataclasses

import numpy as np

from flight.world import World, generate_terrain
from flight.world.coach import LESSONS, Coach


def test_the_lessons_follow_the_flight():
    parked = World(generate_terrain(seed=1)).snapshot()
    coach = Coach()
    said = [coach.update(parked)]
    assert coach.update(parked) is None, "each line once"
    rolling = dataclasses.replace(parked, vel=np.array([[0.0, -10.0, 0.0]]))
    said.append(coach.update(rolling))
    flying = dataclasses.replace(rolling, on_ground=np.array([False]), height=np.array([50.0]))
    said.append(coach.update(flying))
    high = dataclasses.replace(flying, height=np.array([320.0]))
    said.append(coach.update(high))
    for step in range(1, 40):  # a right turn of 120 deg, 3 deg a tick
        heading = parked.euler[0, 2] + np.radians(3.0 * step)
        turning = dataclasses.replace(high, euler=np.array([[0.5, 0.0, heading]]))
        line = coach.update(turning)
        if line:
            said.append(line)
    assert said == [lesson.prompt for lesson in LESSONS[:5]]
