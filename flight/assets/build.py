"""`flight models`: build every procedural model into a folder of .glb files."""
from __future__ import annotations

from pathlib import Path

from flight.assets.buildings import hangar_model, windsock_model
from flight.assets.camel import camel_model
from flight.assets.gltf import glb_bytes
from flight.dynamics import load_aircraft
from flight.files import write_atomically


def build_all(out_dir: Path) -> list[Path]:
    """Write each model into `out_dir` and return the paths written, in build order."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    models = {"camel.glb": lambda: camel_model(load_aircraft("camel")),
              "canvas_hangar.glb": hangar_model,
              "windsock.glb": windsock_model}
    written = []
    for filename, build in models.items():
        written.append(write_atomically(out_dir / filename, glb_bytes([build()])))
    return written
