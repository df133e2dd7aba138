"""The world that ticks: every aircraft (flight.sim.dynamics), the fighting (combat/), the AI pilots (ai/) and the
player's seats (seats/), over a map (flight.sim.map), from a level's file (level.py). Imports no panda3d."""
from flight.sim.world.level import Level, LevelFileError, known_levels, load_level
from flight.sim.map.terrain import Terrain, generate_terrain
from flight.sim.world.world import World, WorldSnapshot

__all__ = ["Level", "LevelFileError", "Terrain", "World", "WorldSnapshot", "generate_terrain", "known_levels",
           "load_level"]
