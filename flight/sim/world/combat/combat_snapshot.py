"""What the app draws of the fighting after a tick: copies of the guns', bullets', ground units' and effects' arrays
in one frozen record (WorldSnapshot.combat). Imports numpy only."""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from flight.sim.world.combat.ground_units import SEARCHLIGHT

TRACER_BURN_TICKS = 180  # a tracer's pellet burns out after about 1.5 s (some 800 m)
EVENT_TICKS = 2400  # events up to 20 s old: long enough for a flak burst's smoke to drift away
FLASH_TICKS = 3  # a muzzle flash shows for the ticks after the round
PER_AIRCRAFT = ("gun_position", "gun_flash", "gun_shot_tick", "pilot", "burning", "leaking", "smoke", "downed")


@dataclass(frozen=True)
class CombatSnapshot:
    """Per aircraft (N, ...), per gun slot (N, G, ...; G the most guns on one aircraft), per bullet shown and per
    ground unit (U, ...). Positions NED m, directions NED unit vectors, ages in ticks."""
    gun_position: np.ndarray  # (N, G, 3) body axes (constant), muzzles / pivots
    gun_flash: np.ndarray  # (N, G) bool: fired in the last FLASH_TICKS
    tracer_pos: np.ndarray  # (T, 3) burning tracers
    tracer_vel: np.ndarray  # (T, 3)
    tracer_age: np.ndarray  # (T,) ticks since it was fired
    pilot: np.ndarray  # (N,) 1 unhurt .. 0 killed
    burning: np.ndarray  # (N,) bool
    leaking: np.ndarray  # (N,) bool: fuel running out of a holed tank
    smoke: np.ndarray  # (N,) 0 .. 1: how badly its worst engine is hit
    downed: np.ndarray  # (N,) bool
    event_kind: np.ndarray  # (E,) events.KINDS index
    event_pos: np.ndarray  # (E, 3)
    event_age: np.ndarray  # (E,) ticks
    ground_kind: np.ndarray  # (U,) GROUND_KINDS index
    ground_pos: np.ndarray  # (U, 3)
    ground_heading: np.ndarray  # (U,) rad
    ground_count: np.ndarray  # (U,) men in a squad of guards, else 1
    ground_health: np.ndarray  # (U,) 1 .. 0 silenced / wrecked
    ground_flash: np.ndarray  # (U,) bool: a gun fired in the last FLASH_TICKS
    ground_target: np.ndarray  # (U,) fleet index a gun engages or a light holds, -1 none
    searchlight_on: np.ndarray  # (U,) bool: a burning searchlight
    searchlight_beam: np.ndarray  # (U, 3) its axis
    searchlight_target: np.ndarray  # (U,) fleet index it holds, -1 none
    # the tick of each gun's latest round, so the sound places every report on its tick (the flash lasts 3)
    gun_shot_tick: np.ndarray | None = None  # (N, G) int, -1000 never fired or no such gun
    ground_shot_tick: np.ndarray | None = None  # (U,) int, -1000 never fired
    # every round in flight, so the sound hears the ones cracking past the listener
    bullet_pos: np.ndarray | None = None  # (B, 3)
    bullet_vel: np.ndarray | None = None  # (B, 3)
    bullet_born: np.ndarray | None = None  # (B,) the tick it was fired on

    def reordered(self, order: list[int]) -> CombatSnapshot:
        """The per-aircraft arrays in fleet order `order` (a view following another aircraft puts it first)."""
        return replace(self, **{name: getattr(self, name)[order] for name in PER_AIRCRAFT})


def combat_snapshot(combat, tick: int) -> CombatSnapshot:
    g, b, c, u = combat.guns, combat.bullets, combat.condition, combat.units
    f = combat.fleet
    burning_tracer = b.tracer & ((tick - b.born) < TRACER_BURN_TICKS)
    kind, pos, age = combat.events.recent(tick, EVENT_TICKS)
    lights = (u.kind == SEARCHLIGHT) & u.active & u.lit
    engine = np.where(f.params.engine_mask > 0.0, f.damage_engine, 1.0).min(axis=1)
    return CombatSnapshot(
        gun_position=combat.gun_position, gun_flash=g.per_aircraft(tick - combat.last_shot < FLASH_TICKS, False),
        tracer_pos=b.pos[burning_tracer], tracer_vel=b.vel[burning_tracer],
        tracer_age=tick - b.born[burning_tracer], pilot=c.pilot.copy(),
        burning=c.burning.copy(), leaking=c.leak > 0.0, smoke=1.0 - engine, downed=c.downed.copy(),
        event_kind=kind, event_pos=pos, event_age=age,
        ground_kind=u.kind.copy(), ground_pos=u.pos.copy(), ground_heading=u.heading.copy(),
        ground_count=u.count.copy(), ground_health=u.health.copy(), ground_flash=tick - u.last_shot < FLASH_TICKS,
        ground_target=u.target.copy(),
        searchlight_on=lights, searchlight_beam=u.beam.copy(), searchlight_target=np.where(lights, u.target, -1),
        gun_shot_tick=g.per_aircraft(combat.last_shot, -1000), ground_shot_tick=u.last_shot.copy(),
        bullet_pos=b.pos.copy(), bullet_vel=b.vel.copy(), bullet_born=b.born.copy())
