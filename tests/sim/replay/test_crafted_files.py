"""Replays written by hand to break the reader: values out of range, huge numbers, a missing outcome, keyframes of
the wrong arrays, files that inflate to gigabytes or hold millions of chunks, devices and FIFOs. Each is refused
in one line naming the file and the problem, quickly and in little memory; layout.py documents the limits."""
import json
import os
import threading
import zlib

import numpy as np
import pytest

from flight.sim.replay import ReplayFileError, arrays, load_replay
from flight.sim.replay.keyframes import CHANGES, FULL, Keyframes, encoded
from flight.sim.replay.layout import MAX_CHUNKS, MAX_FILE_BYTES, MAX_INFLATED_BYTES, MAX_TICKS
from flight.sim.replay.playback import Playback
from flight.tools.replay_command import replay_command
from tests.sim.replay.crafted import assembled, chunks_of, with_header, with_outcome, with_raw_header
from tests.sim.replay.recordings import recorded


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> bytes:
    return recorded(tmp_path_factory.mktemp("crafted"), seconds=6).read_bytes()


def refused(path, data: bytes | None, match: str, allow_partial: bool = False) -> str:
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(ReplayFileError, match=match) as error:
        load_replay(path, allow_partial=allow_partial)
    message = str(error.value)
    assert message.startswith(str(path)) and "\n" not in message and len(message) < 500, message
    return message


@pytest.mark.parametrize("changes, match", [
    ({"seed": -7}, "'seed' is -7"),
    ({"seed": 2**63}, "'seed' is"),
    ({"difficulty": "brutal"}, "'difficulty' is 'brutal'"),
    ({"level": "x" * 5000}, "'level' is 5000 characters long"),
    ({"level": "escape\n"}, r"'level' is 'escape\\n', not an installed level"),
    ({"tick_rate": 10**30}, "ticks a second"),
    ({"seed": 1.5}, "'seed' is missing or not a int"),
    ({"difficulty": ...}, "'difficulty' is missing"),
    ({"game_version": "1" * 300}, "'game_version' is 300 characters long"),
])
def test_header_values_out_of_range(tmp_path, good, changes, match):
    refused(tmp_path / "header.flightreplay", with_header(good, **changes), match)


def test_an_integer_of_5000_digits_in_the_header(tmp_path, good):
    text = json.dumps(json.loads(chunks_of(good)[0][1])).replace('"seed": 0', '"seed": ' + "9" * 5000)
    message = refused(tmp_path / "digits.flightreplay", with_raw_header(good, text.encode()), "corrupt HEAD chunk")
    assert "not JSON" in message


def test_a_header_nested_5000_deep(tmp_path, good):
    refused(tmp_path / "deep.flightreplay", with_raw_header(good, b"[" * 5000 + b"]" * 5000), "not JSON|not a JSON")


@pytest.mark.parametrize("outcome, match", [
    ({"ticks": 720}, "outcome None is not"),
    ({"outcome": "Success\nOops", "ticks": 720}, r"outcome 'Success\\nOops'"),
    ({"outcome": "success", "ticks": True}, "an outcome after True ticks"),
    ({"outcome": "success", "ticks": 10**40}, "an outcome after a number of about 40 digits"),
    (["success"], "not a JSON object"),
])
def test_a_bad_outcome_chunk(tmp_path, good, outcome, match):
    refused(tmp_path / "outcome.flightreplay", with_outcome(good, outcome), match)


def relabelled(good: bytes, every: bool) -> bytes:
    """pos of the fleet relabelled int64 in the last keyframe, or in all of them (each kept as the writer keeps it:
    whole, or as the changes since the keyframe before)."""
    chunks = chunks_of(good)
    keyframes = [n for n, (kind, _) in enumerate(chunks) if kind in (FULL, CHANGES)]
    original, previous = Keyframes(), None
    for n in keyframes:
        tick = int.from_bytes(chunks[n][1][:4], "little")
        state = original.add_stored(tick, chunks[n][0], chunks[n][1][4:])
        if every or n == keyframes[-1]:
            state = dict(state, **{"fleet/pos": state["fleet/pos"].view(np.int64)})
        kind, compressed = encoded(tick, state, previous)
        chunks[n], previous = (kind, chunks[n][1][:4] + compressed), state
    return assembled(chunks)


def test_one_keyframe_of_other_arrays_is_refused_at_load(tmp_path, good):
    message = refused(tmp_path / "keyframe.flightreplay", relabelled(good, every=False), "corrupt KDIF chunk")
    assert "fleet/pos is int64, not float64" in message


def test_keyframes_that_do_not_fit_the_level_are_refused_before_flying(tmp_path, good, capsys):
    path = tmp_path / "keyframes.flightreplay"
    path.write_bytes(relabelled(good, every=True))
    replay = load_replay(path)
    with pytest.raises(ReplayFileError, match="keyframes do not fit level 'training': fleet/pos is int64"):
        Playback(replay)
    assert replay_command(path, info=True) == 2 and replay_command(path, verify=True, jobs=1) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "fleet/pos is int64" in err


def test_a_file_that_inflates_past_the_limit(tmp_path, good):
    """16 MB keyframes (16 KB each on disk), one a tick: refused once they pass MAX_INFLATED_BYTES."""
    state = zlib.compress(arrays.to_bytes({"blob": np.zeros((16 << 20) - 64, np.uint8)}), 9)
    chunks = chunks_of(good)[:1]
    for second in range(MAX_INFLATED_BYTES // (16 << 20) + 2):
        chunks.append((b"KEYF", second.to_bytes(4, "little") + state))
        chunks.append((b"CTRL", second.to_bytes(4, "little") + zlib.compress(np.zeros(6, "<i4").tobytes())))
    data = assembled(chunks)
    assert len(data) < 1 << 20
    refused(tmp_path / "bomb.flightreplay", data, f"inflates to over {MAX_INFLATED_BYTES >> 20} MB")


def test_more_ticks_than_a_replay_holds(tmp_path, good):
    chunks = chunks_of(good)[:2]  # the header and the first keyframe
    block = zlib.compress(np.zeros((600_000, 6), "<i4").tobytes(), 9)
    for n in range(MAX_TICKS // 600_000 + 1):
        chunks.append((b"CTRL", (n * 600_000).to_bytes(4, "little") + block))
    refused(tmp_path / "long.flightreplay", assembled(chunks), "over 4 hours of flight", allow_partial=True)


def test_a_million_empty_chunks(tmp_path, good):
    data = assembled(chunks_of(good)[:2]) + assembled([(b"XTRA", b"")])[16:] * (MAX_CHUNKS + 1)
    refused(tmp_path / "many.flightreplay", data, f"over {MAX_CHUNKS:,} chunks")


def test_a_file_over_the_size_limit_is_not_read(tmp_path, good):
    path = tmp_path / "huge.flightreplay"
    with open(path, "wb") as file:
        file.write(good)
        file.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing of it is written
    refused(path, None, f"over the {MAX_FILE_BYTES:,} bytes")


def test_dev_zero_a_folder_and_a_fifo_are_not_replays(tmp_path):
    refused(__import__("pathlib").Path("/dev/zero"), None, "not a regular file")
    refused(tmp_path, None, "not a regular file|cannot read it")
    fifo = tmp_path / "pipe.flightreplay"
    os.mkfifo(fifo)
    outcome = []
    reader = threading.Thread(target=lambda: outcome.append(pytest.raises(ReplayFileError, load_replay, fifo)))
    reader.start()
    reader.join(10)
    if reader.is_alive():  # unblock it for the test run's sake, then fail
        open(fifo, "wb").close()
        pytest.fail("reading a FIFO blocked")
    assert "not a regular file" in str(outcome[0].value)
