"""The landscape of a flight at one graphics quality: the chunked land-use terrain, woods, roadside poplars, shattered
trees by the lines, villages, roads, the river, trenches and clouds, rebuilt in place when the player picks another
quality (settings.quality) mid-flight. What is near the camera is made finer as it flies (`update`, a few
milliseconds a frame, or `start_streaming` to do it from a task)."""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field

import numpy as np
from panda3d.core import AntialiasAttrib, LODNode, NodePath

from flight.app.scene.land_paint import LAND_COLOURS
from flight.app.scene.ground_and_sky import clouds_node, sky_dome
from flight.app.scene.trees_and_buildings import POPLAR, TILE_M, TRUNK, Band, bands_node, buildings_node, trees_node
from flight.app.scene.terrain_chunks import GroundQuality, TerrainChunks
from flight.sim.world import Terrain
from flight.sim.map.land_classes import ROAD, WATER
from flight.sim.map.landuse import BLOCK_SPACINGS, BORDER_CELLS, RIVER_HALF_WIDTH_M, ROAD_HALF_WIDTH_M, LandUse, land_use
from flight.sim.map.scatter import buildings, roadside_trees, shattered_trees, wood_trees


@dataclass(frozen=True)
class Quality:
    """One graphics preset: the ground's meshes and textures (`ground`); trees every `tree_spacing_m` in the woods
    (0: none), poplars every `poplar_spacing_m` along the roads, shattered trunks every `stump_spacing_m` near
    the lines, all drawn within `tree_far_m`; `cloud_share` of the clouds; `multisample` if the window was opened
    with samples."""
    ground: GroundQuality
    tree_spacing_m: float
    tree_sides: int
    tree_far_m: float
    poplar_spacing_m: float
    stump_spacing_m: float
    cloud_share: float
    multisample: bool


QUALITY = {
    # software OpenGL: a quarter of the terrain's triangles, coarser textures, no trees (the woods stay dark green)
    "low": Quality(GroundQuality(steps=(2, 5), switch_m=(2600.0,), fine_size=128, fine_m=3000.0, mid_size=0,
                                 mid_m=0.0, anisotropy=1, detail=False),
                   tree_spacing_m=0.0, tree_sides=4, tree_far_m=0.0, poplar_spacing_m=0.0, stump_spacing_m=0.0,
                   cloud_share=0.5, multisample=False),
    "medium": Quality(GroundQuality(steps=(1, 2, 5), switch_m=(2200.0, 5000.0), fine_size=256, fine_m=3000.0,
                                    mid_size=128, mid_m=7000.0, anisotropy=1, detail=True),
                      tree_spacing_m=20.0, tree_sides=5, tree_far_m=2500.0, poplar_spacing_m=14.0,
                      stump_spacing_m=24.0, cloud_share=1.0, multisample=False),
    "high": Quality(GroundQuality(steps=(1, 2, 5), switch_m=(3000.0, 6500.0), fine_size=512, fine_m=4000.0,
                                  mid_size=128, mid_m=8000.0, anisotropy=4, detail=True),
                    tree_spacing_m=13.0, tree_sides=6, tree_far_m=4000.0, poplar_spacing_m=10.0,
                    stump_spacing_m=16.0, cloud_share=1.3, multisample=True),
}
CLOUDS_PER_8KM = 14
STREAM_BUDGET_S = 0.006  # of each frame, for making the land near the camera finer
BANDS_FAR_M = 5000.0  # roads, river and trenches drawn as bands within this distance (the texture beyond)
BUILDINGS_FAR_M = 9000.0
KEEP_CLEAR_M = 14.0  # no tree this near a gun, searchlight or lorry of the level
TRENCH = (0.13, 0.11, 0.09)  # sRGB: the trench's floor in its own shadow
SANDBAGS = (0.52, 0.47, 0.37)

_LAND_CACHE: dict[tuple, LandUse] = {}


def cached_land_use(terrain: Terrain, seed: int, aerodromes) -> LandUse:
    """land_use(), remembered for the last two maps: Restart and the next flight on the same level reuse it."""
    key = (seed, tuple(tuple(float(v) for v in a) for a in aerodromes), terrain.north0, terrain.east0,
           terrain.spacing, hashlib.sha1(terrain.heights.tobytes()).hexdigest())
    if key not in _LAND_CACHE:
        while len(_LAND_CACHE) >= 2:
            _LAND_CACHE.pop(next(iter(_LAND_CACHE)))
        _LAND_CACHE[key] = land_use(terrain, seed, aerodromes)
    return _LAND_CACHE[key]


@dataclass
class _Built:
    """The nodes of one quality preset."""
    ground: TerrainChunks
    clouds: NodePath
    trees: list[NodePath]  # roots: woods, poplars, stumps (those the preset has)
    tree_chunks: dict[tuple[int, int], list[NodePath]] = field(default_factory=dict)


class Landscape:
    """Builds under `parent` the ground and all that stands on it for `quality` ("low", "medium", "high");
    `set_quality` swaps in another preset's nodes (the buildings, roads, river and trenches are the same at every
    quality, built once). `focus` (north, east, height above the ground) is where the camera will be first: the
    land there is made fine before the first frame. No tree stands within KEEP_CLEAR_M of `keep_clear` (K, 2).

        landscape = Landscape(root, terrain, land, seed=1, time_of_day="morning", quality="medium")
        landscape.set_quality("low")
    """

    def __init__(self, parent: NodePath, terrain: Terrain, land: LandUse, seed: int, time_of_day: str,
                 quality: str = "medium", cloud_base_m: float = 0.0, focus: tuple[float, float, float] | None = None,
                 keep_clear=None):
        self.parent, self.terrain, self.land = parent, terrain, land
        self.seed, self.time_of_day, self.cloud_base_m = seed, time_of_day, cloud_base_m
        self.keep_clear = np.zeros((0, 2)) if keep_clear is None else np.asarray(keep_clear, float).reshape(-1, 2)
        self.root = parent.attach_new_node("landscape")
        self.chunk_m = BLOCK_SPACINGS * terrain.spacing
        if focus is None:
            focus = (terrain.north0 + terrain.size[0] / 2, terrain.east0 + terrain.size[1] / 2, 300.0)
        ground = float(terrain.height_at(np.array([focus[0]]), np.array([focus[1]]))[0])
        self.camera_ned = np.array([focus[0], focus[1], -(ground + focus[2])])
        self._static_nodes()
        self.quality: str | None = None
        self.built: dict[str, _Built] = {}
        self._job: tuple | None = None  # (key, generator) being worked through
        self._task = None
        self.dome: NodePath | None = None
        self.set_quality(quality)

    # -- what every quality shares: bands and buildings, chunk by chunk as the camera comes near ---------------
    def _static_nodes(self) -> None:
        land, chunk_of = self.land, self._chunk_of
        bands = [Band((land.river,), RIVER_HALF_WIDTH_M, tuple(LAND_COLOURS[WATER, 0]), 0.15),
                 Band(land.roads, ROAD_HALF_WIDTH_M, tuple(LAND_COLOURS[ROAD, 0]), 0.4)]  # over the river
        if land.front is not None:
            trenches = [line for lines in land.front.trenches().values() for line in lines]
            bands += [Band(tuple(trenches), 1.1, TRENCH, 0.1), Band(tuple(trenches), 0.8, SANDBAGS, 0.45, 1.9, True)]
        self.bands: dict[tuple[int, int], list[Band]] = {}
        for band in bands:
            for key, pieces in _split_lines(band.lines, chunk_of).items():
                self.bands.setdefault(key, []).append(Band(tuple(pieces), band.half_width_m, band.colour,
                                                           band.lift_m, band.offset_m, band.mirrored))
        ci, cj = chunk_of(land.villages[:, 0], land.villages[:, 1]) if len(land.villages) else ((), ())
        self.villages: dict[tuple[int, int], list[int]] = {}
        for v, key in enumerate(zip(np.asarray(ci).tolist(), np.asarray(cj).tolist())):
            self.villages.setdefault(key, []).append(v)
        self.groups = {name: self.root.attach_new_node(name) for name in ("bands", "buildings")}
        self.done: set[tuple] = set()  # ("bands" or "buildings", ci, cj) built

    def _static_jobs(self, keys, distances) -> list:
        jobs = []
        for key, d in zip(keys, distances):
            for name, far_m, wanted in (("bands", BANDS_FAR_M, key in self.bands),
                                        ("buildings", BUILDINGS_FAR_M, key in self.villages)):
                if wanted and d < far_m and (name, *key) not in self.done:
                    jobs.append((float(d) + 2.0, (name, *key), self._static_job(name, key)))
        return jobs

    def _static_job(self, name: str, key: tuple[int, int]):
        yield
        if name == "bands":
            node, far_m = bands_node(self.bands[key], self.terrain, self.time_of_day, "bands"), BANDS_FAR_M
        else:
            houses = buildings(self.land, self.seed, self.villages[key])
            node, far_m = buildings_node(houses, self.terrain, self.time_of_day), BUILDINGS_FAR_M
        _far_cut(self.groups[name], node, far_m, self._centre(*key))
        self.done.add((name, *key))

    def _chunk_of(self, north, east) -> tuple[np.ndarray, np.ndarray]:
        return (np.floor((np.asarray(north) - self.terrain.north0) / self.chunk_m).astype(int),
                np.floor((np.asarray(east) - self.terrain.east0) / self.chunk_m).astype(int))

    def _centre(self, ci: int, cj: int) -> tuple[float, float, float]:
        n = self.terrain.north0 + (ci + 0.5) * self.chunk_m
        e = self.terrain.east0 + (cj + 0.5) * self.chunk_m
        return e, n, float(self.terrain.height_at(np.array([n]), np.array([e]))[0])

    # -- presets ------------------------------------------------------------------------------------------------
    def set_quality(self, name: str) -> None:
        if name not in QUALITY:
            raise ValueError(f"unknown quality {name!r} (known: {', '.join(QUALITY)})")
        if name == self.quality:
            return
        if self.quality is not None:
            old = self.built[self.quality]
            if self._job is not None and self._job[0][0] == "trees":  # half planted: undone, planted again later
                for node in old.tree_chunks.pop(tuple(self._job[0][1:]), []):
                    node.remove_node()
            for node in self._nodes(old):
                node.detach_node()  # kept: switching back is instant
        self._job = None
        if name not in self.built:
            self.built[name] = self._build(QUALITY[name])
        for node in self._nodes(self.built[name]):
            node.reparent_to(self.root)
        if QUALITY[name].multisample:
            self.parent.set_antialias(AntialiasAttrib.M_multisample)
        else:
            self.parent.clear_antialias()
        self.quality = name
        self.settle(near_only=True)

    @staticmethod
    def _nodes(built: _Built) -> list[NodePath]:
        return [built.ground.root, built.clouds, *built.trees]

    def _build(self, preset: Quality) -> _Built:
        terrain = self.terrain
        size_n, size_e = terrain.size
        clouds = max(1, round(CLOUDS_PER_8KM * size_n * size_e / 8000.0 ** 2 * preset.cloud_share))
        ground = TerrainChunks(self.root, terrain, self.land, self.time_of_day, preset.ground)
        cloud_node = clouds_node(self.seed, max(terrain.size), self.time_of_day, ground_m=self.cloud_base_m,
                                 count=clouds, size_ne=terrain.size)
        trees = [NodePath(name) for name, spacing in (("trees", preset.tree_spacing_m),
                                                      ("poplars", preset.poplar_spacing_m),
                                                      ("stumps", preset.stump_spacing_m)) if spacing]
        for node in trees:
            node.set_light_off()
        return _Built(ground, cloud_node, trees)

    # -- streaming ----------------------------------------------------------------------------------------------
    def update(self, camera_ned=None, budget_s: float = STREAM_BUDGET_S, near_only: bool = False) -> bool:
        """Work for up to `budget_s` on what the land near the camera (NED, m) still wants; True when none is
        left. With `near_only`, not the middle distance's textures (the map's coarse one stands in for them)."""
        if camera_ned is not None:
            self.camera_ned = np.asarray(camera_ned, dtype=float)
        built = self.built[self.quality]
        start = time.perf_counter()
        while time.perf_counter() - start < budget_s:
            if self._job is None:
                distances = built.ground.distances(self.camera_ned)
                jobs = (built.ground.jobs(self.camera_ned) + self._tree_jobs(built, distances)
                        + self._static_jobs(built.ground.keys, distances))
                if near_only:
                    mid = QUALITY[self.quality].ground.mid_size
                    jobs = [job for job in jobs if not (job[1][0] == "texture" and job[1][-1] == mid)]
                if not jobs:
                    return True
                distance, key, work = min(jobs, key=lambda job: job[0])
                self._job = key, work
            try:
                next(self._job[1])
            except StopIteration:
                self._job = None
        return False

    def settle(self, camera_ned=None, near_only: bool = False) -> None:
        """Finish everything the land near the camera wants (before a screenshot or a test); with `near_only`, what
        the first frame needs most (the middle distance streams in during the first seconds of flight)."""
        self.update(camera_ned, budget_s=float("inf"), near_only=near_only)

    def follow(self, camera: NodePath, task_mgr) -> None:
        """Follow `camera`: a task makes the land near it finer, a few milliseconds a frame, and the sky's haze
        dome rides with it."""
        top = self.root.get_top()
        self.dome = sky_dome(self.time_of_day)
        self.dome.reparent_to(camera)

        def stream(task):
            if self.root.is_empty() or not self.root.has_parent():  # the flight's scene is gone
                if self.dome is not None:
                    self.dome.remove_node()
                return task.done
            x, y, z = camera.get_pos(top)
            self.update((y, x, -z))
            return task.cont
        self._task = task_mgr.add(stream, "landscape-stream", sort=40)

    def _tree_jobs(self, built: _Built, distances: np.ndarray) -> list:
        preset = QUALITY[self.quality]
        if not built.trees:
            return []
        jobs = []
        for key, d in zip(built.ground.keys, distances):
            if d < preset.tree_far_m + 0.25 * self.chunk_m and key not in built.tree_chunks:
                jobs.append((float(d) + 1.0, ("trees", *key), self._plant(built, preset, *key)))
            elif d > preset.tree_far_m + 2.0 * self.chunk_m and key in built.tree_chunks:
                for node in built.tree_chunks.pop(key):
                    node.remove_node()
        return jobs

    def _plant(self, built: _Built, preset: Quality, ci: int, cj: int):
        """A generator planting chunk (ci, cj)'s trees, its land-use block worked out first a band at a time."""
        land = self.land
        if not land.has_block(ci, cj):
            whole, parts = land.block_cells + 2 * BORDER_CELLS, []
            for start in range(0, whole, 64):
                yield
                parts.append(land.block(ci, cj, rows=slice(start, start + 64)))
            land.store_block(ci, cj, np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]))
        n0, e0 = self.terrain.north0 + ci * self.chunk_m, self.terrain.east0 + cj * self.chunk_m
        nodes = built.tree_chunks[ci, cj] = []  # claimed now: a job left half done is undone (set_quality)
        kinds = [(wood_trees, preset.tree_spacing_m, {}), (roadside_trees, preset.poplar_spacing_m, {"shape": POPLAR}),
                 (shattered_trees, preset.stump_spacing_m, {"shape": TRUNK})]
        tile = TILE_M
        for root, (where, spacing, style) in zip(built.trees, [k for k in kinds if k[1]]):
            for north in np.arange(n0, n0 + self.chunk_m, tile):  # a tile at a time: a few ms a step
                for east in np.arange(e0, e0 + self.chunk_m, tile):
                    yield
                    points = self._clear_of_units(where(land, spacing, self.seed, (north, north + tile, east,
                                                                                     east + tile)))
                    if len(points):
                        node = trees_node(points, self.terrain, self.time_of_day, sides=preset.tree_sides,
                                          far_m=preset.tree_far_m, name=root.get_name(), **style)
                        node.reparent_to(root)
                        nodes.append(node)

    def _clear_of_units(self, trees: np.ndarray) -> np.ndarray:
        if len(self.keep_clear) == 0 or len(trees) == 0:
            return trees
        keep = np.ones(len(trees), dtype=bool)
        for n, e in self.keep_clear:
            keep &= (trees[:, 0] - n) ** 2 + (trees[:, 1] - e) ** 2 > KEEP_CLEAR_M ** 2
        return trees[keep]

    def vertex_counts(self) -> dict[str, int]:
        """Vertices per kind of mesh ("terrain", "trees", "poplars", "buildings", "cloud-blobs"): tests, the bench."""
        counts: dict[str, int] = {}
        for path in self.root.find_all_matches("**/+GeomNode"):
            rows = sum(geom.get_vertex_data().get_num_rows() for geom in path.node().get_geoms())
            counts[path.get_name()] = counts.get(path.get_name(), 0) + rows
        return counts

    def destroy(self) -> None:
        if self._task is not None:
            self._task.remove()
        if self.dome is not None:
            self.dome.remove_node()
        self.parent.clear_antialias()
        for built in self.built.values():
            for node in self._nodes(built):
                node.remove_node()
        self.root.remove_node()


def _far_cut(parent: NodePath, node: NodePath, far_m: float, centre) -> None:
    """`node` under `parent`, shown only within `far_m` of `centre` (x, y, z Panda3D)."""
    lod = LODNode(f"{node.get_name()}-cut")
    lod.add_switch(far_m, 0.0)
    lod.set_center(centre)
    node.reparent_to(parent.attach_new_node(lod))


def _split_lines(lines, chunk_of) -> dict[tuple[int, int], list[np.ndarray]]:
    """Polylines cut into runs by the chunk each point falls in; each run carries on one point into the next chunk,
    so the pieces meet."""
    out: dict[tuple[int, int], list[np.ndarray]] = {}
    for line in lines:
        if len(line) < 2:
            continue
        ci, cj = chunk_of(line[:, 0], line[:, 1])
        change = np.flatnonzero((np.diff(ci) != 0) | (np.diff(cj) != 0)) + 1
        for start, end in zip(np.r_[0, change], np.r_[change, len(line)]):
            piece = line[start:min(end + 1, len(line))]
            if len(piece) >= 2:
                out.setdefault((int(ci[start]), int(cj[start])), []).append(piece)
    return out
