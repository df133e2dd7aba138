"""The text gauges' format functions, British (imperial) and German (metric), on hand-made snapshots."""
import dataclasses
import math
import types

import numpy as np
import pytest

from flight.hud import airspeed, altimeter, ammunition, compass, damage_gauge as damage, engine, fuel, stall_warning, vertical_speed
from flight.hud.display_units import FEET, KMH, MPH, units_for


def test_units_follow_the_nation():
    assert units_for("british") == "imperial"
    assert units_for("German") == "metric"
    assert MPH == pytest.approx(3600 / 1609.344) and FEET == pytest.approx(1 / 0.3048) and KMH == 3.6


def test_airspeed_is_equivalent_airspeed_in_mph_or_kmh(parked):
    s = dataclasses.replace(parked, eas=np.array([40.0]), airspeed=np.array([44.0]))
    assert airspeed.text(s, "imperial") == "ASI   89 mph"
    assert airspeed.text(s, "metric") == "ASI  144 km/h"


def test_altimeter_in_feet_or_metres(parked):
    s = dataclasses.replace(parked, altitude=np.array([1000.0]))
    assert altimeter.text(s, "imperial") == "ALT  3281 ft"
    assert altimeter.text(s, "metric") == "ALT  1000 m"


def test_vertical_speed_climbs_positive_and_never_shows_minus_zero(parked):
    climbing = dataclasses.replace(parked, vel=np.array([[40.0, 0.0, -5.0]]))
    assert vertical_speed.text(climbing, "imperial") == "VSI  +980 ft/min"
    assert vertical_speed.text(climbing, "metric") == "VSI  +5.0 m/s"
    settling = dataclasses.replace(parked, vel=np.array([[0.0, 0.0, 0.001]]))
    assert vertical_speed.text(settling, "imperial") == "VSI    +0 ft/min"
    assert vertical_speed.text(settling, "metric") == "VSI  +0.0 m/s"


def test_engine_shows_rpm_throttle_and_the_blip_switch(parked):
    s = dataclasses.replace(parked, rpm=np.array([1150.0]), controls=np.array([[0, 0, 0, 1.0, 0, 0]]))
    assert engine.text(s, "imperial") == "RPM 1150  THR 100%"
    blipping = dataclasses.replace(s, controls=np.array([[0, 0, 0, 1.0, 0, 1.0]]))
    assert engine.text(blipping, "metric") == "RPM 1150  THR 100%  BLIP"


@pytest.mark.parametrize("heading_deg, shown", [(0.0, "000"), (90.0, "090"), (-90.0, "270"), (359.6, "000"),
                                                (181.4, "181")])
def test_compass_reads_whole_degrees_from_000_to_359(parked, heading_deg, shown):
    s = dataclasses.replace(parked, euler=np.array([[0.0, 0.0, math.radians(heading_deg)]]))
    assert compass.text(s, "imperial") == f"HDG {shown}"


def test_fuel_in_imperial_gallons_or_litres(parked):
    assert float(parked.fuel[0]) == 72.0  # a full Camel: about 100 litres
    assert fuel.text(parked, "imperial") == "FUEL 22.0 gal"
    assert fuel.text(parked, "metric") == "FUEL  100 l"


def test_the_warning_line_shows_a_stall_in_the_air_and_a_crash_with_its_cause(parked):
    assert stall_warning.text(parked, "imperial") == ""
    stalled = dataclasses.replace(parked, alpha=np.array([0.3]), on_ground=np.array([False]))
    assert stall_warning.text(stalled, "imperial") == "STALL"
    tail_down = dataclasses.replace(parked, alpha=np.array([0.3]))
    assert stall_warning.text(tail_down, "imperial") == "", "no stall warning while sitting on the tail skid"
    crashed = dataclasses.replace(stalled, crashed=np.array([True]), crash_cause=("nose_over",))
    assert stall_warning.text(crashed, "metric") == "CRASHED: nose over"


def with_field(snapshot, **fields):
    """A snapshot carrying fields the simulation does not have yet."""
    return types.SimpleNamespace(**vars(snapshot), **fields)


def test_ammunition_shows_each_gun_and_its_jams_and_nothing_unarmed(parked):
    assert ammunition.text(parked, "imperial") == "AMMO 500 | 500", "a Camel's two Vickers"
    assert ammunition.text(dataclasses.replace(parked, ammunition=None, jammed=None), "imperial") == ""
    armed = dataclasses.replace(parked, ammunition=np.array([[500, 480]]), jammed=np.array([[False, True]]))
    assert ammunition.text(armed, "imperial") == "AMMO 500 | JAM"
    assert ammunition.rounds_text(np.array([97, -1])) == "AMMO  97", "no gun in the second slot"
    assert ammunition.rounds_text(None) == "" and ammunition.rounds_text(97) == "AMMO  97"
    assert ammunition.rounds_text(np.array([-1, -1])) == ""


def test_damage_lists_the_damaged_parts_and_nothing_while_intact(parked):
    assert damage.text(parked, "imperial") == ""
    assert damage.text(dataclasses.replace(parked, damage=np.ones((1, 5))), "imperial") == ""
    hit = dataclasses.replace(parked, damage=np.array([[1.0, 0.7, 1.0, 0.0, 0.3]]))
    assert damage.text(hit, "metric") == "right wing holed\nelevator shot away\nrudder badly hit"
    burning = dataclasses.replace(hit, combat=dataclasses.replace(parked.combat, pilot=np.array([0.6]),
                                                                  burning=np.array([True]),
                                                                  leaking=np.array([True]), smoke=np.array([0.3])))
    assert damage.text(burning, "metric").splitlines()[:4] == ["ON FIRE", "pilot wounded", "engine hit",
                                                              "fuel tank holed"]
