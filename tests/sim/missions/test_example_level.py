"""The modding guide's example level (levels/README.md) is complete: copied out of the guide as it stands, it
loads and runs."""
import re

import numpy as np

from flight.paths import levels_dir
from flight.sim.world import load_level
from flight.sim.run.sortie import Sortie


def test_the_guides_example_loads_and_runs(tmp_path, monkeypatch):
    guide = (levels_dir() / "README.md").read_text()
    toml = re.search(r"```toml\n(.*?)```", guide, re.S).group(1)
    script = re.search(r"```python\n(.*?)```", guide, re.S).group(1)
    (tmp_path / "patrol").mkdir()
    (tmp_path / "patrol" / "level.toml").write_text(toml)
    (tmp_path / "patrol" / "mission.py").write_text(script)
    monkeypatch.setattr("flight.paths.levels_dir", lambda: tmp_path)
    level = load_level("patrol")
    assert level.title == "Sunday Patrol" and "the_wood" in level.zones and level.flights[0].name == "wingman"
    assert [step["do"] for step in level.plan] == ["takeoff", "fly_to", "land"]
    sortie = Sortie(level)
    for _ in range(240):
        sortie.tick(np.zeros(6))
    m = sortie.mission.m
    assert [o.text for o in m.objectives.values()] == ["Take off"]
    assert m.log[0].speaker == "Flight Commander"
