"""Silence for JSBSim, the reference flight model that the tests and `flight bench` compare against.

jsbsim is a test dependency, never imported by the game; callers pass the module in.
"""
import contextlib


@contextlib.contextmanager
def silenced(jsbsim):
    """Drops JSBSim's log records while loading a model: its banner and the Camel's XML warnings (one of which
    JSBSim files as FATAL though loading goes on) would otherwise fill stdout; real failures still raise."""

    class Silent(jsbsim.FGLogger):
        def set_level(self, level): pass

        def file_location(self, filename, line): pass

        def message(self, message): pass

        def format(self, format): pass

        def flush(self): pass

    previous = jsbsim.get_logger()
    jsbsim.set_logger(Silent())
    try:
        yield
    finally:
        jsbsim.set_logger(previous)
