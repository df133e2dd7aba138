"""Where the player sits: each seat says what his ControlFrame drives while he is there."""
