"""A flight on screen: the view that ticks the world and draws it, the cameras, the cockpit, the seat views,
the ghost, the cut-aways and the player's merged controls."""
