"""A replay rendered offscreen frame by frame for `flight replay FILE --video`: each video frame steps the playback
exactly the ticks it spans, then draws the flight view (scene and HUD) and hands its pixels on, and its sound heard
from the camera (flight.sound, the mixer the game plays live). The frame clock runs at the video's rate, not the
wall clock's, so springs and fades in the picture move as they would at that rate."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
from panda3d.core import ClockObject

from flight.app.flight.director import Director, nearest_other_m
from flight.app.frames import pose_to_ned
from flight.sim.dynamics import DT
from flight.sound.one_shots import to_pcm16
from flight.sound.replay_audio import sample_of
from flight.sound.sound_mixer import SoundMixer
from flight.sound.spatial import Listener

CAMERAS = ("chase", "cockpit", "flyby", "director")


def frame_ticks(start_tick: int, end_tick: int, fps: int) -> list[int]:
    """The tick each video frame shows: from `start_tick`, 1/fps s apart (rounded to whole ticks, so 25 fps
    alternates 5 and 4 ticks and keeps time), while before `end_tick`."""
    per_frame = 1.0 / (fps * DT)
    count = max(int(np.ceil((end_tick - start_tick) / per_frame - 1e-9)), 1)
    return [start_tick + round(k * per_frame) for k in range(count)]


def render_frames(playback, size: tuple[int, int], fps: int, camera: str, start_tick: int, end_tick: int,
                  on_frame: Callable[[np.ndarray], None], progress: Callable[[int, int], None] | None = None,
                  sound: SoundMixer | None = None, on_sound: Callable[[np.ndarray], None] | None = None) -> int:
    """Open an offscreen app of `size`, seek `playback` to `start_tick` and pass each frame up to `end_tick` to
    `on_frame` as a (height, width, 3) uint8 RGB array, top row first; with a `sound` mixer, each frame's sound
    heard from the camera to `on_sound`, (n, 2) int16, from the frame's tick to the next's. Returns the frames
    made."""
    from flight.app.app import FlightApp
    app = FlightApp("offscreen", size=size, record_replays=False)
    try:
        app.router.leave()  # no menu behind the flight
        return _render(app, playback, fps, camera, start_tick, end_tick, on_frame, progress, sound, on_sound)
    finally:
        app.close()


def _render(app, playback, fps, camera, start_tick, end_tick, on_frame, progress, sound, on_sound) -> int:
    from flight.app.flight.flight_view import FlightView
    clock = ClockObject.get_global_clock()
    clock.set_mode(ClockObject.M_non_real_time)  # every frame is 1/fps s long, however long it takes to draw
    clock.set_frame_rate(fps)
    view = FlightView(app, playback.replay.header["level"], playback=playback, record=False)
    try:
        view.paused = True  # the frames below step the playback, not the view's own clock
        view.loop.accumulated = DT  # alpha 1: each frame draws its tick itself, not a blend with the one before
        playback.seek(start_tick)
        view.show_current()
        director = Director() if camera == "director" else None
        view.camera.select("chase" if director else camera)
        ticks = frame_ticks(start_tick, end_tick, fps)
        ends = ticks[1:] + [ticks[-1] + round(1.0 / (fps * DT))]  # each frame's sound runs to the next frame
        for index, (tick, end) in enumerate(zip(ticks, ends)):
            view.advance(tick - playback.tick)
            if director is not None:
                shot = director.choose(tick, nearest_other_m(view.latest.pos, view.latest.crashed, view.followed))
                if shot != view.camera.current:
                    view.camera.select(shot)
            app.task_mgr.step()
            on_frame(grab(app.win))
            if sound is not None:  # the snapshot just drawn, heard where the camera now is
                ears = Listener(*pose_to_ned(app.camera, view.root))
                on_sound(to_pcm16(sound.render(view.latest, ears, sample_of(end) - sample_of(tick),
                                                scene=view.mission_shown.scene)))
            if progress is not None:
                progress(index + 1, len(ticks))
        return len(ticks)
    finally:
        view.destroy()


def grab(window) -> np.ndarray:
    """The picture just drawn in `window`, as RGB rows from the top."""
    texture = window.get_screenshot()
    rgb = np.frombuffer(texture.get_ram_image_as("RGB"), dtype=np.uint8)
    return rgb.reshape(texture.get_y_size(), texture.get_x_size(), 3)[::-1]
