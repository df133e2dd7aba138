"""The screens between flights: menu, briefing, debrief, settings, controls and the replay browser and player."""
