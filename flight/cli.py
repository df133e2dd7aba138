"""The `flight` command: parses arguments and hands each subcommand to one small handler.

Handlers import what they need lazily, so `flight --help` stays fast and never loads panda3d. Every argument is
checked here, against the ranges below; a bad one, like every usage error, is one line and exit status 2.
"""

import argparse
import json
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from flight import __version__
from flight.text import one_line, quoted, reason

Handler = Callable[[argparse.Namespace], int]
MAX_SEED = 2**63 - 1  # as a replay's header allows
MAX_RUN_SECONDS = 4 * 3600  # the longest a replay holds (flight.sim.replay.layout.MAX_SECONDS)
MAX_SHOT_SECONDS = 3600
SHOT_SIZE_RANGE = (16, 8192)  # pixels a side of `flight shot`'s picture and of a replay's video
MAX_VIDEO_FPS = 120  # the tick rate: a frame for every tick
MAX_JOBS = 64


class Parser(argparse.ArgumentParser):
    """argparse's parser with its usage errors on one line: `flight run: error: ... (flight run --help)`."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {one_line(message)} (see {self.prog} --help)\n")

def _play(args: argparse.Namespace) -> int:
    from flight.app.launch import play

    return play(args.level, all_levels=args.all_levels)


def _run(args: argparse.Namespace) -> int:
    if not args.headless:
        from flight.app.launch import play

        return play(args.level)
    from flight.tools.headless import RecordingError, run_level
    from flight.sim.missions import MissionError
    from flight.sim.replay import ReplayFileError
    from flight.sim.world import LevelFileError

    try:
        result = run_level(args.level, seed=args.seed, pilot=args.pilot, max_seconds=args.max_seconds,
                           record=args.record, difficulty=args.difficulty)
    except (LevelFileError, MissionError, ReplayFileError, RecordingError) as error:
        print(f"flight run: {one_line(str(error))}", file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


VIDEO_OPTIONS = {"camera": "--camera", "size": "--size", "fps": "--fps", "start_s": "--from", "end_s": "--to"}
AUDIO_OPTIONS = ("camera", "start_s", "end_s")
AUDIO_CAMERAS = ("chase", "cockpit")


def _replay(args: argparse.Namespace) -> int:
    from flight.tools.replay_command import replay_command

    given = {name: getattr(args, name) for name in VIDEO_OPTIONS if getattr(args, name) is not None}
    if args.audio is not None:
        stray = [VIDEO_OPTIONS[name] for name in given if name not in AUDIO_OPTIONS]
        if stray or given.get("camera", "chase") not in AUDIO_CAMERAS:
            what = stray[0] if stray else f"--camera {given['camera']}"
            print(f"flight replay: {what} does not go with --audio (it takes --camera chase|cockpit, --from, --to)",
                  file=sys.stderr)
            return 2
    elif given and args.video is None:
        name = next(iter(given))
        also = " or --audio OUT.wav" if name in AUDIO_OPTIONS else ""
        print(f"flight replay: {VIDEO_OPTIONS[name]} goes with --video OUT.mp4{also}", file=sys.stderr)
        return 2
    return replay_command(args.file, info=args.info, verify=args.verify, jobs=args.jobs, export=args.export,
                          video=args.video, video_options=given, audio=args.audio)


def _shot(args: argparse.Namespace) -> int:
    problem = _folder_problem(args.out.parent)
    if problem:
        print(f"flight shot: {problem}", file=sys.stderr)
        return 2
    from flight.app.launch import shot

    return shot(args.level, args.time, args.camera, args.out, args.size)


def _scene(args: argparse.Namespace) -> int:
    if args.sheet is not None:
        problem = _folder_problem(args.sheet.parent)
        if problem:
            print(f"flight scene: {problem}", file=sys.stderr)
            return 2
    from flight.app.launch import scene

    return scene(args.name, args.sheet, args.size, args.outcome)


def _bench(args: argparse.Namespace) -> int:
    from flight.tools.bench import main as run_bench

    return run_bench(json_output=args.json, quick=args.quick)


def _report(args: argparse.Namespace) -> int:
    for folder in (args.out, args.png_dir):
        problem = folder is not None and _folder_problem(folder)
        if problem:
            print(f"flight report: {problem}", file=sys.stderr)
            return 2
    from flight.tools.report.report_command import run

    return run(args.out, aircraft=args.aircraft, png_dir=args.png_dir, quick=args.quick, jsbsim=not args.no_jsbsim)


def _devices(args: argparse.Namespace) -> int:
    from flight.tools.devices_command import run

    return run(watch=args.watch, seconds=args.seconds)


def _models(args: argparse.Namespace) -> int:
    from flight.paths import models_dir

    out = args.out or models_dir()
    problem = _folder_problem(out)
    if problem:
        print(f"flight models: {problem}", file=sys.stderr)
        return 2
    from flight.assets.build import build_all
    try:
        for path in build_all(out):
            print(f"wrote {path}")
    except OSError as error:
        print(f"flight models: {one_line(str(error.filename or out))}: cannot write it ({reason(error)})",
              file=sys.stderr)
        return 2
    return 0


def _folder_problem(folder: Path) -> str | None:
    """Why files cannot be written into `folder` (made if missing), or None."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return f"{quoted(str(folder))}: cannot make the folder ({reason(error)})"
    return None


def _whole(low: int, high: int) -> Callable[[str], int]:
    def whole(text: str) -> int:
        if not (text.isascii() and text.lstrip("-").isdigit()) or len(text) > 30 or not low <= int(text) <= high:
            raise argparse.ArgumentTypeError(f"expected a whole number from {low} to {high:,}, got {quoted(text)}")
        return int(text)
    return whole


def _seconds(high: float, low: float = 0.0) -> Callable[[str], float]:
    def seconds(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and low <= value <= high):
            raise argparse.ArgumentTypeError(f"expected seconds from {low:g} to {high:g}, got {quoted(text)}")
        return value
    return seconds


def _size(text: str) -> tuple[int, int]:
    low, high = SHOT_SIZE_RANGE
    parts = text.lower().split("x")
    if (len(parts) != 2 or not all(p.isascii() and p.isdigit() and len(p) < 8 for p in parts)
            or not all(low <= int(p) <= high for p in parts)):
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, each {low} to {high} pixels, got {quoted(text)}")
    return int(parts[0]), int(parts[1])


def _file(text: str) -> Path:
    if not text.strip() or "\0" in text:
        raise argparse.ArgumentTypeError(f"expected a file name, got {quoted(text)}")
    return Path(text)


COMMANDS: dict[str, tuple[str, Handler]] = {
    "play": ("fly a level in the game window", _play),
    "run": ("run a level headless, without a window", _run),
    "replay": ("watch, verify or export a recorded replay", _replay),
    "shot": ("render a still picture of a level offscreen", _shot),
    "scene": ("play a story scene, or render a contact sheet of its stills offscreen", _scene),
    "bench": ("time the flight-dynamics core", _bench),
    "report": ("fly the flight tests of every aircraft and write an HTML page of plots", _report),
    "devices": ("list the gamepads and joysticks the game can see", _devices),
    "models": ("build the procedural .glb models into models/", _models),
}


def build_parser() -> argparse.ArgumentParser:
    """The parser for `flight` and every subcommand in COMMANDS."""
    parser = Parser(prog="flight", description="Captured!, a WWI flight game.")
    parser.add_argument("--version", action="version", version=f"flight {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands: dict[str, argparse.ArgumentParser] = {}
    for name, (summary, handler) in COMMANDS.items():
        commands[name] = subparsers.add_parser(name, help=summary, description=summary)
        commands[name].set_defaults(handler=handler)

    level_help = "the level's folder name under levels/"
    commands["play"].add_argument("level", metavar="LEVEL", nargs="?", help=level_help + " (none: the menu)")
    commands["play"].add_argument("--all-levels", action="store_true",
                                  help="open every story level in the menu, whether the one before it is won or not")
    commands["run"].add_argument("level", metavar="LEVEL", help=level_help)
    commands["run"].add_argument("--headless", action="store_true", help="no window: print the result as JSON")
    commands["run"].add_argument("--seed", type=_whole(0, MAX_SEED), default=0, help="the world's random seed")
    commands["run"].add_argument("--pilot", choices=("auto", "none"), default="auto",
                                 help="who flies: the AI pilot with the level's plan, or nobody (hands off)")
    commands["run"].add_argument("--record", type=_file, metavar="FILE", help="write a replay of the run to FILE")
    commands["run"].add_argument("--max-seconds", type=_seconds(MAX_RUN_SECONDS), default=1800.0, metavar="S",
                                 help="stop with outcome \"timeout\" after this much simulated time (at most 4 h)")
    commands["run"].add_argument("--difficulty", choices=("easy", "normal", "hard"), default="normal")
    commands["shot"].add_argument("level", metavar="LEVEL", help=level_help)
    commands["shot"].add_argument("--time", type=_seconds(MAX_SHOT_SECONDS), default=0.0, metavar="SECONDS",
                                  help="simulate this long from the level's start first")
    commands["shot"].add_argument("--camera", choices=("chase", "cockpit", "orbit"), default="chase", help="the camera to render")
    commands["shot"].add_argument("--out", type=_file, required=True, metavar="FILE.png",
                                  help="where to write the picture")
    commands["shot"].add_argument("--size", type=_size, default=(1280, 720), metavar="WxH",
                                  help="picture size in pixels, 16 to 8192 a side")
    commands["scene"].add_argument("name", metavar="NAME",
                                   help="a scene of levels/story/ (prologue, interlude, ending, or a mod's)")
    commands["scene"].add_argument("--sheet", type=_file, metavar="OUT.png",
                                   help="render a still of each card and shot offscreen into this contact sheet")
    commands["scene"].add_argument("--size", type=_size, default=(640, 360), metavar="WxH",
                                   help="each still's size in pixels before the sheet halves it (default 640x360)")
    commands["scene"].add_argument("--outcome", choices=("success", "partial", "failure"), default="success",
                                   help="how the flight before it ended: chooses an epilogue card's text")
    commands["replay"].add_argument("file", type=_file, metavar="FILE", help="the replay file")
    replay_mode = commands["replay"].add_mutually_exclusive_group()
    replay_mode.add_argument("--info", action="store_true", help="print the header and outcome as JSON")
    replay_mode.add_argument("--verify", action="store_true",
                             help="re-simulate headless and check every state hash (exit 0 exact, 1 diverged)")
    replay_mode.add_argument("--export", type=_file, metavar="OUT.acmi",
                             help="write it as a Tacview flight recording (ACMI 2.1 text; zipped if OUT ends in .zip.acmi)")
    replay_mode.add_argument("--video", type=_file, metavar="OUT.mp4",
                             help="render it offscreen into a video with its sound (H.264 and AAC .mp4, or .mkv/.mov; "
                                  "needs the video extra, PyAV)")
    replay_mode.add_argument("--audio", type=_file, metavar="OUT.wav",
                             help="render its sound offline into a 16-bit stereo WAV (22,050 Hz), heard from the "
                                  "chase camera (or --camera cockpit)")
    commands["replay"].add_argument("--camera", choices=("chase", "cockpit", "flyby", "director"),
                                    help="with --video or --audio, the camera (default chase; director, --video "
                                         "only, cuts between chase and fly-by by itself)")
    commands["replay"].add_argument("--size", type=_size, metavar="WxH",
                                    help="with --video, the picture in pixels, even, 16 to 8192 a side "
                                         "(default 1280x720)")
    commands["replay"].add_argument("--fps", type=_whole(1, MAX_VIDEO_FPS), metavar="N",
                                    help="with --video, frames a second (default 30)")
    commands["replay"].add_argument("--from", dest="start_s", type=_seconds(MAX_RUN_SECONDS), metavar="S",
                                    help="with --video or --audio, start S seconds into the replay "
                                         "(default: its start)")
    commands["replay"].add_argument("--to", dest="end_s", type=_seconds(MAX_RUN_SECONDS), metavar="S",
                                    help="with --video or --audio, stop S seconds into the replay (default: its end)")
    commands["replay"].add_argument("--jobs", type=_whole(1, MAX_JOBS), metavar="N",
                                    help="with --verify, check its 5-second keyframe segments in N processes at once "
                                         "(default: one per core; 1 verifies straight through)")
    commands["bench"].add_argument("--json", action="store_true", help="print one JSON object")
    commands["bench"].add_argument("--quick", action="store_true", help="fewer repetitions")
    commands["report"].add_argument("--out", type=_file, default=Path("."), metavar="DIR",
                                    help="write flight-report.html into DIR (default: here)")
    commands["report"].add_argument("--aircraft", metavar="NAME",
                                    help="one type only, by its file in models/aircraft (camel, fokker_dr1, ...)")
    commands["report"].add_argument("--png-dir", type=_file, metavar="DIR",
                                    help="also write each plot as DIR/<aircraft>-<plot>.png")
    commands["report"].add_argument("--quick", action="store_true", help="fewer sweep points (a minute less)")
    commands["report"].add_argument("--no-jsbsim", action="store_true", help="our model alone, even with jsbsim")
    commands["devices"].add_argument("--watch", action="store_true",
                                     help="show the live axis and button values (Ctrl-C to stop)")
    commands["devices"].add_argument("--seconds", type=_seconds(math.inf), metavar="S",
                                     help="with --watch, stop after S seconds")
    commands["models"].add_argument("--out", type=_file, metavar="DIR",
                                    help="write the .glb files here instead of models/")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `flight` command line and return its exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "jobs", None) is not None and not args.verify:
        parser.error("--jobs goes with --verify")
    if args.command is None:
        from flight.app.launch import play

        return play()
    return args.handler(args)
