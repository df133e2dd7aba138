"""HUD widgets: each a scene-graph node under an aspect2d anchor, updated by its own task from the latest
world snapshot, calling setText only when the shown string changes."""
