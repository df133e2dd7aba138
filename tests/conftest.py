"""Every test session runs with its own empty config folder, so a player's real settings never leak into a test
(session scope: module-scoped apps read the settings before any function-scoped fixture could run)."""
import os

import pytest


@pytest.fixture(scope="session", autouse=True)
def private_config_dir(tmp_path_factory):
    previous = os.environ.get("CAPTURED_CONFIG_DIR")
    os.environ["CAPTURED_CONFIG_DIR"] = str(tmp_path_factory.mktemp("config"))
    yield
    if previous is None:
        del os.environ["CAPTURED_CONFIG_DIR"]
    else:
        os.environ["CAPTURED_CONFIG_DIR"] = previous
