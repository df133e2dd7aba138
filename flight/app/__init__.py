"""Panda3D: the game window (app.py), its screens and the router between them (screens/), the flight on screen
(flight/) and the scene it draws (scene/)."""
