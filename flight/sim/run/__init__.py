"""Running a level: a sortie (the world with its mission script), the auto-pilot in the player's seat, and the
one driver loop that quantises, ticks, records and hashes. Imports no panda3d."""
