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
    return dict(altitude_m=rounded_all(final.alt, 0), tas_kmh=rounded_all(final.tas * 3.6, 1),
                eas_kmh=rounded_all(final.eas * 3.6, 1), converged=(np.abs(slope) < settled_slope).tolist(),
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
    return dict(eas_kmh=rounded(eas[k] / np.sqrt(nz[k]) * 3.6, 1),
                alpha_deg=rounded(np.degrees(track["alpha"][k, 0]), 1),
                elevator=rounded(track["elevator"][k, 0], 2),
                elevator_limited=bool(track["elevator"][k, 0] >= 0.99),
                bleed_kt_s=rounded((eas[k] - eas[before][0]) / max(t[k] - t[before][0], DT) / KT, 2),
                height_lost_in_5s_after_m=rounded(alt[k] - alt[after].min(), 1) if after.any() else None)


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
    best_eas_kmh = rounded(np.asarray(eas_kmh)[best], 1)
    starts = np.linspace(SEA_LEVEL_ALT, top_m, levels)
    saw = _speed_sweep(make_rig, np.full(levels, best_eas_kmh), starts, throttle=1.0, blip=0.0, settle=15.0,
                       window=10.0)
    rate_at = np.polynomial.Polynomial.fit(saw["alt"][saw["held"]], saw["climb"][saw["held"]], deg=2)
    heights = np.linspace(0.0, top_m, 301)
    rates = rate_at(heights)
    climbing = rates.min() > 0.05
    minutes = float(np.trapezoid(1.0 / rates, heights)) / 60.0 if climbing else float("inf")
    elapsed = np.concatenate([[0.0], np.cumsum(np.diff(heights) * 0.5 * (1 / rates[1:] + 1 / rates[:-1]))]) / 60.0
    return dict(sea_level_m_s=rounded(rate_at(0.0), 2), eas_kmh=best_eas_kmh, minutes_to_top=round(minutes, 2),
                top_m=top_m, time_to_height=dict(height_m=rounded_all(heights[::10], 0),
                                                 minutes=rounded_all(elapsed[::10], 2) if climbing else []),
                sweep=dict(eas_kmh=rounded_all(eas_kmh, 1), climb_m_s=rounded_all(sweep["climb"], 2),
                           at_m=rounded_all(sweep["alt"], 0), held=sweep["held"].tolist()),
                sawtooth=dict(at_m=rounded_all(saw["alt"], 0), climb_m_s=rounded_all(saw["climb"], 2),
                              held=saw["held"].tolist()))


def best_glide(make_rig: MakeRig, eas_kmh, alt: float = 2000.0) -> dict:
    """Ignition off (propeller windmilling), each aircraft gliding at its own airspeed held by pitch; glide ratio =
    horizontal speed over sink rate across a 15 s window after 30 s (the propeller spins down)."""
    glide = _speed_sweep(make_rig, eas_kmh, alt, throttle=0.0, blip=1.0, settle=30.0, window=15.0)
    ratio = glide["horizontal"] / -glide["climb"]
    best = int(np.argmax(np.where(glide["held"], ratio, -np.inf)))
    return dict(ratio=rounded(ratio[best], 2), eas_kmh=rounded(np.asarray(eas_kmh)[best], 1),
                sweep=dict(eas_kmh=rounded_all(eas_kmh, 1), ratio=rounded_all(ratio, 2), held=glide["held"].tolist()))


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
    return dict(bank_deg=list(banks_deg), rate_deg_s=rounded_all(rate_deg_s, 2),
                seconds_per_360=rounded_all(seconds_per_360, 1), radius_m=rounded_all(radius, 0),
                tas_kmh=rounded_all(tas.mean(axis=0) * 3.6, 1), nz=rounded_all(track["nz"][last].mean(axis=0), 2),
                sustained=[not reasons for reasons in why_not], why_not=why_not)


def trim_cruise(make_rig: MakeRig, n: int, eas_kmh, alt: float = 1000.0,
                seconds: float = 60.0) -> tuple[Rig, TestPilot, FlightState]:
    """n aircraft trimmed by the pilot in level cruise (at one airspeed, or one each), throttle holding the
    airspeed, wings level, no sideslip."""
    rig, pilot = air_start(make_rig, np.full(n, alt), eas_kmh, throttle=0.7)
    pilot.throttle_eas_cmd[:] = np.asarray(eas_kmh, float) * KMH
    return rig, pilot, fly(rig, pilot, seconds)


def roll_rate(make_rig: MakeRig, eas_kmh: float, alt: float = 1000.0) -> dict:
    """From trimmed cruise, a full-aileron step right and left with elevator, rudder and throttle frozen at trim:
    the peak body roll rate in the first 4 s (the oracle's figure) and the time to 90 deg of bank."""
    return {name: values[0] for name, values in roll_rates(make_rig, [eas_kmh], alt).items()}


def roll_rates(make_rig: MakeRig, eas_kmh, alt: float = 1000.0) -> dict:
    """`roll_rate` at each of several airspeeds at once (aircraft 2k rolls right, 2k + 1 left): lists, one entry
    per speed."""
    eas_kmh = np.repeat(np.asarray(eas_kmh, float), 2)
    rig, pilot, trim = trim_cruise(make_rig, eas_kmh.size, eas_kmh, alt)
    pilot.release()
    side = np.tile([1.0, -1.0], eas_kmh.size // 2)
    pilot.aileron[:] = side
    track = fly_recording(rig, pilot, 10.0, every=DT)
    rolled = np.degrees(np.unwrap(track["phi"], axis=0) - trim.phi) * side
    reached_90 = rolled >= 90.0
    t90 = [rounded(track["t"][reached_90[:, i].argmax(), 0], 2) if reached_90[:, i].any() else None
           for i in range(eas_kmh.size)]
    first_4s = track["t"][:, 0] <= 4.0
    peak = rounded_all(np.degrees((track["p"][first_4s] * side).max(axis=0)), 1)
    return dict(eas_kmh=rounded_all(eas_kmh[::2], 1), right_deg_s=peak[0::2], left_deg_s=peak[1::2],
                right_t90_s=t90[0::2], left_t90_s=t90[1::2])


def hands_off(make_rig: MakeRig, eas_kmh: float, alt: float = 1000.0, seconds: float = 30.0) -> dict:
    """From trimmed cruise, aileron and rudder centred, elevator and throttle left at trim; the drift after
    `seconds`: bank, heading and height change (negative bank and heading = to the left)."""
    rig, pilot, trim = trim_cruise(make_rig, 1, eas_kmh, alt)
    trim_aileron, trim_rudder = pilot.aileron[0], pilot.rudder[0]
    pilot.release()
    pilot.aileron[:] = pilot.rudder[:] = 0.0
    track = fly_recording(rig, pilot, seconds, every=0.5)
    heading_change = np.unwrap(np.concatenate([trim.psi[None], track["psi"]]), axis=0)[-1] - trim.psi
    return dict(bank_deg=rounded(np.degrees(track["phi"][-1, 0]), 1),
                max_bank_deg=rounded(np.degrees(np.abs(track["phi"][:, 0]).max()), 1),
                heading_change_deg=rounded(np.degrees(heading_change[0]), 1),
                height_change_m=rounded(track["alt"][-1, 0] - trim.alt[0], 1),
                trim_aileron=rounded(trim_aileron, 3), trim_rudder=rounded(trim_rudder, 3))


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
    return dict(right_deg_s=rounded(rates[0], 1), left_deg_s=rounded(rates[1], 1),
                right_to_left=rounded(rates[0] / rates[1], 2))


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
    return dict(max_heading_deviation_deg=rounded(np.abs(deviation).max(), 1),
                drift_last_10s_deg=rounded(np.ptp(deviation[last_10s]), 2),
                rudder=rounded(track["rudder"][-1, 0], 2), bank_deg=rounded(np.degrees(track["phi"][-1, 0]), 1),
                climb_m_s=rounded(track["hdot"][last_10s, 0].mean(), 2))


def rounded(value, digits: int):
    """A float rounded for the report, or None where the model produced no finite value (a departure)."""
    value = float(value)
    return round(value, digits) if np.isfinite(value) else None


def rounded_all(values: np.ndarray, digits: int) -> list:
    return [rounded(value, digits) for value in values]
