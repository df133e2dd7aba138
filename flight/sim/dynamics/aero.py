"""Aerodynamic forces and moments in body axes for a whole fleet.

Coefficient glossary (per aircraft, from its data file):
    alpha, beta   angle of attack, sideslip (rad); V airspeed (m/s); qbar = rho V^2 / 2 (Pa)
    CL, CD, Cm    lift, drag, pitching-moment coefficients over alpha, -180..180 deg (tables)
    CY, Cl, Cn    side-force, rolling-moment, yawing-moment coefficients
    p, q, r       body roll, pitch, yaw rates (rad/s); hats are nondimensional: p b / 2V, q c / 2V, r b / 2V
    X_beta ...    derivatives: X_p, X_q, X_r rate damping; X_da aileron, X_de elevator, X_dr rudder per full command
    S, b, c       wing area, span, mean chord;   K induced-drag factor (CD = CD0 + K CL^2)

The wing is two panels at +-b/4 whose local angle of attack includes the roll and yaw rates, so roll damping,
adverse yaw, the stall's wing drop and spin autorotation come out of the CL/CD tables themselves. The fuselage and
tail add the derivative terms; the tail's controls also feel the propeller slipstream. A kernel for one aircraft;
its arithmetic keeps the order of the numpy code it replaced (a sum over the two panels is (0 + left) + right,
numpy's reduction), so the bits did not change. Imports numpy, numba and the dynamics kernels only.
"""
import numpy as np

from flight.sim.dynamics import params as c
from flight.sim.jit import kernel
from flight.sim.dynamics.stablemath import atan2_1, maximum, minimum
from flight.sim.dynamics.tables import ALPHA, blend, locate

_MIN_SPEED = 5.0  # m/s: below this the rate terms use a floor speed instead of dividing by ~0
_TINY = 1e-9


@kernel
def _panel(u, w, v2, yaw_rate, roll_rate, y, health, relief, half_rho_s, table, row, fraction):
    """One wing panel at span station y: its lift normal to its velocity in the x-z plane, drag along it, as
    (fx, fz, drag)."""
    cl = blend(table, row, fraction, 0, 3) * health
    cd = blend(table, row, fraction, 1, 3) * (2.0 - health) - relief * cl * cl
    up = u - yaw_rate * y
    wp = w + roll_rate * y
    vxz2 = up * up + wp * wp
    speed2 = vxz2 + v2
    inv_vxz = 1.0 / (np.sqrt(vxz2) + _TINY)
    inv_speed = 1.0 / (np.sqrt(speed2) + _TINY)
    half_qs = half_rho_s * speed2  # qbar S / 2 per panel
    lift, drag = half_qs * cl * inv_vxz, half_qs * cd * inv_speed
    return lift * wp - drag * up, -lift * up - drag * wp, drag


@kernel(inline="always")
def aerodynamics(a, table, i, u, v, w, roll_rate, pitch_rate, yaw_rate, rho, height, q_slipstream, controls,
                 damage):
    """Force and moment (6 floats: x, y, z then l, m, n), body axes, about the CG, of aircraft i.

    a: FleetParams.aircraft; table: the CL/CD/Cm TableSet's flat; (u, v, w) the air-relative velocity; height
    above the ground (for ground effect); q_slipstream: extra dynamic pressure of the slipstream at the tail;
    controls (6,) and damage (5,): left wing, right wing, ailerons, elevator, rudder (1 intact).
    """
    span, chord, area = a[i, c.SPAN], a[i, c.CHORD], a[i, c.WING_AREA]
    y0, y1 = a[i, c.PANEL_Y], a[i, c.PANEL_Y + 1]  # panel centres at -b/4 and +b/4
    row0, f0 = locate(ALPHA, i, atan2_1(w + roll_rate * y0, u - yaw_rate * y0))
    row1, f1 = locate(ALPHA, i, atan2_1(w + roll_rate * y1, u - yaw_rate * y1))
    row2, f2 = locate(ALPHA, i, atan2_1(w, u))
    beta = atan2_1(v, np.sqrt(u * u + w * w))

    # --- wing panels
    relief = ground_effect_relief(a, i, height)
    v2 = v * v
    half_rho_s = 0.25 * rho * area
    fx0, fz0, drag0 = _panel(u, w, v2, yaw_rate, roll_rate, y0, damage[0], relief, half_rho_s, table, row0, f0)
    fx1, fz1, drag1 = _panel(u, w, v2, yaw_rate, roll_rate, y1, damage[1], relief, half_rho_s, table, row1, f1)

    # --- fuselage and tail
    speed_sq = u * u + v2 + w * w
    speed = np.sqrt(speed_sq)
    inv_2v = 0.5 / maximum(speed, _MIN_SPEED)
    p_hat, q_hat, r_hat = roll_rate * span * inv_2v, pitch_rate * chord * inv_2v, yaw_rate * span * inv_2v
    qs = 0.5 * rho * speed_sq * area
    qts = qs + q_slipstream * area  # the tail's controls sit in the slipstream
    aileron = controls[0] * damage[2]
    rudder = controls[2] * damage[4]
    # the elevator loses its grip as the flow comes from far below or behind (+2 m/s: at rest the slipstream
    # alone flows over it)
    elevator = controls[1] * damage[3] * minimum(maximum((u + 2.0) / (speed + 2.0), 0.0), 1.0)

    panel_drag_y = ((0.0 + drag0) + drag1) * v
    fx = (0.0 + fx0) + fx1
    fy = qs * a[i, c.CY_BETA] * beta + qts * a[i, c.CY_DR] * rudder - panel_drag_y
    fz = (0.0 + fz0) + fz1
    roll = qs * (a[i, c.CL_BETA] * beta + a[i, c.CL_P] * p_hat + a[i, c.CL_R] * r_hat + a[i, c.CL_DA] * aileron)
    pitch = qs * (blend(table, row2, f2, 2, 3) + a[i, c.CM_Q] * q_hat) + qts * a[i, c.CM_DE] * elevator
    yaw = qs * (a[i, c.CN_BETA] * beta + a[i, c.CN_P] * p_hat + a[i, c.CN_R] * r_hat + a[i, c.CN_DA] * aileron)
    l_moment = (roll + qts * a[i, c.CL_DR] * rudder) * span + ((0.0 + y0 * fz0) + y1 * fz1)
    m_moment = pitch * chord
    n_moment = (yaw + qts * a[i, c.CN_DR] * rudder) * span - ((0.0 + y0 * fx0) + y1 * fx1)
    return fx, fy, fz, l_moment, m_moment, n_moment


@kernel
def ground_effect_relief(a, i, height):
    """K times the share of induced drag that the ground removes at this height (McCormick's approximation)."""
    x = 16.0 * maximum(height, 0.0) / a[i, c.SPAN]
    x2 = x * x
    return a[i, c.INDUCED_DRAG] / (1.0 + x2)
