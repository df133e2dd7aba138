"""Aircraft specifications: reading, unit conversion and validation of `models/aircraft/<name>.toml`.

A spec is immutable data; the Fleet stacks specs into per-aircraft arrays. Imports numpy and the standard
library only. Body axes: x forward, y right, z down, origin at the centre of gravity; SI units.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from flight.sim.dynamics.unit_suffixes import TO_SI
from flight.files import TomlFileError, load_toml
from flight.schema import is_number
from flight.text import OneLineError, quoted

CONTACT_KINDS = ("wheel", "skid", "structure")
CRASH_CAUSES = ("", "nose_over", "wing_strike", "fuselage_strike", "hard_landing", "touchdown_too_fast",
                "ground_impact", "numerical")


# What is physical, in SI after unit conversion, for the keys of a file: far wider than any aircraft of the war
# (the Gotha: 89.5 m2, 3,850 kg, 40,000 kg m2 in roll) yet refusing what would divide by zero or run off the end of
# a table in the Fleet (zero mass, rpm, inertia or diameter; a wing of 1e30 ft2).
ANY = (-1e6, 1e6)
RANGES = {
    ("metrics", "wing_area"): (1.0, 1000.0), ("metrics", "span"): (1.0, 100.0), ("metrics", "chord"): (0.1, 20.0),
    ("metrics", "length"): (1.0, 100.0),
    ("mass", "empty"): (10.0, 100_000.0), ("mass", "payload"): (0.0, 100_000.0), ("mass", "fuel"): (0.1, 100_000.0),
    ("mass", "ixx"): (1.0, 1e7), ("mass", "iyy"): (1.0, 1e7), ("mass", "izz"): (1.0, 1e7), ("mass", "ixz"): (-1e6, 1e6),
    ("engine", "power"): (1_000.0, 1e7), ("engine", "rated_rpm"): (100.0, 10_000.0),
    ("engine", "idle_power_fraction"): (0.0, 1.0), ("engine", "friction_power_fraction"): (0.0, 1.0),
    ("engine", "rotating_inertia"): (0.01, 10_000.0), ("engine", "rotation"): (-1.0, 1.0),
    ("engine", "specific_fuel_consumption"): (1e-9, 1e-6), ("engine", "power_lapse_exponent"): (0.0, 3.0),
    ("propeller", "diameter"): (0.3, 10.0), ("propeller", "tail_in_slipstream"): (0.0, 2.0),
    ("propeller", "swirl_yaw_arm"): (-10.0, 10.0), ("propeller", "swirl_roll_fraction"): (-1.0, 1.0),
    ("aero", "induced_drag_factor"): (0.0, 2.0),
    **{("aero", k): (-100.0, 100.0) for k in ("CY_beta", "Cl_beta", "Cn_beta", "Cl_p", "Cn_p", "Cm_q", "Cl_r", "Cn_r",
                                                "Cl_da", "Cn_da", "Cm_de", "CY_dr", "Cl_dr", "Cn_dr")},
    **{("controls", k): (0.0, math.pi / 2) for k in ("aileron", "elevator", "rudder")},
    ("gear", "max_sink_rate"): (0.1, 100.0), ("gear", "max_touchdown_speed"): (1.0, 300.0),
    ("gear.contact", "stiffness"): (0.0, 1e9), ("gear.contact", "damping"): (0.0, 1e8),
    ("gear.contact", "rolling_friction"): (0.0, 2.0), ("gear.contact", "side_friction"): (0.0, 5.0),
    ("gear.contact", "steer"): (-math.pi / 2, math.pi / 2),
}
_SI_UNITS = {"wing_area": "m2", "span": "m", "chord": "m", "length": "m", "empty": "kg", "payload": "kg",
             "fuel": "kg", "ixx": "kg m2", "iyy": "kg m2", "izz": "kg m2", "power": "W", "rated_rpm": "rpm",
             "rotating_inertia": "kg m2", "specific_fuel_consumption": "kg/J", "diameter": "m", "stiffness": "N/m",
             "damping": "N s/m", "max_sink_rate": "m/s", "max_touchdown_speed": "m/s", "steer": "rad"}
MAX_TABLE = 1000  # entries of a table (alpha, rpm, advance ratio)
MAX_TABLE_VALUE = 1e4  # |value| in a table (alpha in degrees up to 180, coefficients of a few)
MAX_CONTACTS = 64


class AircraftFileError(OneLineError):
    """A malformed or unknown aircraft file; the message is one line naming the file and the key."""


@dataclass(frozen=True)
class Contact:
    """A point that can touch the ground: a wheel, the tail skid, or structure (a strike there is a crash)."""
    name: str
    kind: str
    position: tuple[float, float, float]
    stiffness: float = 0.0  # N/m
    damping: float = 0.0  # N s/m
    rolling_friction: float = 0.0  # along the wheel (or skid) direction
    side_friction: float = 0.0  # across it
    steer: float = 0.0  # rad of steering per full rudder (steerable tail skid)
    crash_cause: str = ""


@dataclass(frozen=True)
class Engine:
    kind: str  # "rotary" or "inline"
    power: float  # W, rated at sea level and rated rpm
    rated_rpm: float
    idle_power_fraction: float  # at throttle 0 with the ignition on
    friction_power_fraction: float  # motoring loss at rated rpm with the ignition cut
    rotating_inertia: float  # kg m^2 spinning with the propeller (the whole engine on a rotary)
    rotation: float  # +1: clockwise seen from the cockpit (angular momentum along +x body)
    specific_fuel_consumption: float  # kg/J
    power_lapse_exponent: float  # full-throttle power falls as (density ratio) ** this with height (no supercharger)
    positions: tuple[tuple[float, float, float], ...]  # propeller hubs, one per engine
    rpm_fraction: tuple[float, ...]
    power_fraction: tuple[float, ...]  # full-throttle power / rated power over rpm_fraction


@dataclass(frozen=True)
class Propeller:
    diameter: float
    advance_ratio: tuple[float, ...]
    thrust_coefficient: tuple[float, ...]
    power_coefficient: tuple[float, ...]
    tail_in_slipstream: float  # fraction of the slipstream's extra dynamic pressure that reaches the tail
    swirl_yaw_arm: float  # m: yaw moment of the slipstream's swirl on the fin per newton of thrust
    swirl_roll_fraction: float  # share of the engine torque that the swirl over the wing roots rolls back


@dataclass(frozen=True)
class Aero:
    alpha: tuple[float, ...]  # rad, -pi..pi
    CL: tuple[float, ...]
    CD: tuple[float, ...]
    Cm: tuple[float, ...]
    derivatives: dict[str, float] = field(default_factory=dict)
    induced_drag_factor: float = 0.1  # K in CD = CD0 + K CL^2; ground effect removes part of it


@dataclass(frozen=True)
class AircraftSpec:
    """One aircraft type, read from its TOML file (see `models/aircraft/camel.toml` for the documented format)."""
    name: str
    title: str
    nation: str
    wing_area: float
    span: float
    chord: float
    length: float
    mass_empty: float
    payload: float
    fuel: float
    inertia: tuple[tuple[float, float, float], ...]
    engine: Engine
    propeller: Propeller
    aero: Aero
    contacts: tuple[Contact, ...]
    has_brakes: bool
    max_sink_rate: float
    max_touchdown_speed: float
    control_throws: dict[str, float]
    source: str = ""

    @property
    def mass(self) -> float:
        """Take-off mass with full fuel, kg."""
        return self.mass_empty + self.payload + self.fuel


AERO_DERIVATIVES = ("CY_beta", "Cl_beta", "Cn_beta", "Cl_p", "Cn_p", "Cm_q", "Cl_r", "Cn_r",
                    "Cl_da", "Cn_da", "Cm_de", "CY_dr", "Cl_dr", "Cn_dr")


def aircraft_path(name: str) -> Path:
    from flight.paths import aircraft_dir
    return aircraft_dir() / f"{name}.toml"


def known_aircraft() -> list[str]:
    from flight.paths import aircraft_dir
    return sorted(p.stem for p in aircraft_dir().glob("*.toml"))


def load_aircraft(name_or_path: str | Path) -> AircraftSpec:
    """Read an aircraft by type name (`"camel"`) or by the path of a TOML file."""
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = aircraft_path(str(name_or_path))
        if name_or_path not in known_aircraft():  # a name, never a path
            raise AircraftFileError(f"{path}: unknown aircraft {quoted(name_or_path)} "
                                    f"(known: {', '.join(known_aircraft())})")
    try:
        data = load_toml(path)
    except FileNotFoundError:
        raise AircraftFileError(f"{path}: cannot read it (no such file)") from None
    except TomlFileError as error:
        raise AircraftFileError(str(error)) from None
    return _Reader(path, data).spec()


class _Reader:
    """Reads sections with unit-suffixed keys and reports the first problem as `file: [section] key: problem`."""

    def __init__(self, path: Path, data: dict):
        self.path, self.data = path, data

    def fail(self, where: str, problem: str):
        raise AircraftFileError(f"{self.path}: {where}: {problem}")

    def section(self, name: str) -> dict:
        sec = self.data.get(name)
        if not isinstance(sec, dict):
            self.fail(f"[{name}]", "missing section")
        return sec

    def quantity(self, sec: str, key: str, default: float | None = None) -> float:
        """A number in SI, given either as `key` (SI) or `key_<unit>` with a unit from TO_SI."""
        table = self.section(sec)
        found = [(k, 1.0) for k in (key,) if k in table]
        found += [(f"{key}_{u}", f) for u, f in TO_SI.items() if f"{key}_{u}" in table]
        if len(found) > 1:
            self.fail(f"[{sec}] {key}", f"given twice ({', '.join(k for k, _ in found)})")
        if not found:
            if default is not None:
                return default
            self.fail(f"[{sec}] {key}", "missing key")
        k, factor = found[0]
        value = table[k]
        if not is_number(value):
            self.fail(f"[{sec}] {k}", f"expected a finite number, got {quoted(value)}")
        low, high = RANGES.get((sec, key), ANY)
        if not low <= float(value) * factor <= high:
            self.fail(f"[{sec}] {k}", f"{quoted(value)} is not physical: expected {low:g} to {high:g} in SI units "
                                      f"({_SI_UNITS.get(key, 'SI')})")
        return float(value) * factor

    def numbers(self, sec: str, key: str, length: int | None = None, scale: float = 1.0) -> tuple[float, ...]:
        value = self.section(sec).get(key)
        if not isinstance(value, list) or not value or len(value) > MAX_TABLE:
            self.fail(f"[{sec}] {key}", f"missing or not a list of 1 to {MAX_TABLE} numbers")
        if not all(is_number(v) and abs(v) <= MAX_TABLE_VALUE for v in value):
            self.fail(f"[{sec}] {key}", f"expected numbers within ±{MAX_TABLE_VALUE:g} only")
        if length is not None and len(value) != length:
            self.fail(f"[{sec}] {key}", f"expected {length} values, got {len(value)}")
        return tuple(float(v) * scale for v in value)

    def axis(self, sec: str, key: str, scale: float = 1.0) -> tuple[float, ...]:
        values = self.numbers(sec, key, scale=scale)
        if any(b <= a for a, b in zip(values, values[1:])):
            self.fail(f"[{sec}] {key}", "breakpoints must increase")
        return values

    def table(self, sec: str, axis_key: str, keys: tuple[str, ...], scale: float = 1.0) -> list[tuple[float, ...]]:
        axis = self.axis(sec, axis_key, scale)
        return [axis] + [self.numbers(sec, k, len(axis)) for k in keys]

    def spec(self) -> AircraftSpec:
        title = self.data.get("title")
        if not isinstance(title, str):
            self.fail("title", "missing key")
        return AircraftSpec(
            name=self.path.stem, title=title, nation=str(self.data.get("nation", "british")),
            wing_area=self.quantity("metrics", "wing_area"), span=self.quantity("metrics", "span"),
            chord=self.quantity("metrics", "chord"), length=self.quantity("metrics", "length"),
            mass_empty=self.quantity("mass", "empty"), payload=self.quantity("mass", "payload"),
            fuel=self.quantity("mass", "fuel"), inertia=self.inertia(), engine=self.engine(),
            propeller=self.propeller(), aero=self.aero(), contacts=self.contacts(),
            has_brakes=bool(self.section("gear").get("brakes", False)),
            max_sink_rate=self.quantity("gear", "max_sink_rate"),
            max_touchdown_speed=self.quantity("gear", "max_touchdown_speed"),
            control_throws={k: self.quantity("controls", k) for k in ("aileron", "elevator", "rudder")},
            source=str(self.path))

    def inertia(self) -> tuple[tuple[float, float, float], ...]:
        ixx, iyy, izz = (self.quantity("mass", k) for k in ("ixx", "iyy", "izz"))
        ixz = self.quantity("mass", "ixz", 0.0)
        return ((ixx, 0.0, -ixz), (0.0, iyy, 0.0), (-ixz, 0.0, izz))

    def engine(self) -> Engine:
        sec = self.section("engine")
        kind = sec.get("kind")
        if kind not in ("rotary", "inline"):
            self.fail("[engine] kind", f"expected 'rotary' or 'inline', got {kind!r}")
        positions = sec.get("positions")
        if not isinstance(positions, list) or not 1 <= len(positions) <= 2:
            self.fail("[engine] positions", "expected a list of one or two [x, y, z] hub positions")
        hubs = tuple(tuple(self._vector(p, "[engine] positions")) for p in positions)
        rpm_fraction, power_fraction = self.table("engine", "rpm_fraction", ("power_fraction",))
        return Engine(kind=kind, power=self.quantity("engine", "power"),
                      rated_rpm=self.quantity("engine", "rated_rpm"),
                      idle_power_fraction=self.quantity("engine", "idle_power_fraction"),
                      friction_power_fraction=self.quantity("engine", "friction_power_fraction"),
                      rotating_inertia=self.quantity("engine", "rotating_inertia"),
                      rotation=1.0 if self.quantity("engine", "rotation") >= 0 else -1.0,
                      specific_fuel_consumption=self.quantity("engine", "specific_fuel_consumption"),
                      power_lapse_exponent=self.quantity("engine", "power_lapse_exponent", 1.1),
                      positions=hubs, rpm_fraction=rpm_fraction, power_fraction=power_fraction)

    def propeller(self) -> Propeller:
        j, ct, cp = self.table("propeller", "advance_ratio", ("thrust_coefficient", "power_coefficient"))
        return Propeller(diameter=self.quantity("propeller", "diameter"), advance_ratio=j, thrust_coefficient=ct,
                         power_coefficient=cp, tail_in_slipstream=self.quantity("propeller", "tail_in_slipstream"),
                         swirl_yaw_arm=self.quantity("propeller", "swirl_yaw_arm"),
                         swirl_roll_fraction=self.quantity("propeller", "swirl_roll_fraction"))

    def aero(self) -> Aero:
        alpha, cl, cd, cm = self.table("aero", "alpha_deg", ("CL", "CD", "Cm"), scale=math.pi / 180.0)
        if abs(alpha[0] + math.pi) > 1e-9 or abs(alpha[-1] - math.pi) > 1e-9:
            self.fail("[aero] alpha_deg", "must run from -180 to 180")
        derivatives = {k: self.quantity("aero", k) for k in AERO_DERIVATIVES}
        return Aero(alpha=alpha, CL=cl, CD=cd, Cm=cm, derivatives=derivatives,
                    induced_drag_factor=self.quantity("aero", "induced_drag_factor"))

    def contacts(self) -> tuple[Contact, ...]:
        entries = self.section("gear").get("contact")
        if not isinstance(entries, list) or not entries:
            self.fail("[[gear.contact]]", "missing: at least the wheels and the tail skid")
        out = []
        for i, e in enumerate(entries):
            where = f"[[gear.contact]] #{i + 1}"
            kind = e.get("kind")
            if kind not in CONTACT_KINDS:
                self.fail(f"{where} kind", f"expected one of {CONTACT_KINDS}, got {kind!r}")
            cause = e.get("crash_cause", "")
            if cause not in CRASH_CAUSES or (kind == "structure") != bool(cause):
                self.fail(f"{where} crash_cause", "structure needs one of " + ", ".join(CRASH_CAUSES[1:4]))
            sub = _Reader(self.path, {"gear.contact": e})
            out.append(Contact(
                name=str(e.get("name", f"contact{i + 1}")), kind=kind,
                position=tuple(self._vector(e.get("position"), f"{where} position")),
                stiffness=sub.quantity("gear.contact", "stiffness", 0.0),
                damping=sub.quantity("gear.contact", "damping", 0.0),
                rolling_friction=sub.quantity("gear.contact", "rolling_friction", 0.0),
                side_friction=sub.quantity("gear.contact", "side_friction", 0.0),
                steer=sub.quantity("gear.contact", "steer", 0.0),
                crash_cause=cause))
        for n, c in enumerate(out):
            if c.kind != "structure" and c.stiffness <= 0.0:
                self.fail(f"[[gear.contact]] #{n + 1} stiffness", "a wheel or skid needs a positive stiffness")
        if len(out) > MAX_CONTACTS:
            self.fail("[[gear.contact]]", f"{len(out)} contacts, more than {MAX_CONTACTS}")
        if not any(c.kind != "structure" for c in out):
            self.fail("[[gear.contact]]", "no wheel or skid")
        return tuple(out)

    def _vector(self, value, where: str) -> np.ndarray:
        if (not isinstance(value, list) or len(value) != 3
                or not all(is_number(v) and abs(v) <= 100.0 for v in value)):
            self.fail(where, f"expected [x, y, z] in metres within 100 m of the CG, got {quoted(value)}")
        return np.array(value, dtype=float)
