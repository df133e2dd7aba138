"""Command-line tools around the game: `flight run --headless`, `flight replay`, `flight bench`, `flight devices`,
and the JSBSim silencer the bench and tests share."""
