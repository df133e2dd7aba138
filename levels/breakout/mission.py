"""The Breakout: Allison holds the camp gate with its own machine gun while the prisoners run for the Gothas; the
grenade; Dig leads the stolen squadron home through the night, past the night fighters, the searchlights and the
flak of both sides; at dawn Ehrlich finds Allison at the gate.

Part 1 cannot be lost, only held for longer or shorter: the men who reach the bombers crew as many Gothas as they
can (PRISONERS_PER_BOMBER a machine, Dig's own always). Part 2's rules: shot down, a crash or a landing behind the
German lines fails; Dig home at the Allied aerodrome ends it, graded by the bombers home; down anywhere else on the
Allied side is a partial success.
"""
from flight.sim.missions import Condition, airborne, any_of, crashed, in_zone, landed, phase, shot_down

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

# The auto-pilot's plan for the Gotha (the gunner AI holds the gate before it): away west down the field and
# low across the country (flak cannot lay on an aircraft below 100 m) at a cruise the wingmen can close up at,
# and the circuit at home.
PLAN = [
    {"do": "takeoff", "height_m": 80.0},
    {"do": "fly_to", "zone": "allied_aerodrome", "height_m": 80.0, "speed": 34.0},
    {"do": "land", "field": "allied_aerodrome"},
]


def gate_over():
    return Condition(lambda m: m.gate.done, "the gate's part over")


def squadron_down(wingmen: list[str]):
    """Every one of `wingmen` landed and stopped, or lost."""
    def down(m, unit):
        u = m.unit(unit)
        return u.crashed or u.shot_down or (u.landed and u.stopped)
    return Condition(lambda m: all(down(m, w) for w in wingmen), "the squadron down")


def crews(arrived: int) -> int:
    """Gothas the men at the bombers can crew: Dig's, and one more for every PRISONERS_PER_BOMBER after his."""
    return max(1, min(BOMBERS, arrived // PRISONERS_PER_BOMBER))


def wingmen(m) -> list[str]:
    return [f"squadron/{n}" for n in range(m.stats["bombers"] - 1)]


@phase
def the_gate(m):
    m.say(CAPTION, "Night. The huts empty in silence; at the gate Captain Allison has the guards' own gun.", 6)
    hold = m.objective(f"Hold the gate until {m.gate.target} men reach the bombers")
    m.say(ALLISON, "Go on, lads, run for it! I'll keep their heads down.", 4)
    yield m.until(gate_over())
    m.stat("prisoners_at_the_bombers", m.gate.count)
    m.stat("bombers", crews(m.gate.count))
    if m.gate.count >= m.gate.target:
        hold.complete()
    else:
        hold.fail()
    m.scene("grenade", 5)  # a cut to black: the app plays the blast and holds the caption
    m.say(CAPTION, "A grenade, thrown from the dark. The gun at the gate falls silent.", 5)
    yield m.wait(s=5)


@phase
def the_squadron(m):
    m.seat("aircraft")
    m.fail_if(shot_down("player"), "shot down")
    m.fail_if(crashed("player"), "crashed")
    m.fail_if(landed("player", zone="german_side"), "captured again: down behind the German lines")
    m.partial_if(landed("player", zone="allied_side") & ~in_zone("player", "allied_aerodrome"),
                 "down on the Allied side, short of the aerodrome")
    bombers = m.stats["bombers"]
    m.say(DIG, f"{bombers} machines, chaps. Start up and follow me: west, and keep close.", 5)
    for wingman in wingmen(m):
        m.join_side(wingman, "allied")
        m.order(wingman, "formation", leader="player", shape="box")
    m.start(the_night_fighters)
    away = m.objective("Take off and lead the squadron west")
    yield m.until(airborne("player"))
    away.complete()
    lines = m.objective("Cross the lines")
    yield m.until(in_zone("player", "allied_side"))
    lines.complete()
    m.say(DIG, "Over the lines. Archie from both sides, of course: they see the crosses.", 5)
    m.objective("Land at the Allied aerodrome")
    yield m.until(in_zone("player", "allied_aerodrome"))
    for wingman in wingmen(m):
        m.order(wingman, "land", field="allied_aerodrome", in_turn=True)
    yield m.until(landed("player", zone="allied_aerodrome"))
    m.stat("landed_s", round(m.seconds, 1))  # in the log, so a restored keyframe knows when too
    m.say(CAPTION, "Dawn over the aerodrome. The Gothas come down one after another.", 5)
    given_up = m.stats["landed_s"] + STRAGGLERS_S
    yield m.until(any_of(squadron_down(wingmen(m)), Condition(lambda m: m.seconds > given_up,
                                                              "the stragglers given up")))
    m.stat("bombers_home", 1 + sum(landed(w, zone="allied_aerodrome")(m) for w in wingmen(m)))


def the_night_fighters(m):
    yield m.wait(s=150)
    quarry = ["player"] + wingmen(m)
    for n in range(NIGHT_FIGHTERS):  # one bomber each, the leader first
        m.order(f"nachtjagd/{n}", "attack", target=quarry[n % len(quarry)])
    m.say(CAPTION, "Behind them, the night fighters are up.", 4)


@phase
def dawn_at_the_gate(m):
    m.scene("gate_dawn", 24)
    m.say(CAPTION, "Dawn at the camp. Oberst Ehrlich walks down to the gate.", 6)
    yield m.wait(s=8)
    m.say(CAPTION, "He finds Allison by the gun, and salutes him.", 6)
    yield m.wait(s=16)
    home, bombers = m.stats["bombers_home"], m.stats["bombers"]
    reason = f"home: {home} of {bombers} bombers landed at the Allied aerodrome"
    if home >= HOME_FOR_SUCCESS * bombers:
        m.succeed(reason)
    else:
        m.partial(reason)

