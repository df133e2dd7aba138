"""The compiled tick is CPU-independent in its machine code too (DESIGN.md, Replays): no kernel under flight/sim
contains a fused multiply-add (numba keeps `a * b + c` as two roundings while fastmath is off) or calls the C
library's transcendentals (whose results differ in the last bit between its FMA and SSE2 versions). Every kernel
compiled with its signatures is found by walking the package, so a new one is checked without being listed."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flight.sim.jit import JIT_DISABLED

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = r"""
import importlib, json, pkgutil, re
from numba.core.registry import CPUDispatcher
import flight.sim
kernels = {}
for info in pkgutil.walk_packages(flight.sim.__path__, "flight.sim."):
    module = importlib.import_module(info.name)
    for name, value in vars(module).items():
        if isinstance(value, CPUDispatcher) and value.py_func.__module__ == info.name and value.signatures:
            kernels[f"{info.name}.{name}"] = value
fma = re.compile(r"\bv?f(n)?m(add|sub)[0-9a-z]*\b", re.IGNORECASE)
# numba calls the C library through a loaded address (movabsq $sin, %rax; callq *%rax) or directly
libm = re.compile(r"(\$|\bcall\w*\s+|\bjmp\w*\s+)(sin|cos|tan|exp|exp2|pow|log|log2|log10|atan|atan2|asin|acos|"
                  r"sincos)(f|l)?(@plt)?\b")
found, empty = {}, []
for name, k in kernels.items():
    listings = k.inspect_asm()
    if not listings:
        empty.append(name)
    for asm in listings.values():
        hits = [m.group(0) for m in fma.finditer(asm)] + [m.group(0) for m in libm.finditer(asm)]
        if hits:
            found[name] = hits[:5]
print(json.dumps({"kernels": sorted(kernels), "found": found, "no_listing": empty}))
"""


@pytest.mark.skipif(JIT_DISABLED, reason="reads the compiled machine code")
def test_no_kernel_has_a_fused_multiply_add_or_a_libm_call(tmp_path):
    # numba shows no assembly for kernels loaded from its cache: compile them all afresh, in a cache of its own
    done = subprocess.run([sys.executable, "-c", _SCRIPT], env=dict(os.environ, NUMBA_CACHE_DIR=str(tmp_path)),
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["found"] == {} and report["no_listing"] == []
    kernels = set(report["kernels"])
    for expected in ("flight.sim.dynamics.step.step_fleet", "flight.sim.world.ai.planning.plan",
                     "flight.sim.world.ai.loops.fly", "flight.sim.world.combat.firing._pull_triggers",
                     "flight.sim.world.seats.gate.rounds.fly", "flight.sim.world.tallies.tally"):
        assert any(name == expected or name.startswith(expected) for name in kernels), expected
    assert len(kernels) > 60, sorted(kernels)
