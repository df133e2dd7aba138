"""Procedural models and the tiny glTF writer behind `flight models`; numpy only, no panda3d."""
