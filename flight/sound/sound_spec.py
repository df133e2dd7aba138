"""How one aircraft type sounds: its file's `[sound]` table (the engine's waveform and how loud each source is over
rpm and airspeed, as FlightGear maps properties to sounds) plus what the flight model already knows (engine kind,
rated rpm, engine positions, guns). Read once, checked by flight.schema; every key has a default, so a modder's
aircraft without a `[sound]` table still sounds like an engine."""
from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from flight.files import TomlFileError, load_toml
from flight.schema import SchemaError, Table, is_number
from flight.sim.dynamics import AircraftFileError, load_aircraft
from flight.sim.dynamics.spec import aircraft_path
from flight.sim.world.combat.guns import guns_of

# (key, default axis values, default gains): each a curve `gain` over its named axis, as in the aircraft file
CURVES = {
    "engine_volume": ("rpm_fraction", (0.0, 0.2, 0.5, 1.0, 1.4), (0.0, 0.3, 0.55, 1.0, 1.1)),
    "whirr_volume": ("airspeed", (0.0, 20.0, 50.0, 90.0), (0.0, 0.03, 0.08, 0.2)),
    "wind_volume": ("airspeed", (0.0, 20.0, 50.0, 90.0), (0.0, 0.06, 0.3, 0.8)),
    "wires_volume": ("airspeed", (0.0, 30.0, 60.0, 90.0), (0.0, 0.0, 0.05, 0.15)),
    "buffet_volume": ("alpha_deg", (10.0, 14.0, 20.0, 30.0), (0.0, 0.3, 1.0, 1.0)),
}


@dataclass(frozen=True)
class Curve:
    """A gain read off a piecewise-linear curve (flat beyond its ends)."""
    x: tuple[float, ...]
    gain: tuple[float, ...]

    def __call__(self, value: np.ndarray) -> np.ndarray:
        return np.interp(value, self.x, self.gain)


@dataclass(frozen=True)
class SoundSpec:
    """One aircraft type's sound. Frequencies in Hz, positions body axes (x forward, y right, z down) m."""
    name: str
    firings_per_rev: float  # the note's fundamental is rpm / 60 * this (cylinders / 2 for a four-stroke)
    harshness: float  # 0 a round note .. 1 a sharp buzz: how short each firing's pulse is
    exhaust: float  # 0 .. 1: share of exhaust roar (noise shaped by each firing) in the engine's sound
    brightness_hz: float  # the engine note's low-pass cutoff
    blades: int  # propeller blades: the whirr beats at rpm / 60 * blades
    loudness: float  # the engine at full rpm and throttle (1 the Camel's)
    gun_loudness: float  # one round's report (1 a Vickers')
    rated_rpm: float
    engine_positions: tuple[tuple[float, float, float], ...]  # one per engine (its propeller hub)
    gun_rates_rpm: tuple[float, ...]  # rounds a minute, per gun in the file's order (the sim fires at these)
    engine_volume: Curve  # over rpm / rated rpm
    whirr_volume: Curve  # over airspeed m/s
    wind_volume: Curve  # over airspeed m/s
    wires_volume: Curve  # the bracing wires singing, over airspeed m/s
    buffet_volume: Curve  # the airframe shuddering near the stall, over angle of attack, degrees
    wire_diameter_mm: float  # the wires sing at 0.2 airspeed / diameter (Strouhal's vortex shedding)


def curve_gains(groups, name: str, values: np.ndarray) -> np.ndarray:
    """Each source's gain from its type's curve `name` at its value: `groups` pairs a type's SoundSpec with the
    indices of its sources in `values` (the curves are read once a type, not once a source)."""
    out = np.empty(len(values))
    for spec, index in groups:
        out[index] = getattr(spec, name)(values[index])
    return out


class SoundFileError(ValueError):
    """`file: [sound] key: problem`, one line for the player or modder."""


def load_sound(name: str) -> SoundSpec:
    """The sound of aircraft type `name` (its file in models/aircraft). SoundFileError names the file and key."""
    path = aircraft_path(name)
    try:
        aircraft = load_aircraft(name)
        table = Table(load_toml(path).get("sound", {}), "[sound]")
        return _read(name, table, aircraft)
    except (AircraftFileError, TomlFileError) as error:
        raise SoundFileError(str(error)) from None
    except SchemaError as error:
        raise SoundFileError(f"{path}: {error}") from None


def _read(name: str, t: Table, aircraft) -> SoundSpec:
    rotary = aircraft.engine.kind == "rotary"  # the defaults: a rotary's harsh buzz, an inline's rounder note
    curves = {key: _curve(t, key, *default) for key, default in CURVES.items()}
    return SoundSpec(
        name=name, firings_per_rev=t.number("firings_per_rev", 0.5, 12.0, 4.5 if rotary else 3.0),
        harshness=t.number("harshness", 0.0, 1.0, 0.85 if rotary else 0.4),
        exhaust=t.number("exhaust", 0.0, 1.0, 0.2 if rotary else 0.45),
        brightness_hz=t.number("brightness_hz", 100.0, 10000.0, 3000.0 if rotary else 1200.0),
        blades=t.integer("blades", 1, 8, 2), loudness=t.number("loudness", 0.0, 10.0, 1.0),
        gun_loudness=t.number("gun_loudness", 0.0, 10.0, 1.0), rated_rpm=aircraft.engine.rated_rpm,
        wire_diameter_mm=t.number("wire_diameter_mm", 1.0, 50.0, 5.0),
        engine_positions=tuple(tuple(p) for p in aircraft.engine.positions),
        gun_rates_rpm=tuple(g.rate_rpm for g in guns_of(aircraft)), **curves)


def _curve(t: Table, key: str, axis: str, x_default, gain_default) -> Curve:
    if key not in t.data:
        return Curve(x_default, gain_default)
    sub = t.table(key)
    x, gain = sub.get(axis), sub.get("gain")
    ok = (isinstance(x, list) and isinstance(gain, list) and 2 <= len(x) == len(gain) <= 64
          and all(is_number(v) for v in x + gain))
    if not ok or not all(b > a for a, b in itertools.pairwise(x)) or not all(0.0 <= g <= 10.0 for g in gain):
        sub.fail(axis, f"expected `{axis}` rising and `gain` (0 to 10) as two lists of the same length, 2 to 64")
    return Curve(tuple(float(v) for v in x), tuple(float(v) for v in gain))
