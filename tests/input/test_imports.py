"""flight.input imports panda3d only in its device-reading module (STYLE.md, "One owner per heavy dependency"):
the readers, mixer, bindings, curves and the `flight devices` listing run headless."""
import subprocess
import sys
from pathlib import Path

import pytest

import flight

PURE = ["flight.input", "flight.input.curves", "flight.input.profiles", "flight.input.bindings_file",
        "flight.input.default_bindings", "flight.input.device", "flight.input.device_reading",
        "flight.input.mixer", "flight.input.capture", "flight.input.navigation",
        "flight.tools.devices_command"]
CHECK = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in ("panda3d", "direct"))))
"""


@pytest.mark.parametrize("modules", [PURE], ids=["pure-controls"])
def test_the_controls_import_no_panda3d(modules):
    result = subprocess.run([sys.executable, "-c", CHECK, *modules], capture_output=True, text=True, timeout=60,
                            cwd=Path(flight.__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
