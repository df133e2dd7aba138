"""The layers of DESIGN.md: the simulation never imports panda3d, so the game runs headless, and no package imports
one above it, lazy imports inside functions included (every module's every import is read from its source)."""

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import flight

PACKAGE = Path(flight.__file__).resolve().parent
# Lowest first: a module may import its own layer and those before it. Top-level modules not listed (paths, files, text,
# __init__) are plumbing every layer may use.
SIM_LAYERS = [["flight.sim.command", "flight.sim.jit"], "flight.sim.dynamics", "flight.sim.map", "flight.sim.world",
              "flight.sim.missions", "flight.sim.run", "flight.sim.replay"]
OUTER_LAYERS = [["flight.assets", "flight.input", "flight.sound"], ["flight.hud"],
                ["flight.campaign", "flight.story", "flight.app"],
                ["flight.tools", "flight.cli", "flight.__main__"]]
LAYERS = [name if isinstance(name, list) else [name] for name in SIM_LAYERS] + OUTER_LAYERS
GRAPHICS = ("panda3d", "direct", "gltf")
HEADLESS_PACKAGES = ("flight.sim", "flight.sound")  # never import GRAPHICS: the sound renders offline too


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every module an import statement names, wherever it stands in the file."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def layer_of(module: str) -> int | None:
    for index, layer in enumerate(LAYERS):
        if any(module == name or module.startswith(name + ".") for name in layer):
            return index
    return None


def upward_imports(package: Path) -> list[str]:
    """'importer -> imported' for each import of a higher layer, or of panda3d in the simulation."""
    found = []
    for path in sorted(package.rglob("*.py")):
        importer = module_name(path)
        own = layer_of(importer)
        if own is None:
            continue
        for imported in sorted(imports_of(path)):
            other = layer_of(imported)
            graphics = imported.split(".")[0] in GRAPHICS and importer.startswith(HEADLESS_PACKAGES)
            if graphics or (other is not None and other > own):
                found.append(f"{importer} -> {imported}")
    return found


def test_no_module_imports_a_layer_above_its_own():
    assert upward_imports(PACKAGE) == []


def test_the_check_sees_a_lazy_import_inside_a_function(tmp_path):
    sim = tmp_path / "flight" / "sim" / "world"
    sim.mkdir(parents=True)
    (sim / "sneaky.py").write_text("def later():\n    from flight.app.flight.flight_view import FlightView\n"
                                   "    import panda3d.core\n")
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path / "flight"
    try:
        assert upward_imports(PACKAGE) == ["flight.sim.world.sneaky -> flight.app.flight.flight_view",
                                           "flight.sim.world.sneaky -> flight.app.flight.flight_view.FlightView",
                                           "flight.sim.world.sneaky -> panda3d.core"]
    finally:
        PACKAGE = saved


SIM_PACKAGES = [f"flight.sim.{name}" for name in ("dynamics", "map", "world", "missions", "run", "replay")]
HEADLESS = ["flight", "flight.cli", "flight.paths", "flight.sim.command", "flight.sound.sound_mixer",
            "flight.story.scenes", "flight.story.playhead"] + [
    name for name in SIM_PACKAGES if importlib.util.find_spec(name)]

CHECK = """
import importlib, sys
importlib.import_module(sys.argv[1])
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in ("panda3d", "direct"))))
"""


@pytest.mark.parametrize("module", HEADLESS)
def test_module_does_not_import_panda3d(module: str) -> None:
    # A fresh interpreter, because this one may already hold panda3d from other tests; its cwd is the
    # folder holding the imported `flight`, so it checks the same code this test sees.
    result = subprocess.run(
        [sys.executable, "-c", CHECK, module],
        cwd=PACKAGE.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} imported {result.stdout.strip()}"


def test_no_two_modules_share_a_file_name():
    """A name says which module it is: no `units.py` in three packages (the reader searching for one finds one)."""
    names = [path.name for path in PACKAGE.rglob("*.py") if path.name != "__init__.py"]
    assert sorted({name for name in names if names.count(name) > 1}) == []
