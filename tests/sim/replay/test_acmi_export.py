"""`flight replay FILE --export OUT.acmi`: a real recording written as Tacview's ACMI 2.1 text and read back: every
aircraft where and how the replay flies it, to the format's precision; zipped for .zip.acmi; a bad name or place is
one line naming the file."""
import json
import math
import re
import zipfile
from pathlib import Path

import numpy as np
import pytest

from flight import cli
from flight.sim.dynamics import DT
from flight.sim.replay import load_replay
from flight.sim.replay.playback import Playback
from flight.sim.run.flight_events import SAMPLE_TICKS
from flight.sim.world.combat.events import FLAK_BURST
from flight.tools.acmi_export import BURST_SECONDS, Frames
from flight.tools.acmi_text import METRES_PER_DEGREE_EAST, METRES_PER_DEGREE_NORTH, place

GOLDEN = Path(__file__).parents[2] / "golden"
UNESCAPED_COMMA = re.compile(r"(?<!\\),")


def parsed(text: str) -> tuple[list[str], dict[float, dict[str, dict[str, str]]], list[str]]:
    """The header lines, each frame's objects' properties (time -> id -> name -> value) and the event lines."""
    lines = text.splitlines()
    header, frames, events, now = [], {}, [], None
    for line in lines:
        if line.startswith("#"):
            now = float(line[1:])
            frames[now] = {}
        elif now is None:
            header.append(line)
        elif line.startswith("0,Event="):
            events.append(line)
        elif not line.startswith("-"):
            oid, *properties = UNESCAPED_COMMA.split(line)
            frames[now][oid] = dict(p.split("=", 1) for p in properties)
    return header, frames, events


def flown(replay) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Every aircraft's place (NED) and Euler angles at each sampled tick, as straight playback flies them."""
    playback, states = Playback(replay), {}
    while playback.step(SAMPLE_TICKS - playback.tick % SAMPLE_TICKS):
        fleet = playback.sortie.world.fleet
        states[playback.tick] = fleet.pos.copy(), fleet.euler.copy()
    return states


@pytest.fixture(scope="module")
def escape():
    return load_replay(GOLDEN / "escape.flightreplay")  # 75 s: eight aircraft, the airfield's guns


@pytest.fixture(scope="module")
def exported(escape, tmp_path_factory):
    """The replay exported to OUT.acmi by the command line: the file and what the command printed."""
    out = tmp_path_factory.mktemp("acmi") / "escape.acmi"
    code = cli.main(["replay", str(escape.path), "--export", str(out)])
    return out, code

def test_every_aircraft_is_where_the_replay_flies_it(escape, exported):
    out, code = exported
    assert code == 0
    header, frames, events = parsed(out.read_text("utf-8"))
    assert header[:2] == ["FileType=text/acmi/tacview", "FileVersion=2.1"]
    assert {"0,ReferenceLongitude=3.117", "0,ReferenceLatitude=50.125", "0,Title=Captured! - Dig's Escape",
            "0,ReferenceTime=1917-11-20T05:00:00Z"} <= set(header)
    first = frames[0.0]
    assert first["100"]["Type"] == "Air+FixedWing" and first["100"]["Name"] == "Fokker D.VII"
    assert first["105"]["Name"] == "Sopwith Camel F.1" and first["105"]["Color"] == "Blue"
    assert first["100"]["Pilot"] == "Player" and first["100"]["Coalition"] == "Central Powers"
    assert any(p.get("Type") == "Ground+AntiAircraft" for p in first.values())
    assert "0,Event=TakenOff|100|You took off" in events
    frames_by_tick = {round(seconds / DT): frame for seconds, frame in frames.items()}
    known, checked = {}, 0
    for tick, (pos, euler) in [(0, (None, None)), *flown(escape).items()]:  # the objects as last written, at every sample
        for oid, properties in frames_by_tick.get(tick, {}).items():
            if "T" in properties and int(oid, 16) < 0x1000:
                known[int(oid, 16) - 0x100] = [float(v) for v in properties["T"].split("|")]
        for i, (lon, lat, alt, roll, pitch, yaw) in known.items() if tick else ():
            assert lat * METRES_PER_DEGREE_NORTH == pytest.approx(pos[i, 0], abs=0.01)
            assert lon * METRES_PER_DEGREE_EAST == pytest.approx(pos[i, 1], abs=0.01)
            assert alt == pytest.approx(-pos[i, 2], abs=0.005)
            assert roll == pytest.approx(math.degrees(euler[i, 0]), abs=0.005)
            assert pitch == pytest.approx(math.degrees(euler[i, 1]), abs=0.005)
            assert (yaw - math.degrees(euler[i, 2]) + 180.0) % 360.0 - 180.0 == pytest.approx(0.0, abs=0.005)
            checked += 1
    assert checked > 8 * 600, "every aircraft at every sample"


def test_a_flak_burst_is_an_explosion_for_three_seconds(escape):
    playback = Playback(escape)
    frames = Frames(playback.sortie)
    playback.step(SAMPLE_TICKS)
    playback.sortie.world.combat.events.add(FLAK_BURST, np.array([[100.0, 200.0, -800.0]]), playback.tick)
    burst = [line for line in frames.lines(playback.sortie, []) if "Misc+Explosion" in line]
    assert burst == [f"10000,T={place(100.0, 200.0, 800.0)},Type=Misc+Explosion,Name=Flak burst,Radius=6"]
    removed = []
    while not removed:
        playback.step(SAMPLE_TICKS)
        removed = [line for line in frames.lines(playback.sortie, []) if line == "-10000"]
    assert playback.tick == SAMPLE_TICKS + round(BURST_SECONDS / DT)


def test_a_zip_acmi_holds_the_same_text(escape, exported, tmp_path, capsys):
    out = tmp_path / "escape.zip.acmi"
    assert cli.main(["replay", str(escape.path), "--export", str(out)]) == 0
    assert json.loads(capsys.readouterr().out) == {"file": str(out), "bytes": out.stat().st_size}
    with zipfile.ZipFile(out) as archive:
        assert archive.namelist() == ["escape.txt.acmi"]
        assert archive.read("escape.txt.acmi") == exported[0].read_bytes()


@pytest.mark.parametrize("name, problem", [("escape.txt", "not an ACMI file's name"),
                                           ("folder.acmi", "cannot write it (a folder"),
                                           ("a-file/escape.acmi", "cannot write it (")])
def test_a_bad_export_path_is_one_line_naming_it(escape, tmp_path, capsys, name, problem):
    out = tmp_path / name
    if name.startswith("folder"):
        out.mkdir()
    if name.startswith("a-file"):
        out.parent.write_text("not a folder")
    assert cli.main(["replay", str(escape.path), "--export", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"flight replay: {out}: {problem}")
