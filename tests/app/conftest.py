"""One offscreen game app per test module (opening a window costs about a second)."""
import pytest

from flight.app.app import FlightApp


@pytest.fixture(scope="module")
def app():
    app = FlightApp("offscreen", size=(640, 360))
    yield app
    app.close()
