"""The fighting on screen (offscreen on Mesa): tracers, flashes and smoke are a few Geoms filled from the snapshot,
the ground units stand where the world has them, a searchlight's beam shows while it burns, R clears a jam."""
import dataclasses

import numpy as np
import pytest

from flight.app.app import FlightApp
from flight.app.flight.ground_nodes import BEAM_LENGTH, EYE_CLEAR_M, GroundNodes, beam_reach
from flight.sim.command import CLEAR_JAM, FIRE
from flight.sim.world.combat.ground_units import SEARCHLIGHT


@pytest.fixture(scope="module")
def app():
    app = FlightApp("offscreen", size=(480, 270), record_replays=False)
    app.router.go("flight", level="escape")  # one flight for all: Level 1 has every kind of ground unit but lights
    yield app
    app.close()


def test_tracers_flashes_and_ground_units_come_from_the_snapshot(app):
    view = app.router.screen.view
    view.paused = True
    world = view.world
    controls = np.array([0.0, 0.0, 0.0, 1.0, 0.0, 0.0])
    for _ in range(360):  # three seconds of the takeoff run with the guns firing
        view.previous_pose = world.fleet.pos.copy(), world.fleet.quat.copy()
        view.sortie.tick(controls, FIRE)
    view.latest = world.snapshot()
    view.draw(0.5)
    app.task_mgr.step()
    effects = view.effects
    assert len(view.latest.combat.tracer_pos) > 0
    assert effects.tracers.data.get_num_rows() == 2 * len(view.latest.combat.tracer_pos)
    assert effects.glow.data.get_num_rows() % 6 == 0 and effects.smoke.data.get_num_rows() % 6 == 0
    assert effects.root.find_all_matches("**/+GeomNode").get_num_paths() >= 3
    ground = effects.ground
    assert len(ground.units) == len(world.combat.units)
    truck = world.combat.units.units["truck"][0]
    x, y, _ = ground.units[truck].get_pos(view.root)
    assert (y, x) == pytest.approx(tuple(world.combat.units.pos[truck, :2]), abs=1e-3)
    assert not ground.units[0].find("**/gun").is_empty(), "the Maxim model, with its moving gun"


def test_a_searchlight_beam_shows_only_while_the_light_burns(app):
    view = app.router.screen.view
    combat = view.latest.combat
    lights = dataclasses.replace(combat, ground_kind=np.full_like(combat.ground_kind, SEARCHLIGHT),
                                 searchlight_on=np.ones(len(combat.ground_kind), dtype=bool),
                                 searchlight_beam=np.tile([0.5, 0.0, -0.866], (len(combat.ground_kind), 1)))
    nodes = GroundNodes(view.root, lights)
    nodes.draw(lights, view.latest.pos)
    assert len(nodes.beams) == len(combat.ground_kind) and not nodes.beams[0].is_hidden()
    lamp = nodes.parts[0]["lamp"]
    assert lamp.get_p() == pytest.approx(60.0, abs=0.01), "pointing 60 degrees up"
    nodes.draw(dataclasses.replace(lights, searchlight_on=np.zeros(len(combat.ground_kind), dtype=bool)),
               view.latest.pos)
    assert nodes.beams[0].is_hidden()
    nodes.destroy()


def test_r_clears_a_jam(app):
    view = app.router.screen.view
    app.messenger.send("r")
    assert view.keys.update(1.0 / 120.0).buttons & CLEAR_JAM
    app.messenger.send("r-up")
    assert not view.keys.update(1.0 / 120.0).buttons & CLEAR_JAM


def test_a_beam_over_the_camera_ends_short_of_it():
    lamp, up = np.zeros(3), np.array([0.0, 0.0, -1.0])  # straight up from the lamp (NED)
    assert beam_reach(lamp, up, np.array([0.0, 0.0, -1000.0])) == (1000.0 - EYE_CLEAR_M) / BEAM_LENGTH
    assert beam_reach(lamp, up, np.array([20.0, 0.0, -1000.0])) < 1.0, "in the cone, off its axis"
    assert beam_reach(lamp, up, np.array([500.0, 0.0, -1000.0])) == 1.0, "well clear of it"
    assert beam_reach(lamp, up, np.array([0.0, 0.0, 200.0])) == 1.0, "behind the lamp"
