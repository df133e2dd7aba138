"""`python -m tests.fuzz` keeps working: a short run finds nothing and says so in its JSON report."""
import json
import subprocess
import sys
from pathlib import Path

import flight

ROOT = Path(flight.__file__).resolve().parent.parent


def test_a_short_fuzz_run_reports_no_traceback_hang_or_changed_file():
    result = subprocess.run([sys.executable, "-m", "tests.fuzz", "--cases", "24", "--seed", "3"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    report = json.loads(result.stdout)
    assert result.returncode == 0, result.stdout
    assert report["cases"] == 24 and len(report["by_kind"]) == 8
    assert report["tracebacks"] == report["hangs_over_10s"] == report["user_files_changed"] == 0
