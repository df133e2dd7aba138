"""The `flight` command: parses arguments and hands each subcommand to one small handler.

Handlers import what they need lazily, so `flight --help` stays fast and never loads panda3d.
"""

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from flight import __version__

Handler = Callable[[argparse.Namespace], int]

def _play(args: argparse.Namespace) -> int:
    from flight.app.launch import play

    return play(args.level, all_levels=args.all_levels)


def _run(args: argparse.Namespace) -> int:
    if not args.headless:
        from flight.app.launch import play

        return play(args.level)
    from flight.tools.headless import run_level
    from flight.sim.missions import MissionError
    from flight.sim.replay import ReplayFileError
    from flight.sim.world import LevelFileError

    try:
        result = run_level(args.level, seed=args.seed, pilot=args.pilot, max_seconds=args.max_seconds,
                           record=Path(args.record) if args.record else None, difficulty=args.difficulty)
    except (LevelFileError, MissionError, ReplayFileError) as error:
        print(f"flight run: {error}", file=sys.stderr)
        return 2
    except FileExistsError as error:
        print(f"flight run: {error.filename}: already exists; the replay is not written over it", file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


def _replay(args: argparse.Namespace) -> int:
    from flight.tools.replay_command import replay_command

    return replay_command(Path(args.file), info=args.info, verify=args.verify, jobs=args.jobs)


def _shot(args: argparse.Namespace) -> int:
    from flight.app.launch import shot

    width, height = (int(v) for v in args.size.lower().split("x"))
    return shot(args.level, args.time, args.camera, Path(args.out), (width, height))


def _bench(args: argparse.Namespace) -> int:
    from flight.tools.bench import main as run_bench

    return run_bench(json_output=args.json, quick=args.quick)


def _devices(args: argparse.Namespace) -> int:
    from flight.tools.devices_command import run

    return run(watch=args.watch, seconds=args.seconds)


def _models(args: argparse.Namespace) -> int:
    from pathlib import Path

    from flight.assets.build import build_all
    from flight.paths import models_dir

    for path in build_all(Path(args.out) if args.out else models_dir()):
        print(f"wrote {path}")
    return 0


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of 1 or more: {text!r}")
    return int(text)


COMMANDS: dict[str, tuple[str, Handler]] = {
    "play": ("fly a level in the game window", _play),
    "run": ("run a level headless, without a window", _run),
    "replay": ("watch or verify a recorded replay", _replay),
    "shot": ("render a still picture of a level offscreen", _shot),
    "bench": ("time the flight-dynamics core", _bench),
    "devices": ("list the gamepads and joysticks the game can see", _devices),
    "models": ("build the procedural .glb models into models/", _models),
}


def build_parser() -> argparse.ArgumentParser:
    """The parser for `flight` and every subcommand in COMMANDS."""
    parser = argparse.ArgumentParser(prog="flight", description="Captured!, a WWI flight game.")
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
    commands["run"].add_argument("--seed", type=int, default=0, help="the world's random seed")
    commands["run"].add_argument("--pilot", choices=("auto", "none"), default="auto",
                                 help="who flies: the AI pilot with the level's plan, or nobody (hands off)")
    commands["run"].add_argument("--record", metavar="FILE", help="write a replay of the run to FILE")
    commands["run"].add_argument("--max-seconds", type=float, default=1800.0, metavar="S",
                                 help="stop with outcome \"timeout\" after this much simulated time")
    commands["run"].add_argument("--difficulty", choices=("easy", "normal", "hard"), default="normal")
    commands["shot"].add_argument("level", metavar="LEVEL", help=level_help)
    commands["shot"].add_argument("--time", type=float, default=0.0, metavar="SECONDS",
                                  help="simulate this long from the level's start first")
    commands["shot"].add_argument("--camera", choices=("chase", "cockpit", "orbit"), default="chase", help="the camera to render")
    commands["shot"].add_argument("--out", required=True, metavar="FILE.png", help="where to write the picture")
    commands["shot"].add_argument("--size", default="1280x720", metavar="WxH", help="picture size in pixels")
    commands["replay"].add_argument("file", metavar="FILE", help="the replay file")
    replay_mode = commands["replay"].add_mutually_exclusive_group()
    replay_mode.add_argument("--info", action="store_true", help="print the header and outcome as JSON")
    replay_mode.add_argument("--verify", action="store_true",
                             help="re-simulate headless and check every state hash (exit 0 exact, 1 diverged)")
    commands["replay"].add_argument("--jobs", type=_positive, metavar="N",
                                    help="with --verify, check its 5-second keyframe segments in N processes at once "
                                         "(default: one per core; 1 verifies straight through)")
    commands["bench"].add_argument("--json", action="store_true", help="print one JSON object")
    commands["bench"].add_argument("--quick", action="store_true", help="fewer repetitions")
    commands["devices"].add_argument("--watch", action="store_true",
                                     help="show the live axis and button values (Ctrl-C to stop)")
    commands["devices"].add_argument("--seconds", type=float, metavar="S", help="with --watch, stop after S seconds")
    commands["models"].add_argument("--out", metavar="DIR", help="write the .glb files here instead of models/")
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
