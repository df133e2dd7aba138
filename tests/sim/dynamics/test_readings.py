"""The instruments' readings kernel gives, to the bit, what the Fleet's numpy formulas gave before it (a replay's
mission conditions and the auto-pilot read them, so a changed bit could move an ending by a tick)."""
import numpy as np

from flight.sim.dynamics import Fleet, atmosphere, load_aircraft, quaternion
from flight.sim.dynamics.readings import ROWS
from flight.sim.dynamics.stablemath import atan2
from flight.sim.map.terrain import generate_terrain


def _scattered_fleet(n: int) -> tuple[Fleet, object]:
    terrain = generate_terrain(seed=1)
    rng = np.random.default_rng(0)
    fleet = Fleet([load_aircraft("camel")] * n, ground=terrain.height_at)
    fleet.pos[:] = rng.uniform(-5000.0, 5000.0, (n, 3))
    fleet.pos[:, 2] = -rng.uniform(-50.0, 3000.0, n)
    fleet.vel[:] = rng.normal(0.0, 40.0, (n, 3))
    q = rng.normal(size=(n, 4))
    fleet.quat[:] = q / np.linalg.norm(q, axis=1)[:, None]
    fleet.wind[:] = (3.0, -2.0, 0.5)
    return fleet, terrain


def test_readings_are_the_numpy_formulas_to_the_bit():
    fleet, terrain = _scattered_fleet(3000)
    air = fleet.vel - fleet.wind
    body = np.einsum("nji,nj->ni", quaternion.to_matrix(fleet.quat), air)
    tas = np.sqrt(np.einsum("ij,ij->i", air, air))
    expected = {
        "airspeed": tas,
        "eas": tas * np.sqrt(atmosphere.density(-fleet.pos[:, 2]) / atmosphere.SEA_LEVEL_DENSITY),
        "alpha": atan2(body[:, 2], body[:, 0]),
        "beta": atan2(body[:, 1], np.sqrt(body[:, 0] * body[:, 0] + body[:, 2] * body[:, 2])),
        **dict(zip(("roll", "pitch", "heading"), quaternion.to_euler(fleet.quat).T)),
        "height": -fleet.pos[:, 2] - terrain.height_at(fleet.pos[:, 0], fleet.pos[:, 1]),
    }
    read = fleet.readings()
    for row, name in enumerate(ROWS):
        assert np.array_equal(read[row], expected[name]), name
    assert np.array_equal(fleet.euler[:, 2], expected["heading"]) and fleet.euler.flags.c_contiguous


def test_a_broken_state_reads_nan_not_an_error():
    fleet, _ = _scattered_fleet(3)
    fleet.pos[1, 0] = np.nan
    fleet.vel[2] = np.inf
    read = fleet.readings()
    assert np.isnan(read[ROWS.index("height"), 1]) and np.isfinite(read[:, 0]).all()
