"""The land: the terrain heightfield, its land use (fields, woods, villages, roads, the river, the front) and the
theatre's placed features and named zones, all generated deterministically from a seed and never written after.
Imports numpy and flight.sim.dynamics only."""
