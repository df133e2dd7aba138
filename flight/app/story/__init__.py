"""The story's scenes on screen: intertitle cards and shots of the theatre (flight.story says what is shown when)."""
