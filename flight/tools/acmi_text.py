"""Tacview's ACMI 2.1 text, line by line: where the theatre lies on the Earth, and each object's lines. The map's
centre (north 0, east 0) is put on the lines of November 1917 at Flesquieres, 9 km west-south-west of Cambrai
(50.125 N, 3.117 E), so the German airfield 14 km east lies by Cambrai-Niergnies and the Allied aerodrome 15 km west
near Bapaume; metres become degrees on the WGS-84 ellipsoid's radii of curvature there (flat beyond that: the
theatre is 40 km across, where the error stays under a metre). Imports no panda3d."""
from __future__ import annotations

import math

REFERENCE_LATITUDE = 50.125
REFERENCE_LONGITUDE = 3.117
REFERENCE_DATE = "1917-11-20"  # the first day of the Battle of Cambrai
START_HOUR = {"dawn": 5, "morning": 8, "day": 12, "dusk": 17, "night": 22}  # a level's time of day, UTC
_A, _E2 = 6378137.0, 6.69437999014e-3  # WGS-84 semi-major axis (m) and first eccentricity squared
_SIN2 = math.sin(math.radians(REFERENCE_LATITUDE)) ** 2
METRES_PER_DEGREE_NORTH = math.radians(_A * (1.0 - _E2) / (1.0 - _E2 * _SIN2) ** 1.5)
METRES_PER_DEGREE_EAST = math.radians(_A / math.sqrt(1.0 - _E2 * _SIN2) * math.cos(math.radians(REFERENCE_LATITUDE)))
COALITIONS = {"allied": ("Allies", "Blue"), "german": ("Central Powers", "Red")}
COUNTRIES = {"british": "gb", "german": "de"}


def header(title: str, time_of_day: str, comments: str) -> list[str]:
    """The file's first lines: its type and version, and the recording's global properties (object 0)."""
    hour = START_HOUR.get(time_of_day, 12)
    return ["FileType=text/acmi/tacview", "FileVersion=2.1",
            f"0,ReferenceTime={REFERENCE_DATE}T{hour:02d}:00:00Z", f"0,Title={escaped(title)}",
            "0,DataSource=Captured!", "0,DataRecorder=flight replay --export",
            f"0,ReferenceLongitude={REFERENCE_LONGITUDE}", f"0,ReferenceLatitude={REFERENCE_LATITUDE}",
            f"0,Comments={escaped(comments)}"]


def escaped(text: str) -> str:
    """A property's value: commas and backslashes escaped, one line."""
    return text.replace("\\", "\\\\").replace(",", "\\,").replace("\n", " ")


def object_id(kind: str, index: int) -> str:
    """Hexadecimal ids, apart by kind: aircraft from 0x100, ground units from 0x1000, flak bursts from 0x10000."""
    return f"{index + {'aircraft': 0x100, 'ground': 0x1000, 'burst': 0x10000}[kind]:x}"


def place(north: float, east: float, altitude: float) -> str:
    """`lon|lat|alt` relative to the reference point: degrees to 1e-7 (about a centimetre), metres to 1 cm."""
    return (f"{east / METRES_PER_DEGREE_EAST:.7f}|{north / METRES_PER_DEGREE_NORTH:.7f}|{altitude:.2f}")


def transform(north: float, east: float, altitude: float, roll: float, pitch: float, heading: float) -> str:
    """`T=lon|lat|alt|roll|pitch|yaw`, the angles (rad in) in degrees to 0.01, the yaw a compass heading."""
    return (f"T={place(north, east, altitude)}|{math.degrees(roll):.2f}|{math.degrees(pitch):.2f}|"
            f"{math.degrees(heading) % 360.0:.2f}")


def coalition(side: str) -> str:
    name, colour = COALITIONS[side]
    return f"Coalition={name},Color={colour}"


def event(kind: str, ids: tuple[str, ...], text: str = "") -> str:
    """A global event line: `0,Event=Kind|id|...|text`."""
    return f"0,Event={'|'.join((kind, *ids, escaped(text)))}"
