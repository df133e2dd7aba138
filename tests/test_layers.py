"""The simulation layers never import panda3d, so the game runs headless (DESIGN.md, "Layers")."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import flight

SIM_PACKAGES = ["flight.sim.dynamics", "flight.sim.world", "flight.sim.missions", "flight.sim.replay"]
ALWAYS_HEADLESS = ["flight", "flight.cli", "flight.paths"]
HEADLESS = ALWAYS_HEADLESS + [name for name in SIM_PACKAGES if importlib.util.find_spec(name)]

CHECK = """
import importlib, sys
importlib.import_module(sys.argv[1])
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in ("panda3d", "direct"))))
"""


@pytest.mark.parametrize("module", HEADLESS)
def test_module_does_not_import_panda3d(module: str) -> None:
    # A fresh interpreter, because this one may already hold panda3d from other tests; its cwd is the
    # folder holding the imported `flight`, so it checks the same code this test sees.
    result = subprocess.run(
        [sys.executable, "-c", CHECK, module],
        cwd=Path(flight.__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} imported {result.stdout.strip()}"
