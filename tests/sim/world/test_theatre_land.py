"""The theatre's land: its airfields and the camp kept clear, the two trench systems along the front's east values,
no-man's-land churned to mud with no village near the lines, the camp and hangars placed from the theatre file and
standing on the flight model's ground, all the same from the same seed (and on a CPU without AVX-512)."""

import numpy as np
import pytest

from flight.sim.map.front import BAND_M, SUPPORT_BEHIND_M
from flight.sim.map.landuse import AERODROME, CRATERED, ROAD, SHATTERED, TRENCH, VILLAGE, WOOD, YARD, land_use
from flight.sim.map.scatter import buildings, roadside_trees, shattered_trees, wood_trees
from flight.sim.map.theatre import load_theatre
from tests.cpu_kernels import outputs_with_and_without_avx512


@pytest.fixture(scope="module")
def theatre():
    return load_theatre()


@pytest.fixture(scope="module")
def land(theatre):
    return theatre.land_use()


def _region(n, e, r):
    return (n - r, n + r, e - r, e + r)


def test_every_airfield_and_the_camp_is_clear_grass_with_no_tree_or_house(theatre, land):
    houses = buildings(land, theatre.terrain_seed)
    for n, e, r in theatre.clearings():
        around = _region(n, e, r + 300.0)
        for trees in (wood_trees(land, 13.0, theatre.terrain_seed, around),
                      roadside_trees(land, 10.0, theatre.terrain_seed, around),
                      shattered_trees(land, 16.0, theatre.terrain_seed, around)):
            assert not np.any(np.hypot(trees[:, 0] - n, trees[:, 1] - e) < r + 50.0), (n, e)
        assert not np.any(np.hypot(houses.north - n, houses.east - e) < r + 100.0), (n, e)
        ring = np.linspace(0.0, 2.0 * np.pi, 90, endpoint=False)
        for fraction in (0.0, 0.5, 0.95):
            kinds = land.class_at(n + fraction * r * np.cos(ring), e + fraction * r * np.sin(ring))
            assert np.all(np.isin(kinds, (AERODROME, YARD, ROAD))), (n, e, fraction, kinds)  # tracks cross them
    camp = theatre.camp
    inside = land.class_at(np.linspace(camp["wire_south"] + 25, camp["wire_north"] - 5, 20),
                           np.linspace(camp["wire_west"] + 5, camp["wire_east"] - 5, 20))
    assert np.all(inside == YARD)
    track = np.array(theatre.tracks[0])
    assert np.hypot(*(track[0] - (camp["gate_north"], camp["gate_east"]))) < 1.0  # from the gate to the hangars
    assert np.all(land.class_at(track[:, 0], track[:, 1]) == ROAD)


def test_two_trench_systems_lie_along_the_front_values(theatre, land):
    front = land.front
    trenches = front.trenches()
    for side, key in (("british", "british_trench_east"), ("german", "german_trench_east")):
        fire, support = trenches[side][0], trenches[side][1]
        assert fire[:, 0].min() <= -theatre.size[0] / 2 and fire[:, 0].max() >= theatre.size[0] / 2
        assert np.all(np.abs(fire[:, 1] - theatre.front[key]) < 100.0)
        assert np.ptp(np.diff(fire[:, 1])) > 5.0, "bays and traverses, not a straight line"
        behind = (support[:, 1] - theatre.front[key]) * front.rear(side)
        assert np.all(np.abs(behind - SUPPORT_BEHIND_M) < 100.0)
        north = np.linspace(-7000.0, 7000.0, 50)
        assert np.mean(land.class_at(north, front.line_east(side, north)) == TRENCH) > 0.5
    # no-man's-land between them is mud and shell holes, and woods near the lines are stumps
    north = np.linspace(-7000.0, 7000.0, 200)
    middle = (front.line_east("british", north) + front.line_east("german", north)) / 2
    assert np.mean(land.class_at(north, middle) == CRATERED) > 0.9
    share = land.fractions() if "whole" in land._cache else None
    assert share is None or share["cratered"] > 0.01
    band = land.classes_on(np.linspace(-7000, 7000, 300)[:, None], np.linspace(-1100, 1100, 150)[None, :], 20.0)[0]
    assert not np.any(band == WOOD) and np.any(band == SHATTERED)


def test_no_village_near_the_lines_and_roads_stop_short_of_them(theatre, land):
    front = land.front
    for n, e, r in land.villages:
        for side in ("british", "german"):
            assert abs(front.behind(side, n, e)) > BAND_M + r, (n, e)
    houses = buildings(land, theatre.terrain_seed)
    assert len(houses) > 500 and np.all(land.class_at(houses.north, houses.east) == VILLAGE)
    for road in land.roads:
        assert not np.any(front.no_mans_land(road[:, 0], road[:, 1]))


def test_the_camp_and_hangars_come_from_the_theatre_file_and_stand_on_the_ground(theatre):
    placed = theatre.features()
    camp = theatre.camp
    terrain = theatre.terrain()
    np.testing.assert_array_equal(placed.ground(terrain.height_at), terrain.height_at(placed.north, placed.east))
    assert len(placed.select("guard_tower")) == 4 and len(placed.select("gate")) == 2
    assert len(placed.select("commandant_house")) == 1 and len(placed.select("maxim_gun")) == 1
    mg = placed.select("maxim_gun")[0]
    assert np.hypot(placed.north[mg] - camp["gate_mg_north"], placed.east[mg] - camp["gate_mg_east"]) < 1.0
    assert np.hypot(camp["gate_north"] - camp["gate_mg_north"], camp["gate_east"] - camp["gate_mg_east"]) < 25.0
    huts = placed.select("barracks")
    assert len(huts) == len(camp["barracks_norths"]) * len(camp["barracks_easts"])
    gap = camp["wire_gap_m"]
    assert np.all((placed.north[huts] > camp["wire_south"] + gap + 5) & (placed.north[huts] < camp["wire_north"] - gap - 5))
    assert np.all((placed.east[huts] > camp["wire_west"] + gap + 15) & (placed.east[huts] < camp["wire_east"] - gap - 15))
    # the double fence: each ring closed but for the gate, its segments end to end
    fence = placed.select("fence")
    for ring in ("camp/outer_fence", "camp/inner_fence"):
        rows = [k for k in fence if placed.name[k] == ring]
        length = 4.0 * placed.scale_x[rows].sum()
        inset = 0.0 if ring.startswith("camp/outer") else gap
        perimeter = 2 * (camp["wire_north"] - camp["wire_south"] - 2 * inset + camp["wire_east"] - camp["wire_west"]
                         - 2 * inset)
        assert abs(length + 6.0 - perimeter) < 0.01
    hangars = [k for k, m in enumerate(placed.model) if m.endswith("hangar")]
    assert {placed.model[k] for k in hangars} == {"canvas_hangar", "wooden_hangar"}
    assert len(placed.select("fuel_store")) == 1
    field = theatre.airfields["german_airfield"]
    assert np.all(np.hypot(placed.north[hangars] - field.north, placed.east[hangars] - field.east) < field.radius + 100)


def test_land_use_blocks_are_the_same_however_they_are_asked_for(theatre, land):
    again = land_use(theatre.terrain(), theatre.terrain_seed, theatre.clearings(), front=theatre.front_lines(),
                     yards=theatre.yards(), tracks=theatre.tracks)
    for block in ((3, 10), (4, 17), (2, 9)):
        np.testing.assert_array_equal(again.block(*block)[0], land.block(*block)[0])
        north, east = land.block_axes(*block)
        np.testing.assert_array_equal(land.classes_on(north[40:90], east)[0], land.block(*block)[0][40:90])
    region = (0.0, 2000.0, 12000.0, 14000.0)
    np.testing.assert_array_equal(wood_trees(land, 13.0, 7, region), wood_trees(again, 13.0, 7, region))
    halves = np.concatenate([wood_trees(land, 13.0, 7, (-4000.0, -3000.0, 3000.0, 5000.0)),
                             wood_trees(land, 13.0, 7, (-3000.0, -2000.0, 3000.0, 5000.0))])
    whole = wood_trees(land, 13.0, 7, (-4000.0, -2000.0, 3000.0, 5000.0))
    assert len(whole) > 100 and sorted(map(tuple, halves)) == sorted(map(tuple, whole))


FINGERPRINT = """
import hashlib
import numpy as np
from flight.sim.map.theatre import load_theatre
from flight.sim.map.scatter import buildings, shattered_trees, wood_trees
theatre = load_theatre()
land = theatre.land_use()
h = hashlib.sha1()
for block in ((3, 10), (4, 17), (3, 2)):
    h.update(np.ascontiguousarray(land.block(*block)[0]).tobytes())
h.update(wood_trees(land, 13.0, 7, (-3000.0, -1000.0, 1000.0, 3000.0)).tobytes())
h.update(shattered_trees(land, 16.0, 7, (-3000.0, -1000.0, -1000.0, 1000.0)).tobytes())
h.update(buildings(land, 7, [0, 1, 2]).north.tobytes())
for lines in land.front.trenches().values():
    for line in lines:
        h.update(line.tobytes())
h.update(np.concatenate([theatre.features().north, theatre.features().east]).tobytes())
print(h.hexdigest())
"""


def test_the_same_theatre_with_numpys_avx512_kernels_switched_off():
    usual, without = outputs_with_and_without_avx512(FINGERPRINT)
    assert usual == without
