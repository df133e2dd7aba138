"""Bad replay files are refused with one line naming the file and the problem, never a traceback or a hang, and
are left exactly as they were."""
import json
import struct
import zlib

import numpy as np
import pytest

from flight.sim.replay import ReplayFileError, load_replay
from flight.sim.replay.container import MAGIC, chunk
from flight.sim.replay.header import FORMAT_VERSION
from flight.sim.replay.playback import Playback, verify
from tests.sim.replay.recordings import recorded


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """A 12 s recording's bytes."""
    return recorded(tmp_path_factory.mktemp("good"), seconds=12).read_bytes()


def refused(path, match):
    before = path.read_bytes()
    with pytest.raises(ReplayFileError, match=match) as error:
        load_replay(path)
    message = str(error.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert path.read_bytes() == before
    return message


def test_an_empty_file(tmp_path):
    (tmp_path / "empty.flightreplay").write_bytes(b"")
    refused(tmp_path / "empty.flightreplay", "empty file")


def test_not_a_replay_at_all(tmp_path):
    (tmp_path / "notes.flightreplay").write_text("dear diary, today I flew a Camel\n" * 20)
    refused(tmp_path / "notes.flightreplay", "not a Captured! replay")


def test_a_missing_file(tmp_path):
    with pytest.raises(ReplayFileError, match="cannot read it"):
        load_replay(tmp_path / "gone.flightreplay")


def test_a_flipped_byte_is_a_checksum_mismatch(tmp_path, good):
    data = bytearray(good)
    data[len(data) // 2] ^= 0x10
    (tmp_path / "flipped.flightreplay").write_bytes(bytes(data))
    refused(tmp_path / "flipped.flightreplay", "corrupt")


def test_a_newer_format_version(tmp_path, good):
    header = json.loads(load_replay_header(good))
    header["format"] = 7
    path = tmp_path / "future.flightreplay"
    path.write_bytes(MAGIC + chunk(b"HEAD", json.dumps(header).encode()) + good[len(MAGIC) + 12 + header_length(good):])
    refused(path, "format version 7 is newer than this game reads")


@pytest.mark.parametrize("version, why", [
    (1, "the simulation's arithmetic changed; keyframes are now stored as changes"),
    (2, "keyframes are now stored as changes")])
def test_a_replay_of_an_older_format_is_refused_saying_what_changed_since(tmp_path, good, version, why):
    header = json.loads(load_replay_header(good))
    header["format"] = version
    header.pop("numba_version")  # version 1 files had none
    path = tmp_path / "old.flightreplay"
    path.write_bytes(MAGIC + chunk(b"HEAD", json.dumps(header).encode()) + good[len(MAGIC) + 12 + header_length(good):])
    message = refused(path, "recorded with replay format")
    assert message == f"{path}: recorded with replay format {version}, this game reads {FORMAT_VERSION}: {why}"


def test_a_truncated_file_is_refused_but_its_whole_seconds_still_play(tmp_path, good):
    path = tmp_path / "cut.flightreplay"
    path.write_bytes(good[:len(good) * 2 // 3])
    message = refused(path, "incomplete replay")
    assert "cut off at byte" in message and "still play" in message
    partial = load_replay(path, allow_partial=True)
    assert 0 < partial.ticks < 12 * 120 and not partial.complete
    playback = Playback(partial)
    assert playback.step(10_000) == partial.ticks


def test_an_interrupted_recording_plays_up_to_its_last_second(tmp_path):
    path = recorded(tmp_path, seconds=7.5, finish=False)  # the game was killed: no outcome chunk
    refused(path, "no outcome")
    partial = load_replay(path, allow_partial=True)
    assert partial.ticks == 7 * 120, "every whole second written before the kill"


def test_a_level_whose_files_changed_cannot_replay(tmp_path, good, monkeypatch):
    path = tmp_path / "old.flightreplay"
    path.write_bytes(good)
    monkeypatch.setattr("flight.sim.replay.playback.level_hash", lambda level: "0123456789abcdef")
    with pytest.raises(ReplayFileError, match="files of level 'training' have changed"):
        verify(load_replay(path))


def test_a_replay_recorded_before_the_aircraft_files_changed_is_refused(tmp_path, good, monkeypatch):
    """Issue "Flight model II" changed the Gotha's figures: a Level 2 recording from before would diverge."""
    path = tmp_path / "old.flightreplay"
    path.write_bytes(good)
    monkeypatch.setattr("flight.sim.replay.playback.aircraft_hash", lambda: "0123456789abcdef")
    with pytest.raises(ReplayFileError, match=r"aircraft files \(models/aircraft\) have changed since") as error:
        verify(load_replay(path))
    assert "\n" not in str(error.value)


def test_another_game_version_still_plays_and_says_so(tmp_path, good, monkeypatch):
    path = tmp_path / "older.flightreplay"
    path.write_bytes(good)
    monkeypatch.setattr("flight.sim.replay.playback.__version__", "99.0")
    result = verify(load_replay(path))
    assert result.ok and "this is 99.0" in result.note


def test_random_flips_and_cuts_never_raise_anything_else(tmp_path, good):
    """Every outcome is a refusal (ReplayFileError) or a replay that plays and verifies without error."""
    rng = np.random.default_rng(0)
    cuts = list(range(0, 200)) + list(rng.integers(0, len(good), 60))
    flips = list(range(0, 120)) + list(rng.integers(0, len(good), 200))
    variants = [good[:n] for n in cuts]
    for offset in flips:
        data = bytearray(good)
        data[offset] ^= 1 << int(rng.integers(0, 8))
        variants.append(bytes(data))
    outcomes = {"refused": 0, "read": 0}
    path = tmp_path / "fuzz.flightreplay"
    for data in variants:
        path.write_bytes(data)
        try:
            replay = load_replay(path, allow_partial=True)
        except ReplayFileError:
            outcomes["refused"] += 1
            continue
        outcomes["read"] += 1
        playback = Playback(replay)
        playback.seek(max(replay.keyframes))  # decodes and restores the newest keyframe
        playback.step(5)
    assert outcomes["refused"] > 300 and outcomes["read"] > 0, outcomes


def load_replay_header(data: bytes) -> bytes:
    return data[len(MAGIC) + 8:len(MAGIC) + 8 + header_length(data)]


def header_length(data: bytes) -> int:
    return struct.unpack_from("<I", data, len(MAGIC) + 4)[0]


def test_loading_runs_no_code_from_the_file(tmp_path):
    """A header naming a pickle or an import is still just data: refused as a bad header, nothing imported."""
    evil = {"format": FORMAT_VERSION, "level": "__import__('os').system('touch pwned')", "seed": "!!python/object"}
    path = tmp_path / "evil.flightreplay"
    path.write_bytes(MAGIC + chunk(b"HEAD", json.dumps(evil).encode()) + chunk(b"CTRL", zlib.compress(b"\x80\x04")))
    refused(path, "header field")
    assert not (tmp_path / "pwned").exists()
