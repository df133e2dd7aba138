"""Running a script with numpy's AVX-512 kernels on and off (DESIGN.md, Replays: numpy picks SIMD kernels by CPU,
and what the simulation computes must not depend on which). On a CPU without AVX-512 the variable changes nothing
and the comparisons still hold."""
import os
import subprocess
import sys
from pathlib import Path

WITHOUT_AVX512 = {"NPY_DISABLE_CPU_FEATURES": "X86_V4 AVX512_ICL AVX512_SPR"}
ROOT = str(Path(__file__).resolve().parents[1])


def run_python(argv: list[str], extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python argv...` with this checkout first on the path and `extra_env` set."""
    env = dict(os.environ, **(extra_env or {}))
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, *argv], env=env, capture_output=True, text=True, timeout=300)


def outputs_with_and_without_avx512(script: str) -> tuple[str, str]:
    """The script's stdout with numpy's usual kernels and with its AVX-512 ones switched off."""
    outputs = []
    for extra in ({}, WITHOUT_AVX512):
        done = run_python(["-c", script], extra)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout.strip())
    return outputs[0], outputs[1]
