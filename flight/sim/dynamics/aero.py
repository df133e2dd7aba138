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
tail add the derivative terms; the tail's controls also feel the propeller slipstream. Imports numpy only.
"""
import numpy as np

from flight.sim.dynamics.params import FleetParams
from flight.sim.dynamics.stablemath import atan2

_MIN_SPEED = 5.0  # m/s: below this the rate terms use a floor speed instead of dividing by ~0
_TINY = 1e-9


def aerodynamics(p: FleetParams, v_body: np.ndarray, omega: np.ndarray, rho: np.ndarray, height: np.ndarray,
                 q_slipstream: np.ndarray, controls: np.ndarray, damage: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Force and moment (N, 3), body axes, about the CG.

    v_body: air-relative velocity; height: above the ground (for ground effect); q_slipstream: extra dynamic
    pressure of the slipstream at the tail; damage (N, 5): left wing, right wing, ailerons, elevator, rudder.
    """
    u, v, w = v_body[:, 0], v_body[:, 1], v_body[:, 2]
    roll_rate, pitch_rate, yaw_rate = omega[:, 0], omega[:, 1], omega[:, 2]
    y = p.panel_y  # (N, 2) panel centres at -b/4 and +b/4
    up = u[:, None] - yaw_rate[:, None] * y  # each panel's velocity: v + omega x (0, y, 0)
    wp = w[:, None] + roll_rate[:, None] * y
    # one call for the four angles: each panel's alpha, the body's alpha and its sideslip beta
    rise, run = np.empty((len(u), 4)), np.empty((len(u), 4))
    rise[:, :2], run[:, :2] = wp, up
    rise[:, 2], run[:, 2] = w, u
    rise[:, 3], run[:, 3] = v, np.sqrt(u * u + w * w)
    angles = atan2(rise, run)
    beta = angles[:, 3]
    coefficients = p.aero_tables.lookup(angles[:, :3])  # (N, 3, [CL, CD, Cm])

    # --- wing panels: lift normal to each panel's velocity in the x-z plane, drag along it
    wing_health = damage[:, 0:2]
    cl = coefficients[:, :2, 0] * wing_health
    cd = coefficients[:, :2, 1] * (2.0 - wing_health) - (ground_effect_relief(p, height)[:, None] * cl * cl)
    vxz2 = up * up + wp * wp
    v2 = v * v
    speed2 = vxz2 + v2[:, None]
    inv_vxz = 1.0 / (np.sqrt(vxz2) + _TINY)
    inv_speed = 1.0 / (np.sqrt(speed2) + _TINY)
    half_qs = (0.25 * rho * p.wing_area)[:, None] * speed2  # qbar S / 2 per panel
    lift, drag = half_qs * cl * inv_vxz, half_qs * cd * inv_speed
    fx = lift * wp - drag * up
    fz = -lift * up - drag * wp

    # --- fuselage and tail
    d = p.deriv
    speed_sq = u * u + v2 + w * w
    speed = np.sqrt(speed_sq)
    inv_2v = 0.5 / np.maximum(speed, _MIN_SPEED)
    p_hat, q_hat, r_hat = roll_rate * p.span * inv_2v, pitch_rate * p.chord * inv_2v, yaw_rate * p.span * inv_2v
    qs = 0.5 * rho * speed_sq * p.wing_area
    qts = qs + q_slipstream * p.wing_area  # the tail's controls sit in the slipstream
    aileron = controls[:, 0] * damage[:, 2]
    rudder = controls[:, 2] * damage[:, 4]
    # the elevator loses its grip as the flow comes from far below or behind (+2 m/s: at rest the slipstream
    # alone flows over it)
    elevator = controls[:, 1] * damage[:, 3] * np.minimum(np.maximum((u + 2.0) / (speed + 2.0), 0.0), 1.0)

    force = np.empty((len(u), 3))
    moment = np.empty((len(u), 3))
    panel_drag_y = np.add.reduce(drag, 1) * v
    force[:, 0] = np.add.reduce(fx, 1)
    force[:, 1] = qs * d["CY_beta"] * beta + qts * d["CY_dr"] * rudder - panel_drag_y
    force[:, 2] = np.add.reduce(fz, 1)
    roll = qs * (d["Cl_beta"] * beta + d["Cl_p"] * p_hat + d["Cl_r"] * r_hat + d["Cl_da"] * aileron)
    pitch = qs * (coefficients[:, 2, 2] + d["Cm_q"] * q_hat) + qts * d["Cm_de"] * elevator
    yaw = qs * (d["Cn_beta"] * beta + d["Cn_p"] * p_hat + d["Cn_r"] * r_hat + d["Cn_da"] * aileron)
    moment[:, 0] = (roll + qts * d["Cl_dr"] * rudder) * p.span + np.add.reduce(y * fz, 1)
    moment[:, 1] = pitch * p.chord
    moment[:, 2] = (yaw + qts * d["Cn_dr"] * rudder) * p.span - np.add.reduce(y * fx, 1)
    return force, moment


def ground_effect_relief(p: FleetParams, height: np.ndarray) -> np.ndarray:
    """K times the share of induced drag that the ground removes at this height (McCormick's approximation)."""
    x = 16.0 * np.maximum(height, 0.0) / p.span
    x2 = x * x
    return p.induced_drag_factor / (1.0 + x2)
