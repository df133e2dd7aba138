"""Guns, bullets, hits and damage: the aircraft files' guns, ballistics against the closed form, a burst that hits,
what hits do to the flight model, jams and clearing them, and the score."""

import numpy as np
import pytest

from flight.sim.command import CLEAR_JAM, FIRE
from flight.sim.dynamics import DT, quaternion
from flight.sim.dynamics.atmosphere import GRAVITY
from flight.sim.dynamics.spec import AircraftFileError, aircraft_path
from flight.sim.world.combat.bullets import Bullets
from flight.sim.world.combat.guns import guns_of, load_guns
from flight.sim.world.combat.hits import ENGINE, FUEL_TANK, LEFT_WING, PILOT
from tests.sim.world.combat_worlds import CRUISE, flying, run, world


def test_each_type_has_its_guns_from_its_file():
    from flight.sim.dynamics import load_aircraft
    camel, fokker, gotha = (guns_of(load_aircraft(n)) for n in ("camel", "fokker_d7", "gotha_g5"))
    assert [g.mount for g in camel] == ["synchronised"] * 2 and camel[0].muzzle_velocity == 744.0
    assert all(450 <= g.rate_rpm <= 500 and g.rounds == 500 and g.caliber_mm == 7.7 for g in camel)
    assert [g.mount for g in fokker] == ["synchronised"] * 2 and fokker[0].muzzle_velocity == 890.0
    assert [g.mount for g in gotha] == ["flexible"] * 2 and gotha[0].rate_rpm == 700.0
    assert gotha[1].direction[0] < 0.0, "the rear gun covers the rear"


def test_a_bad_gun_table_is_one_line_naming_the_file_and_key(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(aircraft_path("camel").read_text().replace('mount = "synchronised"', 'mount = "turret"', 1))
    with pytest.raises(AircraftFileError, match=r"bad\.toml: \[\[guns\]\] #1 mount: expected one of") as e:
        load_guns(path)
    assert "\n" not in str(e.value)


def fired(drag: float, ticks: int):
    b = Bullets()
    b.add(np.array([[0.0, 0.0, -1000.0]]), np.array([[744.0, 0.0, -20.0]]), np.array([drag]), np.array([0]), 0,
          np.array([True]))
    for _ in range(ticks):
        b.advance(DT)
    return b


def test_without_drag_a_bullet_follows_the_closed_form_parabola():
    b = fired(0.0, 240)
    t = 240 * DT
    expected = np.array([744.0 * t, 0.0, -1000.0 - 20.0 * t + 0.5 * GRAVITY * t * t])
    assert np.allclose(b.pos[0], expected, rtol=0, atol=1e-9)
    assert np.allclose(b.vel[0], [744.0, 0.0, -20.0 + GRAVITY * t], atol=1e-12)


def test_drag_slows_a_303_round_as_the_tables_say():
    from flight.sim.world.combat.guns import load_guns
    k = load_guns(aircraft_path("camel"))[0].drag_per_m
    b = fired(k, 1)
    ticks = 1
    while b.pos[0, 0] < 300.0:
        b.advance(DT)
        ticks += 1
    speed = np.linalg.norm(b.vel[0])
    assert 560.0 < speed < 680.0, "a .303 Mk VII keeps about 80-90 % of its speed at 300 m"
    assert b.pos[0, 0] < fired(0.0, ticks).pos[0, 0], "drag shortens the range"
    # horizontal flight under drag alone: v = v0 / (1 + k v0 t) (gravity changes it by far less than 1 %)
    assert speed == pytest.approx(np.hypot(744.0, 20.0) / (1.0 + k * np.hypot(744.0, 20.0) * ticks * DT), rel=0.01)


def hold_sight(w, shooter: int = 0, target: int = 1, gun_height: float = 0.62) -> None:
    """A steady pilot: the shooter's guns held on the target's centre (the test flies the sight, not the stick)."""
    f = w.fleet
    d = f.pos[target] - (f.pos[shooter] + [0.0, 0.0, -gun_height])
    pitch, heading = np.arctan2(-d[2], np.hypot(d[0], d[1])), np.arctan2(d[1], d[0])
    f.quat[shooter] = quaternion.from_euler(np.array([0.0]), np.array([pitch]), np.array([heading]))[0]
    f.omega[shooter] = 0.0


def test_a_burst_at_a_target_flying_straight_and_level_at_150_m_hits_it():
    w = world([flying("player", "camel", "allied", 0.0, 0.0), flying("hun/0", "fokker_d7", "german", 150.0, 0.0)])
    for _ in range(120):  # a one-second burst: eight rounds from each gun
        hold_sight(w)
        w.tick(CRUISE, FIRE)
    c = w.combat
    assert w.shots_fired[0] == 16 and c.rounds.tolist()[:2] == [492, 492]
    assert c.condition.hits[0] >= 6 and c.condition.hits_taken[1] == c.condition.hits[0]
    assert c.condition.last_hit_by[1] == 0 and c.condition.hits_taken[0] == 0
    snap = w.snapshot()
    assert snap.ammunition[0].tolist() == [492, 492] and snap.damage.shape == (2, 5)


def test_without_the_trigger_nothing_fires_and_a_dead_engine_stops_synchronised_guns():
    w = world([flying("player", "camel", "allied", 0.0, 0.0)])
    run(w, 60)
    assert w.shots_fired[0] == 0 and len(w.combat.bullets) == 0
    w.fleet.engine_omega[0] = 0.0
    w.fleet.damage_engine[0] = 0.0
    run(w, 60, FIRE)
    assert w.shots_fired[0] == 0, "the interrupter gear fires only while the propeller turns"


def strike(w, aircraft: int, part: int, times: int, engine: int = 0) -> None:
    for _ in range(times):
        w.combat.condition.strike(w.fleet, w.rng, np.array([aircraft]), np.array([part]), np.array([engine]),
                                  np.array([False]), np.array([0]))


def test_a_wing_shot_away_rolls_the_aircraft_over_and_it_is_downed():
    w = world([flying("player", "camel", "allied", 0.0, 0.0), flying("hun/0", "fokker_d7", "german", 0.0, 500.0),
               flying("hun/1", "fokker_d7", "german", 0.0, 1000.0)])
    strike(w, 1, LEFT_WING, 200)
    assert w.fleet.damage[1, 0] == 0.0 and w.fleet.damage[2, 0] == 1.0
    rolls = []
    for _ in range(180):
        w.tick(CRUISE)
        rolls.append(w.fleet.euler[:, 0].copy())
    rolls = np.array(rolls)
    assert rolls[:, 1].min() < -np.radians(90.0), "the left wing drops: rolled on her back within 1.5 s"
    assert np.abs(rolls[:, 2]).max() < np.radians(10.0), "her intact twin flies on"
    assert w.combat.condition.downed[1] and w.combat.condition.downed_by[1] == 0 and not w.combat.condition.downed[2]


def test_a_dead_engine_gives_no_thrust_and_a_holed_tank_leaks():
    w = world([flying("player", "camel", "allied", 0.0, 0.0), flying("hun/0", "fokker_d7", "german", 0.0, 500.0),
               flying("hun/1", "fokker_d7", "german", 0.0, 1000.0)])
    strike(w, 1, ENGINE, 40)
    strike(w, 2, FUEL_TANK, 3)
    assert w.fleet.damage_engine[1, 0] == 0.0 and w.combat.condition.leak[2] > 0.05
    fuel = w.fleet.fuel.copy()
    run(w, 600)
    f = w.fleet
    thrust, power = f.engine_output(ignition=np.ones(3))
    assert power[1, 0] == 0.0 and thrust[1, 0] <= 0.0 < thrust[2, 0], "windmilling: no power, no thrust"
    energy = f.altitude + f.airspeed * f.airspeed / (2.0 * GRAVITY)
    assert energy[1] < energy[2] - 30.0, "losing height or speed, as she glides"
    burnt = fuel - w.fleet.fuel
    assert burnt[2] > burnt[1] + 0.25, "fuel runs out of the holes as well as into the engine"


def test_a_killed_pilot_slumps_on_the_stick_and_a_wounded_ai_pilot_flies_worse():
    w = world([flying("player", "camel", "allied", 0.0, 0.0), flying("hun/0", "fokker_d7", "german", 0.0, 500.0)])
    strike(w, 1, PILOT, 10)
    assert w.combat.condition.pilot[1] == 0.0
    run(w, 240)
    assert w.fleet.applied[1, 1] < -0.3 and w.combat.condition.downed[1]
    assert w.fleet.euler[1, 1] < -np.radians(20.0), "nose down"
    assert w.snapshot().combat.pilot[1] == 0.0


def test_jams_come_with_long_bursts_and_the_player_clears_them():
    w = world([flying("player", "camel", "allied", 0.0, 0.0)])
    c = w.combat
    c.heat[:] = 4000.0  # a barrel hot from a long burst: a jam within a few rounds
    for _ in range(600):
        w.tick(CRUISE, FIRE)
        if c.jammed.any():
            break
    assert c.jammed.any() and w.snapshot().jammed[0].any()
    stuck = c.jammed.copy()
    rounds = c.rounds.copy()
    run(w, 240, FIRE)
    assert c.jammed[stuck].all() and (c.rounds[stuck] == rounds[stuck]).all(), "a jam lasts until cleared"
    for _ in range(1200):
        w.tick(CRUISE, CLEAR_JAM)
        if not c.jammed.any():
            break
    assert not c.jammed.any()
    run(w, 30, FIRE)
    assert (c.rounds[stuck] < rounds[stuck]).all(), "firing again"


def test_the_score_names_who_brought_an_aircraft_down():
    w = world([flying("player", "camel", "allied", 0.0, 0.0), flying("hun/0", "fokker_d7", "german", 150.0, 0.0)])
    for _ in range(600):
        hold_sight(w)
        w.tick(CRUISE, FIRE)
        if w.combat.condition.downed[1]:
            break
    c = w.combat.condition
    assert c.downed[1] and c.downed_by[1] == 0 and c.hits[0] > 0


def test_a_bomber_s_rear_gunner_fires_at_a_fighter_on_its_tail_and_not_at_a_friend():
    w = world([flying("player", "gotha_g5", "allied", 0.0, 0.0, 0.0, speed=38.0),
               flying("jasta/0", "fokker_d7", "german", -150.0, 0.0, 0.0, altitude=1005.0, speed=40.0),
               flying("rfc/0", "camel", "allied", 100.0, 60.0, 0.0, speed=40.0)])
    run(w, 240)  # the player's trigger is not pressed: the gunners fire of their own accord
    c = w.combat
    nose, rear = np.flatnonzero(c.guns.owner == 0)
    assert c.target[rear] == 1 and c.rounds[rear] < 500 and c.rounds[nose] == 500
    assert c.condition.hits_taken[1] > 0 and c.condition.hits_taken[2] == 0


def test_a_gunner_holds_fire_while_a_friendly_bomber_is_in_his_line():
    def box(wingman_east: float):
        return world([flying("player", "gotha_g5", "allied", 0.0, 0.0, 0.0, speed=38.0),
                      flying("jasta/0", "fokker_d7", "german", -200.0, 0.0, 0.0, altitude=1005.0, speed=40.0),
                      flying("box/0", "gotha_g5", "allied", -80.0, wingman_east, 0.0, altitude=1002.0, speed=38.0)])
    blocked, clear = box(0.0), box(60.0)  # the wingman astern, between the gunner and the fighter, or beside
    run(blocked, 240)
    run(clear, 240)
    rear = np.flatnonzero(blocked.combat.guns.owner == 0)[1]
    assert blocked.combat.rounds[rear] == 500 and blocked.combat.condition.hits_taken[2] == 0
    assert clear.combat.rounds[rear] < 500
