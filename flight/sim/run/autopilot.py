"""The AI in the player's seat (`flight run LEVEL --pilot auto`): the AI pilot (flight.sim.world.ai) flies aircraft 0
through a ControlFrame, quantised like a player's, so a recorded run replays exactly. It flies the level's plan
(`[[plan]]` in its level.toml, read and checked by flight.sim.world.plan), one step after another, each done when
reached (a circuit of the level's aerodrome when there is none); it breaks away by itself from an enemy on its
tail. It reads the world, never writes it, and draws no random numbers (a replay re-runs the world without it).
Imports no panda3d.
"""
from __future__ import annotations

import math
from collections.abc import Callable

from flight.sim.command import BLIP, ControlFrame
from flight.sim.dynamics import DT
from flight.sim.world.ai import Airfield, Phase, Pilot
from flight.sim.world.ai.airwork import LEVEL
from flight.sim.world.ai.orders import Order
from flight.sim.run.sortie import Sortie

PLAN_SKILL = "veteran"  # how the auto-pilot reacts to an enemy on its tail
TAKEOFF_HEIGHT = 150.0  # m above the field, unless the step says
FULL_SPEED = 120.0  # m/s EAS: more than any type makes, so the throttle stays open
TURN_STEP = math.radians(90.0)  # a turn the long way round is flown towards a heading this far ahead at a time
HEADING_REACHED = math.radians(4.0)
POINT_REACHED = 400.0  # m from a point (or inside its zone)
STALL_SETTLE_TICKS = round(5.0 / DT)  # level again this long after a stall before the next step


class PlanFlyer:
    """Flies `steps` (a level's plan, checked when it loaded) with `pilot` in aircraft 0 of the sortie's world."""

    def __init__(self, sortie: Sortie, pilot: Pilot, steps: tuple[dict, ...]):
        self.sortie, self.pilot, self.steps = sortie, pilot, tuple(steps)
        self.current = -1
        self.started = 0  # tick the current step began
        self.target: tuple = ()
        self._next()

    def __call__(self, sortie: Sortie) -> ControlFrame:
        if self.current < len(self.steps) and self._done():
            self._next()
        elif self.current < len(self.steps) and self.steps[self.current]["do"] == "turn_to":
            self._turn(self.steps[self.current])
        aileron, elevator, rudder, throttle, brake, blip = self.pilot.update()[0].tolist()
        return ControlFrame(aileron, elevator, rudder, throttle, brake, BLIP if blip >= 0.5 else 0)

    # ---- steps ---------------------------------------------------------------------------------------------
    def _next(self) -> None:
        self.current += 1
        self.started = self.sortie.tick_count
        if self.current < len(self.steps):
            step = self.steps[self.current]
            getattr(self, "_" + step["do"])(step)

    def _done(self) -> bool:
        step, p, world = self.steps[self.current], self.pilot, self.sortie.world
        kind = step["do"]
        if kind == "takeoff":
            return p.phase[0] == Phase.ENROUTE
        if kind == "climb":
            return world.fleet.height_of(0) >= self.target[0]
        if kind == "turn_to":
            return abs(_wrap(self.target[0] - float(world.fleet.euler[0, 2]))) < HEADING_REACHED
        if kind == "stall":
            return p.tactic[0] == LEVEL and p.tactic_ticks[0] >= STALL_SETTLE_TICKS
        if kind == "fly_to":
            north, east = world.fleet.pos[0, :2].tolist()
            zone, (n, e) = self.target
            dn, de = north - n, east - e  # not math.hypot: the C library's differs by CPU
            return (zone is not None and zone.contains(north, east)) or math.sqrt(dn * dn + de * de) < POINT_REACHED
        if kind == "wait":
            return (self.sortie.tick_count - self.started) * DT >= float(step.get("s", 0.0))
        return False  # land: the mission ends it

    def _takeoff(self, step: dict) -> None:
        ground = float(self.sortie.world.fleet.ground(*self.sortie.world.fleet.pos[:1, :2].T)[0])
        self.pilot.takeoff(0, altitude=ground + float(step.get("height_m", TAKEOFF_HEIGHT)))

    def _climb(self, step: dict) -> None:
        world = self.sortie.world
        height = float(step["height_m"])
        ground = float(world.fleet.altitude[0]) - world.fleet.height_of(0)
        self.target = (height,)
        heading = step.get("heading_deg")
        heading = float(world.fleet.euler[0, 2]) if heading is None else math.radians(float(heading))
        self.pilot.hold_heading(0, heading, altitude=ground + height + 10.0)

    def _turn_to(self, step: dict) -> None:
        self.target = (math.radians(float(step["heading_deg"])) % (2.0 * math.pi),)
        self._turn(step)

    def _turn(self, step: dict) -> None:
        """Towards the heading, the way the step says: through headings TURN_STEP ahead while far from it."""
        world = self.sortie.world
        heading = float(world.fleet.euler[0, 2])
        off = _wrap(self.target[0] - heading)
        direction = step.get("direction")
        if direction in ("right", "left"):
            sign = 1.0 if direction == "right" else -1.0
            off = off % (2.0 * math.pi) if sign > 0 else -((-off) % (2.0 * math.pi))
            wanted = heading + sign * TURN_STEP if abs(off) > TURN_STEP else self.target[0]
        else:
            wanted = self.target[0]
        p = self.pilot
        ordered = float(p.orders.heading[0])
        if p.orders.kind[0] != Order.HEADING:
            p.hold_heading(0, wanted % (2.0 * math.pi))
        elif abs(_wrap(ordered - self.target[0])) > 1e-9 and (wanted == self.target[0]
                                                             or abs(_wrap(ordered - heading)) < 0.5 * TURN_STEP):
            p.hold_heading(0, wanted % (2.0 * math.pi), altitude=float(p.orders.altitude[0]))

    def _stall(self, step: dict) -> None:
        self.pilot.stall(0)

    def _fly_to(self, step: dict) -> None:
        zone = None
        if "zone" in step:
            zone = self.sortie.level.zones[step["zone"]]
            north, east = zone.centre
        else:
            north, east = float(step["north"]), float(step["east"])
        self.target = (zone, (north, east))
        speed = step.get("speed_ms")
        speed = FULL_SPEED if speed == "full" else (None if speed is None else float(speed))
        altitude = step.get("altitude_m")
        floor = float(step.get("height_m", 0.0))
        self.pilot.fly_to(0, north, east, altitude=0.0 if altitude is None and floor else altitude, speed=speed,
                          floor=floor)

    def _wait(self, step: dict) -> None:
        pass

    def _land(self, step: dict) -> None:
        self.pilot.land(0, _field(self.sortie, step.get("field", "aerodrome")).into_wind(self.sortie.world.fleet.wind))


def level_autopilot(sortie: Sortie) -> Callable[[Sortie], ControlFrame]:
    """A pilot program for the level: a seat's own AI while the player sits there (the gate's gunner in Level 2's
    Part 1), else the level's plan, flown from where the aircraft stands when it is first wanted."""
    seat_ais = {name: ai for name, seat in sortie.world.seats.items() if (ai := seat.auto_pilot()) is not None}
    flyer = None

    def fly(sortie: Sortie) -> ControlFrame:
        nonlocal flyer
        seat_ai = seat_ais.get(sortie.world.seat)
        if seat_ai is not None:
            return seat_ai(sortie)
        if flyer is None:
            flyer = _plan_flyer(sortie)
        return flyer(sortie)
    return fly


def _plan_flyer(sortie: Sortie) -> PlanFlyer:
    """The level's plan, or a circuit of its aerodrome landing into the wind (in a calm, the way the level starts
    facing: levels start their aircraft into the wind)."""
    world = sortie.world
    pilot = Pilot(world.fleet, [0], teams=world.combat.allegiance.copy(), skill=PLAN_SKILL)
    if not sortie.level.plan:
        pilot.circuit(0, _field(sortie, "aerodrome").into_wind(world.fleet.wind))
        return PlanFlyer(sortie, pilot, ({"do": "wait", "s": math.inf},))
    return PlanFlyer(sortie, pilot, sortie.level.plan)


def _field(sortie: Sortie, name: str) -> Airfield:
    from flight.sim.missions.dispatch import airfield
    return airfield(sortie.mission.m, name)


def _wrap(angle: float) -> float:
    return (angle + math.pi) % (2.0 * math.pi) - math.pi
