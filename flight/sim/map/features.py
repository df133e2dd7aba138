"""The theatre's placed features, worked out from levels/theatre.toml: the prison camp (its double wire fence, the
gates, the machine-gun post at the front gate, guard towers, rows of barracks, the commandant's house) and the
German airfield's hangars and fuel store. Positions only (the renderer draws models there, the simulation may test
against them); each stands on the ground the flight model uses (`Terrain.height_at`). Imports numpy only."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FENCE_SEGMENT_M = 4.0  # models/fence.glb: one segment from x = 0 to x = 4, its post at the origin
GATE_GAP_M = 6.0  # the gate's posts and leaves (models/gate.glb, 5 m between the posts)
TOWER_OUT_M = 3.0  # the guard towers stand just outside the outer fence's corners


@dataclass(frozen=True)
class Placements:
    """One row per model standing on the ground.

    | field      | shape | unit | meaning                                                                |
    |------------|-------|------|------------------------------------------------------------------------|
    | model      | M     | -    | file name in models/ without .glb ("barracks", "fence", ...)          |
    | north/east | (M,)  | m    | the model's origin (on the ground under its middle; a fence's post)    |
    | facing_deg | (M,)  | deg  | compass bearing the model's front (+Y) faces                           |
    | scale_x    | (M,)  | -    | stretch along the model's x (fence segments fitted to a side), else 1  |
    | name       | M     | -    | what it is ("camp/tower_0", "german_airfield/canvas_hangar_1", ...)   |
    """
    model: tuple[str, ...]
    north: np.ndarray
    east: np.ndarray
    facing_deg: np.ndarray
    scale_x: np.ndarray
    name: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.model)

    def ground(self, height_at) -> np.ndarray:
        """Ground height under each origin, from the terrain the flight model uses (`Terrain.height_at`)."""
        return height_at(self.north, self.east)

    def select(self, model: str) -> np.ndarray:
        """Indices of the rows of one model."""
        return np.flatnonzero(np.array(self.model) == model)

    @staticmethod
    def join(*parts: Placements) -> Placements:
        return Placements(model=sum((p.model for p in parts), ()), north=np.concatenate([p.north for p in parts]),
                          east=np.concatenate([p.east for p in parts]),
                          facing_deg=np.concatenate([p.facing_deg for p in parts]),
                          scale_x=np.concatenate([p.scale_x for p in parts]), name=sum((p.name for p in parts), ()))


def _rows(rows: list[tuple[str, float, float, float, float, str]]) -> Placements:
    if not rows:
        return Placements((), np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0), ())
    model, north, east, facing, scale, name = zip(*rows)
    return Placements(tuple(model), np.array(north, float), np.array(east, float), np.array(facing, float),
                      np.array(scale, float), tuple(name))


def camp_features(camp: dict) -> Placements:
    """The compound from the theatre file's [camp] table."""
    south, north, west, east = camp["wire_south"], camp["wire_north"], camp["wire_west"], camp["wire_east"]
    gap, gate_east = camp["wire_gap_m"], camp["gate_east"]
    rows: list = []
    for ring, inset in (("outer", 0.0), ("inner", gap)):
        box = (south + inset, north - inset, west + inset, east - inset)
        rows += _fence(box, gate_east, f"camp/{ring}_fence")
        rows.append(("gate", box[0], gate_east, 180.0, 1.0, f"camp/{ring}_gate"))  # its leaves swing out, south
    for k, (n, e, facing) in enumerate(((south, west, 45.0), (south, east, 315.0), (north, east, 225.0),
                                        (north, west, 135.0))):
        d = TOWER_OUT_M / np.sqrt(2.0)
        out_n, out_e = (-d if n == south else d), (-d if e == west else d)
        rows.append(("guard_tower", n + out_n, e + out_e, facing, 1.0, f"camp/tower_{k}"))
    rows.append(("maxim_gun", camp["gate_mg_north"], camp["gate_mg_east"], 0.0, 1.0, "camp/gate_mg"))
    k = 0
    for n in camp["barracks_norths"]:
        for e in camp["barracks_easts"]:
            rows.append(("barracks", n, e, 180.0, 1.0, f"camp/barracks_{k}"))  # doors to the south, the parade ground
            k += 1
    rows.append(("commandant_house", camp["commandant_north"], camp["commandant_east"],
                 camp["commandant_facing_deg"], 1.0, "camp/commandant_house"))
    return _rows(rows)


def _fence(box: tuple[float, float, float, float], gate_east: float, name: str) -> list:
    """Fence segments round a rectangle (south, north, west, east), anticlockwise seen from above so each faces in
    (its outrigger leans out), each side fitted with whole segments; a gap for the gate in the south side."""
    s, n, w, e = box
    runs = [((s, w), (s, gate_east - GATE_GAP_M / 2), 0.0), ((s, gate_east + GATE_GAP_M / 2), (s, e), 0.0),
            ((s, e), (n, e), 270.0), ((n, e), (n, w), 180.0), ((n, w), (s, w), 90.0)]
    rows = []
    for (n0, e0), (n1, e1), facing in runs:
        length = float(np.hypot(n1 - n0, e1 - e0))
        count = max(1, int(round(length / FENCE_SEGMENT_M)))
        t = np.arange(count) / count
        for k in range(count):
            rows.append(("fence", n0 + (n1 - n0) * t[k], e0 + (e1 - e0) * t[k], facing,
                         length / count / FENCE_SEGMENT_M, name))
    return rows


def airfield_features(name: str, buildings: tuple[dict, ...]) -> Placements:
    """An airfield's buildings from its `buildings` list in the theatre file."""
    rows = []
    counts: dict[str, int] = {}
    for b in buildings:
        k = counts.get(b["model"], 0)
        counts[b["model"]] = k + 1
        rows.append((str(b["model"]), float(b["north"]), float(b["east"]), float(b.get("facing_deg", 0.0)), 1.0,
                     f"{name}/{b['model']}_{k}"))
    return _rows(rows)


def footprint_radius(model: str) -> float:
    """About how far (m) a model reaches from its origin: for keeping trees and houses off it."""
    return {"canvas_hangar": 16.0, "wooden_hangar": 16.0, "barracks": 16.0, "commandant_house": 8.0,
            "fuel_store": 5.0, "guard_tower": 3.0, "gate": 4.0, "maxim_gun": 3.0}.get(model, 3.0)
