"""`flight models`: build every procedural model into a folder of .glb files."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from flight.assets.buildings import hangar_model, windsock_model
from flight.assets.camel import camel_model
from flight.assets.gltf import glb_bytes
from flight.dynamics import load_aircraft


def build_all(out_dir: Path) -> list[Path]:
    """Write each model into `out_dir` and return the paths written, in build order."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    models = {"camel.glb": lambda: camel_model(load_aircraft("camel")),
              "canvas_hangar.glb": hangar_model,
              "windsock.glb": windsock_model}
    written = []
    for filename, build in models.items():
        written.append(_write_atomically(out_dir / filename, glb_bytes([build()])))
    return written


def _write_atomically(path: Path, data: bytes) -> Path:
    """Replace `path` in one step, so a running game or an interrupted build never sees half a model."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(temp, 0o644)  # mkstemp makes it private; a model is an ordinary shared file
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise
    return path
