"""The world's scene: the terrain chunks and their painting, sky and time of day, trees, villages and placed
models, night lights and the effects of the fighting."""
