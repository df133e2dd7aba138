"""`python -m tests.fuzz --cases 20000`: the hostile-input audit of issue 19, for anyone to run. Cases of every
kind a player or a modder can hand the game (damaged and crafted replays, settings, bindings, progress, aircraft
and level files, level names, command lines) go to the game's own readers; it reports how many ran, how many
ended in an exception other than the reader's own refusal (a traceback), how many took over 10 s, the peak memory
a case allocated (tracemalloc) and the process's peak RSS, and whether any user file changed. It runs with HOME,
the XDG folders and the game's config and data folders pointed at a temporary folder seeded with valid files, and
checks the real ones too."""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import resource
import signal
import sys
import tempfile
import time
import tracemalloc
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

HANG_SECONDS = 10
REAL_HOME = Path.home()


class Hang(Exception):
    pass


def snapshot(*folders: Path) -> dict[str, str]:
    """Every file under the folders (numba's compiled-kernel cache aside) by content hash."""
    files = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file() and "numba-cache" not in path.parts:
                files[str(path)] = hashlib.blake2b(path.read_bytes(), digest_size=8).hexdigest()
    return files


def sandbox() -> Path:
    """A temporary HOME with valid user files; the environment pointed at it (numba's cache stays where it is)."""
    from flight.sim import jit  # fixes NUMBA_CACHE_DIR to the real cache before HOME moves
    home = Path(tempfile.mkdtemp(prefix="flight-fuzz-"))
    for name in ("config", "data", "cache", "scratch"):
        (home / name).mkdir()
    os.environ.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                      XDG_CACHE_HOME=str(home / "cache"), CAPTURED_CONFIG_DIR=str(home / "config"),
                      CAPTURED_DATA_DIR=str(home / "data"), NUMBA_CACHE_DIR=str(jit.CACHE_DIR.parent))
    from flight.app.settings import Settings, save_settings
    from flight.campaign import record_win
    from flight.input.bindings_file import save_bindings
    from flight.input.default_bindings import default_bindings
    save_settings(Settings())
    save_bindings(default_bindings())
    record_win("escape")
    return home


class Cases:
    """Generators of one case each, by kind; each returns a callable that runs it and a short description."""

    def __init__(self, scratch: Path, rng: np.random.Generator):
        from tests.sim.replay.recordings import recorded
        self.scratch, self.rng = scratch, rng
        self.replay = recorded(scratch, seconds=2).read_bytes()
        from flight.paths import aircraft_dir, levels_dir
        self.camel = (aircraft_dir() / "camel.toml").read_text()
        self.level = (levels_dir() / "escape" / "level.toml").read_text()

    # ---- values -------------------------------------------------------------------------------------------------
    def value(self, depth: int = 0):
        r = self.rng
        kind = int(r.integers(0, 14 if depth < 2 else 10))
        return [None, True, int(r.integers(-5, 5)), -7, 10**int(r.integers(1, 5000)), float(r.normal() * 1e3),
                float("nan"), float("inf"), 1e30, 1e-300, self.text(), "x" * 5000, "escape\n", "../training",
                ][kind] if kind < 14 else None

    def text(self) -> str:
        return "".join(chr(int(c)) for c in self.rng.integers(1, 0x3000, int(self.rng.integers(0, 12))))

    def toml_value(self):
        v = self.value()
        if v is None or (isinstance(v, float) and not np.isfinite(v) and self.rng.random() < 0.5):
            return "nan" if v is not None else "[[1, 2], {a = 3}]"
        if isinstance(v, str):
            return json.dumps(v)
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int) and v.bit_length() > 14000:
            return "9" * 4400
        return repr(v) if isinstance(v, float) else str(v)

    # ---- replays ------------------------------------------------------------------------------------------------
    def damaged_replay(self):
        data, r = bytearray(self.replay), self.rng
        for _ in range(int(r.integers(1, 8))):
            if not data:
                break
            op, at = int(r.integers(0, 4)), int(r.integers(0, len(data)))
            if op == 0:
                data[at] ^= 1 << int(r.integers(0, 8))
            elif op == 1:
                del data[at:]
            elif op == 2:
                data[at:at] = bytes(r.integers(0, 256, int(r.integers(1, 64)), dtype=np.uint8))
            else:
                data[at] = int(r.integers(0, 256))
        return self._replay(bytes(data), "damaged replay")

    def crafted_replay(self):
        from tests.sim.replay.crafted import assembled, chunks_of, with_header, with_outcome
        r, data = self.rng, self.replay
        choice = int(r.choice(5, p=[0.35, 0.25, 0.3, 0.05, 0.05]))
        if choice == 0:
            key = str(r.choice(["level", "seed", "difficulty", "tick_rate", "format", "level_hash", "game_version"]))
            return self._replay(with_header(data, **{key: self.value()}), f"header {key}")
        if choice == 1:
            outcome = {"outcome": self.value(), "ticks": self.value()} if r.random() < 0.7 else self.value()
            return self._replay(with_outcome(data, outcome), "outcome")
        chunks = chunks_of(data)
        if choice == 2:  # a keyframe relabelled or reshaped
            from flight.sim.replay import arrays
            n = [i for i, (k, _) in enumerate(chunks) if k == b"KEYF"][-1]
            state = arrays.from_bytes(zlib.decompress(chunks[n][1][4:]))
            name = str(r.choice(sorted(state)))
            state[name] = state[name].astype(str(r.choice(["int64", "float32", "uint8", "bool"])))
            if r.random() < 0.5:
                state[name] = state[name].reshape(-1)[: max(0, state[name].size - 1)]
            chunks[n] = (b"KEYF", chunks[n][1][:4] + zlib.compress(arrays.to_bytes(state)))
            return self._replay(assembled(chunks), f"keyframe {name}")
        if choice == 3:  # inflation: keyframes of up to 16 MB each, one a tick, past the limit one time in five
            megabytes, count = int(r.integers(1, 17)), int(r.integers(1, 6))
            if r.random() < 0.2:
                megabytes, count = 16, 40
            extra = []
            for tick in range(count):
                extra += [(b"KEYF", tick.to_bytes(4, "little") + self._blob(megabytes)),
                          (b"CTRL", tick.to_bytes(4, "little") + zlib.compress(bytes(24)))]
            return self._replay(assembled(chunks[:1] + extra), f"inflation {count} x {megabytes} MB")
        count = int(10 ** r.uniform(0, 5.2))  # past the 100,000 chunks a replay may hold one time in six
        extra = assembled([(bytes(r.choice([b"XTRA", b"HASH", b"CTRL", b"OUTC"])), b"")])[16:] * count
        return self._replay(assembled(chunks[:2]) + extra, f"{count} empty chunks")

    def _blob(self, megabytes: int, cache: dict = {}) -> bytes:
        """A keyframe of one `megabytes` array of zeros, compressed (made once per size)."""
        from flight.sim.replay import arrays
        if megabytes not in cache:
            cache[megabytes] = zlib.compress(arrays.to_bytes({"blob": np.zeros((megabytes << 20) - 64, np.uint8)}), 9)
        return cache[megabytes]

    def _replay(self, data: bytes, what: str):
        from flight.sim.replay import ReplayFileError, load_replay
        from flight.tools.replay_command import replay_command
        path = self.scratch / "case.flightreplay"
        path.write_bytes(data)

        def run():
            try:
                load_replay(path, allow_partial=True)
            except ReplayFileError as error:
                return _one_line(error)
            with _quiet() as err:
                code = replay_command(path, info=True)
            return code in (0, 2) and err.getvalue().count("\n") <= 1
        return run, what

    def odd_file(self):
        from flight.sim.replay import ReplayFileError, load_replay
        path = [Path("/dev/zero"), Path("/dev/null"), self.scratch, Path("/proc/self/mem"),
                self.scratch / "fifo"][int(self.rng.integers(0, 5))]
        if path.name == "fifo" and not path.exists():
            os.mkfifo(path)

        def run():
            try:
                load_replay(path)
            except ReplayFileError as error:
                return _one_line(error)
            return False
        return run, f"odd file {path}"

    # ---- TOML files ---------------------------------------------------------------------------------------------
    def user_file(self):
        from flight.app.settings import load_settings
        from flight.campaign import load_progress, record_win
        from flight.input.bindings_file import load_bindings
        r = self.rng
        key = str(r.choice(["fov_deg", "resolution", "quality", "won", "version", "keyboard", "x", '"²"']))
        body = [f"{key} = {self.toml_value()}\n", "[keyboard]\nx = [\"fire\"]\n", "x = " + "[" * 5000 + "]" * 5000,
                "[[profile]]\nname = \"S\"\n[profile.buttons]\n\"²\" = \"fire\"\n", "\xff",
                f"[[profile]]\nname = \"S\"\n[profile.axes.aileron]\nsource = {self.toml_value()}\n"
                f"dead_zone = {self.toml_value()}\nraw_range = [{self.toml_value()}, 0]\n"][int(r.integers(0, 6))]
        path = self.scratch / "user.toml"
        path.write_bytes(body.encode("utf-8", "surrogateescape") if body != "\xff" else b"\xff\xfe")
        load = [load_settings, load_bindings, load_progress, lambda p: (record_win("training", p) or "", 0)[::-1]]
        which = int(r.integers(0, 4))

        def run():
            before = path.read_bytes()
            _, message = load[which](path)
            return _one_line(message) and (which == 3 or path.read_bytes() == before)
        return run, f"user file {key}"

    def aircraft_file(self):
        import re
        from flight.sim.dynamics import load_aircraft
        from flight.sim.dynamics.spec import AircraftFileError
        keys = re.findall(r"(?m)^(\w+) *=", self.camel)
        key = str(self.rng.choice(keys))
        value = self.toml_value()
        path = self.scratch / "mytype.toml"
        path.write_text(re.sub(rf"(?m)^{key} *=.*$", lambda _: f"{key} = {value}", self.camel, count=1))

        def run():
            try:
                load_aircraft(path)
            except AircraftFileError as error:
                return _one_line(error)
            return True
        return run, f"aircraft {key}"

    def level_file(self):
        import re
        from unittest import mock

        from flight.paths import levels_dir
        from flight.sim.world import LevelFileError, load_level
        levels = self.scratch / "levels"
        if not levels.exists():
            import shutil
            shutil.copytree(levels_dir(), levels)
        keys = re.findall(r"(?m)^(\w+) *=", self.level)
        key = str(self.rng.choice(keys))
        value = self.toml_value()
        text = re.sub(rf"(?m)^{key} *=.*$", lambda _: f"{key} = {value}", self.level,
                      count=int(self.rng.integers(0, 3)))
        if self.rng.random() < 0.05:
            text += "[[ground_units]]\nname = \"g\"\nkind = \"flak\"\nside = \"german\"\nnorth = 0\neast = 0\n" \
                    f"count = {10**int(self.rng.integers(1, 8))}\n"
        (levels / "escape" / "level.toml").write_text(text)

        def run():
            with mock.patch("flight.paths.levels_dir", lambda: levels):
                try:
                    load_level("escape")
                except LevelFileError as error:
                    return _one_line(error)
            return True
        return run, f"level {key}"

    def level_name(self):
        from flight.sim.world import LevelFileError, load_level
        name = str(self.rng.choice(["/tmp", "..", "../levels/escape", "escape\n", "x" * 5000, "", self.text(),
                                    str(self.scratch), "escape/../training"]))

        def run():
            try:
                load_level(name)
            except LevelFileError as error:
                return _one_line(error)
            return name in ("training", "escape", "breakout")
        return run, "level name"

    def command_line(self):
        from flight import cli
        r = self.rng
        options = {"run": ["--seed", "--max-seconds", "--record", "--difficulty", "--pilot"],
                   "shot": ["--size", "--time", "--out", "--camera"], "replay": ["--jobs", "--info", "--verify"],
                   "models": ["--out"], "devices": ["--seconds"]}
        command = str(r.choice(list(options)))
        argv = [command] + (["training"] if command in ("run", "shot") else [])
        argv += [str(r.choice(["x.flightreplay", "/dev/zero"]))] if command == "replay" else []
        for _ in range(int(r.integers(0, 4))):
            argv += [str(r.choice(options[command])), str(r.choice(["-1", "inf", "nan", "0x0", "64x48x3", "abc", "",
                                                                    "100000x100000", "²", "/proc/x", "9" * 50,
                                                                    "1", "0.01", self.text()]))]

        def run():
            with _quiet() as err:
                try:
                    args = cli.build_parser().parse_args(argv)
                except SystemExit as exit_:
                    return exit_.code in (0, 2) and err.getvalue().count("\n") <= 1
            return True
        return run, "argv " + " ".join(argv)[:80]

    KINDS = ("damaged_replay", "crafted_replay", "odd_file", "user_file", "aircraft_file", "level_file",
             "level_name", "command_line")


@contextlib.contextmanager
def _quiet():
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        yield err


def _one_line(message) -> bool:
    return message is None or "\n" not in str(message)


def _alarm(signum, frame):
    raise Hang()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    real = [REAL_HOME / ".config" / "captured-flight", REAL_HOME / ".local" / "share" / "captured-flight"]
    real_before = snapshot(*real)
    home = sandbox()
    user = [home / "config", home / "data"]
    user_before = snapshot(*user)
    cases = Cases(home / "scratch", np.random.default_rng(args.seed))
    signal.signal(signal.SIGALRM, _alarm)
    counts, tracebacks, hangs, wrong, peak, peak_case = Counter(), [], [], [], 0, ""
    seconds: Counter = Counter()
    generator_errors: list[str] = []
    started = time.monotonic()
    tracemalloc.start()
    for n in range(args.cases):
        kind = Cases.KINDS[n % len(Cases.KINDS)]
        limit = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(0)  # the cases may write numbers of 5,000 digits; the game reads them as shipped
        try:
            run, what = getattr(cases, kind)()
        except Exception as error:  # noqa: BLE001 - a bug of this file, not the game's: counted, not fatal
            generator_errors.append(f"{kind}: {type(error).__name__}: {str(error)[:200]}")
            continue
        finally:
            sys.set_int_max_str_digits(limit)
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        signal.alarm(HANG_SECONDS)
        began = time.monotonic()
        try:
            ok = run()
        except Hang:
            hangs.append(f"{kind}: {what}")
            ok = True
        except BaseException as error:  # noqa: BLE001 - any other exception is what this counts
            tracebacks.append(f"{kind}: {what}: {type(error).__name__}: {str(error)[:200]}")
            ok = True
        finally:
            signal.alarm(0)
            seconds[kind] += time.monotonic() - began
        if not ok:
            wrong.append(f"{kind}: {what}")
        used = tracemalloc.get_traced_memory()[1] - base
        if used > peak:
            peak, peak_case = used, f"{kind}: {what}"
        counts[kind] += 1
        if n % 1000 == 0:
            print(f"{n}/{args.cases} cases, {len(tracebacks)} tracebacks", file=sys.stderr, flush=True)
    tracemalloc.stop()
    changed = sorted(set(snapshot(*user).items()) ^ set(user_before.items()))
    changed += sorted(set(snapshot(*real).items()) ^ set(real_before.items()))
    report = {"cases": sum(counts.values()), "by_kind": dict(counts),
              "seconds_by_kind": {k: round(v, 1) for k, v in seconds.items()}, "tracebacks": len(tracebacks),
              "hangs_over_10s": len(hangs), "wrong_answers": len(wrong),
              "peak_case_memory_mb": round(peak / 2**20, 1), "peak_case": peak_case,
              "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
              "user_files_changed": len(changed), "seconds": round(time.monotonic() - started, 1),
              "generator_errors": len(generator_errors), "first_generator_errors": generator_errors[:5],
              "first_tracebacks": tracebacks[:10], "first_hangs": hangs[:5], "first_wrong": wrong[:5]}
    print(json.dumps(report, indent=1))
    return 0 if not (tracebacks or hangs or wrong or changed or generator_errors) else 1


if __name__ == "__main__":
    sys.exit(main())
