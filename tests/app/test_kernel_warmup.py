"""On a first start the flight model's kernels compile behind the menu (`flight play` defers them): the menu shows
how far it has got, and the flight, once they are ready, flies the same bits as a game that compiled them at once."""
import subprocess
import sys
from pathlib import Path

import pytest

import flight

SORTIE = """
import sys
from flight.sim import jit
if sys.argv[1] == "deferred":
    jit.defer_compiling()
from flight.app.app import FlightApp
from flight.sim.command import ControlFrame
from flight.sim.replay import arrays
from flight.sim.run.driver import Driver
from flight.sim.run.sortie import Sortie
from flight.sim.world import load_level
app = FlightApp("offscreen", size=(320, 180))
app.task_mgr.step()  # the menu's first frame, then the warm-up starts
waited = app.kernels.thread is not None
if waited:
    app.kernels.thread.join()
sortie = Sortie(load_level("training"), seed=3)
driver = Driver(sortie)
for _ in range(240):
    driver.step(ControlFrame(elevator=0.2, throttle=1.0))
print(waited, jit.kernels_ready(), app.kernels.line(), arrays.digest(sortie.state()).hex())
app.close()
"""


def run(mode: str) -> list[str]:
    root = Path(flight.__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", SORTIE, mode], capture_output=True, text=True, timeout=300,
                          cwd=root)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()[-4:]


def test_kernels_compiled_behind_the_menu_fly_the_same_bits_as_kernels_compiled_at_once():
    deferred, at_once = run("deferred"), run("at_once")
    assert deferred[:3] == ["True", "True", "None"], "the app compiled them in its thread, and says no more"
    assert at_once[:3] == ["False", "True", "None"], "nothing left for the app to do"
    assert deferred[3] == at_once[3]


class Warmup:
    """Stands in for the app's KernelWarmup: a line while it runs."""

    def __init__(self):
        self.text = "Preparing the flight model for this machine (once, on a first start): 3 of 12"

    def start(self):
        """Nothing to start: the text stands for a thread's progress."""

    def line(self):
        return self.text


@pytest.mark.parametrize("screen, where", [("menu", {}), ("briefing", {"level": "escape"})])
def test_the_menu_and_the_briefing_show_the_progress_line_until_the_kernels_are_ready(app, screen, where):
    """`flight play` opens at the menu, `flight play LEVEL` at the level's briefing: both say how far it has got."""
    real, app.kernels = app.kernels, Warmup()
    try:
        app.router.go(screen, **where)
        app.task_mgr.step()
        line = app.router.screen.warmup
        assert line.text.getText() == app.kernels.text
        app.kernels.text = None
        app.task_mgr.step()
        assert line.text.getText() == ""
        assert not app.task_mgr.getTasksNamed(line.task_name)
    finally:
        app.kernels = real
        app.router.go("menu")
