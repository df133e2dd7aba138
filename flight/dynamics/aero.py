"""Aerodynamic forces and moments in body axes for a whole fleet.

Coefficient glossary (per aircraft, from its data file):
    alpha, beta   angle of attack, sideslip (rad); V airspeed (m/s); qbar = rho V^2 / 2 (Pa)
    CL, CD, Cm    lift, drag, pitching-moment coefficients over alpha, -180..180 deg (tables)
    CY, Cl, Cn    side-force, rolling-moment, yawing-moment coefficients
    p, q, r       body roll, pitch, yaw rates (rad/s); hats are nondimensional: p b / 2V, q c / 2V, r b / 2V
    X_beta ...    derivatives: X_p, X_q, X_r rate damping; X_da aileron, X_de elevator, X_dr rudder per full command
    S, b, c       wing area, span, mean chord;   K induced-drag factor (CD = CD0 + K CL^2)

The wing is two panels at +-b/4 whose local angle of attack includes the roll and yaw rates, so roll damping,
the stall's wing drop and spin autorotation come from the CL/CD tables themselves. The fuselage and tail add
the derivative terms; the tail's controls see the propeller slipstream. Imports numpy only.
"""
import numpy as np

from flight.dynamics.params import FleetParams

_MIN_SPEED = 5.0  # m/s: below this the rate terms use a floor speed instead of dividing by ~0


def wing_panels(p: FleetParams, v_body: np.ndarray, omega: np.ndarray, rho: np.ndarray, height: np.ndarray,
                wing_health: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Force and moment (N, 3) of the left and right wing panels; wing_health (N, 2) scales each panel's lift."""
    u, v, w = v_body[:, 0:1], v_body[:, 1:2], v_body[:, 2:3]
    pr, r = omega[:, 0:1], omega[:, 2:3]
    y = (0.25 * p.span)[:, None] * np.array([-1.0, 1.0])  # (N, 2) panel centres
    up = u - r * y  # velocity of each panel: v + omega x (0, y, 0)
    wp = w + pr * y
    vxz2 = up * up + wp * wp
    speed2 = vxz2 + v * v
    vxz = np.sqrt(vxz2) + 1e-9
    speed = np.sqrt(speed2) + 1e-9
    alpha = np.arctan2(wp, up)
    cl = p.CL.lookup(alpha) * wing_health
    cd = p.CD.lookup(alpha) * (2.0 - wing_health) - ground_effect_relief(p, height)[:, None] * cl * cl
    half_qs = 0.25 * rho[:, None] * speed2 * p.wing_area[:, None]  # qbar * S/2
    # lift is perpendicular to the panel's velocity in the x-z plane, drag is along it
    fx = half_qs * (cl * wp / vxz - cd * up / speed)
    fy = half_qs * (-cd * v / speed)
    fz = half_qs * (-cl * up / vxz - cd * wp / speed)
    force = np.stack([fx.sum(1), fy.sum(1), fz.sum(1)], axis=-1)
    moment = np.stack([(y * fz).sum(1), np.zeros(len(u)), -(y * fx).sum(1)], axis=-1)
    return force, moment


def ground_effect_relief(p: FleetParams, height: np.ndarray) -> np.ndarray:
    """K times the share of induced drag that the ground removes at this height (McCormick's approximation)."""
    x = 16.0 * np.maximum(height, 0.0) / p.span
    x2 = x * x
    return p.induced_drag_factor * (1.0 - x2 / (1.0 + x2))


def body_terms(p: FleetParams, v_body: np.ndarray, omega: np.ndarray, rho: np.ndarray, q_tail: np.ndarray,
               controls: np.ndarray, health: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Fuselage/tail force and moment (N, 3): Cm(alpha), sideslip, damping and control terms.

    q_tail is the dynamic pressure at the tail including slipstream; health (N, 3) scales ailerons, elevator, rudder.
    """
    d = p.deriv
    u, v, w = v_body.T
    pr, q, r = omega.T
    da, de, dr = (controls[:, :3] * health).T
    speed2 = u * u + v * v + w * w
    speed = np.sqrt(speed2)
    inv_2v = 0.5 / np.maximum(speed, _MIN_SPEED)
    alpha = np.arctan2(w, u)
    beta = np.arctan2(v, np.sqrt(u * u + w * w))
    p_hat, q_hat, r_hat = pr * p.span * inv_2v, q * p.chord * inv_2v, r * p.span * inv_2v
    qs = 0.5 * rho * speed2 * p.wing_area
    qts = q_tail * p.wing_area
    side = qs * d["CY_beta"] * beta + qts * d["CY_dr"] * dr
    roll = qs * (d["Cl_beta"] * beta + d["Cl_p"] * p_hat + d["Cl_r"] * r_hat + d["Cl_da"] * da) + qts * d["Cl_dr"] * dr
    # the elevator loses its grip as the tail goes deep into the stall or the flow comes from behind
    # (at rest the slipstream alone flows over it, hence the +2 m/s)
    elevator_grip = np.clip((u + 2.0) / (speed + 2.0), 0.0, 1.0)
    pitch = qs * (p.Cm.lookup(alpha) + d["Cm_q"] * q_hat) + qts * d["Cm_de"] * de * elevator_grip
    yaw = qs * (d["Cn_beta"] * beta + d["Cn_p"] * p_hat + d["Cn_r"] * r_hat + d["Cn_da"] * da) + qts * d["Cn_dr"] * dr
    zeros = np.zeros_like(side)
    force = np.stack([zeros, side, zeros], axis=-1)
    moment = np.stack([roll * p.span, pitch * p.chord, yaw * p.span], axis=-1)
    return force, moment
