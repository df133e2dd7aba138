"""The deterministic simulation around the flight model: terrain and the world that ticks. Imports no panda3d."""
from flight.sim.world.level import Level, LevelFileError, known_levels, load_level
from flight.sim.map.terrain import Terrain, generate_terrain
from flight.sim.world.world import World, WorldSnapshot

__all__ = ["Level", "LevelFileError", "Terrain", "World", "WorldSnapshot", "generate_terrain", "known_levels",
           "load_level"]
