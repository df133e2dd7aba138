"""Writing a video file with PyAV (the optional `video` extra): H.264 (libx264) when the wheel has it, else MPEG-4
part 2; yuv420p, so the width and height must be even. The file is written to a temp file beside OUT and put in
place with os.replace when it is finished: a failed or interrupted export leaves no half-written video. Imports no
panda3d."""
from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np

from flight.files import put_in_place, temp_beside
from flight.text import OneLineError, reason

CONTAINERS = {".mp4": "mp4", ".mkv": "matroska", ".mov": "mov"}
INSTALL = 'pip install ".[video]" (or pip install av)'


class VideoError(OneLineError):
    """The video cannot be written: one line naming the file or option and the problem."""


def pyav_missing() -> str | None:
    """Why PyAV cannot be used (one line saying how to install it), or None when it can."""
    try:
        import av  # noqa: F401
    except ImportError:
        return f"--video needs PyAV, which is not installed: {INSTALL}"
    return None


def codec_name() -> str:
    """libx264 if this PyAV can encode with it, else mpeg4 (every FFmpeg build has it)."""
    import av
    try:
        av.codec.Codec("libx264", "w")
    except Exception:  # av.codec.codec.UnknownCodecError; its module moves between PyAV versions
        return "mpeg4"
    return "libx264"


class VideoFile:
    """A video being written to `out`: `add` each RGB frame (and with a `sound_rate`, `add_sound` its samples), then
    `finish` (or `discard` on failure).

        video = VideoFile(Path("flight.mp4"), (1280, 720), fps=30)
        video.add(rgb); video.finish()
    """

    def __init__(self, out: Path, size: tuple[int, int], fps: int, sound_rate: int | None = None):
        import av
        container_format = CONTAINERS.get(out.suffix.lower())
        if container_format is None or out.name.startswith("."):
            raise VideoError(f"{out}: not a video file's name (it ends in {', '.join(CONTAINERS)})")
        if out.is_dir():
            raise VideoError(f"{out}: cannot write it (a folder of that name is there)")
        self.out, self.size = out, size
        try:
            self.temp = temp_beside(out)
        except (OSError, ValueError) as error:  # ValueError: a NUL in the name
            raise VideoError(f"{out}: cannot write it ({reason(error)})") from None
        try:
            self.container = av.open(str(self.temp), mode="w", format=container_format)
            self.stream = self.container.add_stream(codec_name(), rate=Fraction(fps))
            self.stream.width, self.stream.height = size
            self.stream.pix_fmt = "yuv420p"
            if self.stream.codec_context.name == "libx264":
                self.stream.options = {"preset": "veryfast", "crf": "20"}  # a 2-core machine keeps up
            else:
                self.stream.bit_rate = 8 * size[0] * size[1] * fps // 10  # about 0.8 bits a pixel
            self.sound = None
            if sound_rate is not None:  # FFmpeg's own AAC encoder: in every build
                self.sound = self.container.add_stream("aac", rate=sound_rate)
                self.sound.layout = "stereo"
        except BaseException:
            self.temp.unlink(missing_ok=True)
            raise
        self.frames = 0

    def add(self, rgb: np.ndarray) -> None:
        """One frame: (height, width, 3) uint8, top row first."""
        import av
        frame = av.VideoFrame.from_ndarray(np.ascontiguousarray(rgb), format="rgb24")
        self.container.mux(self.stream.encode(frame))
        self.frames += 1

    def add_sound(self, samples: np.ndarray) -> None:
        """The sound of the frames so far: (n, 2) int16 stereo, at the rate given (AAC; PyAV converts)."""
        import av
        if len(samples) == 0:
            return
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(samples, dtype="<i2").reshape(1, -1), format="s16",
                                           layout="stereo")
        frame.sample_rate = self.sound.codec_context.sample_rate
        self.container.mux(self.sound.encode(frame))

    def finish(self) -> Path:
        """Flush the encoders, close the file, sync it and put it in place of `out`."""
        try:
            self.container.mux(self.stream.encode(None))
            if self.sound is not None:
                self.container.mux(self.sound.encode(None))
            self.container.close()
            put_in_place(self.temp, self.out)
        except OSError as error:
            self.temp.unlink(missing_ok=True)
            raise VideoError(f"{self.out}: cannot write it ({reason(error)})") from None
        return self.out

    def discard(self) -> None:
        try:
            self.container.close()
        except Exception:  # closing a half-written container may fail in its own ways; the temp goes regardless
            pass
        self.temp.unlink(missing_ok=True)
