"""Panda3D configuration for the game window and for headless use (tests, `flight shot`)."""
from panda3d.core import loadPrcFileData

_QUIET = """
notify-level-audio fatal
notify-level-openal_audio fatal
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
    # sound only in a window on a machine with a sound device (OpenAL on none fills the terminal with errors)
    audio = "p3openal_audio" if window_type == "onscreen" and sound_available() else "null"
    loadPrcFileData("captured", _QUIET + pipe + f"audio-library-name {audio}\n"
                                                f"window-type {window_type}\nwin-size {size[0]} {size[1]}\n"
                                                f"window-title {title}\nframebuffer-multisample 0\n")


def display_available() -> bool:
    """An X11 or Wayland display to open a window on (Linux); other systems always have one."""
    import os
    import sys
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def sound_available() -> bool:
    """A sound device to play on (Linux: an ALSA device, or a PulseAudio or PipeWire server); other systems
    always have one."""
    import os
    import sys
    from pathlib import Path
    if not sys.platform.startswith("linux"):
        return True
    runtime = Path(os.environ.get("XDG_RUNTIME_DIR") or "/nonexistent")
    return (Path("/dev/snd").is_dir() or (runtime / "pulse" / "native").exists()
            or (runtime / "pipewire-0").exists())
