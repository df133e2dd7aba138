"""The deterministic simulation around the flight model: terrain and the world that ticks. Imports no panda3d."""
from flight.world.level import Level, LevelFileError, known_levels, load_level
from flight.world.terrain import Terrain, generate_terrain
from flight.world.world import World, WorldSnapshot

__all__ = ["Level", "LevelFileError", "Terrain", "World", "WorldSnapshot", "generate_terrain", "known_levels",
           "load_level"]
