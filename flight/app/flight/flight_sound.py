"""The flight's sound played live: each frame flight.sound's SoundMixer renders the frame's samples from the newest
snapshot, heard from the camera, and they stream to Panda3D's audio as 16-bit PCM through a UserDataAudio. Paused,
silence is queued (nothing rendered); faster than real time it is rendered muted (its state kept).
With no sound device nothing is rendered at all (FlightApp has said so in one line)."""
from __future__ import annotations

import sys

from panda3d.core import UserDataAudio

from flight.app.frames import pose_to_ned
from flight.sound.level_sound import LevelSound, LevelSoundError, load_level_sound
from flight.sound.one_shots import RATE, to_pcm16
from flight.sound.sound_mixer import MOST_SAMPLES, SoundMixer, Volumes
from flight.sound.spatial import Listener

AHEAD_S = 0.05  # queued beyond the frame, so a late frame does not leave the speakers dry


class FlightSound:
    """`update` once a frame after the camera is placed."""

    def __init__(self, app, aircraft: list[str], seed: int, level: str):
        manager = app.sfxManagerList[0] if app.sfxManagerList else None
        self.playing = manager is not None and manager.is_valid()
        self.mixer = SoundMixer(aircraft, seed=seed, level=self._level_sound(level)) if self.playing else None
        self.owed = 0.0  # samples due but not yet rendered (a frame's time is not whole samples)
        self.stream = self.sound = None
        if self.playing:
            self.stream = UserDataAudio(RATE, 2)
            self.stream.append(bytes(4 * round(AHEAD_S * RATE)))
            self.sound = manager.get_sound(self.stream)
            self.sound.play()

    @staticmethod
    def _level_sound(level: str) -> LevelSound:
        """The level's own sounds; a broken [sound] table is one line and the flight goes on without them."""
        try:
            return load_level_sound(level)
        except LevelSoundError as error:
            print(f"flight: {error}", file=sys.stderr)
            return LevelSound()

    def update(self, snapshot, camera, root, frame_s: float, paused: bool, speed: float, volumes: Volumes,
               scene=None) -> None:
        """Render and queue the frame's `frame_s` seconds of sound (silence while `paused`, which keeps the stream
        running); `scene` is the mission's latest cut (the grenade's blast is heard over its black)."""
        if not self.playing:
            return
        self.owed = min(self.owed + frame_s * RATE, MOST_SAMPLES)  # a long hitch is not caught up: only later
        count = int(self.owed)
        self.owed -= count
        if count == 0:
            return
        if self.sound.status() != self.sound.PLAYING:  # ran dry once (a hitch longer than AHEAD_S): start again
            self.sound.play()
        if paused:
            self.stream.append(bytes(4 * count))
            return
        listener = Listener(*pose_to_ned(camera, root))
        if speed > 1.0:
            volumes = Volumes(muted=True)
        self.stream.append(to_pcm16(self.mixer.render(snapshot, listener, count, volumes, scene)).tobytes())

    def destroy(self) -> None:
        if self.sound is not None:
            self.sound.stop()
            self.stream.done()
            self.sound = self.stream = None
