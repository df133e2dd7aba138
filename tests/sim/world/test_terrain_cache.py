"""The theatre's terrain kept on disk beside the kernels: loaded back to the bit, and made again from a damaged file."""
import numpy as np

from flight.sim.map import theatre

SMALL = (3, (800.0, 800.0), 40.0, ((0.0, 0.0, 100.0),), 60.0)  # seed, size, spacing, flat spots, base height


def _fresh(monkeypatch, folder):
    monkeypatch.setattr(theatre, "CACHE_DIR", folder)
    theatre._terrain.cache_clear()
    return theatre._terrain(*SMALL)


def test_the_terrain_loaded_from_disk_is_the_generated_one_to_the_bit(monkeypatch, tmp_path):
    made = _fresh(monkeypatch, tmp_path)
    (saved,) = tmp_path.glob("terrain-*.npz")
    loaded = _fresh(monkeypatch, tmp_path)
    assert loaded is not made
    assert np.array_equal(loaded.heights, made.heights) and np.array_equal(loaded.river, made.river)
    assert (loaded.north0, loaded.east0, loaded.spacing) == (made.north0, made.east0, made.spacing)
    saved.write_bytes(b"not a terrain")
    again = _fresh(monkeypatch, tmp_path)
    assert np.array_equal(again.heights, made.heights) and saved.read_bytes() != b"not a terrain"
    theatre._terrain.cache_clear()
