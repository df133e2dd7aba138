"""The story's scenes between the flights: read from levels/story/*.toml and timed here, drawn by flight.app.story.
Imports no panda3d."""
