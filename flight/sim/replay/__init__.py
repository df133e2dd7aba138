"""Replays: the player's quantised controls for every tick of a sortie, with state hashes and keyframes, in a
chunked file that can be verified, played back, seeked and taken over. Imports no panda3d."""
from flight.sim.replay.container import ReplayFileError
from flight.sim.replay.reader import Replay, load_replay
from flight.sim.replay.writer import ReplayWriter, new_replay_path

__all__ = ["Replay", "ReplayFileError", "ReplayWriter", "load_replay", "new_replay_path"]
