"""Every test session runs with its own empty config and data folders, so a player's real settings and replays
never leak into a test, and tests never write into the player's (session scope: module-scoped apps read the
settings before any function-scoped fixture could run)."""
import os

import pytest

from flight.paths import CONFIG_DIR_ENV, DATA_DIR_ENV


@pytest.fixture(scope="session", autouse=True)
def private_user_dirs(tmp_path_factory):
    previous = {name: os.environ.get(name) for name in (CONFIG_DIR_ENV, DATA_DIR_ENV)}
    os.environ[CONFIG_DIR_ENV] = str(tmp_path_factory.mktemp("config"))
    os.environ[DATA_DIR_ENV] = str(tmp_path_factory.mktemp("data"))
    yield
    for name, value in previous.items():
        if value is None:
            del os.environ[name]
        else:
            os.environ[name] = value
