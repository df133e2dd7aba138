"""The game's screens: menu, briefing, flight, debrief, settings, controls, and the replay browser and player. Each
names the next by key to the router (router.py), the one module that imports them."""
