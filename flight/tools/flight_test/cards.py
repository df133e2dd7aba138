"""Test cards: for each type, how the acceptance maneuvers are flown (start speeds, heights, the take-off's
rotation) and which JSBSim model, if any, flies beside ours. The tests and `flight report` read the same cards,
so a figure in the report is the figure the tests hold to a band."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from flight.tools.flight_test.maneuvers import SEA_LEVEL_ALT, MakeRig
from flight.tools.flight_test.rigs import FleetRig, JsbsimRig

DR1_MISSING_MASS_KG = 157.4  # JSBSim's dr1 weighs 428.6 kg, without pilot, guns or ammunition; history 586 kg


@dataclass(frozen=True)
class TestCard:
    """One type's flight-test programme; speeds are equivalent airspeeds, km/h."""

    __test__ = False  # not a pytest test class

    aircraft: str                       # our file in models/aircraft
    title: str
    top_speed_altitudes_m: tuple[float, ...]
    top_speed_start_kmh: float
    stall_start_kmh: float
    cruise_kmh: float                   # for the roll and hands-off: about 0.85 Vmax, the oracle's cruise
    climb_top_m: float                  # time to this height
    rotate_kmh: float = 60.0            # the take-off's rotation
    turn_start_kmh: float = 160.0
    # The climb's speed sweep: 12 speeds from 1.25 Vs (the oracle's), or (fraction of Vmax, count) from a fraction
    # of Vmax: the Gotha's best climb lies below 1.25 Vs, which the oracle's sweep would not bracket.
    climb_sweep_from_vmax: tuple[float, int] | None = None
    jsbsim_model: str | None = None     # flown beside ours where the jsbsim package is installed
    jsbsim_added_mass_kg: float = 0.0
    # The bands the tests hold our figures to (fdm-reference.md §6, the issues), by figure; top speeds by height.
    bands: dict = field(default_factory=dict)
    limit_load: float = 5.0             # g, the structural limit the report draws (the model does not break)

    def ours(self) -> MakeRig:
        return partial(FleetRig, self.aircraft)

    def jsbsim(self) -> MakeRig | None:
        if self.jsbsim_model is None:
            return None
        return partial(JsbsimRig, self.jsbsim_model, added_mass_kg=self.jsbsim_added_mass_kg)


CARDS = {card.aircraft: card for card in (
    TestCard("camel", "Sopwith Camel F.1", (SEA_LEVEL_ALT, 3000.0), 170.0, 110.0, 160.0, 3048.0,
             jsbsim_model="Camel", bands=dict(
                 top_speed_kmh={SEA_LEVEL_ALT: (175, 200)}, stall_kmh=(62, 80), climb_m_s=(4.7, 6.3),
                 time_to_top_min=(9, 12.5), sustained_turn_deg_s=(20, 32), roll_deg_s=(30, 70),
                 takeoff_roll_m=(60, 150))),
    TestCard("fokker_dr1", "Fokker Dr.I", (SEA_LEVEL_ALT, 1000.0), 160.0, 100.0, 150.0, 1000.0,
             turn_start_kmh=140.0, jsbsim_model="dr1", jsbsim_added_mass_kg=DR1_MISSING_MASS_KG, bands=dict(
                 top_speed_kmh={1000.0: (160, 185)}, stall_kmh=(60, 75), climb_m_s=(5, 7), time_to_top_min=(2.5, 3.5),
                 roll_deg_s=(40, 90), takeoff_roll_m=(50, 150))),
    TestCard("fokker_d7", "Fokker D.VII", (SEA_LEVEL_ALT,), 180.0, 120.0, 165.0, 3000.0, rotate_kmh=70.0,
             climb_sweep_from_vmax=(0.5, 10), bands=dict(
                 top_speed_kmh={SEA_LEVEL_ALT: (180, 205)}, climb_m_s=(4, 6.5), takeoff_roll_m=(0, 250))),
    TestCard("gotha_g5", "Gotha G.V", (SEA_LEVEL_ALT, 1000.0, 3500.0), 130.0, 110.0, 120.0, 3000.0,
             rotate_kmh=80.0, turn_start_kmh=125.0, limit_load=3.0, climb_sweep_from_vmax=(0.5, 10), bands=dict(
                 top_speed_kmh={1000.0: (130, 145), 3500.0: (120, 140)}, time_to_top_min=(24, 32),
                 roll_deg_s=(8, 20), takeoff_roll_m=(0, 500))),
)}
