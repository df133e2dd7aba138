"""A story scene as data: levels/story/<name>.toml, a list of beats played in order, each an intertitle card or a
shot of the theatre (a place, the time of day and weather, a slow camera move, figures). Read and checked once here,
so a broken file is one line naming it and the problem (SceneFileError) and the game goes on without the scene.
Imports no panda3d.

    [[beat]]
    card = "Two years a prisoner."      # seconds: from the words (CARD_BASE_S + CARD_WORD_S a word) or given

    [[beat]]
    place = "gate"                       # a place of flight.story.places
    time = "dawn"                        # a level's time of day; weather = "clear", "mist" or "overcast"
    seconds = 7
    camera_from = [-40.0, -25.0, 3.0]    # metres north, east and up of the place
    camera_to = [-32.0, -18.0, 2.5]
    look_at = [0.0, 0.0, 2.0]
    [[beat.figures]]                     # a model of models/ standing at [north, east] of the place, facing its way;
    model = "figure_standing"            # walking (or driving) on to `to` over the shot
    at = [-6.0, 0.0]
    facing_deg = 180.0

    [[beat]]
    epilogue = "breakout"                # a card with that level's closing caption for how its flight ended
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from flight.files import TomlFileError, load_toml
from flight.paths import installed_levels, levels_dir, models_dir
from flight.schema import SchemaError, Table, is_number
from flight.sim.map.theatre import load_theatre
from flight.sim.missions import MissionError
from flight.sim.missions.runner import load_script
from flight.sim.missions.script import OUTCOMES
from flight.sim.world.level import TIMES_OF_DAY
from flight.story.places import places
from flight.text import OneLineError, quoted

CARD_BASE_S, CARD_WORD_S = 3.0, 0.3  # a card stays long enough to read twice at a slow pace
WEATHERS = ("clear", "mist", "overcast")
MAX_BEATS, MAX_FIGURES = 60, 30
MAX_OFFSET_M = 3000.0  # a camera or a figure this far from its place at most
MAX_SECONDS = 60.0


class SceneFileError(OneLineError):
    """`levels/story/prologue.toml: [[beat]] 3 place: 'moon' is not one of camp, gate, ...`"""


@dataclass(frozen=True)
class Figure:
    model: str  # a file of models/ without .glb
    at: tuple[float, float]  # north, east of the shot's place, m
    facing_deg: float  # compass bearing it faces
    to: tuple[float, float] | None = None  # where it walks to over the shot


@dataclass(frozen=True)
class Shot:
    place: str
    where: tuple[float, float]  # the place's north, east on the theatre, m
    time: str
    weather: str
    camera_from: tuple[float, float, float]  # north, east, up of the place (up over the ground there), m
    camera_to: tuple[float, float, float]
    look_at: tuple[float, float, float]
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class Beat:
    """A card (its `card` text) or a `shot`, on screen for `seconds`. An epilogue beat is a card whose text is one
    of `outcomes` (a level's EPILOGUE), chosen by Scene.told."""
    seconds: float
    card: str | None = None
    shot: Shot | None = None
    outcomes: dict[str, str] | None = None
    given_seconds: bool = False


@dataclass(frozen=True)
class Scene:
    name: str
    title: str
    beats: tuple[Beat, ...]
    theatre: str = "theatre"  # the map its shots stand on (levels/<theatre>.toml)

    @property
    def seconds(self) -> float:
        return sum(beat.seconds for beat in self.beats)

    def told(self, outcome: str = "success") -> Scene:
        """The scene with each epilogue card's text for `outcome` (success if the level has none for it)."""
        beats = []
        for beat in self.beats:
            if beat.outcomes is not None:
                text = beat.outcomes.get(outcome) or beat.outcomes.get("success", "")
                beat = replace(beat, card=text, seconds=beat.seconds if beat.given_seconds else card_seconds(text))
            beats.append(beat)
        return replace(self, beats=tuple(beats))


def card_seconds(text: str) -> float:
    return CARD_BASE_S + CARD_WORD_S * len(text.split())


def story_dir():
    return levels_dir() / "story"


def scene_names() -> list[str]:
    """The scenes in levels/story/; a scene is found by its name only, never a path."""
    folder = story_dir()
    return sorted(p.stem for p in folder.glob("*.toml") if p.is_file()) if folder.is_dir() else []


def load_scene(name: str) -> Scene:
    """levels/story/<name>.toml, checked; SceneFileError naming the file and the problem."""
    if name not in scene_names():
        raise SceneFileError(f"{story_dir()}: no scene {quoted(name)} (scenes: {', '.join(scene_names())})")
    path = story_dir() / f"{name}.toml"
    try:
        data = Table(load_toml(path), "")
        theatre = data.text("theatre", default="theatre")
        theatre_places = places(load_theatre(theatre))
        beats = tuple(_beat(beat, theatre_places) for beat in data.tables("beat", MAX_BEATS))
        if not beats:
            raise SchemaError("no [[beat]]: a scene is a list of cards and shots")
        return Scene(name, data.text("title", default=name.title()), beats, theatre)
    except (TomlFileError, ValueError) as error:  # SchemaError, a theatre's or a mission's one line
        message = str(error)
        raise SceneFileError(message if message.startswith(str(path)) else f"{path}: {message}") from None


def _beat(beat: Table, theatre_places: dict) -> Beat:
    kinds = [key for key in ("card", "place", "epilogue") if key in beat.data]
    if len(kinds) != 1:
        raise SchemaError(f"{beat.where}: expected one of card, place or epilogue")
    given = "seconds" in beat.data
    seconds = beat.number("seconds", 0.5, MAX_SECONDS) if given else 0.0
    _no_other_keys(beat, {"card": {"card", "seconds"}, "epilogue": {"epilogue", "seconds"}}.get(
        kinds[0], {"place", "seconds", "time", "weather", "camera_from", "camera_to", "look_at", "figures"}))
    if kinds[0] == "card":
        text = beat.text("card")
        return Beat(seconds if given else card_seconds(text), card=text, given_seconds=given)
    if kinds[0] == "epilogue":
        return Beat(seconds, outcomes=_epilogue(beat), given_seconds=given)
    return Beat(seconds if given else 6.0, shot=_shot(beat, theatre_places), given_seconds=given)


def _no_other_keys(table: Table, allowed: set[str]) -> None:
    unknown = sorted(set(table.data) - allowed)
    if unknown:
        table.fail(unknown[0], f"not a key of this beat (it takes {', '.join(sorted(allowed))})")


def _epilogue(beat: Table) -> dict[str, str]:
    level = beat.text("epilogue", tuple(installed_levels()))
    try:
        module, _ = load_script(levels_dir() / level / "mission.py")
    except MissionError as error:
        beat.fail("epilogue", str(error))
    outcomes = getattr(module, "EPILOGUE", {})
    if not outcomes:
        beat.fail("epilogue", f"levels/{level}/mission.py has no EPILOGUE")
    return {outcome: outcomes[outcome] for outcome in OUTCOMES if outcome in outcomes}


def _shot(beat: Table, theatre_places: dict) -> Shot:
    place = beat.text("place", tuple(theatre_places))
    start = _point(beat, "camera_from", 3)
    models = sorted(p.stem for p in models_dir().glob("*.glb"))
    figures = []
    for figure in beat.tables("figures", MAX_FIGURES):
        figure.where = f"{beat.where} {figure.where}"
        _no_other_keys(figure, {"model", "at", "to", "facing_deg"})
        figures.append(Figure(figure.text("model", tuple(models)), _point(figure, "at", 2),
                              figure.number("facing_deg", -360.0, 720.0, default=0.0),
                              _point(figure, "to", 2) if "to" in figure.data else None))
    return Shot(place, theatre_places[place], beat.text("time", TIMES_OF_DAY, default="day"),
                beat.text("weather", WEATHERS, default="clear"), start,
                _point(beat, "camera_to", 3) if "camera_to" in beat.data else start,
                _point(beat, "look_at", 3) if "look_at" in beat.data else (0.0, 0.0, 1.5), tuple(figures))


def _point(table: Table, key: str, size: int) -> tuple[float, ...]:
    value = table.get(key)
    if not (isinstance(value, list) and len(value) == size
            and all(is_number(v) and abs(v) <= MAX_OFFSET_M for v in value)):
        names = "[north, east, up]" if size == 3 else "[north, east]"
        table.fail(key, f"expected {names} in metres from the place, each within {MAX_OFFSET_M:g}, got "
                        f"{quoted(value)}")
    return tuple(float(v) for v in value)
