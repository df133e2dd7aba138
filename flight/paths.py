"""Where the game's data folders are, in an installed wheel and in a source checkout alike.

The wheel carries the repo's top-level `models/` and `levels/` as `flight/data/` (see pyproject.toml);
a source checkout or editable install has no `flight/data/` and uses the repo root instead.
"""

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_root() -> Path:
    """The folder holding `models/` and `levels/`."""
    installed = _PACKAGE_DIR / "data"
    return installed if installed.is_dir() else _PACKAGE_DIR.parent


def models_dir() -> Path:
    """The .glb models and, under `aircraft/`, the aircraft data files."""
    return data_root() / "models"


def aircraft_dir() -> Path:
    """One TOML file per aircraft type, e.g. `camel.toml`."""
    return models_dir() / "aircraft"


def levels_dir() -> Path:
    """One folder per level."""
    return data_root() / "levels"


def installed_levels() -> list[str]:
    """The levels' names: folders of levels/ holding a level.toml; a symbolic link out of levels/ does not count.
    A level name read from any file must be one of these (a level runs its mission.py)."""
    from flight import paths  # through the module, so that tests can point levels_dir elsewhere
    folder = paths.levels_dir()
    root = folder.resolve()
    return sorted(p.parent.name for p in folder.glob("*/level.toml")
                  if p.is_file() and p.parent.resolve().parent == root)


CONFIG_DIR_ENV = "CAPTURED_CONFIG_DIR"
DATA_DIR_ENV = "CAPTURED_DATA_DIR"


def user_config_dir() -> Path:
    """The player's settings and bindings: $CAPTURED_CONFIG_DIR if set (tests, portable installs), else the
    platform's config folder (on Linux ~/.config/captured-flight)."""
    import os

    import platformdirs
    return Path(os.environ.get(CONFIG_DIR_ENV) or platformdirs.user_config_dir("captured-flight", appauthor=False))


def user_data_dir() -> Path:
    """The player's replays and campaign progress: $CAPTURED_DATA_DIR if set, else the platform's data folder
    (on Linux ~/.local/share/captured-flight)."""
    import os

    import platformdirs
    return Path(os.environ.get(DATA_DIR_ENV) or platformdirs.user_data_dir("captured-flight", appauthor=False))


def replays_dir() -> Path:
    return user_data_dir() / "replays"
