"""Every committed .glb passes the Khronos glTF-Validator with no errors or warnings, all files in one node process.

The validator is the npm package `gltf-validator`; on first use it is installed into the user's cache folder
(`npm install`, a second or two), so CI needs only node and npm. Skipped only where node itself is missing.
"""
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import platformdirs
import pytest

from flight.assets.build import MODELS
from flight.paths import models_dir

VALIDATOR = "gltf-validator@2.0.0-dev.3.10"
SCRIPT = Path(__file__).with_name("validate_glb.js")


def validator_modules() -> Path:
    """The node_modules folder holding gltf-validator, installed into the cache on first use."""
    cache = Path(platformdirs.user_cache_dir("captured-flight")) / VALIDATOR.replace("@", "-")
    if (cache / "node_modules" / "gltf-validator" / "package.json").is_file():
        return cache / "node_modules"
    npm = shutil.which("npm")
    assert npm, "node is installed but npm is not: cannot install the glTF validator"
    cache.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache.parent) as temp:  # install aside, then move in whole
        subprocess.run([npm, "install", "--prefix", temp, "--no-audit", "--no-fund", "--loglevel=error", VALIDATOR],
                       check=True, capture_output=True, timeout=300)
        shutil.rmtree(cache, ignore_errors=True)
        Path(temp).rename(cache)
        Path(temp).mkdir()  # for TemporaryDirectory's clean-up
    return cache / "node_modules"


def test_every_model_passes_the_khronos_validator() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    files = [str(models_dir() / name) for name in MODELS]
    result = subprocess.run([node, str(SCRIPT), *files], capture_output=True, text=True, timeout=120,
                            env={"NODE_PATH": str(validator_modules()), "PATH": str(Path(node).parent)})
    assert result.returncode == 0, result.stderr
    reports = json.loads(result.stdout)
    assert sorted(reports) == sorted(files)
    bad = {Path(f).name: r for f, r in reports.items() if r["errors"] or r["warnings"]}
    assert not bad, json.dumps(bad, indent=1)[:4000]
