"""bindings.toml: defaults when missing, a round trip, broken files reported in one line (file, line or key path,
problem) and left untouched with the defaults used, atomic saves, and how profiles find their devices."""
import os

import pytest

from flight.input.bindings_file import bindings_path, load_bindings, save_bindings
from flight.input.curves import AxisShape
from flight.input.default_bindings import FLIGHT_STICK, GAMEPAD, KEYBOARD, default_bindings
from flight.input.profiles import AxisBinding, DeviceProfile


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CAPTURED_CONFIG_DIR", str(tmp_path))
    return tmp_path


def test_no_file_gives_the_defaults_and_writes_nothing(config_dir):
    assert bindings_path() == config_dir / "bindings.toml"
    assert load_bindings() == (default_bindings(), None)
    assert not bindings_path().exists()


def test_the_defaults_cover_the_keyboard_gamepads_and_sticks():
    bindings = default_bindings()
    assert bindings.keyboard == KEYBOARD and bindings.keyboard["]"] == "trim_up"
    assert "]" not in bindings.flying_keys() and bindings.trim_keys() == {"[": "trim_down", "]": "trim_up"}
    for profile in (GAMEPAD, FLIGHT_STICK):
        assert {"aileron", "elevator", "rudder"} <= {b.target for b in profile.axes}
        assert {"fire", "blip", "clear_jam", "trim_up", "trim_down", "pause"} <= set(profile.buttons.values())
    assert {"look_up", "look_down", "look_left", "look_right"} <= set(FLIGHT_STICK.buttons.values()), "the hat"


def test_round_trip_with_an_edited_profile(config_dir):
    own = FLIGHT_STICK.for_device("My Stick", "1234:abcd").with_axis(
        AxisBinding("throttle", 3, AxisShape(raw_range=(1.0, -1.0), dead_zone=0.0, expo=0.5, trim=0.1),
                    minus=("slider", 5))).with_button(11, "pause")
    bindings = default_bindings().with_profile(own)
    save_bindings(bindings)
    loaded, message = load_bindings()
    assert message is None and loaded == bindings
    assert loaded.profiles[0].buttons[11] == "pause" and loaded.profiles[0].axis("throttle").minus == ("slider", 5)
    text = bindings_path().read_text()
    assert text.startswith("# Captured! controls") and 'ids = ["1234:abcd"]' in text


def test_a_file_with_only_keys_keeps_the_default_profiles(config_dir):
    bindings_path().write_text('[keyboard]\nj = "roll_left"\nl = "roll_right"\n')
    loaded, message = load_bindings()
    assert message is None and loaded.keyboard == {"j": "roll_left", "l": "roll_right"}
    assert loaded.profiles == default_bindings().profiles


@pytest.mark.parametrize("text, where", [
    ('[keyboard]\na = "roll_left"\nb = \n', "line 3"),                                   # not TOML
    ('[keyboard]\na = "loop_the_loop"\n', "keyboard.a"),                                  # unknown action
    ('[[profile]]\nname = "S"\n[profile.axes.aileron]\nsource = "x"\ndead_zone = 0.9\n',
     'profile[0] ("S").axes.aileron.dead_zone'),                                         # out of range
    ('[[profile]]\nname = "S"\n[profile.axes.aileron]\nsource = "x"\ndeadzone = 0.1\n',
     'profile[0] ("S").axes.aileron.deadzone'),                                          # a typo
    ('[[profile]]\nname = "S"\n[profile.axes.wings]\nsource = "x"\n', 'profile[0] ("S").axes.wings'),
    ('[[profile]]\nname = "S"\n[profile.axes.rudder]\ninvert = true\n', 'axes.rudder.source'),
    ('[[profile]]\nname = "S"\n[profile.axes.rudder]\nsource = -2\n', 'axes.rudder.source'),
    ('[[profile]]\nname = "S"\n[profile.buttons]\ntrigger = "eject"\n', 'buttons.trigger'),
    ('[[profile]]\nname = "S"\nids = "046d:c215"\n', 'profile[0] ("S").ids'),
    ('[[profile]]\nclasses = ["gamepad"]\n', "profile[0].name"),
    ("version = 2\n", "version"),
])
def test_a_broken_file_is_reported_in_one_line_left_alone_and_the_defaults_used(config_dir, text, where):
    path = bindings_path()
    path.write_text(text)
    before = path.read_bytes()
    bindings, message = load_bindings()
    assert bindings == default_bindings()
    assert "\n" not in message and str(path) in message and where in message, message
    assert path.read_bytes() == before


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path, monkeypatch):
    path = tmp_path / "bindings.toml"
    save_bindings(default_bindings(), path)
    before = path.read_bytes()

    def fail(*_):
        raise OSError("disk full")
    monkeypatch.setattr("flight.files.os.replace", fail)
    with pytest.raises(OSError):
        save_bindings(default_bindings().with_profile(DeviceProfile("Other")), path)
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["bindings.toml"]


def test_profiles_match_by_id_then_name_then_class():
    by_class = DeviceProfile("Any stick", classes=("flight_stick",))
    by_name = DeviceProfile("Extremes", names=("extreme",))
    by_id = DeviceProfile("That one", ids=("046d:c215",))
    bindings = default_bindings()
    for profile in (by_id, by_name, by_class):  # each put first: order among matches is not what decides
        bindings = bindings.with_profile(profile)
    assert bindings.profile_for("Logitech Extreme 3D", "046d:c215", "flight_stick").name == "That one"
    assert bindings.profile_for("Logitech Extreme 3D", "046d:0000", "flight_stick").name == "Extremes"
    assert bindings.profile_for("Thrustmaster", None, "flight_stick").name == "Any stick"
    assert bindings.profile_for("Mystery box", None, "dance_pad").name == "Unbound"


def test_profiles_refuse_unknown_actions_and_controls():
    with pytest.raises(ValueError, match="eject"):
        DeviceProfile("x", buttons={"trigger": "eject"})
    with pytest.raises(ValueError, match="wings"):
        AxisBinding("wings", "x")


def test_the_readme_example_loads():
    import re
    import tomllib
    from pathlib import Path

    from flight.input.bindings_file import from_dict
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    example = re.search(r"### Bindings file.*?```toml\n(.*?)```", readme, re.S).group(1)
    bindings = from_dict(tomllib.loads(example))
    assert bindings.profiles[0].axis("rudder").minus == ("left_trigger",) and bindings.profiles[0].buttons[7] == "pause"
