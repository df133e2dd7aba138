"""The snapshot's kernel gives, field by field and dtype by dtype, what the plain numpy formulas gave before it (the
app, the HUD and the sound read them every frame); its arrays are copies the next tick cannot change, and the
records stay frozen."""
from dataclasses import FrozenInstanceError, fields, replace

import numpy as np
import pytest

from flight.sim.command import FIRE
from flight.sim.dynamics.fleet import STATE_FIELDS
from flight.sim.dynamics.spec import CRASH_CAUSES
from flight.sim.world.combat.combat import GUN_STATE
from flight.sim.world.combat.combat_snapshot import EVENT_TICKS, FLASH_TICKS, TRACER_BURN_TICKS, CombatSnapshot
from flight.sim.world.combat.events import CAPACITY, DUST, FLAK_BURST, HIT
from flight.sim.world.combat.ground_units import SEARCHLIGHT, STATE
from flight.sim.world.records import made
from flight.sim.world.world import WorldSnapshot
from tests.sim.world.combat_worlds import CRUISE, flying, ground, run, world


def _battle(time_of_day: str):
    """Three aircraft (a one-engined Camel beside two-engined Gothas) firing, every kind of ground unit, and the
    state set by hand where a short flight would leave it bland: old and new tracers, events of every age round
    the ring (and empty slots), guns that flashed or jammed, a leak, damaged engines (one NaN), a dead light."""
    w = world([flying("player", "camel", "allied", 0.0, 0.0), flying("bomber/0", "gotha_g5", "german", 400.0, 0.0),
               flying("bomber/1", "gotha_g5", "german", 400.0, 60.0)],
              [ground("light", "searchlight", "german", 300.0, 100.0, count=3), ground("archie", "flak", "german"),
               ground("post", "mg", "german", 200.0), ground("guards", "guards", "german", 100.0, count=6),
               ground("lorry", "truck", "german", 0.0, 300.0, route=[(0.0, 300.0), (500.0, 300.0)])],
              time_of_day=time_of_day)
    run(w, 40, FIRE)
    c, tick = w.combat, w.tick_count
    rng = np.random.default_rng(3)
    for born in (tick - TRACER_BURN_TICKS, tick - TRACER_BURN_TICKS + 1):  # burnt out to the tick; still burning
        c.bullets.add(rng.normal(size=(4, 3)), rng.normal(size=(4, 3)), np.zeros(4), np.zeros(4, dtype=np.int32),
                      born, np.array([True, False, True, True]))
    for k, age in enumerate((EVENT_TICKS + 5, EVENT_TICKS, EVENT_TICKS - 1, 7, 0, -1)):
        c.events.add((HIT, DUST, FLAK_BURST)[k % 3], rng.normal(size=(_events(time_of_day), 3)), tick - age)
    c.last_shot[:3] = tick - FLASH_TICKS + 1, tick - FLASH_TICKS, -1000
    c.rounds[1], c.jammed[1] = 0, True
    c.condition.leak[0], c.condition.burning[1], c.condition.downed[2], c.condition.pilot[0] = 0.4, True, True, 0.5
    w.fleet.damage_engine[0, 0] = 0.3
    w.fleet.damage_engine[1] = 0.9, 0.6
    w.fleet.damage_engine[2, 1] = np.nan
    u = c.units
    u.health[1], u.target[:4], u.last_shot[:3] = 0.0, (0, 2, 1, 0), (tick - 1, tick - 2, tick - 5)
    return w


def _events(time_of_day: str) -> int:
    """Events of each age: at night the ring wraps, by day it keeps empty slots."""
    return CAPACITY // 5 if time_of_day == "night" else 20


def _numpy_formulas(w) -> dict[str, np.ndarray]:
    """The fields as the snapshot computed them before its kernel, expression for expression."""
    c, tick = w.combat, w.tick_count
    g, b, u, e, f = c.guns, c.bullets, c.units, c.events, w.fleet
    burning = b.tracer & ((tick - b.born) < TRACER_BURN_TICKS)
    age = tick - e.tick
    recent = (e.kind >= 0) & (age < EVENT_TICKS) & (age >= 0)
    lights = (u.kind == SEARCHLIGHT) & u.active & u.lit
    return {
        "gun_flash": g.per_aircraft(tick - c.last_shot < FLASH_TICKS, False),
        "tracer_pos": b.pos[burning], "tracer_vel": b.vel[burning], "tracer_age": tick - b.born[burning],
        "leaking": c.condition.leak > 0.0,
        "smoke": 1.0 - np.where(f.params.engine_mask > 0.0, f.damage_engine, 1.0).min(axis=1),
        "event_kind": e.kind[recent], "event_pos": e.pos[recent], "event_age": age[recent],
        "ground_flash": tick - u.last_shot < FLASH_TICKS,
        "searchlight_on": lights, "searchlight_target": np.where(lights, u.target, -1),
        "gun_shot_tick": g.per_aircraft(c.last_shot, -1000),
        "ammunition": g.per_aircraft(c.rounds, -1), "jammed": g.per_aircraft(c.jammed, False),
    }


def _same(a, b) -> bool:
    return (type(a) is type(b) and (not isinstance(a, np.ndarray) or a.dtype == b.dtype)
            and np.array_equal(a, b, equal_nan=isinstance(a, np.ndarray) and a.dtype.kind == "f"))


@pytest.mark.parametrize("time_of_day", ["night", "day"])
def test_the_snapshot_is_the_numpy_formulas_to_the_bit(time_of_day):
    w = _battle(time_of_day)
    expected = _numpy_formulas(w)
    snap = w.snapshot()
    for name in ("ammunition", "jammed"):
        assert _same(getattr(snap, name), expected.pop(name)), name
    for name, value in expected.items():
        assert _same(getattr(snap.combat, name), value), name
    c = snap.combat
    assert len(c.tracer_age) >= 3 and len(c.event_age) == 3 * _events(time_of_day)
    assert c.smoke[:2] == pytest.approx([0.7, 0.4]) and np.isnan(c.smoke[2]) and c.leaking[0]
    assert c.searchlight_on.tolist()[:3] == [time_of_day == "night", False, time_of_day == "night"]
    assert c.gun_flash[0].tolist() == [True, False] and snap.jammed[0].tolist() == [False, True]
    f = w.fleet
    assert _same(snap.rpm, f.rpm.copy()) and _same(snap.engine_rpm, f.engine_rpm.copy())
    assert snap.crash_cause == tuple(f.crash_cause_name(i) for i in range(f.n))
    assert set(CRASH_CAUSES) >= set(snap.crash_cause)


def test_the_snapshot_holds_copies_that_the_next_ticks_leave_alone():
    w = _battle("night")
    snap = w.snapshot()
    c, u = w.combat, w.combat.units
    live = ([getattr(w.fleet, name) for name in STATE_FIELDS] + [getattr(c, name) for name in GUN_STATE]
            + list(c.bullets.buffers) + [getattr(u, name) for name in STATE] + [u.beam]
            + [getattr(c.events, name) for name in ("kind", "pos", "tick")]
            + [getattr(c.condition, name) for name in ("pilot", "leak", "burning", "downed")])
    records = (snap, snap.combat)
    arrays = {f"{type(r).__name__}.{f.name}": getattr(r, f.name) for r in records for f in fields(r)
              if isinstance(getattr(r, f.name), np.ndarray) and f.name != "gun_position"}  # (constant, shared)
    for name, value in arrays.items():
        assert not any(np.shares_memory(value, state) for state in live), name
    kept = {name: value.copy() for name, value in arrays.items()}
    run(w, 5, FIRE, CRUISE)
    for name, value in arrays.items():
        assert _same(value, kept[name]), name


def test_the_snapshots_stay_frozen_records():
    w = _battle("night")
    snap = w.snapshot()
    for record in (snap, snap.combat):
        with pytest.raises(FrozenInstanceError):
            record.tick = 3
        assert sorted(vars(record)) == sorted(f.name for f in fields(record))
        again = replace(record)
        assert vars(again) == vars(record) and again == record
    assert snap.gate is None and snap.combat.reordered([1, 0, 2]).pilot.tolist() == [1.0, 0.5, 1.0]
    with pytest.raises(TypeError, match="bogus"):
        made(CombatSnapshot, dict(vars(snap.combat), bogus=1))
    with pytest.raises(TypeError, match="tick"):
        made(WorldSnapshot, {name: value for name, value in vars(snap).items() if name != "tick"})
