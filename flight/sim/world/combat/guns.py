"""Aircraft guns as data: the `[[guns]]` tables of `models/aircraft/<type>.toml`, read here (the flight model has
no use for them), and a fleet's guns stacked into flat per-gun arrays. Imports numpy, the standard library and
flight.sim.dynamics.

    [[guns]]
    name = "left_vickers"
    mount = "synchronised"        # fires through the propeller disc (needs the engine turning); "fixed", "flexible"
    position = [1.0, -0.15, -0.62] # m, body axes: the muzzle (flexible: the pivot, the muzzle 1.2 m out along the aim)
    direction = [1.0, 0.0, 0.0]    # boresight (fixed guns) or the middle of a flexible gun's arc
    rounds = 500
    rate_rpm = 475
    muzzle_velocity = 744.0        # m/s
    tracer_every = 5               # every 5th round in the belt is a tracer
    caliber_mm = 7.7
    bullet_mass_g = 11.3
    dispersion_mrad = 2.5          # one standard deviation of the cone of fire
    arc_deg = 70.0                 # flexible only: how far from `direction` the gunner can swing it
    range_m = 450.0                # flexible only: the gunner opens fire inside this range
"""
from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from flight.sim.dynamics.atmosphere import SEA_LEVEL_DENSITY
from flight.sim.dynamics.spec import AircraftFileError, AircraftSpec
from flight.sim.dynamics.stablemath import cos1

MOUNTS = ("synchronised", "fixed", "flexible")
BULLET_DRAG_COEFFICIENT = 0.3  # a pointed rifle bullet at supersonic speed (about Mach 1.5-2.5)


@dataclass(frozen=True)
class GunSpec:
    name: str
    mount: str
    position: tuple[float, float, float]
    direction: tuple[float, float, float]  # unit vector, body axes
    rounds: int
    rate_rpm: float
    muzzle_velocity: float
    tracer_every: int
    caliber_mm: float
    bullet_mass_g: float
    dispersion_mrad: float
    arc_deg: float = 0.0
    range_m: float = 450.0

    @property
    def drag_per_m(self) -> float:
        """k in dv/dt = -k |v| v at sea level, 1/m: rho Cd A / (2 m)."""
        area = math.pi / 4.0 * (self.caliber_mm * 1e-3) * (self.caliber_mm * 1e-3)
        return SEA_LEVEL_DENSITY * BULLET_DRAG_COEFFICIENT * area / (2.0 * self.bullet_mass_g * 1e-3)


def guns_of(spec: AircraftSpec) -> tuple[GunSpec, ...]:
    """The guns of an aircraft type, from the file its spec was read from (none for a spec made in code)."""
    return load_guns(spec.source) if spec.source else ()


@lru_cache(maxsize=64)
def load_guns(path: str | Path) -> tuple[GunSpec, ...]:
    """The `[[guns]]` of an aircraft file; AircraftFileError (one line naming the file and the key) if malformed."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text())
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise AircraftFileError(f"{path}: cannot read its guns ({e})") from None
    tables = data.get("guns", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise AircraftFileError(f"{path}: guns must be an array of tables, [[guns]]")
    return tuple(_gun(path, f"[[guns]] #{i + 1}", t) for i, t in enumerate(tables))


def _gun(path: Path, where: str, t: dict) -> GunSpec:
    def fail(key: str, problem: str):
        raise AircraftFileError(f"{path}: {where} {key}: {problem}")

    def number(key: str, default: float | None = None, positive: bool = True) -> float:
        value = t.get(key, default)
        if value is None:
            fail(key, "missing key")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            fail(key, f"expected a finite number, got {value!r}")
        if positive and value <= 0:
            fail(key, f"must be positive, got {value!r}")
        return float(value)

    def vector(key: str) -> tuple[float, float, float]:
        value = t.get(key)
        if (not isinstance(value, list) or len(value) != 3
                or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                           for v in value)):
            fail(key, f"expected [x, y, z], got {value!r}")
        return tuple(float(v) for v in value)

    mount = t.get("mount")
    if mount not in MOUNTS:
        fail("mount", f"expected one of {', '.join(MOUNTS)}, got {mount!r}")
    direction = np.array(vector("direction"))
    length = math.sqrt(direction[0] * direction[0] + direction[1] * direction[1] + direction[2] * direction[2])
    if length == 0.0:
        fail("direction", "must not be zero")
    rounds = t.get("rounds")
    if not isinstance(rounds, int) or isinstance(rounds, bool) or rounds < 0:
        fail("rounds", f"expected a whole number >= 0, got {rounds!r}")
    tracer_every = t.get("tracer_every", 5)
    if not isinstance(tracer_every, int) or isinstance(tracer_every, bool) or tracer_every < 0:
        fail("tracer_every", f"expected a whole number >= 0 (0: no tracers), got {tracer_every!r}")
    return GunSpec(name=str(t.get("name", where)), mount=mount, position=vector("position"),
                   direction=tuple(float(v) for v in direction / length), rounds=rounds,
                   rate_rpm=number("rate_rpm"), muzzle_velocity=number("muzzle_velocity"),
                   tracer_every=tracer_every, caliber_mm=number("caliber_mm", 7.92),
                   bullet_mass_g=number("bullet_mass_g", 10.0),
                   dispersion_mrad=number("dispersion_mrad", 3.0, positive=False),
                   arc_deg=number("arc_deg", 0.0, positive=False), range_m=number("range_m", 450.0))


class FleetGuns:
    """Every gun of a fleet as flat (G,) arrays in aircraft order; `slot` is a gun's place on its aircraft, so
    per-aircraft tables are (N, max guns) with `owner` and `slot` as the index.

    | field          | shape  | unit  | meaning                                                        |
    |----------------|--------|-------|----------------------------------------------------------------|
    | owner, slot    | (G,)   | -     | fleet index of the aircraft, place among its guns              |
    | position       | (G,3)  | m     | muzzle, body axes                                              |
    | direction      | (G,3)  | -     | boresight / middle of the arc, body axes                       |
    | synchronised   | (G,)   | bool  | fires through the propeller: only while the engine turns       |
    | flexible       | (G,)   | bool  | swung by a gunner at targets of his own choosing               |
    | interval       | (G,)   | s     | between rounds                                                 |
    | muzzle_velocity| (G,)   | m/s   |                                                                |
    | drag           | (G,)   | 1/m   | k at sea level                                                 |
    | dispersion     | (G,)   | rad   | one standard deviation                                         |
    | arc_cos, range | (G,)   | -, m  | flexible guns' arc (cosine of its half-angle) and opening range |
    | rounds         | (G,)   | -     | the belt at the start                                          |
    | tracer_every   | (G,)   | -     | 0: no tracers                                                  |
    """

    def __init__(self, specs: list[AircraftSpec]):
        guns = [(i, slot, g) for i, spec in enumerate(specs) for slot, g in enumerate(guns_of(spec))]
        self.n_aircraft = len(specs)
        self.count = len(guns)
        self.width = max((slot + 1 for _, slot, _ in guns), default=0)

        def column(get, dtype=float) -> np.ndarray:
            return np.array([get(i, slot, g) for i, slot, g in guns], dtype=dtype)

        self.owner = column(lambda i, s, g: i, np.intp)
        self.slot = column(lambda i, s, g: s, np.intp)
        self._place = self.owner * self.width + self.slot  # in the flattened (N, width) tables
        self.position = np.array([g.position for _, _, g in guns], dtype=float).reshape(-1, 3)
        self.direction = np.array([g.direction for _, _, g in guns], dtype=float).reshape(-1, 3)
        self.synchronised = column(lambda i, s, g: g.mount == "synchronised", bool)
        self.flexible = column(lambda i, s, g: g.mount == "flexible", bool)
        self.interval = column(lambda i, s, g: 60.0 / g.rate_rpm)
        self.muzzle_velocity = column(lambda i, s, g: g.muzzle_velocity)
        self.drag = column(lambda i, s, g: g.drag_per_m)
        self.dispersion = column(lambda i, s, g: g.dispersion_mrad * 1e-3)
        self.arc_cos = column(lambda i, s, g: cos1(math.radians(g.arc_deg)))
        self.range = column(lambda i, s, g: g.range_m)
        self.rounds = column(lambda i, s, g: g.rounds, np.int32)
        self.tracer_every = column(lambda i, s, g: g.tracer_every, np.int32)

    def per_aircraft(self, values: np.ndarray, fill) -> np.ndarray:
        """(G, ...) -> (N, width, ...), `fill` where an aircraft has fewer guns."""
        values = np.asarray(values)
        out = np.empty((self.n_aircraft * self.width, *values.shape[1:]), dtype=values.dtype)
        out.fill(fill)
        out[self._place] = values  # one flat index, not two: a third of the cost
        return out.reshape(self.n_aircraft, self.width, *values.shape[1:])
