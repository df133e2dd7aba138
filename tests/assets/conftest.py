"""One build of every model per test session, shared by the asset tests (a build takes a second or two)."""
from pathlib import Path

import pytest

from flight.assets.build import build_all


@pytest.fixture(scope="session")
def built_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """File name -> freshly built .glb."""
    return {path.name: path for path in build_all(tmp_path_factory.mktemp("models"))}
