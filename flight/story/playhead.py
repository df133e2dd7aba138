"""What a scene shows at time t: the beat on screen, how far into it, the card's text and how opaque, the camera's
eye and aim eased between the shot's two poses, and where each figure stands. Pure, so the tests and the contact
sheet ask the same question the screen does. Imports no panda3d."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.story.scenes import Beat, Scene

FADE_S = 0.7  # a card fades in from black and out to it; a shot opens and closes on black as quickly


@dataclass(frozen=True)
class Frame:
    index: int  # of the beat on screen
    beat: Beat
    seconds: float  # into the beat
    shown: float  # 0 black .. 1 fully up: the fade in and out of the beat
    eye: tuple[float, float, float] | None = None  # north, east, up of the place (a shot's)
    aim: tuple[float, float, float] | None = None
    figures: tuple[tuple[float, float, float], ...] = ()  # north, east of the place, facing deg, per figure


def ease(x: float) -> float:
    """Slow out, slow in: a camera that drifts, as a dolly pushed by hand."""
    x = min(max(x, 0.0), 1.0)
    return x * x * (3.0 - 2.0 * x)


def beat_starts(scene: Scene) -> np.ndarray:
    return np.concatenate([[0.0], np.cumsum([beat.seconds for beat in scene.beats])])


def frame_at(scene: Scene, t: float) -> Frame | None:
    """The frame at `t` seconds into `scene`; None once it is over."""
    starts = beat_starts(scene)
    if t >= starts[-1]:
        return None
    index = int(np.searchsorted(starts, max(t, 0.0), side="right") - 1)
    beat = scene.beats[index]
    into = max(t, 0.0) - starts[index]
    fade = min(FADE_S, beat.seconds / 3)
    shown = min(1.0, into / fade, (beat.seconds - into) / fade)
    if beat.shot is None:
        return Frame(index, beat, into, shown)
    shot = beat.shot
    x = ease(into / beat.seconds)
    eye = tuple(a + (b - a) * x for a, b in zip(shot.camera_from, shot.camera_to))
    figures = []
    for figure in shot.figures:
        end = figure.to or figure.at
        n, e = (a + (b - a) * x for a, b in zip(figure.at, end))
        facing = figure.facing_deg if figure.to is None else float(np.degrees(np.arctan2(end[1] - figure.at[1],
                                                                                           end[0] - figure.at[0])))
        figures.append((n, e, facing))
    return Frame(index, beat, into, shown, eye, shot.look_at, tuple(figures))


def card_times(scene: Scene) -> list[float]:
    """A moment in the middle of each beat, fully up: the stills of the contact sheet and the tests."""
    starts = beat_starts(scene)
    return [float(start + beat.seconds / 2) for start, beat in zip(starts, scene.beats)]
