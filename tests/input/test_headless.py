"""flight.input must not pull in panda3d: the app forwards events as plain values, so it runs headless."""
import subprocess
import sys
from pathlib import Path

import flight

CHECK = """
import sys
import flight.input
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in ("panda3d", "direct"))))
"""


def test_importing_flight_controls_does_not_import_panda3d():
    # a fresh interpreter, because this one may already hold panda3d from other tests
    result = subprocess.run([sys.executable, "-c", CHECK], cwd=Path(flight.__file__).resolve().parent.parent,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
