"""Running a script as on another CPU (DESIGN.md, Replays: what the simulation computes must not depend on it):
numpy with its AVX-512 kernels on and off; a CPU without AVX2 or FMA (glibc's SSE2 maths instead of its FMA
versions, OpenBLAS's kernels for a Nehalem, numpy's x86-64-v2 baseline kernels); numba's code for a generic
x86-64. On a CPU without AVX-512 or FMA the variables change less, and the comparisons still hold."""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

WITHOUT_AVX512 = {"NPY_DISABLE_CPU_FEATURES": "X86_V4 AVX512_ICL AVX512_SPR"}
WITHOUT_AVX2 = {"GLIBC_TUNABLES": "glibc.cpu.hwcaps=-AVX2,-FMA,-AVX512F,-AVX512DQ,-AVX512BW,-AVX512VL,-AVX512CD",
                "OPENBLAS_CORETYPE": "Nehalem", "NPY_DISABLE_CPU_FEATURES": "X86_V3 X86_V4 AVX512_ICL AVX512_SPR"}
# its own kernel cache, kept across test runs like the suite's (tests/conftest.py) and keyed on the sources the
# same way (flight.sim.jit), so the generic code compiles once per change of the simulation
GENERIC_NUMBA = {"NUMBA_CPU_NAME": "generic",
                 "NUMBA_CACHE_DIR": str(Path(tempfile.gettempdir()) / f"captured-flight-tests-numba-generic-{os.getuid()}")}
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
