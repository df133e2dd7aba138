"""Collects every flight-test figure of the session (ours beside JSBSim's, with the band) and prints them as one
table at the end of the run, so a failing band shows next to everything else the models did."""

from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class Figure:
    aircraft: str
    name: str
    ours: object
    jsbsim: object
    band: str
    in_band: bool | None


class FigureTable:
    """The figures recorded by the flight tests, in the order they were flown."""

    def __init__(self) -> None:
        self.rows: list[Figure] = []

    def record(self, aircraft: str, name: str, ours, jsbsim=None, band: tuple[float, float] | str = "") -> None:
        """A numeric band (low, high) is checked here for the table; a text band only describes the test's check."""
        if isinstance(band, tuple):
            low, high = band
            in_band = ours is not None and low <= ours <= high
            band = f"{low:g}..{high:g}"
        else:
            in_band = None
        self.rows.append(Figure(aircraft, name, ours, jsbsim, band, in_band))

    def lines(self) -> list[str]:
        header = ("aircraft", "figure", "ours", "JSBSim", "band", "")
        cells = [header] + [(f.aircraft, f.name, _shown(f.ours), _shown(f.jsbsim), f.band,
                             {True: "ok", False: "OUT", None: ""}[f.in_band]) for f in self.rows]
        widths = [max(len(row[c]) for row in cells) for c in range(len(header))]
        return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in cells]


def _shown(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


_TABLE = pytest.StashKey[FigureTable]()


@pytest.fixture(scope="session")
def figures(request) -> FigureTable:
    return request.config.stash.setdefault(_TABLE, FigureTable())


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    table = config.stash.get(_TABLE, None)
    if table is None or not table.rows:
        return
    terminalreporter.write_sep("-", "flight-test figures")
    for line in table.lines():
        terminalreporter.write_line(line)
