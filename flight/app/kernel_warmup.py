"""The flight model's kernels compiled behind the menu on a first start (flight.sim.jit.defer_compiling): a thread
compiles them (or loads them from the cache) while the window runs, the menu shows how far it has got, and a flight
waits only for what is left (its Fleet asks flight.sim.jit.compile_kernels, which waits for this thread)."""
from __future__ import annotations

import threading

from flight.sim.jit import compile_kernels, import_every_kernel, kernels_ready


class KernelWarmup:
    """Starts at once if any kernel waits; `line` is the menu's progress line, None once all are ready."""

    def __init__(self):
        self.done, self.total = 0, 0
        self.thread: threading.Thread | None = None
        if not kernels_ready():
            self.thread = threading.Thread(target=self._compile, name="compile-kernels", daemon=True)
            self.thread.start()

    def _compile(self) -> None:
        import_every_kernel()  # all of them, so a first start fills the cache beside its helper processes
        compile_kernels(self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    @property
    def finished(self) -> bool:
        return self.thread is None or not self.thread.is_alive()

    def line(self) -> str | None:
        if self.finished:
            return None
        counted = f": {self.done} of {self.total}" if self.total else ""
        return f"Preparing the flight model for this machine (once, on a first start){counted}"
