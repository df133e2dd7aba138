"""Every test session runs with its own empty config and data folders, so a player's real settings and replays
never leak into a test, and tests never write into the player's (session scope: module-scoped apps read the
settings before any function-scoped fixture could run).

The flight tests (tests/sim/dynamics) record their figures, ours beside JSBSim's with the band, and the session prints
them as one table at the end, so a failing band shows next to everything else the models did (here, not in
tests/sim/dynamics, so the pytest-xdist controller that prints it loads it too).
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import astuple, dataclass
from pathlib import Path

import pytest

from flight.paths import CONFIG_DIR_ENV, DATA_DIR_ENV

# Compiled kernels are cached across test runs and shared by the xdist workers (not in each session's fresh data
# folder, which would compile them again in every worker); the cache keys itself on the sources (flight.sim.jit).
os.environ.setdefault("NUMBA_CACHE_DIR", str(Path(tempfile.gettempdir()) / f"captured-flight-tests-numba-{os.getuid()}"))


def pytest_configure(config):
    """Compile (or load) the kernels once in the controlling process, before the xdist workers start, so the
    workers load them from the cache instead of each compiling them."""
    if not hasattr(config, "workerinput"):
        from flight.sim import jit
        jit.defer_compiling()
        jit.import_every_kernel()
        jit.compile_kernels()


# The files that compile every kernel afresh in a process of their own (a minute each on a cold machine): run first,
# one to each xdist worker, so neither is left running alone at the end of the suite
COMPILE_AFRESH = ("tests/sim/test_machine_code.py", "tests/sim/replay/test_exact_on_every_cpu.py")


def pytest_collection_modifyitems(config, items) -> None:
    items.sort(key=lambda item: item.nodeid.split("::")[0] not in COMPILE_AFRESH)  # stable: the rest keep their order


@pytest.fixture(scope="session", autouse=True)
def private_user_dirs(tmp_path_factory):
    previous = {name: os.environ.get(name) for name in (CONFIG_DIR_ENV, DATA_DIR_ENV)}
    os.environ[CONFIG_DIR_ENV] = str(tmp_path_factory.mktemp("config"))
    os.environ[DATA_DIR_ENV] = str(tmp_path_factory.mktemp("data"))
    yield
    for name, value in previous.items():
        if value is None:
            del os.environ[name]
        else:
            os.environ[name] = value


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

    def check(self, aircraft: str, name: str, ours, jsbsim, band: tuple[float, float], agrees: float) -> None:
        """Record a figure, then assert it is inside its band and within `agrees` (relative) of JSBSim's."""
        self.record(aircraft, name, ours, jsbsim, band)
        assert band[0] <= ours <= band[1], f"{aircraft} {name}: {ours} outside {band}"
        assert ours == pytest.approx(jsbsim, rel=agrees), f"{aircraft} {name}: {ours} against JSBSim's {jsbsim}"

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


def pytest_sessionfinish(session) -> None:
    """Under pytest-xdist each worker hands its figures to the controller, which prints the one table."""
    table = session.config.stash.get(_TABLE, None)
    if hasattr(session.config, "workeroutput") and table is not None:
        session.config.workeroutput["flight_figures"] = json.dumps([astuple(f) for f in table.rows])


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    rows = getattr(node, "workeroutput", {}).get("flight_figures")
    if rows:
        table = node.config.stash.setdefault(_TABLE, FigureTable())
        table.rows.extend(Figure(*row) for row in json.loads(rows))


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    table = config.stash.get(_TABLE, None)
    if table is None or not table.rows:
        return
    terminalreporter.write_sep("-", "flight-test figures")
    for line in table.lines():
        terminalreporter.write_line(line)
