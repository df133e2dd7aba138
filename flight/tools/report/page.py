"""The report's one self-contained HTML page: per type, a table of the acceptance figures beside their bands and
the plots embedded as PNG data URIs (no file beside it to lose)."""

from __future__ import annotations

import base64
import html

from flight.tools.flight_test.cards import TestCard
from flight.tools.flight_test.maneuvers import SEA_LEVEL_ALT
from flight.tools.report.flights import Flown

STYLE = """body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
th:first-child,td:first-child{text-align:left}.out{background:#fdd}img{max-width:100%;display:block;margin:1em 0}
.note{color:#555;font-size:90%}"""


def figures_of(card: TestCard, f: Flown) -> list[tuple[str, object, tuple | None]]:
    """(figure, value, band) rows for one model, in the table's order."""
    b = card.bands
    rows = [(f"top speed {'sea level' if alt == SEA_LEVEL_ALT else f'{alt:.0f} m'}, km/h TAS", speed,
             b.get("top_speed_kmh", {}).get(alt))
            for alt, speed in zip(card.top_speed_altitudes_m, f.top_speed["tas_kmh"])]
    turns = f.turns
    best = {side: max((r for r, held, bank in zip(turns["rate_deg_s"], turns["sustained"], turns["bank_deg"])
                       if held and (bank > 0) == (side == "right")), default=None) for side in ("right", "left")}
    rows += [("1-g stall, ignition off, km/h EAS", f.stall["eas_kmh"], b.get("stall_kmh")),
             ("best climb at sea level, m/s", f.climb["sea_level_m_s"], b.get("climb_m_s")),
             (f"time to {card.climb_top_m:.0f} m, min", f.climb["minutes_to_top"], b.get("time_to_top_min")),
             ("best sustained turn right, deg/s", best["right"], b.get("sustained_turn_deg_s")),
             ("best sustained turn left, deg/s", best["left"], b.get("sustained_turn_deg_s"))]
    at = f.rolls["eas_kmh"].index(round(card.cruise_kmh, 1)) if round(card.cruise_kmh, 1) in f.rolls["eas_kmh"] else 0
    rows += [(f"peak roll rate {side} at {f.rolls['eas_kmh'][at]:.0f} km/h, deg/s", f.rolls[f"{side}_deg_s"][at],
              b.get("roll_deg_s")) for side in ("right", "left")]
    rows += [("take-off ground roll, m", f.takeoff["ground_roll_m"], b.get("takeoff_roll_m"))]
    rows += [(f"spin {side}: spinning / recovered", f"{_yes(f.spin[side]['spinning'])} / "
              f"{_yes(f.spin[side].get('recovered'))}", None) for side in ("right", "left")]
    return rows


def _yes(value) -> str:
    return {True: "yes", False: "no"}.get(value, "-")


def _cell(value) -> str:
    return "-" if value is None else html.escape(f"{value:g}" if isinstance(value, float) else str(value))


def table(card: TestCard, flights: list[Flown]) -> str:
    columns = [figures_of(card, f) for f in flights]
    head = "".join(f"<th>{html.escape(f.model)}</th>" for f in flights)
    lines = [f"<table><tr><th>figure</th>{head}<th>band</th></tr>"]
    for k, (name, _, band) in enumerate(columns[0]):
        ours = columns[0][k][1]
        out = band is not None and (ours is None or not band[0] <= ours <= band[1])
        cells = "".join(f"<td{' class=out' if out and i == 0 else ''}>{_cell(c[k][1])}</td>"
                        for i, c in enumerate(columns))
        shown = f"{band[0]:g} to {band[1]:g}" if band else ""
        lines.append(f"<tr><td>{html.escape(name)}</td>{cells}<td>{shown}</td></tr>")
    return "\n".join(lines + ["</table>"])


def section(card: TestCard, flights: list[Flown], pngs: dict[str, bytes]) -> str:
    images = "\n".join(f'<img alt="{html.escape(card.title)}: {name}" '
                       f'src="data:image/png;base64,{base64.b64encode(data).decode()}">' for name, data in pngs.items())
    return f"<h2>{html.escape(card.title)}</h2>\n{table(card, flights)}\n{images}"


def page(sections: list[str], notes: list[str]) -> str:
    body = "\n".join(f'<p class="note">{html.escape(n)}</p>' for n in notes) + "\n" + "\n".join(sections)
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Captured! flight-test report"
            f"</title><style>{STYLE}</style></head>\n<body><h1>Flight-test report</h1>\n{body}\n</body></html>\n")
