"""Flight-test maneuvers that any rig flies under the test pilot; each returns a plain dict of figures.

`make_rig(n)` builds a rig of n aircraft. Sweeps (climb, glide, turns) fly every sweep point as one aircraft of a
single rig. Results use the units the acceptance bands are written in: km/h (equivalent airspeed unless named tas),
m, s, degrees and degrees per second. Methods follow the JSBSim oracle (fdm-reference.md, section 2).
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from flight.tools.flight_test.pilots import ALTITUDE, G, SPEED, TestPilot, tas_from_eas, wrap_pi
from flight.tools.flight_test.rigs import DT, FlightState, Rig

KMH = 1.0 / 3.6
KT = 1852.0 / 3600.0
SEA_LEVEL_ALT = 30.0  # "sea level" runs: our ground is at 0 m; 30 m is clear of ground effect, air only 0.3% thinner
MakeRig = Callable[[int], Rig]


def fly(rig: Rig, pilot: TestPilot, seconds: float) -> FlightState:
    """Step the rig under the pilot for `seconds`; returns the state after the last tick."""
    for _ in range(round(seconds / DT)):
        rig.command(**pilot.update(rig.state()))
        rig.step()
    return rig.state()


def fly_recording(rig: Rig, pilot: TestPilot, seconds: float, every: float,
                  until: Callable[[FlightState], bool] = lambda s: False) -> dict[str, np.ndarray]:
    """Like `fly`, sampling the state and the pilot's commands every `every` s as (T, N) arrays (plus `t`, s);
    stops early once `until(state)` holds."""
    samples = []
    for k in range(round(seconds / every)):
        s = fly(rig, pilot, every)
        samples.append(dict(vars(s), t=np.full(rig.n, (k + 1) * every), elevator=pilot.elevator.copy(),
                            aileron=pilot.aileron.copy(), rudder=pilot.rudder.copy()))
        if until(s):
            break
    return {name: np.array([sample[name] for sample in samples]) for name in samples[0]}


def air_start(make_rig: MakeRig, alt, eas_kmh, throttle: float) -> tuple[Rig, TestPilot]:
    """A rig of aircraft in level flight (one per element of the broadcast alt and eas_kmh), pilot holding height."""
    alt, eas = np.broadcast_arrays(np.asarray(alt, float), np.asarray(eas_kmh, float) * KMH)
    rig = make_rig(alt.size)
    for i in range(alt.size):
        rig.reset_air(i, alt=alt.flat[i], tas=float(tas_from_eas(eas.flat[i], alt.flat[i])), throttle=throttle)
    pilot = TestPilot(alt.size)
    pilot.alt_cmd[:] = alt.ravel()
    pilot.eas_cmd[:] = eas.ravel()
    pilot.throttle[:] = throttle
    return rig, pilot


def max_level_speed(make_rig: MakeRig, altitudes_m, start_eas_kmh: float, max_seconds: int = 200) -> dict:
    """Full throttle, altitude hold, wings level, no sideslip, until the true airspeed settles: its slope over 20 s
    below 0.004 kt/s (the oracle's test) for every altitude, or max_seconds."""
    settled_slope = 0.004 * KT
    rig, pilot = air_start(make_rig, altitudes_m, start_eas_kmh, throttle=1.0)
    history = [fly(rig, pilot, 1.0)]
    while len(history) < max_seconds:
        history.append(fly(rig, pilot, 1.0))
        if len(history) >= 60 and np.all(np.abs(history[-1].tas - history[-21].tas) / 20.0 < settled_slope):
            break
    final = history[-1]
    slope = (final.tas - history[-21].tas) / 20.0
    return dict(altitude_m=_figures(final.alt, 0), tas_kmh=_figures(final.tas * 3.6, 1),
                eas_kmh=_figures(final.eas * 3.6, 1), converged=(np.abs(slope) < settled_slope).tolist(),
                seconds=len(history))


def stall_ignition_off(make_rig: MakeRig, start_eas_kmh: float, alt: float = 1000.0) -> dict:
    """Ignition off and a 30 s glide to let the propeller spin down, then altitude hold so the speed bleeds off.
    The stall is the maximum lift coefficient, CL ~ nz / eas^2 (weight and wing area cancel), before the break:
    while the height is held within 30 m and before CL first falls 20% below its best (later peaks belong to the
    dive recovery). Its speed is reported at 1 g."""
    rig, pilot = air_start(make_rig, alt, start_eas_kmh, throttle=0.0)
    rig.command(blip=1.0)
    pilot.mode[:] = SPEED
    glide = fly(rig, pilot, 30.0)
    pilot.mode[:] = ALTITUDE
    pilot.alt_cmd[:] = held_alt = glide.alt[0]
    track = fly_recording(rig, pilot, 150.0, every=6 * DT,
                          until=lambda s: s.alt[0] < held_alt - 150.0 or s.alpha[0] > np.radians(35.0))
    t, eas, nz, alt = (track[k][:, 0] for k in ("t", "eas", "nz", "alt"))
    lift = nz / eas**2
    broken = (alt < held_alt - 30.0) | (lift < 0.8 * np.maximum.accumulate(lift))
    k = int(np.argmax(lift[:broken.argmax() if broken.any() else None]))
    before = (t >= t[k] - 5.0) & (t <= t[k])
    after = (t > t[k]) & (t <= t[k] + 5.0)
    return dict(eas_kmh=_figure(eas[k] / np.sqrt(nz[k]) * 3.6, 1),
                alpha_deg=_figure(np.degrees(track["alpha"][k, 0]), 1),
                elevator=_figure(track["elevator"][k, 0], 2),
                elevator_limited=bool(track["elevator"][k, 0] >= 0.99),
                bleed_kt_s=_figure((eas[k] - eas[before][0]) / max(t[k] - t[before][0], DT) / KT, 2),
                height_lost_in_5s_after_m=_figure(alt[k] - alt[after].min(), 1) if after.any() else None)


def _energy_height(alt, tas):
    """h + V^2 / 2g: its rate is the climb rate at constant speed, so a small speed drift does not bias it."""
    return alt + tas**2 / (2.0 * G)


def _speed_sweep(make_rig: MakeRig, eas_kmh, alt, throttle: float, blip: float, settle: float,
                 window: float) -> dict:
    """Every aircraft holds its own airspeed by pitch; over a window after settling returns the energy climb rate
    (m/s, negative when sinking), mean height and horizontal speed, and which aircraft held their speed
    (within 1.5 kt, elevator never at a stop)."""
    eas_kmh = np.asarray(eas_kmh, float)
    rig, pilot = air_start(make_rig, alt, eas_kmh, throttle=throttle)
    rig.command(blip=blip)
    pilot.mode[:] = SPEED
    start = fly(rig, pilot, settle)
    track = fly_recording(rig, pilot, window, every=0.5)
    end = rig.state()
    held = ((np.abs(track["eas"].mean(axis=0) - eas_kmh * KMH) < 1.5 * KT)
            & (np.abs(track["elevator"]) < 0.999).all(axis=0) & ~end.crashed)
    return dict(climb=(_energy_height(end.alt, end.tas) - _energy_height(start.alt, start.tas)) / window,
                alt=track["alt"].mean(axis=0), held=held,
                horizontal=np.hypot(end.north - start.north, end.east - start.east) / window)


def climb_performance(make_rig: MakeRig, eas_kmh, top_m: float, levels: int = 7) -> dict:
    """Full throttle, airspeed held by pitch. First a sweep of speeds from near sea level finds the best-climb speed;
    then sawtooth climbs at that speed started at `levels` heights at once, and a quadratic fit of climb rate
    against height gives the sea-level rate and the time to top_m (integral of dh / rate): the flight-test
    reduction, and half an hour of climbing flown in 25 s."""
    sweep = _speed_sweep(make_rig, eas_kmh, SEA_LEVEL_ALT, throttle=1.0, blip=0.0, settle=15.0, window=10.0)
    best = int(np.argmax(np.where(sweep["held"], sweep["climb"], -np.inf)))
    best_eas_kmh = _figure(np.asarray(eas_kmh)[best], 1)
    starts = np.linspace(SEA_LEVEL_ALT, top_m, levels)
    saw = _speed_sweep(make_rig, np.full(levels, best_eas_kmh), starts, throttle=1.0, blip=0.0, settle=15.0,
                       window=10.0)
    rate_at = np.polynomial.Polynomial.fit(saw["alt"][saw["held"]], saw["climb"][saw["held"]], deg=2)
    heights = np.linspace(0.0, top_m, 301)
    rates = rate_at(heights)
    minutes = float(np.trapezoid(1.0 / rates, heights)) / 60.0 if rates.min() > 0.05 else float("inf")
    return dict(sea_level_m_s=_figure(rate_at(0.0), 2), eas_kmh=best_eas_kmh, minutes_to_top=round(minutes, 2),
                top_m=top_m,
                sweep=dict(eas_kmh=_figures(eas_kmh, 1), climb_m_s=_figures(sweep["climb"], 2),
                           at_m=_figures(sweep["alt"], 0), held=sweep["held"].tolist()),
                sawtooth=dict(at_m=_figures(saw["alt"], 0), climb_m_s=_figures(saw["climb"], 2),
                              held=saw["held"].tolist()))


def best_glide(make_rig: MakeRig, eas_kmh, alt: float = 2000.0) -> dict:
    """Ignition off (propeller windmilling), each aircraft gliding at its own airspeed held by pitch; glide ratio =
    horizontal speed over sink rate across a 15 s window after 30 s (the propeller spins down)."""
    glide = _speed_sweep(make_rig, eas_kmh, alt, throttle=0.0, blip=1.0, settle=30.0, window=15.0)
    ratio = glide["horizontal"] / -glide["climb"]
    best = int(np.argmax(np.where(glide["held"], ratio, -np.inf)))
    return dict(ratio=_figure(ratio[best], 2), eas_kmh=_figure(np.asarray(eas_kmh)[best], 1),
                sweep=dict(eas_kmh=_figures(eas_kmh, 1), ratio=_figures(ratio, 2), held=glide["held"].tolist()))


def level_turns(make_rig: MakeRig, banks_deg, start_eas_kmh: float, stall_alpha_deg: float, alt: float = 300.0,
                settle: float = 60.0, window: float = 20.0) -> dict:
    """Full throttle, altitude hold at the oracle's 300 m, each aircraft holding its own bank (negative = left) with
    the rudder keeping the sideslip at zero and the pilot never pulling beyond the stall alpha. After settling, the
    turn rate is the heading change over the window and the radius V_TAS / rate. Sustained (the oracle's test):
    level (mean climb below 0.2 m/s, height within 60 m), speed steady (below 0.05 m/s^2), bank within 3 deg, alpha
    below the stall, elevator off its stops, never departed (150 m off the height, or crashed)."""
    banks = np.radians(np.asarray(banks_deg, float))
    rig, pilot = air_start(make_rig, np.full(banks.size, alt), start_eas_kmh, throttle=1.0)
    pilot.alpha_limit[:] = np.radians(stall_alpha_deg)
    fly(rig, pilot, 3.0)
    pilot.bank_cmd[:] = banks
    track = fly_recording(rig, pilot, settle + window, every=0.5)
    last = track["t"][:, 0] > settle
    heading = np.unwrap(track["psi"], axis=0)[last]
    rate = (heading[-1] - heading[0]) / (window - 0.5)
    tas = track["tas"][last]
    height = track["alt"][last]
    checks = {
        "departed": (np.abs(track["alt"] - alt) > 150.0).any(axis=0) | track["crashed"].any(axis=0),
        "not level": (np.abs(height[-1] - height[0]) / window > 0.2) | (np.abs(height - alt) > 60.0).any(axis=0),
        "speed changing": np.abs(tas[-1] - tas[0]) / window > 0.05,
        "bank not held": (np.abs(track["phi"][last] - banks) > np.radians(3.0)).any(axis=0),
        "stalled": (track["alpha"][last] > np.radians(stall_alpha_deg)).any(axis=0),
        "elevator at stop": (np.abs(track["elevator"][last]) >= 0.999).any(axis=0),
    }
    why_not = [[name for name, failed in checks.items() if failed[i]] for i in range(banks.size)]
    rate_deg_s = np.degrees(np.abs(rate))
    with np.errstate(divide="ignore", invalid="ignore"):  # a crashed aircraft stops turning
        seconds_per_360, radius = 360.0 / rate_deg_s, tas.mean(axis=0) / np.abs(rate)
    return dict(bank_deg=list(banks_deg), rate_deg_s=_figures(rate_deg_s, 2),
                seconds_per_360=_figures(seconds_per_360, 1), radius_m=_figures(radius, 0),
                tas_kmh=_figures(tas.mean(axis=0) * 3.6, 1), nz=_figures(track["nz"][last].mean(axis=0), 2),
                sustained=[not reasons for reasons in why_not], why_not=why_not)


def trim_cruise(make_rig: MakeRig, n: int, eas_kmh: float, alt: float = 1000.0,
                seconds: float = 60.0) -> tuple[Rig, TestPilot, FlightState]:
    """n aircraft trimmed by the pilot in level cruise, throttle holding the airspeed, wings level, no sideslip."""
    rig, pilot = air_start(make_rig, np.full(n, alt), eas_kmh, throttle=0.7)
    pilot.throttle_eas_cmd[:] = eas_kmh * KMH
    return rig, pilot, fly(rig, pilot, seconds)


def roll_rate(make_rig: MakeRig, eas_kmh: float, alt: float = 1000.0) -> dict:
    """From trimmed cruise, a full-aileron step right (aircraft 0) and left (1) with elevator, rudder and throttle
    frozen at trim: the peak body roll rate in the first 4 s (the oracle's figure) and the time to 90 deg of bank."""
    rig, pilot, trim = trim_cruise(make_rig, 2, eas_kmh, alt)
    pilot.release()
    side = np.array([1.0, -1.0])
    pilot.aileron[:] = side
    track = fly_recording(rig, pilot, 10.0, every=DT)
    rolled = np.degrees(np.unwrap(track["phi"], axis=0) - trim.phi) * side
    reached_90 = rolled >= 90.0
    t90 = [_figure(track["t"][reached_90[:, i].argmax(), 0], 2) if reached_90[:, i].any() else None for i in (0, 1)]
    first_4s = track["t"][:, 0] <= 4.0
    peak = np.degrees((track["p"][first_4s] * side).max(axis=0))
    return dict(right_deg_s=_figure(peak[0], 1), left_deg_s=_figure(peak[1], 1),
                right_t90_s=t90[0], left_t90_s=t90[1])


def hands_off(make_rig: MakeRig, eas_kmh: float, alt: float = 1000.0, seconds: float = 30.0) -> dict:
    """From trimmed cruise, aileron and rudder centred, elevator and throttle left at trim; the drift after
    `seconds`: bank, heading and height change (negative bank and heading = to the left)."""
    rig, pilot, trim = trim_cruise(make_rig, 1, eas_kmh, alt)
    trim_aileron, trim_rudder = pilot.aileron[0], pilot.rudder[0]
    pilot.release()
    pilot.aileron[:] = pilot.rudder[:] = 0.0
    track = fly_recording(rig, pilot, seconds, every=0.5)
    heading_change = np.unwrap(np.concatenate([trim.psi[None], track["psi"]]), axis=0)[-1] - trim.psi
    return dict(bank_deg=_figure(np.degrees(track["phi"][-1, 0]), 1),
                max_bank_deg=_figure(np.degrees(np.abs(track["phi"][:, 0]).max()), 1),
                heading_change_deg=_figure(np.degrees(heading_change[0]), 1),
                height_change_m=_figure(track["alt"][-1, 0] - trim.alt[0], 1),
                trim_aileron=_figure(trim_aileron, 3), trim_rudder=_figure(trim_rudder, 3))


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
    return dict(status=status, ground_roll_m=_figure(distance[liftoff], 1), time_s=_figure(t[liftoff], 2),
                liftoff_eas_kmh=_figure(eas[liftoff] * 3.6, 1),
                max_heading_deviation_deg=_figure(np.abs(deviation[:liftoff + 1]).max(), 1),
                swing_deg=_figure(deviation[run][np.abs(deviation[run]).argmax()], 1),
                peak_rudder=_figure(rudder[run][np.abs(rudder[run]).argmax()], 2))


def turn_entry_asymmetry(make_rig: MakeRig, eas_kmh: float, alt: float = 1500.0, bank_deg: float = 60.0,
                         back_stick: float = 0.2, seconds: float = 2.0) -> dict:
    """The rotary's gyroscopic precession: two aircraft level at full throttle roll to the same bank right (0) and
    left (1) under the pilot; as each gets there its elevator goes to the same back stick (wings-level trim +
    back_stick, about the mean our Camel needs for a level 60 deg turn) and its rudder stays at trim while the
    aileron holds the bank. Heading rate over the next `seconds` (deg/s, both positive); longer windows measure the
    JSBSim Camel's slicing departure to the left rather than the swing."""
    rig, pilot = air_start(make_rig, np.full(2, alt), eas_kmh, throttle=1.0)
    level = fly(rig, pilot, 10.0)
    elevator_trim, rudder_trim = pilot.elevator.copy(), pilot.rudder.copy()
    side = np.array([1.0, -1.0])
    pilot.bank_cmd[:] = side * np.radians(bank_deg)
    heading, last_psi, t = level.psi.copy(), level.psi, 0.0
    entered, heading_at_entry, turned = np.full(2, np.nan), np.zeros(2), np.full(2, np.nan)
    while np.isnan(turned).any() and t < 30.0:
        s = fly(rig, pilot, DT)
        t += DT
        heading += wrap_pi(s.psi - last_psi)
        last_psi = s.psi
        entering = np.isnan(entered) & (s.phi * side >= np.radians(bank_deg - 2.0))
        entered[entering], heading_at_entry[entering] = t, heading[entering]
        pilot.pitch_on[entering] = pilot.yaw_on[entering] = False
        pilot.elevator[entering] = elevator_trim[entering] + back_stick
        pilot.rudder[entering] = rudder_trim[entering]
        done = np.isnan(turned) & (t >= entered + seconds)
        turned[done] = (heading[done] - heading_at_entry[done]) * side[done]
    rates = np.degrees(turned) / seconds
    return dict(right_deg_s=_figure(rates[0], 1), left_deg_s=_figure(rates[1], 1),
                right_to_left=_figure(rates[0] / rates[1], 2))


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
    return dict(entry_eas_kmh=_figure(entry.eas[0] * 3.6, 1), recovery_starts_s=seconds, trace=dict(
        t=_figures(t, 2), right_yaw_deg_s=_figures(np.degrees(r[:, 0]), 1),
        left_yaw_deg_s=_figures(np.degrees(r[:, 1]), 1)), **{
        name: dict(spinning=bool(spinning[i]), yaw_rate_deg_s=_figure(yaw_rate[i], 1),
                   roll_rate_deg_s=_figure(roll_rate[i], 1), alpha_deg=_figure(alpha[i], 1),
                   height_lost_m=_figure(height_lost[i], 0),
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
                   recovery_s=[_figure((k + 1) * DT, 1) if k >= 0 else None for k in recovered_at],
                   recovery_height_m=_figures(height, 0))
    return dict(figures=figures, t=(np.arange(ticks)[every - 1::every] + 1) * DT,
                r=np.array(r)[every - 1::every])


def engine_out(make_rig: MakeRig, eas_kmh: float, dead_engine: int = 1, alt: float = 1500.0,
               seconds: float = 30.0) -> dict:
    """A twin at full power, speed held by pitch (it may sink), wings level with the aileron, heading held with the
    rudder; after 10 s engine `dead_engine` stops (the rig must have `fail_engine`). Reports the heading deviation
    (largest, and its spread over the last 10 s: drift means the rudder cannot hold it) and the rudder needed."""
    rig, pilot = air_start(make_rig, alt, eas_kmh, throttle=1.0)
    pilot.mode[:] = SPEED
    start = rig.state()
    pilot.heading_cmd[:] = start.psi
    fly(rig, pilot, 10.0)
    rig.fail_engine(0, dead_engine)
    track = fly_recording(rig, pilot, seconds, every=0.5)
    deviation = np.degrees(wrap_pi(track["psi"][:, 0] - start.psi[0]))
    last_10s = track["t"][:, 0] > seconds - 10.0
    return dict(max_heading_deviation_deg=_figure(np.abs(deviation).max(), 1),
                drift_last_10s_deg=_figure(np.ptp(deviation[last_10s]), 2),
                rudder=_figure(track["rudder"][-1, 0], 2), bank_deg=_figure(np.degrees(track["phi"][-1, 0]), 1),
                climb_m_s=_figure(track["hdot"][last_10s, 0].mean(), 2))


def _figure(value, digits: int):
    """A float rounded for the report, or None where the model produced no finite value (a departure)."""
    value = float(value)
    return round(value, digits) if np.isfinite(value) else None


def _figures(values: np.ndarray, digits: int) -> list:
    return [_figure(value, digits) for value in values]
