"""The rules every story level shares, set in one call: a flight home across the lines (Dig's escape, the
Breakout) ends in failure when the player is shot down, crashes or comes down behind the German lines, in
success when he is down at home, and in partial success anywhere else on the Allied side. The sides are the
theatre's zones "allied_side" and "german_side". Imports no panda3d.

    @phase
    def the_alarm(m):
        story_endings(m, home="allied_aerodrome")
        ...
"""
from __future__ import annotations

from flight.sim.missions.conditions import crashed, in_zone, landed, shot_down

SHOT_DOWN = "shot down"
CRASHED = "crashed"
CAPTURED = "captured again: down behind the German lines"
HOME = "home: landed at the Allied aerodrome"
SHORT = "down on the Allied side, short of the aerodrome"


def story_endings(m, home: str, home_ends: bool = True) -> None:
    """From now on (m.fail_if and the like), whichever phase is running: shot down, crashed, or landed on the
    German side fails; landed and stopped in the zone `home` succeeds (with `home_ends=False` it ends nothing: the
    script goes on to its own ending, the Breakout's count of the bombers home); landed anywhere else on the Allied
    side is a partial success. The reasons are the story's own (HOME names the Allied aerodrome)."""
    m.fail_if(shot_down("player"), SHOT_DOWN)
    m.fail_if(crashed("player"), CRASHED)
    m.fail_if(landed("player", zone="german_side"), CAPTURED)
    if home_ends:
        m.succeed_if(landed("player", zone=home), HOME)
    m.partial_if(landed("player", zone="allied_side") & ~in_zone("player", home), SHORT)
