"""The spin and its recovery, flown right and left at once by the test pilot (see `spin`)."""

from __future__ import annotations

import numpy as np

from flight.tools.flight_test.maneuvers import MakeRig, rounded, rounded_all, air_start, fly, fly_recording
from flight.tools.flight_test.pilots import TestPilot
from flight.tools.flight_test.rigs import DT, Rig


def spin(make_rig: MakeRig, stall_alpha_deg: float, start_eas_kmh: float, alt: float = 2000.0,
         seconds: float = 8.0, recovery_seconds: float = 10.0) -> dict:
    """At idle, altitude hold bleeds the speed until alpha is within 1 deg of the stall (or 40 s); then full back
    stick and full rudder, right (aircraft 0) and left (1), aileron neutral. Over the last 3 s, mean body yaw rate,
    roll rate and alpha; a spin is a stalled, descending rotation: alpha beyond the stall, yaw the way of the rudder
    faster than 30 deg/s (a turn in 12 s or less), and more than 50 m lost. (The rotary's gyroscopic couple
    flattens a left spin, up to a flat spin with little roll; a right spin is steep and rolls hard.)

    Then the standard recovery: full opposite rudder and the stick forward (elevator -0.5), each control centred
    as the rotation stops. Recovered: within `recovery_seconds`, yaw below 10 deg/s with alpha back in the flying
    range (-5 deg to the stall) for a whole second; reported with the time and height it took. `trace` holds the
    body yaw rate (deg/s) against time from the spin entry, both sides."""
    rig, pilot = air_start(make_rig, np.full(2, alt), start_eas_kmh, throttle=0.0)
    fly_recording(rig, pilot, 40.0, every=6 * DT, until=lambda s: s.alpha[0] >= np.radians(stall_alpha_deg - 1.0))
    entry = rig.state()
    side = np.array([1.0, -1.0])
    pilot.release()
    pilot.elevator[:], pilot.rudder[:], pilot.aileron[:] = 1.0, side, 0.0
    track = fly_recording(rig, pilot, seconds, every=0.1)
    last = track["t"][:, 0] > seconds - 3.0
    yaw_rate, roll_rate, alpha = (np.degrees(track[k][last].mean(axis=0)) for k in ("r", "p", "alpha"))
    height_lost = entry.alt - track["alt"][-1]
    spinning = (yaw_rate * side > 30.0) & (alpha > stall_alpha_deg) & (height_lost > 50.0)
    recovery = _recover(rig, pilot, side, stall_alpha_deg, recovery_seconds) if recovery_seconds > 0 else None
    t = np.concatenate([track["t"][:, 0]] + ([recovery["t"] + seconds] if recovery else []))
    r = np.concatenate([track["r"]] + ([recovery["r"]] if recovery else []))
    return dict(entry_eas_kmh=rounded(entry.eas[0] * 3.6, 1), recovery_starts_s=seconds, trace=dict(
        t=rounded_all(t, 2), right_yaw_deg_s=rounded_all(np.degrees(r[:, 0]), 1),
        left_yaw_deg_s=rounded_all(np.degrees(r[:, 1]), 1)), **{
        name: dict(spinning=bool(spinning[i]), yaw_rate_deg_s=rounded(yaw_rate[i], 1),
                   roll_rate_deg_s=rounded(roll_rate[i], 1), alpha_deg=rounded(alpha[i], 1),
                   height_lost_m=rounded(height_lost[i], 0),
                   **({k: v[i] for k, v in recovery["figures"].items()} if recovery else {}))
        for i, name in enumerate(("right", "left"))})


def _recover(rig: Rig, pilot: TestPilot, side: np.ndarray, stall_alpha_deg: float, seconds: float) -> dict:
    """Opposite rudder and stick forward, each centred once the yaw stops; see `spin`."""
    start = rig.state()
    pilot.rudder[:], pilot.elevator[:] = -side, -0.5
    ticks = round(seconds / DT)
    r, good_since, recovered_at = [], np.full(2, -1), np.full(2, -1)
    height = np.full(2, np.nan)
    for tick in range(ticks):
        s = fly(rig, pilot, DT)
        r.append(s.r)
        stopped = np.abs(s.r) < np.radians(10.0)
        pilot.rudder[:] = np.where(stopped, 0.0, pilot.rudder)
        flying = stopped & (s.alpha > np.radians(-5.0)) & (s.alpha < np.radians(stall_alpha_deg)) & ~s.crashed
        pilot.elevator[:] = np.where(flying, 0.0, pilot.elevator)
        good_since = np.where(flying, np.where(good_since < 0, tick, good_since), -1)
        done = (recovered_at < 0) & (good_since >= 0) & (tick - good_since >= round(1.0 / DT))
        recovered_at[done], height[done] = good_since[done], start.alt[done] - s.alt[done]
    every = round(0.1 / DT)
    figures = dict(recovered=[bool(k >= 0) for k in recovered_at],
                   recovery_s=[rounded((k + 1) * DT, 1) if k >= 0 else None for k in recovered_at],
                   recovery_height_m=rounded_all(height, 0))
    return dict(figures=figures, t=(np.arange(ticks)[every - 1::every] + 1) * DT,
                r=np.array(r)[every - 1::every])
