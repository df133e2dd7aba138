"""The Breakout (being built, docs/breakout_plan.md): for now the squadron's part alone, so the level loads."""
from flight.missions import crashed, landed, phase


@phase
def the_squadron(m):
    m.fail_if(crashed("player"), "crashed")
    m.succeed_if(landed("player", zone="allied_aerodrome"), "home")
    m.objective("Lead the squadron home")
    yield m.until(landed("player", zone="allied_aerodrome"))
