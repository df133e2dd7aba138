"""The flight model's kernels made ready behind the menu (flight.sim.jit.defer_compiling, as `flight play` does): once
the menu is drawn, a thread imports the simulation and compiles its kernels (on a first start, with a helper process
per spare core) or loads them from the cache; the menu shows how far a first start has got, and a flight waits only
for what is left (its Fleet asks flight.sim.jit.compile_kernels, which waits for this thread). Then the sound's
kernels, so the first frame of sound does not wait for them either."""
from __future__ import annotations

import threading

from flight.sim.jit import cache_filled, compile_kernels, compiling_deferred, import_every_kernel
from flight.sound.sound_mixer import warm_up as warm_up_sound


class KernelWarmup:
    """`start` runs the thread if kernels are deferred; `line` is the menu's progress line while a first start
    compiles, None otherwise."""

    def __init__(self):
        self.done, self.total = 0, 0
        self.thread: threading.Thread | None = None
        self.first_start = not cache_filled()

    def start(self) -> None:
        if compiling_deferred() and self.thread is None:
            self.thread = threading.Thread(target=self._compile, name="compile-kernels", daemon=True)
            self.thread.start()

    def _compile(self) -> None:
        import_every_kernel()
        compile_kernels(self._progress)
        warm_up_sound()

    def _progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    @property
    def finished(self) -> bool:
        if not compiling_deferred():
            return True
        return self.thread is not None and not self.thread.is_alive()

    def line(self) -> str | None:
        if self.finished or not self.first_start:
            return None
        counted = f": {self.done} of {self.total}" if self.total else ""
        return f"Preparing the flight model for this machine (once, on a first start){counted}"
