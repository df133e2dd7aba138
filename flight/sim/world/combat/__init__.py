"""The fighting: aircraft guns, bullets in flight, hits and damage, flak, the ground units and the events the
renderer shows, advanced by `Combat.tick` after the flight model's step. Imports numpy only (and the sim below)."""
