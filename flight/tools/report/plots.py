"""The report's plots, one function a figure, each drawing our model and JSBSim's (where flown) with the bands the
tests hold us to shaded in grey. Imports matplotlib (the `report` extra) with the Agg backend: no display."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)
import numpy as np  # noqa: E402

from flight.tools.flight_test.cards import TestCard  # noqa: E402
from flight.tools.flight_test.pilots import G, isa_density_ratio  # noqa: E402
from flight.tools.report.flights import Flown  # noqa: E402

COLOURS = {"ours": "tab:blue"}
JSBSIM_COLOUR = "tab:orange"
BAND = dict(color="0.85", zorder=0)
TURN_ALT = 300.0  # the turns' height (maneuvers.level_turns)


def colour(flown: Flown) -> str:
    return COLOURS.get(flown.model, JSBSIM_COLOUR)


def png(figure) -> bytes:
    """The figure as PNG bytes; closes it."""
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=90, bbox_inches="tight")
    plt.close(figure)
    return out.getvalue()


def _band_y(axis, band, label: str) -> None:
    if band:
        axis.axhspan(*band, **BAND, label=label)


def _finished(figure, *axes, fontsize: int):
    """Grid and legend on each axis; the figure."""
    for axis in axes:
        axis.grid(alpha=0.3)
        axis.legend(fontsize=fontsize)
    return figure


def climb(card: TestCard, flights: list[Flown]):
    figure, (rate, height) = plt.subplots(1, 2, figsize=(10, 3.6))
    _band_y(rate, card.bands.get("climb_m_s"), "band: best climb")
    for f in flights:
        sweep = f.climb["sweep"]
        held = np.array(sweep["held"])
        speeds, climbs = np.array(sweep["eas_kmh"]), np.array(sweep["climb_m_s"], float)
        rate.plot(speeds[held], climbs[held], "o-", color=colour(f), label=f.model)
        curve = f.climb["time_to_height"]
        if curve["minutes"]:
            height.plot(curve["minutes"], curve["height_m"], color=colour(f), label=f.model)
    if card.bands.get("time_to_top_min"):
        height.axvspan(*card.bands["time_to_top_min"], **BAND, label=f"band: time to {card.climb_top_m:.0f} m")
    rate.set(xlabel="airspeed, km/h EAS", ylabel="climb rate at sea level, m/s", title="Climb against airspeed")
    height.set(xlabel="minutes", ylabel="height, m", title="Time to height (at the best climb speed)")
    return _finished(figure, rate, height, fontsize=8)


def turns(card: TestCard, flights: list[Flown]):
    """Left: sustained turns flown right (filled) and left (open) against airspeed, and the instantaneous envelope
    from the flown stall, g sqrt(n^2 - 1) / V with n = (V / Vs)^2 up to the structural limit load. Right: the
    same sustained turns against their bank, where a rotary's right and left part."""
    figure, (diagram, by_bank) = plt.subplots(1, 2, figsize=(12, 4.5), width_ratios=(3, 2))
    for axis in (diagram, by_bank):
        _band_y(axis, card.bands.get("sustained_turn_deg_s"), "band: best sustained turn")
    sigma = float(isa_density_ratio(TURN_ALT))
    top = diagram.get_xaxis_transform()
    for f in flights:
        t = f.turns
        tas, rate = np.array(t["tas_kmh"], float), np.array(t["rate_deg_s"], float)
        bank = np.array(t["bank_deg"], float)
        held, right = np.array(t["sustained"]), bank > 0
        for side, name, style in ((right, "right", "o-"), (~right, "left", "s--")):
            keep = held & side
            fill = colour(f) if name == "right" else "none"
            order = np.argsort(tas[keep])
            diagram.plot(tas[keep][order], rate[keep][order], style, color=colour(f), markerfacecolor=fill,
                         label=f"{f.model}: sustained, {name}")
            order = np.argsort(np.abs(bank[keep]))
            by_bank.plot(np.abs(bank[keep])[order], rate[keep][order], style, color=colour(f),
                         markerfacecolor=fill, label=f"{f.model}: {name}")
        vs = f.stall["eas_kmh"] / 3.6 / np.sqrt(sigma)
        v = np.linspace(vs, 2.6 * vs, 200)
        n = np.minimum((v / vs) ** 2, card.limit_load)
        diagram.plot(v * 3.6, np.degrees(G * np.sqrt(np.maximum(n * n - 1.0, 0.0)) / v), ":", color=colour(f),
                     label=f"{f.model}: instantaneous (stall, then {card.limit_load:g} g)")
        corner = vs * np.sqrt(card.limit_load) * 3.6
        diagram.axvline(vs * 3.6, color=colour(f), lw=0.6, alpha=0.6)
        diagram.text(vs * 3.6, 0.98, " stall", transform=top, color=colour(f), fontsize=8, va="top")
        diagram.text(corner, 0.98, f" {card.limit_load:g} g", transform=top, color=colour(f), fontsize=8, va="top")
    diagram.set(xlabel=f"true airspeed at {TURN_ALT:.0f} m, km/h", ylabel="turn rate, deg/s",
                title="Turn diagram: level turns at full throttle")
    by_bank.set(xlabel="bank, deg", ylabel="sustained turn rate, deg/s", title="Right against left")
    for axis in (diagram, by_bank):
        axis.set_ylim(bottom=0)
        axis.grid(alpha=0.3)
    diagram.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2)
    by_bank.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2)
    return figure


def rolls(card: TestCard, flights: list[Flown]):
    figure, axis = plt.subplots(figsize=(8, 3.6))
    _band_y(axis, card.bands.get("roll_deg_s"), "band: peak roll rate")
    for f in flights:
        r = f.rolls
        axis.plot(r["eas_kmh"], r["right_deg_s"], "o-", color=colour(f), label=f"{f.model}: right")
        axis.plot(r["eas_kmh"], r["left_deg_s"], "s--", color=colour(f), markerfacecolor="none",
                  label=f"{f.model}: left")
    axis.set(xlabel="airspeed, km/h EAS", ylabel="peak roll rate, deg/s",
             title="Full aileron from trimmed flight (rudder and elevator held)")
    return _finished(figure, axis, fontsize=8)


def polar(card: TestCard, flights: list[Flown]):
    figure, (lift, drag) = plt.subplots(1, 2, figsize=(10, 3.6))
    for f in flights:
        p = f.polar
        lift.plot(p["alpha_deg"], p["CL"], color=colour(f), label=f.model)
        drag.plot(p["CD"], p["CL"], color=colour(f), label=f.model)
        lift.axvline(f.stall["alpha_deg"], color=colour(f), lw=0.6, ls=":")
    lift.set(xlabel="angle of attack, deg", ylabel="CL", title="Lift through the stall (dotted: flown stall)")
    drag.set(xlabel="CD", ylabel="CL", title="Drag polar")
    return _finished(figure, lift, drag, fontsize=8)


def takeoff(card: TestCard, flights: list[Flown]):
    figure, (run, heading) = plt.subplots(1, 2, figsize=(10, 3.6))
    _band_y(run, card.bands.get("takeoff_roll_m"), "band: ground roll")
    for f in flights:
        t = f.takeoff["trace"]
        run.plot(t["t"], t["distance_m"], color=colour(f), label=f"{f.model}: distance, m")
        run.plot(t["t"], t["eas_kmh"], "--", color=colour(f), label=f"{f.model}: airspeed, km/h")
        run.axvline(f.takeoff["time_s"], color=colour(f), lw=0.6, ls=":")
        heading.plot(t["t"], t["heading_deg"], color=colour(f), label=f"{f.model}: heading, deg")
        heading.plot(t["t"], np.array(t["rudder"]) * 10.0, "--", color=colour(f), label=f"{f.model}: rudder x10")
    run.set(xlabel="s from full throttle", title="Take-off run (dotted: lift-off)")
    heading.set(xlabel="s from full throttle", title="Swing (- left) and the rudder holding it (+ right)")
    return _finished(figure, run, heading, fontsize=7)


def spin(card: TestCard, flights: list[Flown]):
    figure, axis = plt.subplots(figsize=(8, 3.6))
    for f in flights:
        t = f.spin["trace"]
        axis.plot(t["t"], t["right_yaw_deg_s"], color=colour(f), label=f"{f.model}: right rudder")
        axis.plot(t["t"], t["left_yaw_deg_s"], "--", color=colour(f), label=f"{f.model}: left rudder")
    axis.axvline(flights[0].spin["recovery_starts_s"], color="0.3", lw=0.8)
    axis.annotate(" recovery: opposite rudder, stick forward", (flights[0].spin["recovery_starts_s"], 0.0),
                  fontsize=8)
    axis.axhspan(-30, 30, **BAND, label="slower than a spin (30 deg/s)")
    axis.set(xlabel="s from full back stick and full rudder", ylabel="body yaw rate, deg/s",
             title="Spin entry at the stall, and recovery")
    return _finished(figure, axis, fontsize=8)


PLOTS = {"climb": climb, "turns": turns, "roll": rolls, "polar": polar, "takeoff": takeoff, "spin": spin}
