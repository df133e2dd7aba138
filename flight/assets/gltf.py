"""A small glTF 2.0 binary (.glb) writer for procedural models: coloured triangle meshes in a tree of named nodes,
on numpy buffers.

The bytes depend only on the input (no timestamps, nodes in tree order, fixed JSON layout), so a committed model
can be checked against a fresh build. Coordinates are glTF's: +Y up, right-handed.
"""
from __future__ import annotations

import json
import struct
from dataclasses import dataclass, field

import numpy as np

GLB_MAGIC = 0x46546C67  # "glTF"
CHUNK_JSON = 0x4E4F534A
CHUNK_BIN = 0x004E4942
ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER = 34962, 34963
FLOAT, UNSIGNED_SHORT, UNSIGNED_INT = 5126, 5123, 5125
ZERO_RESIDUE = 1e-9  # m, or of a unit normal: far below anything drawn


def exact_zeros(values: np.ndarray) -> np.ndarray:
    """`values` with the residues of zero (|v| < ZERO_RESIDUE) made exactly +0. A coordinate that is zero in exact
    arithmetic comes out of sin, cos and BLAS as +-1e-16 or so, as the CPU's C library and kernels round, and float32
    keeps such a residue: without this the models built on one CPU would differ in bytes from another's."""
    return np.where(np.abs(values) < ZERO_RESIDUE, 0.0, values)


@dataclass
class Mesh:
    """Triangles: `positions` and `normals` (V, 3), `colors` (V, 4) uint8 sRGB, `indices` (3T,), one colour per
    triangle. Each colour becomes one material (base colour, linear as glTF wants), which every renderer honours;
    vertex colours would be ignored by Panda3D's fixed-function lighting once a material is set."""
    positions: np.ndarray
    normals: np.ndarray
    colors: np.ndarray
    indices: np.ndarray


@dataclass
class Node:
    """A named node; `translation` and the unit quaternion `rotation` (x, y, z, w) place it in its parent."""
    name: str
    mesh: Mesh | None = None
    translation: tuple[float, float, float] = (0.0, 0.0, 0.0)
    rotation: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 1.0)
    children: list[Node] = field(default_factory=list)


def _linear(srgb: np.ndarray) -> list[float]:
    c = np.asarray(srgb, dtype=float) / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return [round(float(v), 4) for v in linear]


class _Builder:
    """Collects buffer views, accessors and materials into one binary chunk."""

    def __init__(self) -> None:
        self.blob = bytearray()
        self.views: list[dict] = []
        self.accessors: list[dict] = []
        self.meshes: list[dict] = []
        self.nodes: list[dict] = []
        self.materials: dict[tuple[int, ...], int] = {}  # sRGBA -> index, in order of first use

    def accessor(self, array: np.ndarray, component: int, kind: str, target: int, **extra) -> int:
        data = np.ascontiguousarray(array).tobytes()
        self.views.append({"buffer": 0, "byteOffset": len(self.blob), "byteLength": len(data), "target": target})
        self.blob += data + b"\0" * (-len(data) % 4)  # every view starts 4-byte aligned
        self.accessors.append({"bufferView": len(self.views) - 1, "componentType": component,
                               "count": len(array), "type": kind, **extra})
        return len(self.accessors) - 1

    def primitive(self, positions: np.ndarray, normals: np.ndarray, indices: np.ndarray, colour: tuple) -> dict:
        positions = exact_zeros(positions).astype("<f4")
        normals = exact_zeros(normals / np.linalg.norm(normals, axis=1, keepdims=True)).astype("<f4")  # unit: the spec
        small = len(positions) < 65536
        attributes = {
            "POSITION": self.accessor(positions, FLOAT, "VEC3", ARRAY_BUFFER,
                                      min=[float(v) for v in positions.min(0)],
                                      max=[float(v) for v in positions.max(0)]),
            "NORMAL": self.accessor(normals, FLOAT, "VEC3", ARRAY_BUFFER),
        }
        index_accessor = self.accessor(indices.astype("<u2" if small else "<u4"),
                                       UNSIGNED_SHORT if small else UNSIGNED_INT, "SCALAR", ELEMENT_ARRAY_BUFFER)
        material = self.materials.setdefault(colour, len(self.materials))
        return {"attributes": attributes, "indices": index_accessor, "material": material, "mode": 4}

    def mesh(self, mesh: Mesh, name: str) -> int:
        tris = np.asarray(mesh.indices).reshape(-1, 3)
        colours = np.asarray(mesh.colors, dtype=np.uint8)[tris[:, 0]]
        _, first = np.unique(colours, axis=0, return_index=True)
        primitives = []
        for colour in colours[np.sort(first)]:  # in order of first appearance
            used, inverse = np.unique(tris[(colours == colour).all(axis=1)], return_inverse=True)
            primitives.append(self.primitive(np.asarray(mesh.positions)[used], np.asarray(mesh.normals)[used],
                                             inverse.ravel(), tuple(int(c) for c in colour)))
        self.meshes.append({"name": name, "primitives": primitives})
        return len(self.meshes) - 1

    def node(self, node: Node) -> int:
        entry: dict = {"name": node.name}
        self.nodes.append(entry)
        index = len(self.nodes) - 1
        if any(node.translation):
            entry["translation"] = [float(v) for v in node.translation]
        if tuple(node.rotation) != (0.0, 0.0, 0.0, 1.0):
            entry["rotation"] = [float(v) for v in node.rotation]
        if node.mesh is not None:
            entry["mesh"] = self.mesh(node.mesh, f"{node.name}_mesh")  # a distinct name keeps find() unambiguous
        if node.children:
            entry["children"] = [self.node(child) for child in node.children]
        return index


def glb_bytes(roots: list[Node], generator: str = "captured-flight") -> bytes:
    """The .glb file of one scene holding `roots`."""
    builder = _Builder()
    scene_nodes = [builder.node(root) for root in roots]
    document = {
        "asset": {"version": "2.0", "generator": generator},
        "scene": 0,
        "scenes": [{"nodes": scene_nodes}],
        "nodes": builder.nodes,
        "meshes": builder.meshes,
        "materials": [{"name": "paint_{:02x}{:02x}{:02x}".format(*rgba), "pbrMetallicRoughness": {
            "baseColorFactor": _linear(rgba[:3]) + [rgba[3] / 255], "metallicFactor": 0.0, "roughnessFactor": 0.9}}
            for rgba in builder.materials],  # matte doped fabric, wood and paint
        "accessors": builder.accessors,
        "bufferViews": builder.views,
        "buffers": [{"byteLength": len(builder.blob)}],
    }
    text = json.dumps(document, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 4)  # the JSON chunk pads with spaces, the binary chunk with zeros
    blob = bytes(builder.blob)
    length = 12 + 8 + len(text) + 8 + len(blob)
    return (struct.pack("<III", GLB_MAGIC, 2, length) + struct.pack("<II", len(text), CHUNK_JSON) + text
            + struct.pack("<II", len(blob), CHUNK_BIN) + blob)
