"""Dig's Escape: the alarm, the takeoff run under fire, the Jasta on his tail, the lines, and home.

The story's rules first (story_endings: they hold whichever scene is playing): shot down, a crash or a landing
behind the German lines fails, a landing at the Allied aerodrome succeeds, a landing anywhere else on the Allied
side is a partial success.
"""
from flight.sim.missions import after, airborne, any_of, in_zone, landed, phase, story_endings

DIG, CAPTION = "Dig", "Caption"

EPILOGUE = {
    "success": "Dig is home. Within the week the camp finds his coat beside the body of Elsa, who brought the "
               "prisoners their bread, and Oberst Ehrlich asks the Allies to send Lieutenant Digby back for trial.",
    "partial": "Dig is over the lines, and alive. Within the week the camp finds his coat beside the body of Elsa, "
               "and Oberst Ehrlich asks the Allies to send Lieutenant Digby back for trial.",
    "failure": "Dig's escape ends where it began. In the camp, Allison hears the news without a word.",
}


@phase
def the_alarm(m):
    story_endings(m, home="allied_aerodrome")
    m.say(CAPTION, "Dawn. The Fokker's engine is warm. Behind the wire, the camp bell starts to ring.", 6)
    m.order("guards", "advance", target="player")
    m.order("truck", "drive")
    away = m.objective("Take off before the truck blocks the field")
    m.say(DIG, "Come on, old girl. West, into the wind.", 4)
    yield m.until(airborne("player"))
    away.complete()


@phase
def the_chase(m):
    m.say(DIG, "Off! Keep low, keep going.", 4)
    lines = m.objective("Fly west and cross the lines")
    m.start(the_jasta)
    yield m.until(in_zone("player", "allied_side"))
    lines.complete()


def the_jasta(m):
    yield m.wait(s=60)
    m.order("jasta_dr1/0", "pursue", target="player")
    m.order("jasta_d7/0", "pursue", target="player")
    m.say(CAPTION, "A triplane and a D.VII are scrambling from the field behind him.", 5)
    yield m.until(any_of(after(240), in_zone("player", "allied_side")))
    if not m.player.in_zone("allied_side"):  # still short of the lines: the rest of the Jasta
        m.order("jasta_dr1/1", "pursue", target="player")
        m.order("jasta_d7/1", "pursue", target="player")
        m.say(CAPTION, "The rest of the Jasta is up.", 4)
    yield m.until(in_zone("player", "allied_side"))
    yield m.wait(s=45)  # the Jasta's patrols end at the lines: a little way over them, they turn for home
    m.order("jasta_dr1", "return_to_base", field="german_airfield")
    m.order("jasta_d7", "return_to_base", field="german_airfield")
    m.say(CAPTION, "Over the British lines the Fokkers give up the chase and turn for home.", 5)


@phase
def home(m):
    m.say(DIG, "Archie from both sides. Of course: they see the crosses.", 5)
    m.objective("Land at the Allied aerodrome")
    yield m.until(landed("player", zone="allied_aerodrome"))
