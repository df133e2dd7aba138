"""Per-aircraft constants of a Fleet: its specs stacked into arrays with a leading (N,) axis, and packed for the
kernels into three tables (`aircraft` (N, A), `engines` (N, E, B), `contacts` (N, P, C); the column names below).

Types with fewer engines or contact points than the largest in the fleet are padded with inert entries (mask 0),
so mixed fleets step with one code path. Imports numpy, the standard library and flight.sim.dynamics only.
"""
import math

import numpy as np

from flight.sim.dynamics.spec import AERO_DERIVATIVES, CRASH_CAUSES, AircraftSpec
from flight.sim.dynamics.stablemath import pow1
from flight.sim.dynamics.tables import ADVANCE_RATIO_GRID, ALPHA_GRID, RPM_FRACTION_GRID, TableSet

DAMAGE_PARTS = ("left_wing", "right_wing", "ailerons", "elevator", "rudder")

# columns of FleetParams.aircraft
(MASS_DRY, WING_AREA, SPAN, CHORD, INDUCED_DRAG, PANEL_Y, LAPSE_A, LAPSE_B, LAPSE_C, CONTACT_REACH, HAS_BRAKES,
 MAX_SINK_RATE, MAX_TOUCHDOWN_SPEED) = (0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13)  # PANEL_Y: left, right
INERTIA, INERTIA_INV, DERIVATIVES = 14, 23, 32  # 3x3 row by row, 3x3, then AERO_DERIVATIVES in order
(CY_BETA, CL_BETA, CN_BETA, CL_P, CN_P, CM_Q, CL_R, CN_R, CL_DA, CN_DA, CM_DE, CY_DR, CL_DR,
 CN_DR) = range(DERIVATIVES, DERIVATIVES + len(AERO_DERIVATIVES))
AIRCRAFT_COLUMNS = DERIVATIVES + len(AERO_DERIVATIVES)
# columns of FleetParams.engines
(ENGINE_MASK, RATED_POWER, RATED_OMEGA, IDLE_FRACTION, FRICTION_TORQUE, INV_ROTATING_INERTIA, SPIN_INERTIA, HUB_Z,
 SFC, PROP_DIAMETER, PROP_DIAMETER_4, TAIL_Q_PER_THRUST, YAW_ARM, TORQUE_ROLL) = range(14)
ENGINE_COLUMNS = 14
# columns of FleetParams.contacts
(POS_X, POS_Y, POS_Z, IS_GEAR, IS_WHEEL, IS_STRUCTURE, STIFFNESS, DAMPING, ROLLING_FRICTION, SIDE_FRICTION, STEER,
 CRASH_CAUSE) = range(12)
CONTACT_COLUMNS = 12


def lapse_quadratic(exponent: float) -> tuple[float, float, float]:
    """(a, b, c) with a + b s + c s^2 through s**exponent at s = 0.3, 0.65, 1.0 (density ratios from about
    11 km to sea level; within 0.5 % in between for exponents 0.7-1.3). stablemath's pow, not `**` (the C
    library's pow): the same bits everywhere."""
    (x0, x1, x2) = (0.3, 0.65, 1.0)
    y0, y1, y2 = (pow1(x, exponent) for x in (x0, x1, x2))
    # Newton's divided differences
    d01, d12 = (y1 - y0) / (x1 - x0), (y2 - y1) / (x2 - x1)
    c = (d12 - d01) / (x2 - x0)
    b = d01 - c * (x0 + x1)
    a = y0 - b * x0 - c * x0 * x0
    return a, b, c


def _length(v) -> float:
    x, y, z = v
    return math.sqrt(x * x + y * y + z * z)


def inverse_3x3(m: np.ndarray) -> np.ndarray:
    """Inverses of (N, 3, 3) matrices by cofactors: plain arithmetic, so the same bits on every CPU (LAPACK's
    kernels may round differently from one machine to the next, and replays must not)."""
    a, b, c = m[:, 0, 0], m[:, 0, 1], m[:, 0, 2]
    d, e, f = m[:, 1, 0], m[:, 1, 1], m[:, 1, 2]
    g, h, i = m[:, 2, 0], m[:, 2, 1], m[:, 2, 2]
    cofactors = np.stack([e * i - f * h, c * h - b * i, b * f - c * e,
                          f * g - d * i, a * i - c * g, c * d - a * f,
                          d * h - e * g, b * g - a * h, a * e - b * d], axis=-1).reshape(-1, 3, 3)
    determinant = a * cofactors[:, 0, 0] + b * cofactors[:, 1, 0] + c * cofactors[:, 2, 0]
    return cofactors / determinant[:, None, None]


class FleetParams:
    """Constant arrays for N aircraft. Shapes: (N,), engines (N, E), contact points (N, P[, 3])."""

    def __init__(self, specs: list[AircraftSpec]):
        def per_aircraft(get) -> np.ndarray:
            return np.array([get(s) for s in specs], dtype=float)

        self.n = len(specs)
        self.mass_dry = per_aircraft(lambda s: s.mass_empty + s.payload)
        self.fuel_capacity = per_aircraft(lambda s: s.fuel)
        self.inertia = per_aircraft(lambda s: s.inertia)
        self.inertia_inv = inverse_3x3(self.inertia)
        self.wing_area = per_aircraft(lambda s: s.wing_area)
        self.span = per_aircraft(lambda s: s.span)
        self.chord = per_aircraft(lambda s: s.chord)
        self.panel_y = (0.25 * self.span)[:, None] * np.array([-1.0, 1.0])  # wing panel centres
        self.induced_drag_factor = per_aircraft(lambda s: s.aero.induced_drag_factor)
        self.deriv = {k: per_aircraft(lambda s, k=k: s.aero.derivatives[k]) for k in AERO_DERIVATIVES}
        self.aero_tables = TableSet(ALPHA_GRID, [(s.aero.alpha, [s.aero.CL, s.aero.CD, s.aero.Cm]) for s in specs])
        self._engines(specs)
        self._contacts(specs)
        self._pack()

    def _engines(self, specs: list[AircraftSpec]):
        e_max = max(len(s.engine.positions) for s in specs)
        self.engine_mask = np.zeros((self.n, e_max))
        self.hub = np.zeros((self.n, e_max, 3))
        for i, s in enumerate(specs):
            k = len(s.engine.positions)
            self.engine_mask[i, :k] = 1.0
            self.hub[i, :k] = s.engine.positions
        eng = [s.engine for s in specs]
        column = lambda values: np.array(values, dtype=float)[:, None]  # noqa: E731 - broadcasts over engines
        self.rated_power = column([e.power for e in eng]) * self.engine_mask
        self.rated_omega = column([e.rated_rpm * np.pi / 30.0 for e in eng])
        self.idle_fraction = column([e.idle_power_fraction for e in eng])
        self.friction_torque = column([e.friction_power_fraction * e.power / (e.rated_rpm * np.pi / 30.0)
                                       for e in eng])
        self.rotating_inertia = column([e.rotating_inertia for e in eng])
        self.inv_rotating_inertia = self.engine_mask / self.rotating_inertia
        self.rotation = column([e.rotation for e in eng]) * self.engine_mask
        self.spin_inertia = self.rotation * self.rotating_inertia  # angular momentum along body x per rad/s
        self.hub_y, self.hub_z = self.hub[:, :, 1], self.hub[:, :, 2]
        self.sfc = column([e.specific_fuel_consumption for e in eng])
        self.power_curve = TableSet(RPM_FRACTION_GRID, [(e.rpm_fraction, [e.power_fraction]) for e in eng])
        self.lapse_a, self.lapse_b, self.lapse_c = np.array([lapse_quadratic(e.power_lapse_exponent) for e in eng]).T
        props = [s.propeller for s in specs]
        self.prop_diameter = column([p.diameter for p in props])
        d2 = self.prop_diameter * self.prop_diameter  # products, not np.power: the same bits on every CPU
        self.prop_diameter_4 = d2 * d2
        self.prop_disc_area = np.pi / 4.0 * d2
        self.propeller_tables = TableSet(ADVANCE_RATIO_GRID, [(p.advance_ratio, [p.thrust_coefficient,
                                                                                 p.power_coefficient]) for p in props])
        self.tail_in_slipstream = column([p.tail_in_slipstream for p in props])
        self.swirl_yaw_arm = column([p.swirl_yaw_arm for p in props])
        self.torque_roll = -self.rotation * (1.0 - column([p.swirl_roll_fraction for p in props]))

    def _pack(self):
        """The kernels' copies: the same values (and for the two derived columns the same arithmetic) as above."""
        n, e = self.engine_mask.shape
        a = self.aircraft = np.zeros((n, AIRCRAFT_COLUMNS))
        g = self.gear
        for column, values in ((MASS_DRY, self.mass_dry), (WING_AREA, self.wing_area), (SPAN, self.span),
                               (CHORD, self.chord), (INDUCED_DRAG, self.induced_drag_factor),
                               (PANEL_Y, self.panel_y[:, 0]), (PANEL_Y + 1, self.panel_y[:, 1]),
                               (LAPSE_A, self.lapse_a), (LAPSE_B, self.lapse_b), (LAPSE_C, self.lapse_c),
                               (CONTACT_REACH, self.contact_reach), (HAS_BRAKES, g.has_brakes),
                               (MAX_SINK_RATE, g.max_sink_rate), (MAX_TOUCHDOWN_SPEED, g.max_touchdown_speed)):
            a[:, column] = values
        a[:, INERTIA:INERTIA + 9] = self.inertia.reshape(n, 9)
        a[:, INERTIA_INV:INERTIA_INV + 9] = self.inertia_inv.reshape(n, 9)
        for k, name in enumerate(AERO_DERIVATIVES):
            a[:, DERIVATIVES + k] = self.deriv[name]
        b = self.engines = np.zeros((n, e, ENGINE_COLUMNS))
        for column, values in ((ENGINE_MASK, self.engine_mask), (RATED_POWER, self.rated_power),
                               (RATED_OMEGA, self.rated_omega), (IDLE_FRACTION, self.idle_fraction),
                               (FRICTION_TORQUE, self.friction_torque),
                               (INV_ROTATING_INERTIA, self.inv_rotating_inertia), (SPIN_INERTIA, self.spin_inertia),
                               (HUB_Z, self.hub_z), (SFC, self.sfc), (PROP_DIAMETER, self.prop_diameter),
                               (PROP_DIAMETER_4, self.prop_diameter_4),
                               (TAIL_Q_PER_THRUST, self.tail_in_slipstream / self.prop_disc_area),
                               (YAW_ARM, self.hub_y + self.rotation * self.swirl_yaw_arm),
                               (TORQUE_ROLL, self.torque_roll)):
            b[:, :, column] = values
        c = self.contacts = np.zeros(g.stiffness.shape + (CONTACT_COLUMNS,))
        c[..., POS_X:POS_Z + 1] = g.position
        for column, values in ((IS_GEAR, g.is_gear), (IS_WHEEL, g.is_wheel), (IS_STRUCTURE, g.is_structure),
                               (STIFFNESS, g.stiffness), (DAMPING, g.damping), (ROLLING_FRICTION, g.rolling_friction),
                               (SIDE_FRICTION, g.side_friction), (STEER, g.steer), (CRASH_CAUSE, g.crash_cause)):
            c[..., column] = values

    def _contacts(self, specs: list[AircraftSpec]):
        self.gear = GearParams(specs, self.inertia_inv)
        # sqrt of a sum in order, not np.linalg.norm: BLAS's dot product differs by CPU (its kernels, FMA)
        self.contact_reach = np.array([max(_length(c.position) for c in s.contacts) for s in specs])


class GearParams:
    """Contact points of N aircraft, (N, P[, 3]), padded with inert points."""

    def __init__(self, specs: list[AircraftSpec] | None, inertia_inv: np.ndarray | None):
        if specs is None:
            return
        n, p_max = len(specs), max(len(s.contacts) for s in specs)
        shape = (n, p_max)
        self.inertia_inv = inertia_inv
        self.position = np.zeros(shape + (3,))
        self.is_gear = np.zeros(shape, dtype=bool)
        self.is_wheel = np.zeros(shape, dtype=bool)
        self.is_structure = np.zeros(shape, dtype=bool)
        self.stiffness, self.damping = np.zeros(shape), np.zeros(shape)
        self.rolling_friction, self.side_friction, self.steer = np.zeros(shape), np.zeros(shape), np.zeros(shape)
        self.crash_cause = np.zeros(shape, dtype=np.int8)
        for i, s in enumerate(specs):
            for j, c in enumerate(s.contacts):
                self.position[i, j] = c.position
                self.is_gear[i, j] = c.kind != "structure"
                self.is_wheel[i, j] = c.kind == "wheel"
                self.is_structure[i, j] = c.kind == "structure"
                self.stiffness[i, j], self.damping[i, j] = c.stiffness, c.damping
                self.rolling_friction[i, j], self.side_friction[i, j] = c.rolling_friction, c.side_friction
                self.steer[i, j] = c.steer
                self.crash_cause[i, j] = CRASH_CAUSES.index(c.crash_cause)
        self.has_brakes = np.array([s.has_brakes for s in specs])
        self.max_sink_rate = np.array([s.max_sink_rate for s in specs])
        self.max_touchdown_speed = np.array([s.max_touchdown_speed for s in specs])
