"""Small test levels: the training level's map and start with a mission.py written by each test."""
import textwrap

import pytest

from flight.paths import levels_dir
from flight.sim.world import load_level
from flight.sim.run.sortie import Sortie

LEVEL_TOML = (levels_dir() / "training" / "level.toml").read_text() + """
[zones.north_field]
north_min = 2000.0
north_max = 3000.0
east_min = -500.0
east_max = 500.0

[zones.the_lines]
west_of = -2000.0
"""


@pytest.fixture
def make_sortie(tmp_path, monkeypatch):
    """make_sortie(script) -> a Sortie of a level whose mission.py is `script`."""
    monkeypatch.setattr("flight.paths.levels_dir", lambda: tmp_path)

    def make(script: str, name: str = "test", seed: int = 0) -> Sortie:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        (folder / "level.toml").write_text(LEVEL_TOML)
        (folder / "mission.py").write_text(textwrap.dedent(script))
        return Sortie(load_level(name), seed=seed)
    return make
