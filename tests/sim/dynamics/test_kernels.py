"""The compiled tick: the same bits with and without the JIT (the machine code: tests/sim/test_machine_code.py),
the numpy code's results kept, and one clear error for an array the kernels were not built for."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from flight.sim.dynamics import DT, Fleet, load_aircraft
from flight.sim.jit import JIT_DISABLED, KernelArgumentError
from tests.sim.dynamics.scenarios import scenarios, trace

# state digests after 600 ticks. First recorded from the numpy Fleet.step these kernels replaced (with stablemath's
# sin and cos in place of np.sin and np.cos, and its atan2 in the three-point attitude of a ground start); the
# kernels gave its bits. Re-recorded from the kernels when the atmosphere table, the engine lapse and the terrain
# moved to stablemath's pow, exp, sin and cos, and the scenarios' stick inputs to its sin (replay format 2), so they
# hold on every CPU. A change to the physics re-records them with `python -m tests.sim.dynamics.scenarios 600`,
# and the diff gets reviewed
GOLDEN_600 = json.loads(open(os.path.join(os.path.dirname(__file__), "golden_600.json")).read())
_REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


@pytest.mark.parametrize("name", sorted(GOLDEN_600))
def test_the_kernels_give_the_numpy_codes_bits(name):
    assert trace(scenarios(600)[name], 600, every=600)[-1] == GOLDEN_600[name]


_SCRIPT = """
import json
from tests.sim.dynamics.scenarios import scenarios, trace
print(json.dumps({name: trace(scenarios(300)[name], 300, every=100) for name in %r}))
"""


@pytest.mark.skipif(JIT_DISABLED, reason="compares the JIT with plain Python")
def test_plain_python_gives_the_same_bits_as_the_jit():
    names = ["crashes", "ground/camel", "many/9"]
    env = dict(os.environ, NUMBA_DISABLE_JIT="1")
    out = subprocess.run([sys.executable, "-c", _SCRIPT % names], env=env, capture_output=True, text=True,
                         check=True, cwd=_REPO)
    plain = json.loads(out.stdout)
    assert plain == {name: trace(scenarios(300)[name], 300, every=100) for name in names}


@pytest.mark.skipif(JIT_DISABLED, reason="the JIT's type check")
def test_an_array_of_another_dtype_is_refused_with_one_clear_error():
    fleet = Fleet([load_aircraft("camel")])
    fleet.reset(0, pos=(0.0, 0.0, -1000.0), speed=45.0)
    fleet.damage = fleet.damage.astype(np.float32)
    with pytest.raises(KernelArgumentError, match="damage is float32"):
        fleet.step(fleet.controls, DT)
    fleet.damage = np.ones((1, 5))[:, ::1]
    fleet.pos = np.zeros((1, 6))[:, ::2]
    with pytest.raises(KernelArgumentError, match="pos is a view"):
        fleet.step(fleet.controls, DT)


def test_a_ground_function_that_is_not_a_grid_is_asked_for_every_point_the_step_reads():
    asked = []

    def hill(north, east):
        asked.append(len(north))
        return 120.0 + 0.01 * north

    fleet = Fleet([load_aircraft("camel")] * 2, ground=hill)
    fleet.reset(0, on_ground=True, pos=(500.0, 0.0, 0.0))
    fleet.reset(1, on_ground=True, pos=(500.0, 50.0, 0.0))
    asked.clear()
    fleet.step(fleet.controls, DT)
    assert asked == [2 * (1 + fleet.params.contacts.shape[1])]


@pytest.mark.parametrize("spoil", ["control", "throttle_from_the_start", "position", "speed_and_heading", "wind",
                                   "damage"])
def test_a_non_finite_input_ends_as_a_numerical_crash_with_finite_state(spoil):
    """Bad input never raises or indexes out of bounds inside a kernel: what the world writes wrong reads as harmless
    (a centred axis, calm, a part gone), and a non-finite state ends its aircraft as a "numerical" crash where it
    was, with finite state, while the others fly on."""
    fleet = Fleet([load_aircraft("camel"), load_aircraft("fokker_d7")])
    for i in range(2):
        fleet.reset(i, pos=(0.0, 200.0 * i, -1000.0), speed=45.0, heading=90.0, throttle=0.8)
    controls = fleet.controls.copy()
    controls[:, 3] = 0.8
    if spoil == "control":
        controls[1, :] = np.nan
    elif spoil == "throttle_from_the_start":  # no last good setting to keep: the throttle reads as closed
        fleet.reset(1, pos=(0.0, 200.0, -1000.0), speed=45.0, heading=90.0, throttle=float("nan"))
        controls[1, 3] = np.nan
    elif spoil == "position":
        fleet.pos[1, 0] = np.inf
    elif spoil == "speed_and_heading":
        fleet.reset(1, pos=(0.0, 200.0, -1000.0), speed=float("nan"), heading=float("inf"))
    elif spoil == "wind":
        fleet.wind[:] = (np.nan, 0.0, 0.0)
    else:
        fleet.damage[1, :] = np.nan
    with np.errstate(all="ignore"):
        for _ in range(240):
            fleet.step(controls, DT)
    inputs = ("wind", "damage", "damage_engine")  # the world's to write: they stay as it wrote them
    state = {name: value for name, value in fleet.state().items() if name not in inputs and value.dtype.kind == "f"}
    assert all(np.isfinite(value).all() for value in state.values()), spoil
    if spoil in ("control", "throttle_from_the_start", "wind"):  # a non-finite axis reads as centred, a non-finite wind as calm
        assert not fleet.crashed.any()
    elif spoil == "damage":  # a non-finite multiplier reads as the part gone: she falls, but as a wreck would
        assert not fleet.crashed[0] and fleet.crash_cause_name(1) != "numerical"
    else:
        assert fleet.crashed[1] and fleet.crash_cause_name(1) == "numerical" and not fleet.crashed[0]
