"""The take-off run on grass, with the usual taildragger technique (see `takeoff`)."""

from __future__ import annotations

import numpy as np

from flight.tools.flight_test.maneuvers import MakeRig, rounded, rounded_all, fly
from flight.tools.flight_test.pilots import TestPilot, wrap_pi
from flight.tools.flight_test.rigs import DT


def takeoff(make_rig: MakeRig, max_seconds: float = 30.0, tail_up_kmh: float = 30.0, rotate_kmh: float = 60.0) -> dict:
    """Three-point start on level ground, no wind: 1 s at idle, then full throttle, heading held with the rudder and
    wings level with the aileron. The usual taildragger technique on the elevator: stick forward from tail_up_kmh
    until the fuselage is level (tail up), then ease back to 10 deg of pitch from rotate_kmh and let it fly off.
    Lift-off is the start of the first second without ground contact; time counts from opening the throttle.
    The swing is the heading deviation and the peak rudder what the pilot needed, over the ground run up to the
    rotation (negative deviation = left, positive rudder = right); pulling up then yaws a rotary right, which is
    the pilot's doing, not the swing."""
    rig = make_rig(1)
    rig.reset_ground(0)
    pilot = TestPilot(1)
    pilot.pitch_on[:] = False
    pilot.throttle[:] = 0.0
    pilot.heading_cmd[:] = rig.state().psi
    start = fly(rig, pilot, 1.0)
    pilot.throttle[:] = 1.0
    rows, airborne_since, status = [], None, "no lift-off"
    s = start
    for tick in range(1, round(max_seconds / DT) + 1):
        eas_kmh = s.eas[0] * 3.6
        pitch_cmd = start.theta[0] if eas_kmh < tail_up_kmh else np.radians(2.0 if eas_kmh < rotate_kmh else 10.0)
        pilot.elevator[:] = np.clip(4.0 * (pitch_cmd - s.theta[0]) - 1.0 * s.q[0], -1.0, 1.0)
        s = fly(rig, pilot, DT)
        rows.append((tick * DT, np.hypot(s.north[0] - start.north[0], s.east[0] - start.east[0]), s.eas[0],
                     np.degrees(wrap_pi(s.psi[0] - start.psi[0])), pilot.rudder[0]))
        if s.crashed[0]:
            status = "crashed"
            break
        airborne_since = None if s.on_ground[0] else (airborne_since if airborne_since is not None else len(rows) - 1)
        if airborne_since is not None and rows[-1][0] - rows[airborne_since][0] >= 1.0:
            status = "ok"
            break
    t, distance, eas, deviation, rudder = np.array(rows).T
    liftoff = airborne_since if status == "ok" else len(rows) - 1
    rotation = np.flatnonzero(eas * 3.6 >= rotate_kmh)
    run = slice(0, min(liftoff, rotation[0] if rotation.size else liftoff) + 1)
    every = round(0.1 / DT)
    trace = dict(t=rounded_all(t[::every], 2), distance_m=rounded_all(distance[::every], 1),
                 eas_kmh=rounded_all(eas[::every] * 3.6, 1), heading_deg=rounded_all(deviation[::every], 2),
                 rudder=rounded_all(rudder[::every], 3))
    return dict(status=status, ground_roll_m=rounded(distance[liftoff], 1), time_s=rounded(t[liftoff], 2), trace=trace,
                liftoff_eas_kmh=rounded(eas[liftoff] * 3.6, 1),
                max_heading_deviation_deg=rounded(np.abs(deviation[:liftoff + 1]).max(), 1),
                swing_deg=rounded(deviation[run][np.abs(deviation[run]).argmax()], 1),
                peak_rudder=rounded(rudder[run][np.abs(rudder[run]).argmax()], 2))
