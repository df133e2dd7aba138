"""Running a level: a sortie (the world with its mission script), the auto-pilot in the player's seat, and the
one driver loop that quantises, ticks and records (the recorder keeps the hashes). Imports no panda3d."""
