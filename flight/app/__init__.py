"""Panda3D: the game window, its states, the scene, cameras and the loop that ticks the world."""
