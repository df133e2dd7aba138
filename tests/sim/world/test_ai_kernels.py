"""The AI pilot's compiled per-tick arithmetic (sensing, the inner loops, the guidance pass): the
same bits with and without the JIT (the machine code: tests/sim/test_machine_code.py), and one clear error for an array the loops were not built for."""
from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from flight.sim.jit import JIT_DISABLED, KernelArgumentError
from tests.sim.dynamics.test_kernels import _REPO

_SCRIPT = """
import numpy as np
from flight.sim.dynamics import DT
from flight.sim.replay.arrays import digest
from flight.sim.world.ai import Airfield, Pilot
from tests.sim.world.ai_flights import air_start
fleet = air_start(["camel", "fokker_d7", "fokker_d7"], [(0.0, 0.0, 600.0, 0.0, 40.0), (-150.0, 90.0, 570.0, 10.0, 40.0),
                                                       (-900.0, -60.0, 400.0, 90.0, 40.0)])
pilot = Pilot(fleet, [0, 1, 2], teams=[0, 0, 1], rng=np.random.Generator(np.random.PCG64(5)))
pilot.formation([1], leader=0)
pilot.land([0], Airfield(2000.0, 0.0, 0.0, 600.0))
pilot.pursue([2], target=0)
out = []
for tick in range(%d):
    pilot.update()
    fleet.step(fleet.controls, DT)
    if tick %% 100 == 99:
        out.append(digest({**fleet.state(), **pilot.state()}).hex())
print(out)
"""


@pytest.mark.skipif(JIT_DISABLED, reason="compares the JIT with plain Python")
def test_plain_python_gives_the_same_bits_as_the_jit():
    runs = [subprocess.run([sys.executable, "-c", _SCRIPT % 300], env=dict(os.environ, **extra), capture_output=True,
                           text=True, check=True, cwd=_REPO).stdout for extra in ({}, {"NUMBA_DISABLE_JIT": "1"})]
    assert runs[0] == runs[1] and len(runs[0].split(",")) == 3


@pytest.mark.skipif(JIT_DISABLED, reason="the JIT's type check")
def test_an_integrator_of_another_dtype_is_refused_with_one_clear_error():
    from flight.sim.world.ai import Pilot
    from tests.sim.world.ai_flights import air_start
    fleet = air_start(["camel"], [(0.0, 0.0, 600.0, 0.0, 40.0)])
    pilot = Pilot(fleet, [0])
    pilot.update()
    pilot.loops.blipping = np.zeros(1, dtype=np.float32)
    with pytest.raises(KernelArgumentError, match="blipping is float32"):
        pilot.update()


@pytest.mark.skipif(JIT_DISABLED, reason="the JIT's type check")
def test_a_state_array_of_another_dtype_is_refused_by_the_guidance_pass_by_name():
    from flight.sim.world.ai import Pilot
    from tests.sim.world.ai_flights import air_start
    fleet = air_start(["camel"], [(0.0, 0.0, 600.0, 0.0, 40.0)])
    pilot = Pilot(fleet, [0])
    pilot.tactic_ticks = np.zeros(1, dtype=np.int32)
    with pytest.raises(KernelArgumentError, match="tactic_ticks is array\\(int32"):
        pilot.update()
