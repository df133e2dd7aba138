"""The combat kernels refuse state arrays of another dtype with one clear error instead of compiling again."""

import numpy as np
import pytest

from flight.sim.jit import KernelArgumentError
from tests.sim.world.combat_worlds import CRUISE, flying, world


def test_a_condition_array_of_another_dtype_is_refused_in_one_line():
    w = world([flying("player", "camel", "allied", 0.0, 0.0)])
    w.combat.condition.pilot = w.combat.condition.pilot.astype(np.float32)
    with pytest.raises(KernelArgumentError, match="pilot is float32") as e:
        w.tick(CRUISE)
    assert "\n" not in str(e.value)
