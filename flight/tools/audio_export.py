"""`flight replay FILE --audio OUT.wav [--camera chase|cockpit] [--from S --to S]`: the replay's sound, rendered
offline by flight.sound.replay_audio, written atomically as a 16-bit stereo WAV."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from flight.files import write_atomically
from flight.sim.replay.playback import Playback
from flight.sim.replay.reader import load_replay
from flight.sound.level_sound import LevelSoundError, load_level_sound
from flight.sound.one_shots import RATE, wav_bytes
from flight.sound.replay_audio import render_replay
from flight.text import reason
from flight.tools.acmi_export import ExportError
from flight.tools.video_export import span


def export_audio(path: Path, out: Path, camera: str = "chase", start_s: float | None = None,
                 end_s: float | None = None) -> int:
    """Write the WAV; exit status 0. Bad input raises ReplayFileError, VideoError (an option) or ExportError (the
    output), one line naming the file or the option, before anything is rendered."""
    if out.suffix.lower() != ".wav":
        raise ExportError(f"{out}: not a WAV file's name (it ends in .wav)")
    if out.is_dir():
        raise ExportError(f"{out}: cannot write it (a folder of that name is there)")
    replay = load_replay(path, allow_partial=True)
    start_tick, end_tick = span(replay, start_s, end_s)
    playback = Playback(replay)
    try:
        level = load_level_sound(replay.header["level"])
    except LevelSoundError as error:
        raise ExportError(str(error)) from None
    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        print(f"\rrendering {out.name}: {100 * done // total:3d}%", end="", file=sys.stderr, flush=True)

    samples = render_replay(playback, camera, start_tick, end_tick, progress=progress if show else None, level=level)
    try:
        write_atomically(out, wav_bytes(samples))
    except (OSError, ValueError) as error:  # ValueError: a NUL in the name
        raise ExportError(f"{out}: cannot write it ({reason(error)})") from None
    if show:
        print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    print(json.dumps({"file": str(out), "seconds": round(len(samples) / RATE, 3), "rate": RATE, "channels": 2,
                      "camera": camera, "bytes": out.stat().st_size}))
    return 0
