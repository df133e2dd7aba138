"""Low-poly solids for procedural models, as flat-shaded meshes in any right-handed frame.

Everything is a loft: rings of points joined by quads and closed by fans. Each triangle is turned to face away
from the middle of its ring pair, so builders never think about winding; one normal per face gives the faceted
look and lets a mesh be painted per face (upper and lower surfaces, stripes).
"""
from __future__ import annotations

import numpy as np

from flight.assets.gltf import Mesh

Colour = tuple[int, int, int]


def from_triangles(tris: np.ndarray, colour: Colour) -> Mesh:
    """(T, 3, 3) triangles, counter-clockwise seen from outside, to a one-colour mesh with one normal per face."""
    tris = np.asarray(tris, dtype=float)
    normals = np.cross(tris[:, 1] - tris[:, 0], tris[:, 2] - tris[:, 0])
    keep = np.linalg.norm(normals, axis=1) > 1e-12  # slivers where a ring has repeated points (sharp edges)
    tris, normals = tris[keep], normals[keep]
    normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    return Mesh(positions=tris.reshape(-1, 3), normals=np.repeat(normals, 3, axis=0),
                colors=np.tile(np.array([*colour, 255], dtype=np.uint8), (3 * len(tris), 1)),
                indices=np.arange(3 * len(tris)))


def _outward(tris: np.ndarray, inside: np.ndarray) -> np.ndarray:
    normals = np.cross(tris[:, 1] - tris[:, 0], tris[:, 2] - tris[:, 0])
    inward = np.einsum("ij,ij->i", normals, tris.mean(axis=1) - inside) < 0.0
    tris[inward] = tris[inward][:, ::-1]
    return tris


def loft(rings: np.ndarray, colour: Colour, caps: bool = True) -> Mesh:
    """A solid through (R, K, 3) rings of K points each, closed at both ends when `caps`."""
    rings = np.asarray(rings, dtype=float)
    a, b = rings[:-1], rings[1:]
    a2, b2 = np.roll(a, -1, axis=1), np.roll(b, -1, axis=1)
    quads = np.concatenate([np.stack([a, b, b2], axis=2), np.stack([a, b2, a2], axis=2)], axis=1)
    middles = np.repeat(0.5 * (a.mean(axis=1) + b.mean(axis=1)), 2 * rings.shape[1], axis=0)
    tris = [_outward(quads.reshape(-1, 3, 3), middles)]
    if caps:  # a fan from the first point: K - 2 triangles for a convex ring of K
        for end, neighbour in ((rings[0], rings[1]), (rings[-1], rings[-2])):
            fan = np.stack([np.broadcast_to(end[0], end[1:-1].shape), end[1:-1], end[2:]], axis=1)
            tris.append(_outward(fan, np.broadcast_to(neighbour.mean(axis=0), fan.shape[:1] + (3,))))
    return from_triangles(np.concatenate(tris), colour)


def merge(meshes: list[Mesh]) -> Mesh:
    """One mesh holding all of `meshes`."""
    offsets = np.cumsum([0] + [len(m.positions) for m in meshes[:-1]])
    return Mesh(positions=np.concatenate([m.positions for m in meshes]),
                normals=np.concatenate([m.normals for m in meshes]),
                colors=np.concatenate([m.colors for m in meshes]),
                indices=np.concatenate([m.indices + o for m, o in zip(meshes, offsets)]))


def paint(mesh: Mesh, where: np.ndarray, colour: Colour) -> Mesh:
    """Recolour the faces selected by the boolean (T,) mask `where`."""
    colors = mesh.colors.copy()
    colors[np.repeat(where, 3)] = (*colour, 255)
    return Mesh(mesh.positions, mesh.normals, colors, mesh.indices)


def select(mesh: Mesh, where: np.ndarray) -> Mesh:
    """The faces picked by the boolean (T,) mask `where`, of a mesh whose faces own their three vertices in order
    (every mesh made here)."""
    keep = np.repeat(where, 3)
    return Mesh(mesh.positions[keep], mesh.normals[keep], mesh.colors[keep], np.arange(int(keep.sum())))


def face_normals(mesh: Mesh) -> np.ndarray:
    """(T, 3) one normal per face."""
    return mesh.normals[::3]


def face_centres(mesh: Mesh) -> np.ndarray:
    """(T, 3) centroid of each face."""
    return mesh.positions.reshape(-1, 3, 3).mean(axis=1)


def transform(mesh: Mesh, rotation: np.ndarray, offset: tuple[float, float, float] = (0.0, 0.0, 0.0)) -> Mesh:
    """The mesh rotated by the proper rotation matrix `rotation`, then moved by `offset`."""
    return Mesh(mesh.positions @ rotation.T + offset, mesh.normals @ rotation.T, mesh.colors, mesh.indices)


def circle(n: int, radius: float, phase: float = 0.0) -> np.ndarray:
    """(n, 2) points on a circle."""
    angle = phase + np.linspace(0.0, 2 * np.pi, n, endpoint=False)
    return radius * np.stack([np.cos(angle), np.sin(angle)], axis=1)


def ring(centre: np.ndarray, u: np.ndarray, v: np.ndarray, points_2d: np.ndarray) -> np.ndarray:
    """Place 2D points in the plane through `centre` spanned by unit vectors u, v."""
    return np.asarray(centre, float) + points_2d[:, :1] * np.asarray(u, float) + points_2d[:, 1:] * np.asarray(v, float)


def _basis(axis: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    axis = axis / np.linalg.norm(axis)
    helper = np.array([0.0, 0.0, 1.0]) if abs(axis[2]) < 0.9 else np.array([1.0, 0.0, 0.0])
    u = np.cross(axis, helper)
    u /= np.linalg.norm(u)
    return u, np.cross(axis, u)


def cylinder(start: np.ndarray, end: np.ndarray, radius: float, colour: Colour, sides: int = 12) -> Mesh:
    """A closed cylinder from `start` to `end` (wheels, cowling, hub, gun barrels)."""
    return frustum(start, end, radius, radius, colour, sides)


def frustum(start: np.ndarray, end: np.ndarray, radius_start: float, radius_end: float, colour: Colour,
            sides: int = 12) -> Mesh:
    """A closed truncated cone from `start` to `end`; a zero radius makes a cone (trees, spinners, lamp hoods)."""
    start, end = np.asarray(start, float), np.asarray(end, float)
    u, v = _basis(end - start)
    rings = [ring(p, u, v, circle(sides, r, np.pi / sides)) for p, r in ((start, radius_start), (end, radius_end))]
    return loft(np.stack(rings), colour)


def ellipsoid(centre: np.ndarray, radii: tuple[float, float, float], colour: Colour, sides: int = 7,
              bands: int = 4, wobble: float = 0.0, seed: int = 0) -> Mesh:
    """A faceted ellipsoid (tree crowns, heads), `wobble` a fraction of the radius by which each vertex is moved
    in or out (a fixed seed, so the bytes never change) to make it look grown rather than turned."""
    lat = np.linspace(-np.pi / 2, np.pi / 2, bands + 1)[1:-1]
    rings = [np.column_stack([np.cos(a) * circle(sides, 1.0, (i % 2) * np.pi / sides), np.full(sides, np.sin(a))])
             for i, a in enumerate(lat)]
    rings = np.stack(rings) * (1.0 + wobble * np.random.default_rng(seed).uniform(-1, 1, (len(lat), sides, 1)))
    ends = np.array([[[0.0, 0.0, -1.0]] * sides, [[0.0, 0.0, 1.0]] * sides])  # poles: their slivers drop out
    body = loft(np.concatenate([ends[:1], rings, ends[1:]]), colour, caps=False)
    return Mesh(body.positions * radii + centre, body.normals / radii, body.colors, body.indices)


def block(origin: np.ndarray, a: np.ndarray, b: np.ndarray, c: np.ndarray, colour: Colour) -> Mesh:
    """A parallelepiped spanned by edge vectors a, b, c from one corner (roof planes, leaning planks, limbs)."""
    origin, a, b, c = (np.asarray(v, float) for v in (origin, a, b, c))
    base = np.stack([origin, origin + a, origin + a + b, origin + b])
    return loft(np.stack([base, base + c]), colour)


def prism(profile: np.ndarray, y0: float, y1: float, colour: Colour) -> Mesh:
    """A convex (K, 2) profile in the x-z plane run along y from y0 to y1 (houses and their gables)."""
    profile = np.asarray(profile, float)
    return loft(np.stack([np.column_stack([profile[:, 0], np.full(len(profile), y), profile[:, 1]])
                          for y in (y0, y1)]), colour)


def sheet(tris: np.ndarray, normal: np.ndarray, colour: Colour) -> Mesh:
    """(T, 3, 3) triangles of a flat or gently bent one-sided sheet, turned to face along `normal` (decals)."""
    tris = np.array(tris, dtype=float)
    return from_triangles(_outward(tris, tris.mean(axis=1) - np.asarray(normal, float)), colour)


def quad_grid(corners: np.ndarray, n_u: int, n_v: int) -> np.ndarray:
    """(2 n_u n_v, 3, 2) triangles splitting the 2D quad `corners` (4, 2), in order round it, into an n_u x n_v
    grid, so a decal laid on a curved surface can follow it."""
    c = np.asarray(corners, float)
    s, t = np.meshgrid(np.linspace(0, 1, n_u + 1), np.linspace(0, 1, n_v + 1), indexing="ij")
    s, t = s[..., None], t[..., None]
    p = (1 - s) * (1 - t) * c[0] + s * (1 - t) * c[1] + s * t * c[2] + (1 - s) * t * c[3]
    a, b, cc, d = p[:-1, :-1], p[1:, :-1], p[1:, 1:], p[:-1, 1:]
    return np.concatenate([np.stack([a, b, cc], axis=2).reshape(-1, 3, 2), np.stack([a, cc, d], axis=2).reshape(-1, 3, 2)])


def strut(start: np.ndarray, end: np.ndarray, width: float, depth: float, colour: Colour) -> Mesh:
    """A rectangular bar from `start` to `end`, `depth` along the body x axis where it can be (streamlined struts)."""
    start, end = np.asarray(start, float), np.asarray(end, float)
    axis = (end - start) / np.linalg.norm(end - start)
    along = np.array([1.0, 0.0, 0.0]) - axis[0] * axis
    u = along / np.linalg.norm(along) if np.linalg.norm(along) > 1e-6 else _basis(axis)[0]
    section = np.array([[depth, width], [-depth, width], [-depth, -width], [depth, -width]]) * 0.5
    return loft(np.stack([ring(start, u, np.cross(axis, u), section), ring(end, u, np.cross(axis, u), section)]),
                colour)


def box(low: np.ndarray, high: np.ndarray, colour: Colour) -> Mesh:
    """An axis-aligned box between two corners."""
    (x0, y0, z0), (x1, y1, z1) = low, high
    square = np.array([[y0, z0], [y1, z0], [y1, z1], [y0, z1]])
    return loft(np.stack([np.column_stack([np.full(4, x), square]) for x in (x0, x1)]), colour)


def disc(centre: np.ndarray, normal: np.ndarray, radius: float, colour: Colour, sides: int = 16) -> Mesh:
    """A one-sided flat disc facing along `normal` (roundels laid a few millimetres above a surface)."""
    centre, normal = np.asarray(centre, float), np.asarray(normal, float)
    u, v = _basis(normal)
    edge = ring(centre, u, v, circle(sides, radius))
    fan = np.stack([np.broadcast_to(centre, edge.shape), edge, np.roll(edge, -1, axis=0)], axis=1)
    return from_triangles(_outward(fan, np.broadcast_to(centre - normal, edge.shape)), colour)


def airfoil(thickness: float, camber: float, start: float = 0.0, end: float = 1.0, points: int = 11) -> np.ndarray:
    """(K, 2) closed section (fraction of chord aft of the leading edge, height up, in chords) between `start` and
    `end`: NACA four-digit thickness with a parabolic camber line, `points` along each side of the whole chord
    (cosine-spaced, dense at the nose); the parts either side of a hinge meet."""
    cosine = 0.5 * (1.0 - np.cos(np.linspace(0.0, np.pi, points)))
    s = np.unique(np.concatenate([[start, end], cosine[(cosine > start) & (cosine < end)]]))
    half = 5.0 * thickness * (0.2969 * np.sqrt(s) - 0.1260 * s - 0.3516 * s**2 + 0.2843 * s**3 - 0.1036 * s**4)
    mean_line = 4.0 * camber * s * (1.0 - s)
    return np.concatenate([np.column_stack([s, mean_line + half]), np.column_stack([s, mean_line - half])[::-1]])


def wing(stations: np.ndarray, section: np.ndarray, colour: Colour) -> Mesh:
    """A lifting surface along body y through (S, 4) stations (y, leading-edge x, chord, z) of one `section`
    (from `airfoil`); body axes, so aft is -x and up is -z."""
    rings = [np.column_stack([x - section[:, 0] * c, np.full(len(section), y), z - section[:, 1] * c])
             for y, x, c, z in np.asarray(stations, dtype=float)]
    return loft(np.stack(rings), colour)


def slab(stations: np.ndarray, half_thickness: float, sharp_front: bool, colour: Colour) -> Mesh:
    """A thin flat surface along body y through (S, 4) stations (y, front x, back x, z): a fixed tail surface
    (`sharp_front`, blunt at its hinge) or a hinged one (blunt front, sharp trailing edge)."""
    h = half_thickness
    rings = []
    for y, front, back, z in np.asarray(stations, dtype=float):
        if sharp_front:
            section = [(front, z), (front - 0.3 * (front - back), z - h), (back, z - h), (back, z + h),
                       (front - 0.3 * (front - back), z + h)]
        else:  # a wedge in three chordwise bands, so stripes can be painted face by face
            f = np.array([0.0, 1 / 3, 2 / 3, 1.0])
            x, t = front + f * (back - front), h * (1.0 - f)
            section = [*zip(x, z - t), *zip(x[-2::-1], z + t[-2::-1])]
        rings.append([(x, y, zz) for x, zz in section])
    return loft(np.array(rings), colour)


def hoop(centre: np.ndarray, normal: np.ndarray, radius: float, thickness: float, colour: Colour,
         segments: int = 12) -> Mesh:
    """A ring of `segments` square bars round `normal` (gun rings, wheel rims, lamp bezels)."""
    centre = np.asarray(centre, float)
    u, v = _basis(np.asarray(normal, float))
    points = ring(centre, u, v, circle(segments, radius))
    return merge([strut(a, b, thickness, thickness, colour) for a, b in zip(points, np.roll(points, -1, axis=0))])
