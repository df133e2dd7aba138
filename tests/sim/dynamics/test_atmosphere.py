"""ISA tables against the standard's own figures."""
import numpy as np
import pytest

from flight.sim.dynamics import atmosphere


@pytest.mark.parametrize("altitude, density, temperature, pressure", [
    (0.0, 1.2250, 288.15, 101325.0),
    (3048.0, 0.9046, 268.34, 69682.0),
    (11000.0, 0.3639, 216.65, 22632.0),
    (15000.0, 0.1937, 216.65, 12045.0),  # geopotential height, as the sim uses
])
def test_isa_matches_the_standard(altitude, density, temperature, pressure):
    h = np.array([altitude])
    assert atmosphere.density(h)[0] == pytest.approx(density, rel=2e-3)
    assert atmosphere.temperature(h)[0] == pytest.approx(temperature, abs=0.05)
    assert atmosphere.pressure(h)[0] == pytest.approx(pressure, rel=2e-3)


def test_speed_of_sound_at_sea_level():
    assert atmosphere.speed_of_sound(np.array([0.0]))[0] == pytest.approx(340.29, abs=0.05)
