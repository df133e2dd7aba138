"""`flight replay FILE [--info | --verify [--jobs N] | --export OUT.acmi | --video OUT.mp4 ... | --audio OUT.wav
...]`: exit 0 when fine, 1 when a verification diverges, 2 when the file cannot be used or the export cannot be
written (one line on stderr naming the file or the option)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from flight.sim.replay.container import ReplayFileError
from flight.sim.replay.header import level_hash
from flight.sim.replay.playback import sortie_for
from flight.sim.replay.reader import load_replay
from flight.tools.acmi_export import ExportError, export_acmi
from flight.tools.video_file import VideoError

EXACT, DIVERGED, UNUSABLE = 0, 1, 2


def replay_command(path: Path, info: bool = False, verify: bool = False, jobs: int | None = None,
                   export: Path | None = None, video: Path | None = None, video_options: dict | None = None,
                   audio: Path | None = None) -> int:
    """`jobs`: processes for --verify (None: one per core); `export`: the ACMI file to write; `video`: the video
    file to write, with `video_options` for export_video (camera, size, fps, start_s, end_s); `audio`: the WAV to
    write, with the same options' camera, start_s and end_s."""
    try:
        if info:
            replay = load_replay(path, allow_partial=True)
            if replay.header["level_hash"] == level_hash(replay.header["level"]):
                sortie_for(replay)  # its keyframes against the level's arrays (the level as recorded)
            print(json.dumps(info_of(replay)))
            return EXACT
        if verify:
            return _verify(path, jobs)
        if export is not None:
            return _export(path, export)
        if video is not None:
            from flight.tools.video_export import export_video
            return export_video(path, video, **(video_options or {}))
        if audio is not None:
            from flight.tools.audio_export import export_audio
            return export_audio(path, audio, **(video_options or {}))
    except (ReplayFileError, ExportError, VideoError) as error:
        print(f"flight replay: {error}", file=sys.stderr)
        return UNUSABLE
    from flight.app.launch import watch_replay
    return watch_replay(path)


def info_of(replay) -> dict:
    return {"file": str(replay.path), "header": replay.header, "ticks": replay.ticks,
            "seconds": round(replay.seconds, 3), "complete": replay.complete, "outcome": replay.outcome,
            "keyframes": len(replay.keyframes), "hashes": len(replay.hashes), "bytes": replay.path.stat().st_size}


def _verify(path: Path, jobs: int | None) -> int:
    from flight.sim.replay.parallel import verify_in_parallel
    replay = load_replay(path)
    show = sys.stderr.isatty()

    def progress(tick: int, total: int) -> None:
        print(f"\rverifying {path.name}: {100 * tick // total:3d}%", end="", file=sys.stderr, flush=True)

    result = verify_in_parallel(replay, jobs, progress if show else None)
    if show:
        print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    print(json.dumps(result.to_json()))
    return EXACT if result.ok else DIVERGED


def _export(path: Path, out: Path) -> int:
    replay = load_replay(path)
    show = sys.stderr.isatty()

    def progress(tick: int, total: int) -> None:
        print(f"\rexporting {path.name}: {100 * tick // total:3d}%", end="", file=sys.stderr, flush=True)

    export_acmi(replay, out, progress if show else None)
    if show:
        print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
    print(json.dumps({"file": str(out), "bytes": out.stat().st_size}))
    return EXACT
