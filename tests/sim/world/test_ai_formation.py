"""Formation keeping: wingmen join a leader flying straight and level and hold their stations within 15 m in calm
air; the shapes put each aircraft where the book says."""
import numpy as np
import pytest

from flight.sim.world.ai import Pilot
from flight.sim.world.ai.stations import escort_offsets, formation_offsets

from .ai_flights import air_start, fly


def station_errors(fleet, pilot, wingmen) -> np.ndarray:
    """Each wingman's distance (m) from his station on aircraft 0, in the frame of its course."""
    o = pilot.orders
    course = np.arctan2(fleet.vel[0, 1], fleet.vel[0, 0])
    forward, right = np.array([np.cos(course), np.sin(course)]), np.array([-np.sin(course), np.cos(course)])
    slots = [pilot._slot_of[w] for w in wingmen]
    station = fleet.pos[0, :2] + np.outer(o.forward[slots], forward) + np.outer(o.right[slots], right)
    height = fleet.altitude[wingmen] - (fleet.altitude[0] - o.down[slots])
    return np.hypot(np.hypot(*(fleet.pos[wingmen, :2] - station).T), height)


@pytest.mark.parametrize("types, shape, leader_speed", [(["fokker_d7"] * 3, "vic", 34.0),
                                                        (["camel"] * 3, "echelon", 40.0)])
def test_wingmen_join_and_hold_station_within_15_m(types, shape, leader_speed):
    fleet = air_start(types, [(0.0, 0.0, 600.0, 0.0, leader_speed), (-150.0, 90.0, 570.0, 10.0, 40.0),
                              (-200.0, -60.0, 630.0, 350.0, 40.0)])
    pilot = Pilot(fleet, [0, 1, 2])
    pilot.hold_heading(0, 0.0, altitude=600.0, speed=leader_speed)
    pilot.formation([0, 1, 2], leader=0, shape=shape)  # the leader in the list keeps his own orders
    assert pilot.orders.kind[0] != pilot.orders.kind[1]
    worst = np.zeros(2)

    def measure(tick):
        if tick * (1 / 120) > 60.0:
            np.maximum(worst, station_errors(fleet, pilot, [1, 2]), out=worst)

    fly(fleet, [pilot], 90.0, measure)
    assert (worst < 15.0).all(), worst
    assert not fleet.crashed.any()


def test_the_shapes():
    vic = formation_offsets("vic", 4, 30.0)
    assert vic.tolist() == [[-30.0, 30.0, 0.0], [-30.0, -30.0, 0.0], [-60.0, 60.0, 0.0], [-60.0, -60.0, 0.0]]
    assert formation_offsets("echelon", 2, 20.0).tolist() == [[-20.0, 20.0, 0.0], [-40.0, 40.0, 0.0]]
    box = formation_offsets("box", 3, 50.0)
    assert box[:, 1].tolist() == [-50.0, 50.0, 0.0] and box[2, 0] < box[0, 0] and box[2, 2] > 0.0, \
        "two wingmen abreast behind, the third in the slot behind and below"
    assert (escort_offsets(2)[:, 2] < 0.0).all(), "escorts sit above"
    with pytest.raises(ValueError, match="unknown formation shape 'diamond'"):
        formation_offsets("diamond", 2, 30.0)
