"""Properties of every reader of a file the player or a modder can hand the game, and of the command line: for
any input, the result is the value or a refusal of the reader's own error type in one line, never another
exception. Hypothesis draws the inputs (a bounded number each, so the suite stays fast); `python -m tests.fuzz`
runs the same kinds of case by the ten thousand."""
import contextlib
import io
import json
import shutil
import tempfile
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flight import cli
from flight.app.settings import load_settings
from flight.campaign import load_progress
from flight.input.bindings_file import load_bindings
from flight.paths import aircraft_dir, levels_dir
from flight.sim.dynamics import load_aircraft
from flight.sim.dynamics.spec import AircraftFileError
from flight.sim.replay import ReplayFileError, load_replay
from flight.sim.world import LevelFileError, load_level
from tests.sim.replay.crafted import assembled, chunks_of, with_header
from tests.sim.replay.recordings import recorded

FAST = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
SCRATCH = Path(tempfile.mkdtemp(prefix="flight-properties-"))
GOOD = recorded(SCRATCH, seconds=2).read_bytes()

scalars = (st.none() | st.booleans() | st.integers(min_value=-(10**400), max_value=10**400) | st.floats()
           | st.text(max_size=30) | st.sampled_from(["training", "escape", "../training", "/etc", "fire", "x" * 300]))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=12)
toml_values = st.recursive(scalars.filter(lambda v: v is not None),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                                        max_size=4), max_leaves=12)


def one_line(message) -> None:
    assert message is None or ("\n" not in str(message) and len(str(message)) < 2000), message


def write(name: str, data: bytes) -> Path:
    path = SCRATCH / name
    path.write_bytes(data)
    return path


@FAST
@given(st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)), max_size=6),
       st.integers(0, len(GOOD)))
def test_a_damaged_replay_is_read_or_refused_in_one_line(flips, cut):
    data = bytearray(GOOD[:cut])
    for offset, value in flips:
        if offset < len(data):
            data[offset] = value
    try:
        load_replay(write("damaged.flightreplay", bytes(data)), allow_partial=True)
    except ReplayFileError as error:
        one_line(error)


@FAST
@given(st.dictionaries(st.sampled_from(["format", "level", "seed", "difficulty", "tick_rate", "level_hash",
                                        "game_version", "numba_version", "extra"]), json_values, max_size=4))
def test_any_header_values_are_read_or_refused_in_one_line(changes):
    try:
        replay = load_replay(write("header.flightreplay", with_header(GOOD, **changes)))
    except ReplayFileError as error:
        one_line(error)
    else:
        assert replay.header["level"] in ("training", "escape", "breakout")


@FAST
@given(st.sampled_from([b"HEAD", b"OUTC"]), st.binary(max_size=200) | json_values.map(
    lambda v: json.dumps(v, default=str).encode()))
def test_any_header_or_outcome_payload(kind, payload):
    chunks = chunks_of(GOOD)
    chunks[0 if kind == b"HEAD" else -1] = (kind, payload)
    try:
        load_replay(write("payload.flightreplay", assembled(chunks)))
    except ReplayFileError as error:
        one_line(error)


@FAST
@given(st.dictionaries(st.text(max_size=20), toml_values, max_size=6) | st.binary(max_size=300).map(lambda b: b))
def test_user_files_give_their_value_or_the_defaults_and_one_line(content):
    data = content if isinstance(content, bytes) else tomli_w.dumps(content).encode()
    for name, load in (("settings.toml", load_settings), ("bindings.toml", load_bindings),
                       ("progress.toml", load_progress)):
        path = write(name, data)
        value, message = load(path)
        one_line(message)
        assert path.read_bytes() == data


@FAST
@given(st.sampled_from(["keyboard", "profile"]), toml_values)
def test_any_bindings_section(section, value):
    path = write("bindings.toml", tomli_w.dumps({section: value if section == "keyboard" else [{"name": "S", "axes": {
        "aileron": value}, "buttons": value if isinstance(value, dict) else {}}]}).encode())
    one_line(load_bindings(path)[1])


def aircraft_text_with(key: str, value) -> str:
    import re
    text = (aircraft_dir() / "camel.toml").read_text()
    line = tomli_w.dumps({key: value}).strip()
    return re.sub(rf"(?m)^{key} *=.*$", lambda _: line, text, count=1)


@FAST
@given(st.sampled_from(["empty", "fuel", "wing_area_ft2", "span", "rated_rpm", "rotating_inertia", "diameter",
                        "ixx", "stiffness", "power_hp", "alpha_deg", "CL", "positions", "kind", "title"]),
       toml_values)
def test_any_aircraft_value_loads_or_is_refused_naming_the_file(key, value):
    path = write("mytype.toml", aircraft_text_with(key, value).encode())
    try:
        load_aircraft(path)
    except AircraftFileError as error:
        one_line(error)
        assert str(error).startswith(str(path))


@pytest.fixture(scope="module")
def levels(tmp_path_factory):
    folder = tmp_path_factory.mktemp("levels") / "levels"
    shutil.copytree(levels_dir(), folder)
    return folder


@FAST
@given(st.sampled_from(["terrain_seed", "title", "time_of_day", "aircraft", "start", "aerodrome", "flights",
                        "ground_units", "zones", "plan", "theatre"]), toml_values)
def test_any_level_value_loads_or_is_refused_naming_the_file(levels, key, value):
    import tomllib
    from unittest import mock
    data = tomllib.loads((levels_dir() / "escape" / "level.toml").read_text())
    data[key] = value
    path = levels / "escape" / "level.toml"
    path.write_text(tomli_w.dumps(data))
    with mock.patch("flight.paths.levels_dir", lambda: levels):
        try:
            load_level("escape")
        except LevelFileError as error:
            one_line(error)
            assert str(error).startswith(str(levels))


@FAST
@given(st.text(max_size=300) | st.sampled_from(["../escape", "/tmp", "escape\n", "."]))
def test_any_level_name_is_installed_or_refused(name):
    try:
        level = load_level(name)
    except LevelFileError as error:
        one_line(error)
    else:
        assert level.name in ("training", "escape", "breakout")


ARGUMENTS = st.sampled_from(["--seed", "--max-seconds", "--record", "--size", "--time", "--out", "--jobs",
                             "--pilot", "--difficulty", "--camera", "--info", "--verify", "--seconds", "--watch"])
VALUES = (st.text(max_size=12) | st.sampled_from(["-1", "inf", "nan", "0x0", "64x48x3", "100000x100000", "",
                                                  "1e400", "²", "/proc/x", "9" * 50]))


@FAST
@given(st.sampled_from(["run", "shot", "replay", "models", "devices", "play", "bench"]),
       st.lists(ARGUMENTS | VALUES, max_size=6))
def test_the_command_line_parses_or_refuses_in_one_line(command, argv):
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            cli.build_parser().parse_args([command, *argv])
    except SystemExit as exit_:
        assert exit_.code in (0, 2) and (exit_.code == 0 or err.getvalue().count("\n") == 1), err.getvalue()
