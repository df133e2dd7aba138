"""The settings file (defaults, round trip, broken files left alone and reported in one line, atomic writes) and
the settings screen, offscreen, from the menu and over the paused flight."""
import os

import pytest

from flight.app.settings import Settings, apply, for_renderer, load_settings, save_settings, settings_path
from flight.sim.assist_settings import ASSIST_PRESETS


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CAPTURED_CONFIG_DIR", str(tmp_path))
    return tmp_path


def test_no_file_gives_the_defaults(config_dir):
    assert settings_path() == config_dir / "settings.toml"
    assert load_settings() == (Settings(), None)
    assert not (config_dir / "settings.toml").exists(), "loading never writes"


def test_defaults():
    s = Settings()
    assert (s.resolution, s.fullscreen, s.vsync, s.quality, s.fov_deg, s.units, s.axis_rate, s.mouse_stick,
            s.difficulty) == ((1280, 720), False, True, "medium", 70.0, "auto", 2.5, False, "normal")


def test_save_and_load_round_trip(config_dir):
    chosen = Settings(resolution=(1920, 1080), fullscreen=True, vsync=False, quality="low", fov_deg=85.0,
                      units="metric", axis_rate=1.5, mouse_stick=True, difficulty="hard")
    assert save_settings(chosen) == config_dir / "settings.toml"
    assert load_settings() == (chosen, None)


def test_save_creates_the_folder_and_leaves_no_temp_files(tmp_path):
    path = tmp_path / "a" / "b" / "settings.toml"
    save_settings(Settings(fov_deg=90.0), path)
    save_settings(Settings(fov_deg=95.0), path)
    assert os.listdir(path.parent) == ["settings.toml"]
    assert load_settings(path)[0].fov_deg == 95.0


def test_a_failed_save_keeps_the_old_file_and_removes_its_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "settings.toml"
    save_settings(Settings(fov_deg=90.0), path)
    before = path.read_bytes()

    def fail(*_):
        raise OSError("disk full")
    monkeypatch.setattr("flight.files.os.replace", fail)
    with pytest.raises(OSError):
        save_settings(Settings(fov_deg=60.0), path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["settings.toml"]


@pytest.mark.parametrize("text, names", [
    ('fov_deg = 80\nquality = "high\n', "line 2"),           # not TOML
    ('fov_deg = "wide"\n', "fov_deg"),                        # wrong type
    ('quality = "ultra"\nfov_deg = 80\n', "quality"),         # unknown value
    ("resolution = [1280]\n", "resolution"),
    ("axis_rate = 0\n", "axis_rate"),
    ("vsync = 1\n", "vsync"),
])
def test_a_broken_file_gives_the_defaults_one_line_and_is_left_unchanged(config_dir, text, names):
    path = config_dir / "settings.toml"
    path.write_text(text)
    before = path.read_bytes()
    settings, message = load_settings()
    assert settings == Settings()
    assert "\n" not in message
    assert str(path) in message and names in message, message
    assert path.read_bytes() == before


def test_unknown_keys_are_reported_and_the_rest_is_used(config_dir):
    (config_dir / "settings.toml").write_text("fov_deg = 80\nfov = 90\n")
    settings, message = load_settings()
    assert settings.fov_deg == 80.0
    assert "\n" not in message and "fov " in message and str(config_dir / "settings.toml") in message


def test_hud_units_follow_the_nation_on_auto():
    assert Settings().hud_units("british") == "imperial"
    assert Settings().hud_units("german") == "metric"
    assert Settings(units="metric").hud_units("british") == "metric"


# --- the screen, offscreen -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """Started on a broken settings file, which the app reports and leaves alone."""
    from flight.app.app import FlightApp
    folder = tmp_path_factory.mktemp("broken-config")
    (folder / "settings.toml").write_text('quality = "ultra"\n')
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CAPTURED_CONFIG_DIR", str(folder))
        app = FlightApp("offscreen", size=(320, 180))
    app.broken_folder = folder
    yield app
    app.close()


@pytest.fixture
def menu(app, config_dir):
    apply(app, Settings())
    app.router.go("menu")
    return app


def frames(app, n=2):
    for _ in range(n):
        app.task_mgr.step()


def test_a_broken_file_at_start_is_shown_and_kept(app):
    assert app.settings == Settings()
    assert str(app.broken_folder / "settings.toml") in app.settings_message
    assert (app.broken_folder / "settings.toml").read_text() == 'quality = "ultra"\n'
    app.router.go("menu")
    shown = [node.getText() for node in app.router.screen.nodes if hasattr(node, "getText")]
    assert app.settings_message in shown


def test_settings_from_the_menu_save_the_fov_and_apply_it(menu, config_dir):
    from flight.app.screens.settings_screen import SettingsScreen
    from flight.app.screens.menu import MenuScreen
    menu.router.screen.choose("settings")
    assert isinstance(menu.router.screen, SettingsScreen)
    frames(menu)
    menu.router.screen.step("fov_deg", 1)
    menu.router.screen.step("units", 1)
    frames(menu)
    menu.router.screen.save()
    assert isinstance(menu.router.screen, MenuScreen)
    saved, message = load_settings()
    assert message is None
    assert (saved.fov_deg, saved.units) == (80.0, "imperial")
    assert menu.settings == saved
    assert menu.camLens.get_fov()[0] == pytest.approx(80.0)
    frames(menu)


def test_cancel_leaves_the_file_and_the_app_alone(menu, config_dir):
    from flight.app.screens.menu import MenuScreen
    path = config_dir / "settings.toml"
    path.write_text("fov_deg = 60 # mine\n")
    before = path.read_bytes()
    apply(menu, load_settings()[0])
    menu.router.screen.choose("settings")
    menu.router.screen.step("fov_deg", 1)
    menu.router.screen.step("quality", -1)
    menu.router.screen.cancel()
    assert isinstance(menu.router.screen, MenuScreen)
    assert path.read_bytes() == before
    assert menu.settings.fov_deg == 60.0
    assert menu.camLens.get_fov()[0] == pytest.approx(60.0)


def test_defaults_then_save_writes_the_defaults(menu, config_dir):
    save_settings(Settings(fov_deg=100.0, difficulty="hard"))
    apply(menu, load_settings()[0])
    menu.router.screen.choose("settings")
    menu.router.screen.reset()
    menu.router.screen.save()
    assert load_settings() == (Settings(), None)


def test_settings_over_the_paused_flight(menu, config_dir):
    menu.router.go("flight", level="training")
    flight = menu.router.screen
    flight.toggle_pause()
    flight.open_settings()
    frames(menu)
    assert flight.view.paused and flight.pause_frame.isHidden()
    flight.overlay.step("fov_deg", -1)
    flight.overlay.save()
    assert menu.router.screen is flight and flight.overlay is None and not flight.pause_frame.isHidden()
    assert load_settings()[0].fov_deg == 60.0
    assert menu.camLens.get_fov()[0] == pytest.approx(60.0)
    flight.open_settings()
    flight.overlay.step("fov_deg", -1)
    menu.messenger.send("escape")  # Esc in the settings is Cancel: back to the pause menu
    assert flight.overlay is None and flight.view.paused and not flight.pause_frame.isHidden()
    assert load_settings()[0].fov_deg == 60.0
    flight.open_settings()
    flight.to_menu()  # leaving the flight with the settings open removes them too
    frames(menu)


def test_a_first_start_on_software_opengl_picks_low_quality_and_says_so():
    settings, line = for_renderer(Settings(), "llvmpipe (LLVM 15.0.7, 256 bits)")
    assert settings.quality == "low" and "llvmpipe" in line and "Settings" in line
    assert for_renderer(Settings(), "NVIDIA GeForce RTX 3060/PCIe/SSE2") == (Settings(), None)
    low = Settings(quality="low")
    assert for_renderer(low, "llvmpipe") == (low, None)


def test_the_difficulty_sets_its_assists_then_each_changes_on_its_own(menu, config_dir):
    menu.router.go("settings", on_close=lambda: menu.router.go("menu"))
    screen = menu.router.screen
    screen.step("difficulty", -1)  # normal -> easy
    assert screen.draft.difficulty == "easy" and screen.draft.assists() == ASSIST_PRESETS["easy"]
    screen.step("assist_stall", 1)
    assert not screen.draft.assist_stall and screen.draft.assist_stability
    screen.save()
    saved = load_settings()[0]
    assert saved.difficulty == "easy" and not saved.assist_stall and saved.assist_rudder


def test_the_frame_rate_readout_follows_the_setting(app):
    apply(app, app.settings.replace(show_fps=True), window=False)
    assert app.frameRateMeter is not None
    apply(app, app.settings.replace(show_fps=False), window=False)
    assert app.frameRateMeter is None
