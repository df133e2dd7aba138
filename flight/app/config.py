"""Panda3D configuration for the game window and for headless use (tests, `flight shot`)."""
from panda3d.core import loadPrcFileData

_QUIET = """
audio-library-name null
notify-level-device fatal
notify-level-display error
notify-level-gltf error
sync-video false
framebuffer-srgb true
"""


def configure(window_type: str, size: tuple[int, int], title: str = "Captured!") -> None:
    """Set before ShowBase starts: window type ('onscreen', 'offscreen' or 'none') and size."""
    # with no X display, go straight to the EGL pipe instead of failing noisily on GLX first
    pipe = "load-display p3headlessgl\n" if window_type == "offscreen" and not display_available() else ""
    loadPrcFileData("captured", _QUIET + pipe + f"window-type {window_type}\nwin-size {size[0]} {size[1]}\n"
                                                f"window-title {title}\nframebuffer-multisample 0\n")


def display_available() -> bool:
    """An X11 or Wayland display to open a window on (Linux); other systems always have one."""
    import os
    import sys
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
