"""The one place that sets numba up for the per-tick kernels: where compiled kernels are cached, and `kernel`, the
decorator every kernel uses (DESIGN.md, Replays: no fastmath, no parallel reductions, numpy's division rules).

The cache lives under the player's data folder (`NUMBA_CACHE_DIR` when set), so a read-only install works, in a
sub-folder named after a hash of the simulation's sources: numba checks only the file of the function it caches,
not the modules whose functions that kernel calls, so a changed helper must never load an old kernel. Imports
numba, numpy and the standard library only.
"""
from __future__ import annotations

import hashlib
import importlib
import os
import pkgutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

_SIM_DIR = Path(__file__).resolve().parent  # flight/sim: every kernel's source is under it


def _sources_hash() -> str:
    h = hashlib.blake2b(digest_size=8)
    for path in sorted(_SIM_DIR.rglob("*.py")):
        h.update(path.relative_to(_SIM_DIR).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def cache_dir() -> Path:
    """Where numba keeps the compiled kernels: $NUMBA_CACHE_DIR (or the game's data folder) / sim-<sources hash>."""
    base = os.environ.get("NUMBA_CACHE_DIR")
    if not base:
        from flight.paths import user_data_dir
        base = user_data_dir() / "numba-cache"
    return Path(base) / f"sim-{_sources_hash()}"


CACHE_DIR = cache_dir()
os.environ.setdefault("NUMBA_CACHE_DIR", str(CACHE_DIR.parent))

import numba  # noqa: E402 - after NUMBA_CACHE_DIR, which numba reads once on import

numba.config.CACHE_DIR = str(CACHE_DIR)  # read by each kernel as it is defined (also when numba came in earlier)

JIT_DISABLED = bool(numba.config.DISABLE_JIT)


_deferred: list[tuple] = []  # (dispatcher, signatures) waiting for compile_kernels, callees before their callers
_defer = False
_compiling = threading.Lock()


def kernel(*signatures, **options):
    """`numba.njit` with the tick's rules: cached on disk, numpy's float semantics (x / 0 is inf, not an
    exception), no fastmath (so no fused multiply-add or reassociation). Given signatures, a kernel compiles for
    exactly those and refuses any other argument types (TypeError) instead of compiling again for seconds; it
    compiles as it is defined, or after `defer_compiling` when `compile_kernels` runs."""
    options = {"cache": True, "error_model": "numpy", "fastmath": False, "boundscheck": False, **options}
    if len(signatures) == 1 and callable(signatures[0]):  # used bare: @kernel (compiled as its callers are)
        return numba.njit(**options)(signatures[0])
    if signatures and _defer and not JIT_DISABLED:
        def later(function):
            dispatcher = numba.njit(**options)(function)
            _deferred.append((dispatcher, signatures))
            return dispatcher
        return later
    if signatures:
        return numba.njit(list(signatures), **options)
    return numba.njit(**options)


def defer_compiling() -> None:
    """Kernels defined from now on wait for `compile_kernels` instead of compiling as the simulation is imported:
    the game calls it first, opens its menu, and compiles them in the background (a first start takes seconds)."""
    global _defer
    _defer = True


def compile_kernels(progress: Callable[[int, int], None] | None = None, jobs: int | None = None) -> None:
    """Compile every deferred kernel for exactly its signatures (or load it from the cache), in the order they were
    defined, then make each refuse other argument types; `progress(done, total)` as they finish. Safe from any
    thread: a second caller waits for the first to finish.

    While the cache has never been filled, `jobs - 1` helper processes (default: one per core) compile beside this
    one: each kernel is compiled by whichever process claims it first, and this process then loads the helpers'
    kernels from the cache. A helper that fails costs time, never a kernel: whatever it left is compiled here."""
    with _compiling:
        total = len(_deferred)
        if not total:
            return
        names = {_name(dispatcher) for dispatcher, _ in _deferred}
        with tempfile.TemporaryDirectory(prefix="captured-claims-") as folder:
            claims = Path(folder)
            helpers = [] if cache_filled() else _start_helpers(claims, jobs)

            def report() -> None:
                if progress is not None:
                    progress(len(names & {path.stem for path in claims.glob("*.done")}), total)

            for dispatcher, signatures in list(_deferred):
                if _claim(claims, dispatcher):
                    _compile(dispatcher, signatures, claims)
                    report()
            for helper in helpers:
                while helper.poll() is None:
                    try:
                        helper.wait(timeout=0.5)
                    except subprocess.TimeoutExpired:
                        report()
            while _deferred:  # what the helpers compiled, loaded from the cache (or compiled here if one failed)
                _compile(*_deferred[0], claims)
                report()
        if helpers and all(helper.returncode == 0 for helper in helpers):
            (CACHE_DIR / _FILLED).touch()


_FILLED = "filled"  # in CACHE_DIR once helpers have compiled every kernel of the simulation into it


def _name(dispatcher) -> str:
    return f"{dispatcher.py_func.__module__}.{dispatcher.py_func.__qualname__}"


def _claim(claims: Path, dispatcher) -> bool:
    """True for the one process that creates this kernel's claim file."""
    try:
        (claims / f"{_name(dispatcher)}.claim").open("x").close()
    except FileExistsError:
        return False
    return True


def _compile(dispatcher, signatures, claims: Path) -> None:
    for signature in signatures:
        dispatcher.compile(signature)
    dispatcher.disable_compile()
    _deferred[:] = [entry for entry in _deferred if entry[0] is not dispatcher]
    (claims / f"{_name(dispatcher)}.done").touch()


def _start_helpers(claims: Path, jobs: int | None) -> list[subprocess.Popen]:
    jobs = jobs if jobs is not None else len(os.sched_getaffinity(0))
    env = {**os.environ, "NUMBA_CACHE_DIR": str(CACHE_DIR.parent)}
    code = f"from flight.sim.jit import compile_as_helper; compile_as_helper({str(claims)!r})"
    return [subprocess.Popen([sys.executable, "-c", code], env=env,
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(max(0, jobs - 1))]


def import_every_kernel() -> None:
    """Import every module of the simulation, so every kernel is defined (and, while deferred, waits to compile)."""
    import flight.sim
    for module in pkgutil.walk_packages(flight.sim.__path__, "flight.sim."):
        importlib.import_module(module.name)


def compile_as_helper(claims_folder: str) -> None:
    """The work of compile_kernels' helper process: compile every kernel it claims into the shared cache."""
    claims = Path(claims_folder)
    defer_compiling()
    import_every_kernel()
    for dispatcher, signatures in list(_deferred):
        if _claim(claims, dispatcher):
            _compile(dispatcher, signatures, claims)


def compiling_deferred() -> bool:
    """`defer_compiling` was called: kernels wait for `compile_kernels`."""
    return _defer and not JIT_DISABLED


def cache_filled() -> bool:
    """A first start has compiled every kernel into the cache: the next starts only load them."""
    return (CACHE_DIR / _FILLED).exists()


def kernels_ready() -> bool:
    """No kernel is waiting to be compiled."""
    return not _deferred


class KernelArgumentError(TypeError):
    """A kernel was handed an array of another dtype, shape or memory layout than it was compiled for."""


def describe_arrays(arrays: dict) -> str:
    """Which of these state arrays a kernel refuses, and why (for KernelArgumentError's one line)."""
    wrong = []
    for name, a in arrays.items():
        if not isinstance(a, np.ndarray):
            wrong.append(f"{name} is a {type(a).__name__}, not a numpy array")
        elif not (a.flags.c_contiguous and a.flags.writeable):
            wrong.append(f"{name} is a view (not C-contiguous or not writeable)")
        elif a.dtype not in (np.float64, np.bool_, np.int8):
            wrong.append(f"{name} is {a.dtype}")
    if not wrong:
        return "a state array has another dtype or number of dimensions than the fleet made (see Fleet's table)"
    return "; ".join(wrong) + " (assign arrays of the fleet's own dtype and shape, e.g. with [:] =)"

