"""`flight replay FILE --video OUT.mp4`: the replay rendered offscreen (flight.app.video_frames) and encoded with
PyAV (flight.tools.video_file), from --from to --to seconds of the recording, with its sound (AAC) heard from the
camera."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from flight.sim.dynamics import DT
from flight.sim.replay.playback import Playback
from flight.sim.replay.reader import load_replay
from flight.sound.level_sound import LevelSoundError, load_level_sound
from flight.sound.one_shots import RATE
from flight.sound.sound_mixer import SoundMixer
from flight.tools.video_file import VideoError, VideoFile, pyav_missing


def export_video(path: Path, out: Path, camera: str = "chase", size: tuple[int, int] = (1280, 720), fps: int = 30,
                 start_s: float | None = None, end_s: float | None = None) -> int:
    """Write the video; exit status 0, or 2 with one line on stderr (no PyAV). Bad input raises ReplayFileError or
    VideoError, one line naming the file or the option, before anything is rendered."""
    missing = pyav_missing()
    if missing:
        print(f"flight replay: {missing}", file=sys.stderr)
        return 2
    if size[0] % 2 or size[1] % 2:
        raise VideoError(f"--size {size[0]}x{size[1]}: a video's width and height must be even")
    replay = load_replay(path, allow_partial=True)
    start_tick, end_tick = span(replay, start_s, end_s)
    playback = Playback(replay)  # a changed level or aircraft files refused here, before a window opens
    try:
        level = load_level_sound(replay.header["level"])
    except LevelSoundError as error:
        raise VideoError(str(error)) from None
    sound = SoundMixer([spec.name for spec in playback.sortie.world.fleet.specs], seed=replay.header["seed"],
                       level=level)
    video = VideoFile(out, size, fps, sound_rate=RATE)
    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        print(f"\rrendering {out.name}: frame {done}/{total} {100 * done // total:3d}%", end="", file=sys.stderr,
              flush=True)

    from flight.app.video_frames import render_frames
    try:
        frames = render_frames(playback, size, fps, camera, start_tick, end_tick, video.add,
                               progress if show else None, sound, video.add_sound)
        video.finish()
    except BaseException:
        video.discard()
        raise
    if show:
        print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    print(json.dumps({"file": str(out), "frames": frames, "seconds": round(frames / fps, 3), "fps": fps,
                      "size": f"{size[0]}x{size[1]}", "camera": camera, "bytes": out.stat().st_size}))
    return 0


def span(replay, start_s: float | None, end_s: float | None) -> tuple[int, int]:
    """The ticks from --from to --to (default: the whole recording), checked against its length."""
    length_s = replay.ticks * DT
    start_tick = round((start_s or 0.0) / DT)
    if start_tick >= replay.ticks:
        raise VideoError(f"--from {start_s:g}: at or beyond the end of {replay.path.name} ({length_s:.1f} s long)")
    end_tick = replay.ticks if end_s is None else min(round(end_s / DT), replay.ticks)
    if end_tick <= start_tick:
        raise VideoError(f"--to {end_s:g}: not after --from {start_s or 0:g}")
    return start_tick, end_tick
