"""`flight report`: fly every type's test card and write the page. matplotlib is the optional `report` extra and
jsbsim the `test` extra; without matplotlib the command says how to install it and exits 2, without jsbsim the
page shows ours alone and says so."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

from flight.tools.flight_test.cards import CARDS, TestCard

PAGE_NAME = "flight-report.html"
INSTALL_HINT = ("flight report: needs matplotlib, the report extra: pip install 'captured-flight[report]' "
                "(or pip install matplotlib)")


def run(out: Path, aircraft: str | None = None, png_dir: Path | None = None, quick: bool = False,
        jsbsim: bool = True) -> int:
    """Write out/flight-report.html (and each plot as out_png/<type>-<plot>.png with png_dir); the exit code."""
    if aircraft is not None and aircraft not in CARDS:
        print(f"flight report: no test card for aircraft {aircraft!r} (there are: {', '.join(sorted(CARDS))})",
              file=sys.stderr)
        return 2
    if importlib.util.find_spec("matplotlib") is None:
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    from flight.tools.report import page, plots
    from flight.tools.report.flights import fly_card

    start = time.perf_counter()
    with_jsbsim = jsbsim and importlib.util.find_spec("jsbsim") is not None
    cards = [CARDS[aircraft]] if aircraft else list(CARDS.values())
    sections = []
    for card in cards:
        _progress(f"flying the {card.title}")
        flights = [fly_card(card, card.ours(), "ours", quick)]
        if with_jsbsim and card.jsbsim_model:
            _progress(f"flying JSBSim's {card.jsbsim_model}")
            flights.append(fly_card(card, card.jsbsim(), f"JSBSim {card.jsbsim_model}", quick))
        pngs = {name: plots.png(draw(card, flights)) for name, draw in plots.PLOTS.items()}
        if png_dir is not None:
            png_dir.mkdir(parents=True, exist_ok=True)
            for name, data in pngs.items():
                (png_dir / f"{card.aircraft}-{name}.png").write_bytes(data)
        sections.append(page.section(card, flights, pngs))
    notes = _notes(cards, with_jsbsim, jsbsim, time.perf_counter() - start, quick)
    out.mkdir(parents=True, exist_ok=True)
    path = out / PAGE_NAME
    path.write_text(page.page(sections, notes))
    print(f"wrote {path} ({time.perf_counter() - start:.0f} s)")
    return 0


def _notes(cards: list[TestCard], with_jsbsim: bool, asked: bool, seconds: float, quick: bool) -> list[str]:
    notes = ["Every figure is flown by the test pilot and maneuvers of the acceptance tests (tests/sim/dynamics, "
             "flight/tools/flight_test), from the same test cards; grey bands are the bands the tests hold our "
             "figures to (fdm-reference.md, the issues). JSBSim's figures are reported beside ours, never held to "
             "the bands. The structural limit drawn on the turn diagrams is nominal: the flight model does not "
             "break an overstressed airframe."]
    if any(c.jsbsim_model for c in cards):
        if with_jsbsim:
            notes.append("JSBSim flies its Camel and its dr1 (with the 157 kg of pilot, guns and ammunition it "
                         "lacks added at the CG) where it has the type.")
        elif asked:
            notes.append("The jsbsim package is not installed (it is in the test extra: pip install "
                         "'captured-flight[test]'), so this page shows our model alone.")
        else:
            notes.append("JSBSim left out on request (--no-jsbsim): this page shows our model alone.")
    notes.append(f"Flown in {seconds:.0f} s{' with --quick (fewer sweep points)' if quick else ''}.")
    return notes


def _progress(text: str) -> None:
    """A line a step on a terminal; quiet when piped (DESIGN.md)."""
    if sys.stderr.isatty():
        print(f"  {text}...", file=sys.stderr, flush=True)
