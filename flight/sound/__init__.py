"""The game's sound, made by the game: every source synthesized with numpy and numba from the simulation's
snapshots and a seed, mixed for a listener (flight.sound.sound_mixer), played live by flight.app and written to a WAV
by `flight replay --audio`. Imports no panda3d: the same code runs headless."""
