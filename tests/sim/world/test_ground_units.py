"""Ground units: flak bursts at the target's height, a machine-gun post hits a low, slow aircraft, a searchlight
catches and holds a bomber, lorries drive their routes and block a takeoff run, guards run and shoot, and both
sides' gunners shoot at what they see."""
import numpy as np

from flight.sim.dynamics.spec import CRASH_CAUSES
from flight.sim.world.combat.events import FLAK_BURST
from flight.sim.world.combat.ground_units import FLAK, MG
from tests.sim.world.combat_worlds import CRUISE, flying, ground, run, world
from flight.sim.world.world import Slot


def flak_bursts(w, ticks: int) -> tuple[np.ndarray, np.ndarray]:
    """The burst points of `ticks` ticks and the target's altitude at each burst."""
    points, heights = [], []
    for _ in range(ticks):
        before = int(w.combat.events.head[0])
        w.tick(CRUISE)
        after = int(w.combat.events.head[0])
        for k in range(before, after):
            if w.combat.events.kind[k] == FLAK_BURST:
                points.append(w.combat.events.pos[k])
                heights.append(w.fleet.altitude[0])
    return np.array(points).reshape(-1, 3), np.array(heights)


def test_flak_bursts_about_the_target_s_height_and_sometimes_hits():
    w = world([flying("player", "camel", "allied", -1500.0, 0.0, 90.0, altitude=1800.0),
               flying("hun/0", "fokker_d7", "german", -1500.0, 3000.0, 90.0, altitude=1800.0)],
              [ground("archie", "flak", "german", 0.0, 1500.0, count=2)])
    points, heights = flak_bursts(w, 2400)
    assert len(points) >= 8, "two guns, 15 rounds a minute each, for 20 s"
    miss = np.abs(-points[:, 2] - heights)
    assert np.median(miss) < 80.0 and miss.max() < 400.0, "fused for the predicted height"
    assert w.combat.units.target.tolist() == [0, 0], "only the Camel: the Fokker is on the gunners' side"
    assert w.combat.condition.hits_taken[1] == 0


def test_flak_holds_fire_at_low_aircraft_and_out_of_range():
    w = world([flying("player", "camel", "allied", 0.0, 6000.0, 90.0, altitude=1500.0),
               flying("rfc/0", "camel", "allied", 0.0, 300.0, 90.0, altitude=120.0)],
              [ground("archie", "flak", "german", 0.0, 0.0)])
    run(w, 600)
    assert len(w.combat.flak.burst_tick) == 0 and w.combat.units.target[0] == -1


def test_a_machine_gun_post_hits_a_low_slow_aircraft():
    w = world([flying("player", "camel", "allied", -300.0, -100.0, 0.0, altitude=200.0, speed=38.0)],
              [ground("maxim", "mg", "german", 0.0, 0.0)])
    run(w, 1800)
    c = w.combat
    assert c.units.last_shot[0] > 0 and c.condition.hits_taken[0] > 0
    assert c.condition.last_hit_by[0] == w.fleet.n + 0, "the post's rounds, credited to the post"


def test_a_searchlight_catches_a_bomber_crossing_its_beam_and_holds_it():
    w = world([flying("player", "gotha_g5", "allied", 0.0, 0.0, 0.0, altitude=1500.0, speed=38.0)],
              [ground("light", "searchlight", "german", -1200.0, 0.0),
               ground("archie", "flak", "german", -1200.0, 200.0)], time_of_day="night")
    c = w.combat
    light = c.units
    caught = None
    for tick in range(120 * 90):
        w.tick(CRUISE)
        if light.target[0] == 0:
            caught = tick
            break
    assert caught is not None, "the sweep finds it"
    assert caught < 120 * 40, "the sound locator's cue finds it within 40 s"
    held, misses = 0, []
    for _ in range(120 * 15):
        w.tick(CRUISE)
        held += light.target[0] == 0
        to = w.fleet.pos[0] - light.pos[0]
        misses.append(np.degrees(np.arccos(np.clip(light.beam[0] @ to / np.linalg.norm(to), -1.0, 1.0))))
    assert held == 120 * 15 and max(misses) < 3.5 and max(misses[120:]) < 0.5, "followed for 15 s"
    assert w.snapshot().combat.searchlight_target[0] == 0 and w.snapshot().combat.searchlight_on[0]
    assert light.target[1] == 0, "the flak engages what the light holds, out of the gunners' sight at night"


def test_at_night_flak_does_not_see_an_aircraft_no_light_holds():
    w = world([flying("player", "gotha_g5", "allied", 0.0, 1500.0, 0.0, altitude=1500.0, speed=38.0)],
              [ground("archie", "flak", "german", 0.0, 0.0)], time_of_day="night")
    run(w, 600)
    assert w.combat.units.target[0] == -1


def test_a_lorry_drives_its_route_when_ordered_and_stops_at_its_end():
    route = [(100.0, 0.0), (100.0, 100.0), (60.0, 100.0)]
    w = world([flying("player", "camel", "allied", 3000.0, 0.0)],
              [ground("lorry", "truck", "german", 100.0, 0.0, route=route)])
    units = w.combat.units
    run(w, 240)
    assert np.allclose(units.pos[0, :2], [100.0, 0.0]), "waits for its order"
    w.combat.order("lorry", "drive")
    run(w, 120 * 10)
    assert 50.0 < units.pos[0, 1] < 70.0 and abs(units.pos[0, 0] - 100.0) < 0.5, "along the second leg at 6 m/s"
    assert abs(units.heading[0] - np.pi / 2) < 1e-6, "facing east"
    run(w, 120 * 15)
    assert np.hypot(*(units.pos[0, :2] - [60.0, 100.0])) <= 2.0 + 1e-9, "at the end of its route"
    assert abs(units.heading[0] - np.pi) < 0.1, "facing south down its last leg (it cut the corner)"
    height = w.terrain.height_at(units.pos[:1, 0], units.pos[:1, 1])[0]
    assert abs(-units.pos[0, 2] - height) < 0.5, "on the ground"


def test_a_lorry_across_the_takeoff_run_wrecks_the_aircraft_that_hits_it():
    player = Slot("player", "fokker_d7", "german", 0.0, 0.0, 0.0)  # parked, facing north
    w = world([player], [ground("lorry", "truck", "german", 120.0, 0.0, heading_deg=90.0)])
    full = np.array([0.0, 0.0, 0.0, 1.0, 0.0, 0.0])
    for _ in range(120 * 15):
        w.tick(full)
        if w.fleet.crashed[0]:
            break
    assert w.fleet.crashed[0] and CRASH_CAUSES[w.fleet.crash_cause[0]] == "wing_strike"
    assert w.fleet.pos[0, 0] > 100.0, "where the lorry stands"


def test_guards_run_at_the_aircraft_on_the_ground_and_fire():
    player = Slot("player", "fokker_d7", "german", 0.0, 0.0, 0.0)
    w = world([player], [ground("guards", "guards", "german", 150.0, 60.0, count=6)])
    w.combat.order("guards", "advance", target=0)  # the escaping prisoner in the German aircraft
    units = w.combat.units
    start = np.hypot(*(units.pos[0, :2] - w.fleet.pos[0, :2]))
    run(w, 120 * 26, controls=np.zeros(6))
    now = np.hypot(*(units.pos[0, :2] - w.fleet.pos[0, :2]))
    assert start > 150.0 and 75.0 < now < 90.0, "to a rifle shot from it"
    assert units.last_shot[0] > 0 and w.snapshot().combat.ground_count[0] == 6


def test_both_sides_shoot_at_the_player_in_a_stolen_german_aircraft():
    w = world([flying("player", "fokker_d7", "german", 0.0, 0.0, 0.0, altitude=400.0),
               flying("jasta/0", "fokker_d7", "german", 0.0, 100.0, 0.0, altitude=400.0),
               flying("rfc/0", "camel", "allied", 0.0, -100.0, 0.0, altitude=400.0)],
              [ground("german_mg", "mg", "german", 0.0, 300.0), ground("british_mg", "mg", "allied", 0.0, -300.0)])
    run(w, 8)
    kind, target = w.combat.units.kind, w.combat.units.target
    assert (kind == MG).all() and target.tolist() == [0, 0], "the crosses, and the alarm, tell both sides"
    run(w, 120)
    assert FLAK not in kind
