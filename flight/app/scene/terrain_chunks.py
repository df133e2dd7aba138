"""The ground as chunks: the heightfield cut into squares of BLOCK_SPACINGS grid spacings (2 km), each a LODNode of
two or three meshes of falling resolution (the finest is the flight model's own grid points, the same array it
takes ground contact from), hung with skirts so no crack shows between neighbours at different detail. Beyond the
map an apron of coarse land runs out past the haze, so the map's edge never shows.

Each chunk wears its own land-use texture, as fine as its distance from the camera asks: the whole map and apron
share one coarse texture, chunks within a few kilometres get a finer one each, worked out a little at a time as the
camera travels (`TerrainChunks.jobs`)."""
from __future__ import annotations

import itertools
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from panda3d.core import LODNode, NodePath, TextureStage

from flight.app import frames
from flight.app.scene.land_paint import grid_colours, make_texture, srgb_bytes
from flight.app.scene.ground_and_sky import DETAIL_MEAN, TEXTURE_GAIN, detail_texture, linear, mesh_node, sunlit, time_of_day_preset
from flight.sim.world import Terrain
from flight.sim.map.landuse import APRON_M, BLOCK_SPACINGS, BORDER_CELLS, LandUse

SKIRT_M = 6.0  # how far each chunk's skirt hangs below its edge: more than the coarse meshes stray (see tests)
FAR_TEXEL_M = 125.0  # the coarse texture over the whole map and its apron
APRON_STEP_M = 500.0
DETAIL_TILE_M = 50.0  # divides the chunk size, so the grain runs on unbroken from chunk to chunk
BAND_ROWS = 64  # a land-use block is worked out this many rows at a time
STEP_TEXELS = (16384, 4096)  # texels coloured per step from a block, and sampled afresh (the front's are dear)
TEXTURE_BUDGET_BYTES = 96 << 20  # finer chunk textures kept (least recently wanted dropped first)


@dataclass(frozen=True)
class GroundQuality:
    """`steps`: every n-th heightfield point per level of detail, finest first, switched at `switch_m` (distance
    from the camera to a chunk's middle); textures of `fine_size` texels a side within `fine_m` of the camera,
    `mid_size` within `mid_m` (0: none), the map's coarse texture beyond; `detail`: the tiled grain close by."""
    steps: tuple[int, ...]
    switch_m: tuple[float, ...]
    fine_size: int
    fine_m: float
    mid_size: int
    mid_m: float
    anisotropy: int
    detail: bool


_TEXTURES: OrderedDict = OrderedDict()  # (land's token, ci, cj, size) -> Texture, across flights: Restart is quick
_BYTES: dict = {}
_FAR: dict = {}
_TOKENS = itertools.count()


def token(land: LandUse) -> int:
    """A number for this land use that no other will have in this process (unlike id(), never reused)."""
    return land._cache.setdefault("token", next(_TOKENS))


class TerrainChunks:
    """The ground of `terrain` under `parent`. `jobs(camera_ned)` lists the work that would make the ground near
    the camera finer, nearest first: (distance m, key, generator); each `next()` does a few milliseconds of it."""

    def __init__(self, parent: NodePath, terrain: Terrain, land: LandUse, time_of_day: str, quality: GroundQuality):
        self.terrain, self.land, self.quality = terrain, land, quality
        self.root = parent.attach_new_node("ground")
        self.root.set_light_off()  # the sun is baked into the vertex colours
        preset = time_of_day_preset(time_of_day)
        shade = linear(sunlit(terrain.heights, terrain.spacing, preset)) / TEXTURE_GAIN
        if quality.detail:
            shade /= DETAIL_MEAN  # the detail texture darkens by its mean wherever it is mipmapped to a blur
        self.shade = shade.astype(np.float32)
        self.footprint_m = (land.block_cells + 2 * BORDER_CELLS) * land.cell
        self.chunk_m = BLOCK_SPACINGS * terrain.spacing
        rows, cols = terrain.heights.shape
        self.count = (-(-(rows - 1) // BLOCK_SPACINGS), -(-(cols - 1) // BLOCK_SPACINGS))
        self.far, self.far_extent = far_texture(land)
        self.chunks: dict[tuple[int, int], NodePath] = {}
        self.refined: set[tuple[int, int]] = set()  # chunks with every level of detail (the rest: the coarsest)
        self.level: dict[tuple[int, int], int] = {}  # texels a side of the texture each chunk wears (0: the far one)
        detail = detail_texture() if quality.detail else None
        for ci in range(self.count[0]):
            for cj in range(self.count[1]):
                node = self._chunk(ci, cj)
                if detail is not None:
                    stage = TextureStage("detail")
                    node.set_texture(stage, detail)  # never anisotropic: Mesa's llvmpipe slows to a crawl
                    node.set_tex_scale(stage, self.footprint_m / DETAIL_TILE_M)
                self.chunks[ci, cj] = node
                self._wear(ci, cj)
        apron = self.root.attach_new_node(apron_node(terrain, self.shade if not quality.detail else
                                                     self.shade * DETAIL_MEAN, self.far_extent))
        apron.set_texture(self.far)
        centres = np.array([self.centre(ci, cj) for ci, cj in self.chunks])
        self.keys, self.centres_ne = list(self.chunks), centres

    def origin(self, ci: int, cj: int) -> tuple[float, float]:
        """North and east of the south-west corner of chunk (ci, cj)'s texture (its border included)."""
        border = BORDER_CELLS * self.land.cell
        return (self.terrain.north0 + ci * self.chunk_m - border, self.terrain.east0 + cj * self.chunk_m - border)

    def centre(self, ci: int, cj: int) -> tuple[float, float]:
        return (self.terrain.north0 + (ci + 0.5) * self.chunk_m, self.terrain.east0 + (cj + 0.5) * self.chunk_m)

    def _chunk(self, ci: int, cj: int) -> NodePath:
        chunk = self.root.attach_new_node(f"chunk-{ci}-{cj}")
        self._meshes(chunk, ci, cj, self.quality.steps[-1:])  # the finer ones when the camera comes near: refine
        return chunk

    def _meshes(self, chunk: NodePath, ci: int, cj: int, steps: tuple[int, ...]) -> None:
        """Chunk (ci, cj)'s meshes at `steps` under a new LODNode, in place of any it had."""
        terrain, q = self.terrain, self.quality
        rows, cols = terrain.heights.shape
        r0, c0 = ci * BLOCK_SPACINGS, cj * BLOCK_SPACINGS
        r1, c1 = min(r0 + BLOCK_SPACINGS, rows - 1), min(c0 + BLOCK_SPACINGS, cols - 1)
        chunk.node().remove_all_children()
        lod = LODNode(f"terrain-lod-{ci}-{cj}")
        lod_np = chunk.attach_new_node(lod)
        outer = [*q.switch_m[len(q.steps) - len(steps):], 1e9]
        for k, step in enumerate(steps):
            r_idx = np.unique(np.r_[np.arange(r0, r1, step), r1])
            c_idx = np.unique(np.r_[np.arange(c0, c1, step), c1])
            lod_np.attach_new_node(chunk_mesh(terrain, self.shade, r_idx, c_idx, self.origin(ci, cj),
                                              self.footprint_m))
            lod.add_switch(outer[k], 0.0 if k == 0 else outer[k - 1])
        n, e = self.centre(ci, cj)
        middle = float(terrain.height_at(np.array([n]), np.array([e]))[0])
        lod.set_center(tuple(frames.position_to_panda(np.array([n, e, -middle]))))

    def _refine(self, ci: int, cj: int):
        yield
        self._meshes(self.chunks[ci, cj], ci, cj, self.quality.steps)
        self.refined.add((ci, cj))

    def _wear(self, ci: int, cj: int) -> None:
        """Put on the finest texture the cache holds for the chunk (the far one if none)."""
        node = self.chunks[ci, cj]
        for size in (self.quality.fine_size, self.quality.mid_size):
            texture = _TEXTURES.get((token(self.land), ci, cj, size)) if size else None
            if texture is not None:
                if self.level.get((ci, cj)) != size:
                    node.clear_tex_transform(TextureStage.get_default())
                    node.set_texture(texture, 1)
                    self.level[ci, cj] = size
                return
        if self.level.get((ci, cj)) != 0:
            n0, e0 = self.origin(ci, cj)
            ext = self.far_extent
            span_n, span_e = ext[1] - ext[0], ext[3] - ext[2]
            node.set_texture(self.far, 1)
            node.set_tex_scale(TextureStage.get_default(), self.footprint_m / span_e, self.footprint_m / span_n)
            node.set_tex_offset(TextureStage.get_default(), (e0 - ext[2]) / span_e, (n0 - ext[0]) / span_n)
            self.level[ci, cj] = 0

    def distances(self, camera_ned: np.ndarray) -> np.ndarray:
        """Distance (m) from the camera to each chunk (in `self.keys` order): to the nearest point of its square
        on the ground."""
        half = self.chunk_m / 2
        dn = np.maximum(np.abs(self.centres_ne[:, 0] - camera_ned[0]) - half, 0.0)
        de = np.maximum(np.abs(self.centres_ne[:, 1] - camera_ned[1]) - half, 0.0)
        ground = float(self.terrain.height_at(np.array([camera_ned[0]]), np.array([camera_ned[1]]))[0])
        return np.sqrt(dn * dn + de * de + max(-camera_ned[2] - ground, 0.0) ** 2)

    def jobs(self, camera_ned: np.ndarray) -> list[tuple[float, tuple, object]]:
        """The textures the chunks near the camera want and do not wear yet."""
        q = self.quality
        out = []
        refine_m = (q.switch_m[-1] if q.switch_m else 0.0) + self.chunk_m
        for key, d in zip(self.keys, self.distances(camera_ned)):
            if d < refine_m and key not in self.refined and len(q.steps) > 1:
                out.append((float(d), ("mesh", *key), self._refine(*key)))
            for size, reach in ((q.fine_size, q.fine_m), (q.mid_size, q.mid_m)):
                if size and d < reach:
                    cache_key = (token(self.land), *key, size)
                    if cache_key in _TEXTURES:
                        _TEXTURES.move_to_end(cache_key)
                        if self.level.get(key) not in (size, q.fine_size):
                            self._wear(*key)
                    else:
                        out.append((float(d), ("texture", *key, size), self._paint(*key, size)))
                    break
        return out

    def _paint(self, ci: int, cj: int, size: int):
        """A generator working out chunk (ci, cj)'s texture of `size` texels a side, a band of rows per step."""
        land = self.land
        texel = self.footprint_m / size
        n0, e0 = self.origin(ci, cj)
        north = (n0 + (np.arange(size) + 0.5) * texel)[:, None]
        east = (e0 + (np.arange(size) + 0.5) * texel)[None, :]
        from_block = land.has_block(ci, cj) or texel < 1.5 * land.cell  # else sampled straight at the texels
        if from_block and not land.has_block(ci, cj):
            whole = land.block_cells + 2 * BORDER_CELLS
            parts = []
            for start in range(0, whole, BAND_ROWS):
                yield
                parts.append(land.block(ci, cj, rows=slice(start, start + BAND_ROWS)))
            land.store_block(ci, cj, np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]))
        rgb = np.zeros((size, size, 3), np.uint8)
        band = max(8, STEP_TEXELS[0 if from_block else 1] // size)
        for start in range(0, size, band):
            yield
            rows = slice(start, start + band)
            if from_block:
                classes, parcel = land.block(ci, cj)
                i = np.floor((north[rows] - n0) / land.cell).astype(np.intp)
                j = np.floor((east - e0) / land.cell).astype(np.intp)
                colour = grid_colours(land, north[rows], east, texel, classes[i, j], parcel[i, j])
            else:
                colour = grid_colours(land, north[rows], east, texel)
            rgb[rows] = srgb_bytes(colour, TEXTURE_GAIN)
        texture = make_texture(rgb, f"land-{ci}-{cj}-{size}", self.quality.anisotropy)
        _remember((token(land), ci, cj, size), texture, rgb.nbytes)
        self._wear(ci, cj)

    def destroy(self) -> None:
        self.root.remove_node()


def _remember(key: tuple, texture, nbytes: int) -> None:
    _TEXTURES[key] = texture
    _BYTES[key] = nbytes
    while sum(_BYTES.values()) > TEXTURE_BUDGET_BYTES and len(_TEXTURES) > 1:
        old, _ = _TEXTURES.popitem(last=False)
        del _BYTES[old]


def far_texture(land: LandUse):
    """The coarse texture over the map and its apron (remembered per land use) and the extent it covers (north
    min, max, east min, max)."""
    key = token(land)
    if key not in _FAR:
        _FAR.clear()
        n0, e0 = land.north0 - APRON_M, land.east0 - APRON_M
        span_n, span_e = land.shape[0] * land.cell + 2 * APRON_M, land.shape[1] * land.cell + 2 * APRON_M
        rows, cols = (1 << int(round(np.log2(span / FAR_TEXEL_M))) for span in (span_n, span_e))  # powers of 2
        texel_n, texel_e = span_n / rows, span_e / cols
        north = (n0 + (np.arange(rows) + 0.5) * texel_n)[:, None]
        east = (e0 + (np.arange(cols) + 0.5) * texel_e)[None, :]
        rgb = srgb_bytes(grid_colours(land, north, east, max(texel_n, texel_e)), TEXTURE_GAIN)
        texture = make_texture(rgb, "land-far")
        _FAR[key] = texture, (n0, n0 + span_n, e0, e0 + span_e)
    return _FAR[key]


def chunk_mesh(terrain: Terrain, shade: np.ndarray, r_idx: np.ndarray, c_idx: np.ndarray,
               origin: tuple[float, float], footprint_m: float, skirt_m: float = SKIRT_M):
    """A GeomNode over the heightfield's rows `r_idx` and columns `c_idx` (its grid points exactly: the heights the
    flight model uses), shaded by `shade` (rows, cols, 3 linear), texture coordinates over the square `footprint_m`
    on a side from `origin` (north, east); with a skirt `skirt_m` deep round its edge."""
    north = terrain.north0 + r_idx[:, None] * terrain.spacing + 0.0 * c_idx[None, :]
    east = terrain.east0 + c_idx[None, :] * terrain.spacing + 0.0 * r_idx[:, None]
    h = terrain.heights[np.ix_(r_idx, c_idx)]
    colour = shade[np.ix_(r_idx, c_idx)]
    rows, cols = h.shape
    idx = np.arange(rows * cols).reshape(rows, cols)
    # the skirt: each edge's vertices again, lower; the ring of edge vertices anticlockwise seen from above
    ring = np.concatenate([idx[0, :-1], idx[:-1, -1], idx[-1, :0:-1], idx[:0:-1, 0]])
    n = np.concatenate([north.ravel(), north.ravel()[ring]])
    e = np.concatenate([east.ravel(), east.ravel()[ring]])
    z = np.concatenate([h.ravel(), h.ravel()[ring] - skirt_m])
    colours = np.concatenate([colour.reshape(-1, 3), colour.reshape(-1, 3)[ring]])
    uv = np.column_stack([(e - origin[1]) / footprint_m, (n - origin[0]) / footprint_m])
    quad = idx[:-1, :-1].ravel()
    # counter-clockwise seen from above (x east, y north): east neighbour, then north
    tris = np.stack([quad, quad + 1, quad + cols, quad + 1, quad + cols + 1, quad + cols], 1).reshape(-1, 3)
    top, low = ring, rows * cols + np.arange(len(ring))
    nxt = np.roll(np.arange(len(ring)), -1)
    skirt = np.concatenate([np.stack([top, low, low[nxt]], 1), np.stack([top, low[nxt], top[nxt]], 1)])
    tris = np.concatenate([tris, skirt, skirt[:, ::-1]])  # both faces: seen from inside and out
    points = frames.position_to_panda(np.column_stack([n, e, -z]))
    return mesh_node("terrain", points, colours, tris, texcoords=uv)


def apron_node(terrain: Terrain, shade: np.ndarray, extent: tuple[float, float, float, float]):
    """Coarse land round the map out to `extent`, APRON_STEP_M between vertices, with the edge heights carried on
    (Terrain.height_at continues them) and the map's own shading at its edge: four strips round a hole."""
    size_n, size_e = terrain.size
    inner = (terrain.north0, terrain.north0 + size_n, terrain.east0, terrain.east0 + size_e)
    north_axis = np.unique(np.r_[np.arange(extent[0], extent[1], APRON_STEP_M), extent[1], inner[0], inner[1]])
    east_axis = np.unique(np.r_[np.arange(extent[2], extent[3], APRON_STEP_M), extent[3], inner[2], inner[3]])
    north, east = np.meshgrid(north_axis, east_axis, indexing="ij")
    h = terrain.height_at(north, east) - 1.0  # a little low: the map's skirts hide the seam, never the apron
    rows, cols = h.shape
    i = np.clip(np.round((north - terrain.north0) / terrain.spacing).astype(int), 0, shade.shape[0] - 1)
    j = np.clip(np.round((east - terrain.east0) / terrain.spacing).astype(int), 0, shade.shape[1] - 1)
    colour = shade[i, j].reshape(-1, 3)
    span_n, span_e = extent[1] - extent[0], extent[3] - extent[2]
    uv = np.column_stack([(east.ravel() - extent[2]) / span_e, (north.ravel() - extent[0]) / span_n])
    idx = np.arange(rows * cols).reshape(rows, cols)
    quad = idx[:-1, :-1].ravel()
    mid_n = ((north[:-1, :-1] + north[1:, 1:]) / 2).ravel()
    mid_e = ((east[:-1, :-1] + east[1:, 1:]) / 2).ravel()
    outside = ~((mid_n > inner[0]) & (mid_n < inner[1]) & (mid_e > inner[2]) & (mid_e < inner[3]))
    quad = quad[outside]
    tris = np.stack([quad, quad + 1, quad + cols, quad + 1, quad + cols + 1, quad + cols], 1).reshape(-1, 3)
    points = frames.position_to_panda(np.column_stack([north.ravel(), east.ravel(), -h.ravel()]))
    return mesh_node("apron", points, colour, tris, texcoords=uv)
