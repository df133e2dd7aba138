"""A broken mission in the game: back to the menu with the one-line message, never a crash."""
import pytest

from flight.app.app import FlightApp
from flight.app.screens.menu import MenuScreen
from flight.sim.missions import MissionError
from tests.sim.missions.test_errors import AT_TICK_500


def test_a_script_error_mid_flight_goes_back_to_the_menu_with_its_line(make_sortie):
    make_sortie(AT_TICK_500, name="broken")
    app = FlightApp("offscreen", size=(320, 240), record_replays=False)
    try:
        app.router.go("flight", level="broken")
        view = app.router.screen.view
        for _ in range(600):
            view.tick()
        app.task_mgr.step()
        assert isinstance(app.router.screen, MenuScreen)
        shown = [n for n in app.router.screen.nodes if "mission.py:7: TypeError" in getattr(n, "text", "")]
        assert shown, "the menu shows the script's file, line and problem"
        with pytest.raises(MissionError):  # (writing the level makes a sortie, which fails at once)
            make_sortie("from flight.sim.missions import phase\n@phase\ndef bad(m):\n    1 / 0\n", name="broken")
        app.router.go("flight", level="broken")
        assert isinstance(app.router.screen, MenuScreen) and "ZeroDivisionError" in app.router.screen.nodes[-1].text
    finally:
        app.close()
