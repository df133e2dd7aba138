"""The landscape of a flight at one graphics quality: the land-use terrain, woods, roadside poplars, villages and
clouds, rebuilt in place when the player picks another quality (settings.quality) mid-flight."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from panda3d.core import AntialiasAttrib, NodePath

from flight.app.scene import LAND_COLOURS, clouds_node, terrain_node
from flight.app.scenery import POPLAR, buildings_node, ribbons_node, trees_node
from flight.world import Terrain
from flight.world.landuse import RIVER_HALF_WIDTH_M, ROAD, ROAD_HALF_WIDTH_M, WATER, LandUse, land_use
from flight.world.scatter import buildings, roadside_trees, wood_trees


@dataclass(frozen=True)
class Quality:
    """One graphics preset. `terrain_step`: every n-th heightfield point becomes a mesh vertex; `texels_per_cell`:
    texture resolution against the land-use grid; `detail`: a tiled grain
    on the ground close by; trees every `tree_spacing_m` in the woods (0: none) drawn within
    `tree_far_m`; `cloud_share` of the clouds; `multisample` if the window was opened with samples."""
    terrain_step: int
    texels_per_cell: float
    anisotropy: int
    detail: bool
    tree_spacing_m: float
    tree_sides: int
    tree_far_m: float
    poplar_spacing_m: float
    cloud_share: float
    multisample: bool


QUALITY = {
    # software OpenGL: a quarter of the terrain's triangles and texels, no trees (the woods stay dark green)
    "low": Quality(terrain_step=2, texels_per_cell=0.5, anisotropy=1, detail=False, tree_spacing_m=0.0, tree_sides=4,
                   tree_far_m=0.0, poplar_spacing_m=0.0, cloud_share=0.5, multisample=False),
    "medium": Quality(terrain_step=1, texels_per_cell=1.0, anisotropy=4, detail=True, tree_spacing_m=20.0, tree_sides=5,
                      tree_far_m=2500.0, poplar_spacing_m=14.0, cloud_share=1.0, multisample=False),
    "high": Quality(terrain_step=1, texels_per_cell=2.0, anisotropy=8, detail=True, tree_spacing_m=13.0, tree_sides=6,
                    tree_far_m=4000.0, poplar_spacing_m=10.0, cloud_share=1.3, multisample=True),
}
CLOUDS_PER_8KM = 14


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


class Landscape:
    """Builds under `parent` the ground and all that stands on it for `quality` ("low", "medium", "high");
    `set_quality` swaps in another preset's nodes (the buildings, roads and river are the same at every quality,
    built once).

        landscape = Landscape(root, terrain, land, seed=1, time_of_day="morning", quality="medium")
        landscape.set_quality("low")
    """

    def __init__(self, parent: NodePath, terrain: Terrain, land: LandUse, seed: int, time_of_day: str,
                 quality: str = "medium", cloud_base_m: float = 0.0):
        self.parent, self.terrain, self.land = parent, terrain, land
        self.seed, self.time_of_day, self.cloud_base_m = seed, time_of_day, cloud_base_m
        self.root = parent.attach_new_node("landscape")
        for node in (buildings_node(buildings(land, seed), terrain, time_of_day),
                     ribbons_node([land.river], RIVER_HALF_WIDTH_M, LAND_COLOURS[WATER, 0], terrain, time_of_day,
                                  "river"),
                     ribbons_node(land.roads, ROAD_HALF_WIDTH_M, LAND_COLOURS[ROAD, 0], terrain, time_of_day,
                                  "roads", lift_m=0.4)):  # over the river where they cross it
            node.reparent_to(self.root)
        self.quality: str | None = None
        self.nodes: list[NodePath] = []
        self.built: dict[str, list[NodePath]] = {}
        self.set_quality(quality)

    def set_quality(self, name: str) -> None:
        if name not in QUALITY:
            raise ValueError(f"unknown quality {name!r} (known: {', '.join(QUALITY)})")
        if name == self.quality:
            return
        for node in self.nodes:
            node.detach_node()  # kept: switching back is instant
        if name not in self.built:
            self.built[name] = self._build(QUALITY[name])
        self.nodes = self.built[name]
        for node in self.nodes:
            node.reparent_to(self.root)
        if QUALITY[name].multisample:
            self.parent.set_antialias(AntialiasAttrib.M_multisample)
        else:
            self.parent.clear_antialias()
        self.quality = name

    def _build(self, preset: Quality) -> list[NodePath]:
        terrain, land, tod = self.terrain, self.land, self.time_of_day
        extent = max(terrain.size)
        clouds = max(1, round(CLOUDS_PER_8KM * (extent / 8000.0) ** 2 * preset.cloud_share))
        nodes = [terrain_node(terrain, tod, land, preset.terrain_step, preset.texels_per_cell, preset.anisotropy,
                              preset.detail),
                 clouds_node(self.seed, extent, tod, ground_m=self.cloud_base_m, count=clouds)]
        if preset.tree_spacing_m:
            nodes.append(trees_node(wood_trees(land, preset.tree_spacing_m, self.seed), terrain, tod,
                                    sides=preset.tree_sides, far_m=preset.tree_far_m))
        if preset.poplar_spacing_m:
            nodes.append(trees_node(roadside_trees(land, preset.poplar_spacing_m, self.seed), terrain, tod,
                                    shape=POPLAR, sides=preset.tree_sides, far_m=preset.tree_far_m, name="poplars"))
        return nodes

    def vertex_counts(self) -> dict[str, int]:
        """Vertices per kind of mesh ("terrain", "trees", "poplars", "buildings", "cloud-blobs"): tests, the bench."""
        counts: dict[str, int] = {}
        for path in self.root.find_all_matches("**/+GeomNode"):
            rows = sum(geom.get_vertex_data().get_num_rows() for geom in path.node().get_geoms())
            counts[path.get_name()] = counts.get(path.get_name(), 0) + rows
        return counts

    def destroy(self) -> None:
        self.parent.clear_antialias()
        for nodes in self.built.values():
            for node in nodes:
                node.remove_node()
        self.root.remove_node()
