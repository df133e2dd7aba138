"""Part 1 of Level 2 at the camp gate: the gun's laying and fire, belts, heat, rounds striking guards, grenades,
the prisoners' run and count, the gunner AI against an idle gun, exact replays and keyframes, and the [gate]
table's errors."""
import dataclasses

import numpy as np
import pytest

from flight.sim.command import FIRE, NEUTRAL, RELOAD
from flight.sim.dynamics import DT
from flight.sim.replay import arrays
from flight.sim.world import LevelFileError, load_level
from flight.sim.world import level as level_module
from flight.sim.world.combat.events import EXPLOSION, HIT
from flight.sim.world.seats.gate.gun import CLEARED_HEAT, RELOAD_S, Gate
from flight.sim.world.seats.gate.guards import COVER, DOWN, RUNNING
from flight.sim.world.seats.gate.gunner import GateGunner
from flight.sim.world.seats.gate.prisoners import ARRIVED, RUNNING as PRISONER_RUNNING, WAITING
from flight.sim.world.seats.gate.gate_spec import GuardSquad
from flight.sim.run.autopilot import PlanFlyer, level_autopilot
from flight.sim.run.sortie import Sortie
from flight.sim.map.theatre import load_theatre
from flight.sim.world.world import Slot, World

SPEC = load_level("breakout").seat_specs["gate"]
TERRAIN = load_theatre("theatre").terrain()
HOLD = np.zeros(6)  # a frame's controls: the gun laid at the middle of its traverse and of its elevation (5 deg up)
LEVEL = np.array([0.0, -1.0 / 3.0, 0.0, 0.0, 0.0, 0.0])  # south and level: elevation -10 .. 20 deg


class GateOnly:
    """A stand-in world for the long runs: the gate alone, ticked as World.tick ticks it (no aircraft to fly)."""

    def __init__(self, seed: int, spec=SPEC):
        self.rng = np.random.Generator(np.random.PCG64(seed))
        self.tick_count = 0
        self.gate = Gate(spec, TERRAIN, self.rng)

    def tick(self, controls: np.ndarray, buttons: int = 0) -> None:
        self.gate.tick(self, controls, buttons)
        self.tick_count += 1


def world(seed: int = 0, spec=SPEC) -> World:
    """A real world in the gate's seat: one parked aircraft and the breakout's gate."""
    return World(TERRAIN, [Slot("player", "gotha_g5", "german", 1820.0, 14600.0, 270.0)], seed=seed,
                 seat_specs={"gate": spec})


def gate_of(w: World):
    """The gate of a real world: its gate seat's."""
    return w.seats["gate"].gate


def no_guards(spec=SPEC):
    return dataclasses.replace(spec, squads=(GuardSquad("nobody", 2000.0, 15500.0, 1, start_s=1e6),))


def run(stage, seconds: float, controls=HOLD, buttons: int = 0) -> None:
    for _ in range(round(seconds / DT)):
        stage.tick(controls, buttons)


def test_the_frame_lays_the_gun_over_its_arcs_at_the_hand_laid_rate():
    w = world()
    gate = gate_of(w)
    up = np.radians(5.0)
    assert w.seat == "gate" and np.allclose(gate.direction(), [-np.cos(up), 0.0, -np.sin(up)]), "south, 5 deg up"
    full = np.array([1.0, 1.0, 0.0, 0.0, 0.0, 0.0])  # right and up to the stops
    run(w, 0.5, full)
    assert np.degrees(gate.traverse) == pytest.approx(30.0) and np.degrees(gate.elevation) == pytest.approx(20.0)
    run(w, 1.5, full)
    assert np.degrees(gate.traverse) == pytest.approx(100.0) and np.degrees(gate.elevation) == pytest.approx(20.0)
    bearing, up = np.radians(280.0), np.radians(20.0)  # + traverse is to the right: west of south
    assert np.allclose(gate.direction(), [np.cos(up) * np.cos(bearing), np.cos(up) * np.sin(bearing), -np.sin(up)])
    run(w, 3.0, np.array([-0.5, -1.0, 0.0, 0.0, 0.0, 0.0]))
    assert np.degrees(gate.traverse) == pytest.approx(-50.0) and np.degrees(gate.elevation) == pytest.approx(-10.0)
    assert w.fleet.applied[0, 3] == 0.0 and w.fleet.applied[0, 4] == 1.0, "the Gotha stands parked, brakes on"
    assert w.snapshot().gate.gun_traverse == pytest.approx(np.radians(-50.0))


def test_the_gun_fires_500_rounds_a_minute_with_tracers_and_its_barrel_heats():
    stage = GateOnly(0, no_guards())
    run(stage, 6.0, buttons=FIRE)
    gate = stage.gate
    assert gate.fired == 50 and gate.rounds == 250 - 50, "one round at once, then one every 0.12 s"
    assert 0.3 < gate.heat < 0.5 and not gate.stopped
    assert len(gate.bullets) > 0 and gate.bullets.tracer.any() and not gate.bullets.tracer.all()


def test_a_belt_runs_out_and_reload_changes_it_in_five_seconds_until_the_spares_are_gone():
    stage = GateOnly(0, no_guards())
    gate = stage.gate
    gate.rounds = 5
    run(stage, 1.0, buttons=FIRE)
    assert gate.rounds == 0 and gate.fired == 5
    stage.tick(HOLD, RELOAD)
    run(stage, RELOAD_S - 0.1, buttons=RELOAD | FIRE)
    assert gate.rounds == 0 and gate.fired == 5 and stage.gate.reload_ticks > 0, "no fire while the belt is changed"
    run(stage, 0.2)
    assert gate.rounds == 250 and gate.spares == SPEC.spare_belts - 1
    gate.spares, gate.rounds = 0, 0
    run(stage, 1.0, buttons=RELOAD)
    assert gate.reload_ticks == 0 and gate.rounds == 0, "no belt left to change to"


def test_a_long_burst_stops_the_gun_hot_and_it_fires_again_once_cooled():
    stage = GateOnly(0, no_guards())
    gate = stage.gate
    ticks = 0
    while not gate.stopped:
        stage.tick(HOLD, FIRE)
        ticks += 1
    assert 14.0 < ticks * DT < 20.0, "about 85 rounds' continuous fire"
    fired = gate.fired
    run(stage, 5.0, buttons=FIRE)
    assert gate.fired == fired and gate.stopped, "a stoppage: the trigger does nothing"
    run(stage, 3.0, buttons=FIRE)
    assert not gate.stopped and gate.fired > fired and gate.heat < CLEARED_HEAT + 0.1


def man_at(gate, k: int, north: float, east: float, state: int) -> None:
    """Puts guard k at (north, east), out and staying there."""
    m = gate.guards
    m.start[:] = 10 ** 9
    m.state[k], m.timer[k], m.shot_timer[k] = state, 1e9, 1e9
    m.pos[k] = [north, east, -TERRAIN.height_at(np.array([north]), np.array([east]))[0]]
    m.run_to[k] = m.pos[k, :2]


def test_a_round_through_a_guard_downs_him_one_past_him_only_keeps_his_head_down():
    gate = GateOnly(0).gate
    m = gate.guards
    man_at(gate, 0, 2300.0, 14888.0, RUNNING)  # standing
    man_at(gate, 1, 2300.0, 14900.0, COVER)  # lying in the open: 0.45 m of him shows
    foot0, foot1 = -m.pos[0, 2], -m.pos[1, 2]

    def path(east, height, foot):  # a round's step north to south through the man's line
        return np.array([[2304.0, east, -(foot + height)]]), np.array([[2296.0, east, -(foot + height)]])

    assert m.strike(*path(14888.5, 1.0, foot0))[0] == -1, "0.5 m to his side"
    assert m.state[0] == RUNNING and m.pinned[0] > 0.0
    assert m.strike(*path(14900.0, 1.0, foot1))[0] == -1, "over a man lying down"
    assert m.strike(*path(14888.1, 1.2, foot0))[0] == 0 and m.state[0] == DOWN
    assert m.strike(*path(14900.0, 0.3, foot1))[0] == 1 and m.state[1] == DOWN


def test_the_gun_laid_on_a_man_downs_him():
    stage = GateOnly(0)
    gate = stage.gate
    rifleman = int(np.flatnonzero(gate.guards.grenades == 0)[0])
    man_at(gate, rifleman, gate.pivot[0] - 40.0, gate.pivot[1], COVER)
    gate.guards.throw[rifleman] = 10 ** 6  # up on his knees (with no grenade to throw): 1.75 m of him shows
    run(stage, 1.0, LEVEL, FIRE)  # the rounds pass at his chest (the pivot is 0.6 m up)
    assert gate.guards.state[rifleman] == DOWN
    assert HIT in gate.events.kind, "a hit event where he fell"


def test_a_grenadier_close_in_throws_and_the_burst_wears_the_position():
    stage = GateOnly(1)
    gate = stage.gate
    man_at(gate, 0, gate.pivot[0] - 18.0, gate.pivot[1] + 5.0, COVER)
    gate.guards.timer[0] = 0.0
    assert gate.guards.grenades[0] > 0
    run(stage, 0.5)
    assert gate.guards.throw[0] > 0, "up on his knees to throw"
    run(stage, 1.0)
    assert len(gate.guards.grenade_fuse) == 1
    run(stage, 1.0)
    lying = gate.guards.grenade_pos[0]
    assert np.hypot(*(lying[:2] - gate.pivot[:2])) < 10.0, "it lands about the gun"
    before = gate.health
    run(stage, 4.0)
    assert len(gate.guards.grenade_fuse) <= 1 and gate.health < before - 0.1
    assert EXPLOSION in gate.events.kind, "the burst, for the app"


def test_prisoners_leave_in_waves_and_are_counted_through_the_gate_and_at_the_bombers():
    stage = GateOnly(0, no_guards())
    gate = stage.gate
    p = gate.prisoners
    run(stage, 7.0)
    assert (p.state == WAITING).sum() == 45 and (p.state == PRISONER_RUNNING).sum() == 15, "the first wave is out"
    run(stage, 40.0)
    assert 0 < gate.through < 60 and gate.arrived == 0
    while not gate.done:
        stage.tick(HOLD)
    assert gate.arrived == gate.count == gate.target == 40 and not gate.fallen
    assert 120.0 < stage.tick_count * DT < 180.0 and gate.through >= gate.arrived
    home = p.pos[p.state == ARRIVED]
    assert np.abs(home - SPEC.route[-1]).max() < 2.0, "at the Gothas"
    run(stage, 1.0)
    assert gate.arrived == 40, "the part is over: nothing moves"


def test_the_gunner_ai_holds_the_gate_where_an_idle_gun_loses_it():
    manned, idle = GateOnly(3), GateOnly(3)
    gunner = GateGunner()
    while not manned.gate.done:
        frame = gunner.frame(manned.gate, manned.tick_count).quantised()
        manned.tick(frame.to_array(), frame.buttons)
    while not idle.gate.done:
        idle.tick(HOLD)
    assert manned.gate.arrived >= manned.gate.target and not manned.gate.fallen
    assert 120.0 < manned.tick_count * DT < 180.0
    assert (manned.gate.guards.state == DOWN).sum() >= 10 and manned.gate.fired > 100
    assert idle.gate.count < manned.gate.count and (idle.gate.fallen or idle.gate.arrived < idle.gate.target)


def fight(seed: int, seconds: float):
    """A real world and the frames the gunner AI laid in it for `seconds`."""
    w, gunner, frames = world(seed), GateGunner(), []
    for _ in range(round(seconds / DT)):
        frame = gunner.frame(gate_of(w), w.tick_count).quantised()
        frames.append(frame)
        w.tick(frame.to_array(), frame.buttons)
    return w, frames


def test_the_same_seed_and_frames_give_the_same_fight_and_a_keyframe_carries_on_exactly():
    first, frames = fight(5, 12.0)
    second = world(5)
    keyframe, after = None, None
    for n, frame in enumerate(frames):
        second.tick(frame.to_array(), frame.buttons)
        if after is None and n >= len(frames) // 2 and len(gate_of(second).bullets) > 0:  # rounds in the air
            keyframe, after = arrays.from_bytes(arrays.to_bytes(second.state())), n + 1  # as a replay stores it
            guards = gate_of(second).guards.state
            assert (guards == COVER).any() and (guards == RUNNING).any()
    assert arrays.digest(first.state()) == arrays.digest(second.state())
    assert (gate_of(first).guards.state == DOWN).any() and gate_of(first).fired > 0
    restored = world(5)
    restored.restore(keyframe)
    for frame in frames[after:]:
        restored.tick(frame.to_array(), frame.buttons)
    assert arrays.digest(restored.state()) == arrays.digest(first.state())


def test_the_snapshot_carries_the_gate_for_the_app():
    w, _ = fight(2, 4.0)
    s = w.snapshot().gate
    m, p = len(gate_of(w).guards.state), len(gate_of(w).prisoners.state)
    assert s.men_pos.shape == (m, 3) and s.men_state.shape == (m,) and s.prisoner_pos.shape == (p, 3)
    assert s.light_beam.shape == (4, 3) and np.allclose(np.linalg.norm(s.light_beam, axis=1), 1.0)
    assert s.rounds == gate_of(w).rounds and s.target == 40 and s.prisoners == 60 and not s.done
    s.men_pos[:] = 0.0
    assert gate_of(w).guards.pos.any(), "copies"


def test_the_level_autopilot_mans_the_gate_then_flies_the_plan_from_the_seat_change():
    sortie = Sortie(load_level("breakout"))
    fly = level_autopilot(sortie)
    assert sortie.world.seat == "gate" and fly(sortie).throttle == 0.0
    sortie.world.seat = "aircraft"  # as the mission moves him
    frame = fly(sortie)
    assert isinstance(frame, type(NEUTRAL)) and fly.__closure__ is not None
    assert any(isinstance(c.cell_contents, PlanFlyer) for c in fly.__closure__)


@pytest.mark.parametrize("change, key", [
    (("belt_rounds = 250", "belt_rounds = 0"), "[gate] belt_rounds"),
    (("elevation_deg = [-10.0, 20.0]", "elevation_deg = [20.0, -10.0]"), "[gate] elevation_deg"),
    (("gate = [2350.0, 14900.0]", "gate = [2350.0, 14000.0]"), "[gate] gate"),
    (("target = 40", "target = 70"), "[gate] target"),
    (("spare_belts = 4", "spare_belts = 4\nbelts = 3"), "[gate] unknown key 'belts'"),
    (("count = 10", "count = 0"), "[[gate.squads]] 1: count"),
])
def test_a_bad_gate_table_is_one_line_naming_the_file_and_the_key(tmp_path, monkeypatch, change, key):
    text = (level_module.Path(__file__).parents[3] / "levels" / "breakout" / "level.toml").read_text()
    gate = text[text.index("\n[gate]\n") + 1:]
    assert change[0] in gate
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "mission.py").write_text("")
    (tmp_path / "broken" / "level.toml").write_text(
        'title = "x"\nbriefing = "x"\naircraft = "camel"\nterrain_seed = 1\n'
        "[start]\nnorth = 0.0\neast = 0.0\nheading_deg = 0.0\non_ground = true\n"
        "[aerodrome]\nnorth = 0.0\neast = 0.0\nradius_m = 500.0\n" + gate.replace(*change, 1))
    monkeypatch.setattr("flight.paths.levels_dir", lambda: tmp_path)
    with pytest.raises(LevelFileError) as error:
        level_module.load_level("broken")
    message = str(error.value)
    assert message.startswith(str(tmp_path / "broken" / "level.toml")) and key in message and "\n" not in message
