"""Training: the instructor talks a pupil through a first flight in the Camel, one step at a time, each checked by
a trigger. Free flight otherwise: the flight ends when she is down on the aerodrome and stopped, or crashed."""
from flight.sim.missions import above, airborne, crashed, heading_near, landed, moving, not_, phase, stalled

INSTRUCTOR = "Instructor"


@phase
def start_up(m):
    m.fail_if(crashed("player"), "crashed")
    m.succeed_if(landed("player", zone="aerodrome"), "landed on the aerodrome")
    m.say(INSTRUCTOR, "Chocks are in. Open her up: 0 for full throttle, and the chaps will pull the chocks.", 8)
    take_off = m.objective("Take off")
    yield m.until(moving("player"))  # the next line once she rolls, not while she sits at idle
    m.say(INSTRUCTOR, "Keep her straight with the rudder as the tail comes up, then ease back at 45 mph.", 8)
    yield m.until(airborne("player"))
    take_off.complete()


@phase
def climb(m):
    climb = m.objective("Climb to 500 m (1,600 ft)")
    m.say(INSTRUCTOR, "Good. Climb to sixteen hundred feet at about 65 mph.", 6)
    yield m.until(above("player", 500))
    climb.complete()


@phase
def turns(m):
    right = m.objective("Turn right onto north")
    m.say(INSTRUCTOR, "Now a turn to the right, onto north. She whips round and drops her nose: hold it up "
                      "with rudder.", 8)
    yield m.until(heading_near("player", 0))
    right.complete()
    left = m.objective("Turn left onto south")
    m.say(INSTRUCTOR, "And to the left, all the way round onto south. Slower, and the nose wants to rise: keep "
                      "left rudder on.", 8)
    yield m.until(heading_near("player", 180))
    left.complete()


@phase
def stall(m):
    stall = m.objective("Stall her, and recover")
    m.say(INSTRUCTOR, "Throttle back and hold the nose up until she stalls. Then stick forward, power on.", 8)
    yield m.until(stalled("player"))
    m.say(INSTRUCTOR, "There she goes. Stick forward!", 4)
    yield m.until(not_(stalled("player")) & above("player", 100))
    yield m.wait(s=3)
    stall.complete()


@phase
def come_home(m):
    m.objective("Land on the aerodrome and stop")
    m.say(INSTRUCTOR, "That's the Camel. Bring her home: throttle back, blip with B, and put her down on the "
                      "field.", 8)
    yield m.until(landed("player", zone="aerodrome"))
