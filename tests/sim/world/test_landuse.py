"""Land use: the river on the valley floor, roads joining the villages, the aerodrome's grass, the same map from
the same seed; and the trees and buildings placed on it."""
import subprocess
import sys

import numpy as np
import pytest

from flight.sim.world import generate_terrain
from flight.sim.map.landuse import (AERODROME, CELLS_PER_SPACING, CLASS_NAMES, FIELDS, ROAD, VILLAGE, WATER, WOOD,
                                  land_use, point_polyline_distance)
from flight.sim.map.scatter import CHURCH, buildings, roadside_trees, wood_trees
from flight.sim.map.terrain import RIVER_SEARCH_M
from tests.cpu_kernels import outputs_with_and_without_avx512

AERODROME_AT = (0.0, 0.0, 600.0)


@pytest.fixture(scope="module")
def terrain():
    return generate_terrain(seed=1)


@pytest.fixture(scope="module")
def land(terrain):
    return land_use(terrain, seed=1, aerodromes=(AERODROME_AT,))


def test_the_grid_is_aligned_with_the_terrain(terrain, land):
    rows, cols = terrain.heights.shape
    assert land.classes.dtype == np.uint8
    assert land.classes.shape == ((rows - 1) * CELLS_PER_SPACING, (cols - 1) * CELLS_PER_SPACING)
    assert land.cell * CELLS_PER_SPACING == terrain.spacing
    assert (land.north0, land.east0) == (terrain.north0, terrain.east0)
    north, east = land.centres()
    np.testing.assert_array_equal(land.class_at(north + 0 * east, east + 0 * north), land.classes)
    assert land.classes.max() < len(CLASS_NAMES)


def test_every_kind_of_ground_is_there_in_sensible_shares(land):
    share = land.fractions()
    assert 0.5 < sum(share[CLASS_NAMES[k]] for k in FIELDS) < 0.85
    assert 0.08 < share["wood"] < 0.2
    assert 0.05 < share["meadow"] < 0.25
    assert share["village"] > 0.003 and share["road"] > 0.002 and share["water"] > 0.001
    assert len(land.villages) >= 4


def test_the_river_runs_the_length_of_the_map_along_the_valley_floor(terrain, land):
    river = terrain.river
    assert river[0, 0] == terrain.north0 and river[-1, 0] == terrain.north0 + terrain.size[0]
    assert np.all(np.diff(river[:, 0]) > 0)
    assert np.max(np.hypot(*np.diff(river, axis=0).T)) < 2.0 * terrain.spacing  # no jumps
    # lowest ground across the valley: no point within RIVER_SEARCH_M either side on its row is lower
    across = np.linspace(-RIVER_SEARCH_M, RIVER_SEARCH_M, 61)
    profile = terrain.height_at(river[:, :1] + 0 * across, river[:, 1:] + across)
    river_height = terrain.height_at(river[:, 0], river[:, 1])
    assert np.all(river_height <= profile.min(axis=1) + 0.5)
    # the water cells are the river's, and low
    north, east = land.centres()
    water = land.mask(WATER)
    rows = np.flatnonzero(water.any(axis=1))
    assert len(rows) > 0.95 * water.shape[0], "water all the way from south to north"
    on_water = np.argwhere(water)[::20]
    points = np.column_stack([north[on_water[:, 0], 0], east[0, on_water[:, 1]]])
    assert np.all(point_polyline_distance(points, river) < 12.0 + land.cell)
    lowest = terrain.height_at(points[:, :1] + 0 * across, points[:, 1:] + across).min(axis=1)
    assert np.all(terrain.height_at(points[:, 0], points[:, 1]) <= lowest + 1.0)
    assert terrain.height_at(points[:, 0], points[:, 1]).mean() < terrain.heights.mean() - 10.0


def test_roads_join_every_village_and_the_aerodrome(land):
    places = np.concatenate([land.villages[:, :2], land.aerodromes[:, :2]])
    radius = np.concatenate([np.full(len(land.villages), 1.0), land.aerodromes[:, 2] + 1.0])
    group = list(range(len(places)))  # union-find over the places the roads' ends reach

    def find(k):
        while group[k] != k:
            k = group[k]
        return k
    for road in land.roads:
        ends = [int(np.argmin(np.hypot(*(places - p).T) - radius)) for p in (road[0], road[-1])]
        reached = [np.hypot(*(places[k] - p)) <= radius[k] for k, p in zip(ends, (road[0], road[-1]))]
        if all(reached):
            group[find(ends[0])] = find(ends[1])
        else:
            assert any(reached), "a road that leaves the map starts at a village"
    assert len({find(k) for k in range(len(places))}) == 1
    # and they are drawn on the grid: points along every road are road cells
    points = np.concatenate([_along(road, 4.0) for road in land.roads])
    assert np.mean(land.class_at(points[:, 0], points[:, 1]) == ROAD) > 0.99


def _along(line, step):
    seg = np.hypot(*np.diff(line, axis=0).T)
    arc = np.concatenate([[0.0], np.cumsum(seg)])
    s = np.arange(0.0, arc[-1], step)
    return np.column_stack([np.interp(s, arc, line[:, 0]), np.interp(s, arc, line[:, 1])])


def test_the_aerodrome_is_all_grass_with_open_approaches(land):
    north, east = land.centres()
    distance = np.hypot(north - AERODROME_AT[0], east - AERODROME_AT[1])
    assert np.all(land.classes[distance < AERODROME_AT[2]] == AERODROME)
    assert not np.any(land.classes[distance < AERODROME_AT[2] + 200.0] == WOOD)
    for n, e, r in land.villages:
        assert np.hypot(n - AERODROME_AT[0], e - AERODROME_AT[1]) > AERODROME_AT[2] + r


def test_the_same_seed_gives_the_same_land_and_another_seed_another(terrain, land):
    again = land_use(terrain, seed=1, aerodromes=(AERODROME_AT,))
    np.testing.assert_array_equal(again.classes, land.classes)
    np.testing.assert_array_equal(again.villages, land.villages)
    assert all(np.array_equal(a, b) for a, b in zip(again.roads, land.roads))
    other = land_use(terrain, seed=2, aerodromes=(AERODROME_AT,))
    assert np.mean(other.classes != land.classes) > 0.3


def test_trees_stand_in_the_woods_and_buildings_in_the_villages_off_the_roads(land):
    trees = wood_trees(land, 20.0, seed=1)
    assert len(trees) > 1000 and np.all(land.class_at(trees[:, 0], trees[:, 1]) == WOOD)
    assert len(wood_trees(land, 14.0, seed=1)) > 1.8 * len(trees)
    np.testing.assert_array_equal(trees, wood_trees(land, 20.0, seed=1))
    poplars = roadside_trees(land, 12.0, seed=1)
    assert len(poplars) > 50
    assert not np.any(np.isin(land.class_at(poplars[:, 0], poplars[:, 1]), (ROAD, VILLAGE, AERODROME)))
    houses = buildings(land, seed=1)
    assert len(houses) > 10 * len(land.villages) / 2
    assert np.all(land.class_at(houses.north, houses.east) == VILLAGE)
    assert np.count_nonzero(houses.kind == CHURCH) >= len(land.villages) // 2
    gaps = np.hypot(houses.north[:, None] - houses.north[None], houses.east[:, None] - houses.east[None])
    np.fill_diagonal(gaps, np.inf)
    assert gaps.min() > 5.0
    for road in land.roads:
        assert np.all(point_polyline_distance(np.column_stack([houses.north, houses.east]), road) > 3.0)


FINGERPRINT = """
import hashlib, sys
import numpy as np
from flight.sim.world import generate_terrain
from flight.sim.map.landuse import land_use
from flight.sim.map.scatter import buildings, roadside_trees, wood_trees
terrain = generate_terrain(1)
land = land_use(terrain, 1)
b = buildings(land, 1)
h = hashlib.sha1()
for a in (terrain.river, land.classes, land.parcel, land.villages, *land.roads, wood_trees(land, 20.0, 1),
          roadside_trees(land, 12.0, 1), b.north, b.east, b.ridge_north, b.ridge_east, b.length):
    h.update(np.ascontiguousarray(a).tobytes())
print(h.hexdigest())
"""


def test_the_same_bits_with_numpys_avx512_kernels_switched_off():
    """Later the simulation places things on the land use, so it must come out the same on every CPU (DESIGN.md);
    on a CPU without AVX-512 the variable changes nothing and the test still passes."""
    usual, without = outputs_with_and_without_avx512(FINGERPRINT)
    assert usual == without


def test_land_use_imports_no_panda3d():
    check = ("import sys, flight.sim.map.landuse, flight.sim.map.scatter; "
             "print([m for m in sys.modules if m.startswith(('panda3d', 'direct'))])")
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
