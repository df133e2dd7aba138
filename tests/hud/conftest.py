"""Fixtures for the HUD tests: a real world snapshot to vary with dataclasses.replace, and one offscreen ShowBase
per test module (the HUD needs aspect2d, its anchors and a task manager, not the game's states)."""
from __future__ import annotations

import pytest

from flight.sim.world import World, WorldSnapshot, generate_terrain
from tests.hud.helpers import Provider


@pytest.fixture(scope="session")
def parked() -> WorldSnapshot:
    """The Camel on its wheels at tick 0, heading north."""
    return World(generate_terrain(1)).snapshot()


@pytest.fixture
def provider(parked) -> Provider:
    return Provider(parked)


@pytest.fixture(scope="module")
def base():
    from direct.showbase.ShowBase import ShowBase

    from flight.app.config import configure
    configure("offscreen", (320, 180))
    showbase = ShowBase()
    yield showbase
    showbase.destroy()
