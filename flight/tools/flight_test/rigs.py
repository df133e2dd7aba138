"""Flight-test rigs: N aircraft of one type stepped together at the sim tick, seen through one snapshot format.

`FleetRig` flies our `flight.sim.dynamics`; `JsbsimRig` flies a JSBSim model as the oracle. Both take commands in our
sign conventions and report SI units, so the same test-pilot code flies both.
"""

from __future__ import annotations

import abc
import atexit
import re
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from flight.tools.jsbsim_quiet import silenced

DT = 1.0 / 120.0  # the sim tick (DESIGN.md); JSBSim runs at the same rate
FT = 0.3048
KT = 1852.0 / 3600.0

CONTROL_COLUMNS = {"aileron": 0, "elevator": 1, "rudder": 2, "throttle": 3, "brake": 4, "blip": 5}  # Fleet.controls


@dataclass(frozen=True)
class FlightState:
    """One tick's snapshot of N aircraft; every field is an (N,) array.

    | field          | unit | meaning                                                      |
    |----------------|------|--------------------------------------------------------------|
    | tas, eas       | m/s  | true and equivalent airspeed                                 |
    | alt, hdot      | m    | height above sea level (our ground is flat at 0), climb rate |
    | phi theta psi  | rad  | bank (+ right wing down), pitch, heading (0 north, + east)   |
    | p, q, r        | rad/s| body roll, pitch, yaw rates                                  |
    | alpha, beta    | rad  | angle of attack, sideslip (+ wind from the right)            |
    | nz             | g    | normal load factor, 1 in level flight                        |
    | north, east    | m    | position over the ground                                     |
    | rpm            | 1/min| engine (first engine)                                        |
    | on_ground, crashed | bool |                                                          |
    """

    tas: np.ndarray
    eas: np.ndarray
    alt: np.ndarray
    hdot: np.ndarray
    phi: np.ndarray
    theta: np.ndarray
    psi: np.ndarray
    p: np.ndarray
    q: np.ndarray
    r: np.ndarray
    alpha: np.ndarray
    beta: np.ndarray
    nz: np.ndarray
    on_ground: np.ndarray
    north: np.ndarray
    east: np.ndarray
    rpm: np.ndarray
    crashed: np.ndarray


class Rig(abc.ABC):
    """N aircraft of one type, commanded as (N,) arrays in our conventions: aileron +1 rolls right, elevator +1
    (stick back) pitches nose up, rudder +1 yaws right, throttle 0..1, blip 1 cuts the ignition.

    Example:
        rig = FleetRig("camel", 2)
        rig.reset_air(0, alt=1000.0, tas=45.0)
        rig.reset_ground(1)
        rig.command(elevator=[0.1, 0.0], throttle=1.0)
        rig.step()
        rig.state().tas
    """

    n: int
    controls: np.ndarray  # (N, 6), columns as CONTROL_COLUMNS

    def command(self, *, aileron=None, elevator=None, rudder=None, throttle=None, blip=None) -> None:
        """Set the given controls (scalars or (N,) arrays); the others keep their values."""
        given = dict(aileron=aileron, elevator=elevator, rudder=rudder, throttle=throttle, blip=blip)
        for name, value in given.items():
            if value is not None:
                self.controls[:, CONTROL_COLUMNS[name]] = value

    def _set_initial_controls(self, i: int, throttle: float) -> None:
        self.controls[i] = 0.0
        self.controls[i, CONTROL_COLUMNS["throttle"]] = throttle

    @abc.abstractmethod
    def reset_air(self, i: int, alt: float, tas: float, heading_deg: float = 0.0, throttle: float = 1.0) -> None:
        """Put aircraft i in wings-level flight at alt (m) and true airspeed tas (m/s), engine running."""

    @abc.abstractmethod
    def reset_ground(self, i: int, heading_deg: float = 0.0) -> None:
        """Park aircraft i on its wheels and tail skid at the origin, engine idling."""

    @abc.abstractmethod
    def state(self) -> FlightState:
        """The current snapshot."""

    @abc.abstractmethod
    def step(self) -> None:
        """Advance every aircraft one tick."""

    @abc.abstractmethod
    def static_coefficients(self, alpha_deg: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The whole aircraft's lift and drag coefficients (on its own wing area) at each angle of attack, no
        rotation, sideslip or power: a wind-tunnel sweep, for the drag polar."""


class FleetRig(Rig):
    """Our flight model: one `Fleet` of n identical aircraft."""

    def __init__(self, aircraft: str, n: int):
        from flight.sim.dynamics import DT as FLEET_DT
        from flight.sim.dynamics import Fleet, load_aircraft

        assert FLEET_DT == DT, "the pilots integrate at the sim tick"
        self.n = n
        self.fleet = Fleet([load_aircraft(aircraft)] * n)
        self.controls = self.fleet.controls

    def reset_air(self, i, alt, tas, heading_deg=0.0, throttle=1.0):
        # Aircraft spread east so they never meet, whatever the world later adds.
        self.fleet.reset(i, pos=(0.0, 200.0 * i, -alt), speed=tas, heading=heading_deg, pitch=0.0, roll=0.0,
                         throttle=throttle)
        self._set_initial_controls(i, throttle)

    def reset_ground(self, i, heading_deg=0.0):
        self.fleet.reset(i, on_ground=True, pos=(0.0, 50.0 * i, 0.0), heading=heading_deg)
        self._set_initial_controls(i, 0.0)

    def fail_engine(self, i: int, slot: int) -> None:
        """Stop engine `slot` of aircraft i (a multi-engined type); the others keep running."""
        self.fleet.damage_engine[i, slot] = 0.0

    def state(self):
        f = self.fleet
        roll, pitch, heading = f.euler.T
        p, q, r = f.omega.T
        return FlightState(
            tas=f.airspeed.copy(), eas=f.eas.copy(), alt=f.altitude.copy(), hdot=-f.vel[:, 2],
            phi=roll.copy(), theta=pitch.copy(), psi=heading.copy(), p=p.copy(), q=q.copy(), r=r.copy(),
            alpha=f.alpha.copy(), beta=f.beta.copy(), nz=f.load_factor.copy(), on_ground=f.on_ground.copy(),
            north=f.pos[:, 0].copy(), east=f.pos[:, 1].copy(), rpm=f.rpm.copy(), crashed=f.crashed.copy())

    def step(self):
        self.fleet.step(self.controls, DT)

    def static_coefficients(self, alpha_deg):
        aero = self.fleet.specs[0].aero
        alpha = np.radians(alpha_deg)
        return np.interp(alpha, aero.alpha, aero.CL), np.interp(alpha, aero.alpha, aero.CD)


# JSBSim property for each snapshot field, and the factor to SI.
_JSBSIM_FIELDS = {
    "tas": ("velocities/vt-fps", FT),
    "eas": ("velocities/ve-fps", FT),
    "alt": ("position/h-sl-ft", FT),
    "hdot": ("velocities/h-dot-fps", FT),
    "phi": ("attitude/phi-rad", 1.0),
    "theta": ("attitude/theta-rad", 1.0),
    "psi": ("attitude/psi-rad", 1.0),
    "p": ("velocities/p-rad_sec", 1.0),
    "q": ("velocities/q-rad_sec", 1.0),
    "r": ("velocities/r-rad_sec", 1.0),
    "alpha": ("aero/alpha-rad", 1.0),
    "beta": ("aero/beta-rad", 1.0),
    "nz": ("accelerations/Nz", 1.0),
    "on_ground": ("gear/wow", 1.0),
    "north": ("position/distance-from-start-lat-mt", 1.0),  # signed, from the IC point at latitude 0
    "east": ("position/distance-from-start-lon-mt", 1.0),
    "rpm": ("propulsion/engine/engine-rpm", 1.0),
}
_CRASH_PROPERTY = "systems/crash-detect/crashed"  # the Camel's own crash-detect system
# Read by the dr1's pushback system before anything sets them (the oracle script sets them too).
_PUSHBACK_PROPERTIES = ("/sim/model/pushback/position-norm", "/sim/model/pushback/target-speed-fps",
                        "/sim/model/pushback/kp", "/sim/model/pushback/ki", "/sim/model/pushback/kd",
                        "/gear/gear/wow")
LB = 0.45359237


@cache
def _heavier_aircraft_folder(root: str, model: str, added_mass_kg: float) -> str:
    """A temporary aircraft folder holding a copy of `model` with a point mass of added_mass_kg at its CG: the
    shipped dr1 has no pilot, guns or ammunition (429 kg against the historical 586 kg; the oracle's dr1_gross)."""
    folder = Path(tempfile.mkdtemp(prefix="flight-test-jsbsim-"))
    atexit.register(shutil.rmtree, folder, True)
    shutil.copytree(Path(root) / "aircraft" / model, folder / model)
    xml = folder / model / f"{model}.xml"
    text = xml.read_text()
    cg = re.search(r'<location name="CG" unit="IN">(.*?)</location>', text, re.S).group(1)
    point = (f'<pointmass name="added by the flight tests"><weight unit="LBS">{added_mass_kg / LB:.2f}</weight>'
             f'<location unit="IN">{cg}</location></pointmass></mass_balance>')
    xml.write_text(text.replace("</mass_balance>", point, 1))
    return str(folder)


class JsbsimRig(Rig):
    """A JSBSim model (default: the Camel that ships with the jsbsim wheel), n independent FGFDMExec instances;
    `added_mass_kg` puts that much more at its CG.

    JSBSim's elevator-cmd-norm +1 is nose down and rudder-cmd-norm +1 nose left, so both are negated; the tail skid
    is steered with the rudder bar (steer-cmd-norm +1 yaws right). Blip turns the magnetos off and back on.
    """

    def __init__(self, model: str = "Camel", n: int = 1, added_mass_kg: float = 0.0):
        import jsbsim

        self._jsbsim = jsbsim
        self.model = model
        self.added_mass_kg = added_mass_kg
        self.n = n
        self.controls = np.zeros((n, len(CONTROL_COLUMNS)))
        self.execs = [None] * n

    def _new_exec(self):
        with silenced(self._jsbsim):
            fdm = self._jsbsim.FGFDMExec(self._jsbsim.get_default_root_dir())
            fdm.set_debug_level(0)
            if self.added_mass_kg:
                fdm.set_aircraft_path(_heavier_aircraft_folder(self._jsbsim.get_default_root_dir(), self.model,
                                                               self.added_mass_kg))
            for name in _PUSHBACK_PROPERTIES:
                fdm[name] = 0.0
            fdm.load_model(self.model)
        fdm.set_dt(DT)
        if not fdm.get_property_manager().hasNode(_CRASH_PROPERTY):
            fdm[_CRASH_PROPERTY] = 0.0  # a model without crash detection never reports a crash
        return fdm

    def _start_engine(self, fdm, throttle: float) -> None:
        fdm["propulsion/set-running"] = -1
        fdm["propulsion/magneto_cmd"] = 3
        # The Camel leans itself (automixture system); the dr1 runs full rich, as the oracle's below 1,000 m.
        fdm["fcs/mixture-cmd-norm"] = 1.0
        fdm["fcs/throttle-cmd-norm"] = throttle

    def reset_air(self, i, alt, tas, heading_deg=0.0, throttle=1.0):
        fdm = self._new_exec()
        fdm["ic/h-sl-ft"] = alt / FT
        fdm["ic/terrain-elevation-ft"] = min(-3000.0, alt / FT - 3000.0)  # far below: no ground effect
        fdm["ic/vt-kts"] = tas / KT
        fdm["ic/gamma-deg"] = 0.0
        fdm["ic/psi-true-deg"] = heading_deg
        with silenced(self._jsbsim):
            fdm.run_ic()
        self._start_engine(fdm, throttle)
        self.execs[i] = fdm
        self._set_initial_controls(i, throttle)

    def reset_ground(self, i, heading_deg=0.0):
        fdm = self._new_exec()
        fdm["ic/terrain-elevation-ft"] = 0.0
        fdm["ic/h-agl-ft"] = 0.1
        fdm["ic/vt-kts"] = 0.0
        fdm["ic/psi-true-deg"] = heading_deg
        with silenced(self._jsbsim):
            fdm.run_ic()
            fdm["simulation/do_simple_trim"] = 2  # settle on the gear
        self._start_engine(fdm, 0.0)
        self.execs[i] = fdm
        self._set_initial_controls(i, 0.0)

    def static_coefficients(self, alpha_deg):
        """Sampled with run_ic at 80 kt and 3,000 ft, engine stopped, as the oracle script's sweep; run twice so
        that terms in alpha-dot see it zero."""
        fdm = self._new_exec()
        lift, drag = [], []
        for alpha in alpha_deg:
            for name, value in (("ic/h-sl-ft", 3000.0), ("ic/terrain-elevation-ft", -3000.0), ("ic/vt-kts", 80.0),
                                ("ic/alpha-deg", float(alpha)), ("ic/beta-deg", 0.0), ("ic/gamma-deg", 0.0)):
                fdm[name] = value
            with silenced(self._jsbsim):
                fdm.run_ic()
                fdm.run_ic()
            qs = fdm["aero/qbar-psf"] * fdm["metrics/Sw-sqft"]
            lift.append(fdm["forces/fwz-aero-lbs"] / qs)
            drag.append(fdm["forces/fwx-aero-lbs"] / qs)
        return np.array(lift), np.array(drag)

    def state(self):
        columns = {name: np.array([fdm[prop] for fdm in self.execs]) * scale
                   for name, (prop, scale) in _JSBSIM_FIELDS.items()}
        columns["on_ground"] = columns["on_ground"] > 0.5
        columns["crashed"] = np.array([fdm[_CRASH_PROPERTY] > 0.5 for fdm in self.execs])
        return FlightState(**columns)

    def step(self):
        col = CONTROL_COLUMNS
        for fdm, u in zip(self.execs, self.controls):
            fdm["fcs/aileron-cmd-norm"] = u[col["aileron"]]
            fdm["fcs/elevator-cmd-norm"] = -u[col["elevator"]]
            fdm["fcs/rudder-cmd-norm"] = -u[col["rudder"]]
            fdm["fcs/steer-cmd-norm"] = u[col["rudder"]]
            fdm["fcs/throttle-cmd-norm"] = u[col["throttle"]]
            fdm["propulsion/magneto_cmd"] = 0 if u[col["blip"]] > 0.5 else 3
            fdm.run()
