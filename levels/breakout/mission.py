"""The Breakout: Allison holds the camp gate with its own machine gun while the prisoners run for the Gothas; the
grenade; Dig leads the stolen squadron home through the night, past the night fighters, the searchlights and the
flak of both sides; at dawn Ehrlich finds Allison at the gate.

Part 1 cannot be lost, only held for longer or shorter: the men who reach the bombers crew as many Gothas as they
can (PRISONERS_PER_BOMBER a machine, Dig's own always), and the gate hands that number to Part 2. Part 2 plays by
the story's rules (story_endings): shot down, a crash or a landing behind the German lines fails; down anywhere
on the Allied side short of the aerodrome is a partial success; Dig home at the Allied aerodrome goes on to the
dawn at the gate, which grades by the bombers home.
"""
from flight.sim.missions import Condition, airborne, in_zone, landed, phase, story_endings

ALLISON, DIG, CAPTION = "Allison", "Dig", "Caption"
BOMBERS = 6  # Dig's Gotha and the five of "squadron"
NIGHT_FIGHTERS = 3  # "nachtjagd"
PRISONERS_PER_BOMBER = 8  # a crew of three and five more in the fuselage
STRAGGLERS_S = 240.0  # after Dig is down, how long the aerodrome waits for the rest
HOME_FOR_SUCCESS = 0.5  # of the bombers that took off: at least this many home is a success

EPILOGUE = {
    "success": "Ehrlich told the court nothing of Allison's gun. The men Dig brought home told the rest, and the "
               "charge of murder against Lieutenant Digby was withdrawn.",
    "partial": "Dig is alive on the right side of the lines, and some of the men with him. The camp counts its "
               "empty bunks, and Ehrlich counts the dead at the gate.",
    "failure": "The night ends behind the wire after all. At the gate, Ehrlich stands a long time by the gun.",
}


def gate_over():
    return Condition(lambda m: m.gate.done, "the gate's part over")


def squadron_down(squadron: list[str]):
    """Every one of `squadron` landed and stopped, or lost."""
    def down(m, unit):
        u = m.unit(unit)
        return u.crashed or u.shot_down or (u.landed and u.stopped)
    return Condition(lambda m: all(down(m, w) for w in squadron), "the squadron down")


def crews(arrived: int) -> int:
    """Gothas the men at the bombers can crew: Dig's, and one more for every PRISONERS_PER_BOMBER after his."""
    return max(1, min(BOMBERS, arrived // PRISONERS_PER_BOMBER))


def wingmen(bombers: int) -> list[str]:
    """The Gothas that follow Dig's: the first `bombers` - 1 of "squadron"."""
    return [f"squadron/{n}" for n in range(bombers - 1)]


@phase
def the_gate(m):
    m.say(CAPTION, "Night. The huts empty in silence; at the gate Captain Allison has the guards' own gun.", 6)
    hold = m.objective(f"Hold the gate until {m.gate.target} men reach the bombers")
    m.say(ALLISON, "Go on, lads, run for it! I'll keep their heads down.", 4)
    yield m.until(gate_over())
    arrived = m.gate.count  # it stands from now on: nothing at the gate moves once its part is over
    bombers = crews(arrived)
    m.stat("prisoners_at_the_bombers", arrived)
    m.stat("bombers", bombers)
    if arrived >= m.gate.target:
        hold.complete()
    else:
        hold.fail()
    m.scene("grenade", 5)  # a cut to black: the app plays the blast and holds the caption
    m.say(CAPTION, "A grenade, thrown from the dark. The gun at the gate falls silent.", 5)
    yield m.wait(s=5)
    return bombers  # handed to the_squadron


def squadron_call(bombers: int) -> str:
    """Dig's call to the crews once the gate has held, however many machines got away."""
    machines = "One machine" if bombers == 1 else f"{bombers} machines"
    return f"{machines}, chaps. Start up and follow me: west, and keep close."


@phase
def the_squadron(m, bombers: int):
    m.seat("aircraft")
    story_endings(m, home="allied_aerodrome", home_ends=False)
    m.say(DIG, squadron_call(bombers), 5)
    squadron = wingmen(bombers)
    for wingman in squadron:
        m.join_side(wingman, "allied")
        m.order(wingman, "formation", leader="player", shape="box")
    m.start(the_night_fighters, squadron)
    away = m.objective("Take off and lead the squadron west")
    yield m.until(airborne("player"))
    away.complete()
    lines = m.objective("Cross the lines")
    yield m.until(in_zone("player", "allied_side"))
    lines.complete()
    m.say(DIG, "Over the lines. Archie from both sides, of course: they see the crosses.", 5)
    m.objective("Land at the Allied aerodrome")
    yield m.until(in_zone("player", "allied_aerodrome"))
    for wingman in squadron:
        m.order(wingman, "land", field="allied_aerodrome", in_turn=True)
    yield m.until(landed("player", zone="allied_aerodrome"))
    m.say(CAPTION, "Dawn over the aerodrome. The Gothas come down one after another.", 5)
    yield m.until(squadron_down(squadron), at_most_s=STRAGGLERS_S)  # then the stragglers are given up
    home = 1 + sum(landed(wingman, zone="allied_aerodrome")(m) for wingman in squadron)
    m.stat("bombers_home", home)
    return home, bombers  # handed to the last scene, which grades by them


def the_night_fighters(m, squadron: list[str]):
    yield m.wait(s=150)
    quarry = ["player"] + squadron
    for n in range(NIGHT_FIGHTERS):  # one bomber each, the leader first
        m.order(f"nachtjagd/{n}", "attack", target=quarry[n % len(quarry)])
    m.say(CAPTION, "Behind them, the night fighters are up.", 4)


@phase
def dawn_at_the_gate(m, home: int, bombers: int):
    m.scene("gate_dawn", 24)
    m.say(CAPTION, "Dawn at the camp. Oberst Ehrlich walks down to the gate.", 6)
    yield m.wait(s=8)
    m.say(CAPTION, "He finds Allison by the gun, and salutes him.", 6)
    yield m.wait(s=16)
    reason = f"home: {home} of {bombers} bombers landed at the Allied aerodrome"
    if home >= HOME_FOR_SUCCESS * bombers:
        m.succeed(reason)
    else:
        m.partial(reason)

