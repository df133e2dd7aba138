"""The gate fight's compiled per-tick arithmetic (the gun, its rounds, the lights, the guards, the prisoners, the
gunner AI) and the rear gun's laying: the same bits with and without the JIT
(the machine code: tests/sim/test_machine_code.py)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from flight.sim.jit import JIT_DISABLED
from tests.sim.dynamics.test_kernels import _REPO

_SCRIPT = """
from flight.sim.replay.arrays import digest
from flight.sim.world.seats.gate.gunner import GateGunner
from tests.sim.world.test_gate import GateOnly
stage, gunner, out = GateOnly(3), GateGunner(), []
for tick in range(%d):
    frame = gunner.frame(stage.gate, stage.tick_count).quantised()
    stage.tick(frame.to_array(), frame.buttons)
    if tick %% 300 == 299:
        out.append(digest(stage.gate.state()).hex())
print(out, int((stage.gate.guards.state == 3).sum()), stage.gate.fired)
"""


@pytest.mark.skipif(JIT_DISABLED, reason="compares the JIT with plain Python")
def test_plain_python_gives_the_same_bits_as_the_jit():
    runs = [subprocess.run([sys.executable, "-c", _SCRIPT % 1500], env=dict(os.environ, **extra), capture_output=True,
                           text=True, check=True, cwd=_REPO).stdout for extra in ({}, {"NUMBA_DISABLE_JIT": "1"})]
    assert runs[0] == runs[1]
    down, fired = (int(n) for n in runs[0].split()[-2:])
    assert down > 0 and fired > 0, "the guards came on and the gun fired"
