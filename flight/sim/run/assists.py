"""Assists for a newcomer, on the input side only: each turns the player's intent (a ControlFrame from the keys or
a stick) into the deflections a steady pilot would make, through the AI pilot's own inner loops
(flight.sim.world.ai.loops) on aircraft 0. The flight model never changes, and the driver records the frame the
assists produced, so a replay re-flies it exactly without them. Reads the world, never writes it; draws no random
numbers. Imports no panda3d.

    assisted = Assisted(pilot, ASSIST_PRESETS["easy"])   # pilot: any Pilot, e.g. the game's controls
    driver.step(assisted(sortie))
"""
from __future__ import annotations

import math

import numpy as np

from flight.sim.assist_settings import ASSIST_NAMES, AssistSettings
from flight.sim.command import BLIP, ControlFrame
from flight.sim.dynamics.stablemath import sin1
from flight.sim.run.driver import Pilot
from flight.sim.run.sortie import Sortie
from flight.sim.world.ai.loops import COMMAND_ROWS, InnerLoops
from flight.sim.world.ai.sensing import INSTRUMENT_ROWS, sense_with_height
from flight.sim.world.ai.tuning import tuning_for
from flight.sim.world.seats import FLYING


CENTRED = 0.02  # a stick axis nearer the centre than this is "let go"
BANK_PER_STICK = math.radians(60.0)  # with stability the aileron asks for a bank, full stick this much
PULL_CLIMB = 30.0  # m/s: the climb the stall limiter is asked for while the player pulls (the alpha limit binds)
LIFT_OFF = 1.15  # of the stall speed: on the roll the tail is kept just off the skid until then, then set down
TAIL_OFF_SKID = math.radians(3.0)  # and she flies off with a margin over the stall, not in a bounce at its edge
CLIMB_OUT = 3.0  # m/s: the climb held after lift-off until CLIMB_OUT_HEIGHT, stick centred
CLIMB_OUT_HEIGHT = 60.0  # m above the ground
HELD_CLIMB = 5.0  # m/s: the most climb or descent stability holds when the stick is let go
APPROACH_HEIGHT = 100.0  # m above the ground: with the throttle back below this, the approach
APPROACH_SINK = -2.5  # m/s: the most sink held on the approach
FLARE_HEIGHT = 6.0  # m of the CG above the ground where the flare begins, descending with the throttle low
FLARE_SINK = -0.4  # m/s: the sink held in the flare
FLARE_THROTTLE = 0.35
AIM_BANK_PER_RAD = 1.0  # mouse aim: bank per rad of heading to turn, up to AIM_BANKS times the type's circuit bank
AIM_BANKS = 2.5  # (a fighter 75 degrees, the Gotha's wide span 62)
AIM_CLIMB_MAX = 15.0  # m/s: the most climb or descent the aim asks for
AIM_GROUND_S = 10.0  # s: the aim descends no faster than would reach the ground in this time
SPIN_YAW_RATE = 1.2  # rad/s beyond the stall's angle of attack: a spin, recovered with opposite rudder
SPIN_ELEVATOR = -0.4
MOUSE_AIM = "aim"  # as the HUD names the mouse aim while it flies
_ROW = {name: row for row, name in enumerate(INSTRUMENT_ROWS)}
_COMMAND = {name: row for row, name in enumerate(COMMAND_ROWS)}
_HUD_ORDER = (*ASSIST_NAMES.values(), MOUSE_AIM)  # the order the HUD names the assists acting


class Assisted:
    """A Pilot: `pilot`'s frame for each tick with the assists `settings` applied for the sortie's aircraft 0.
    `active` names the assists that changed this tick's frame (for the HUD); `recovering` is True in a spin.

    Mouse aim: while `aim` is a direction in the world, (heading, flight-path angle) in radians (the app moves it
    with the mouse), the aircraft is flown towards it in coordinated turns through the same inner loops, their
    angle-of-attack limit included; a stick key held overrides its own axis."""

    def __init__(self, pilot: Pilot, settings: AssistSettings):
        self.pilot, self.settings = pilot, settings
        self.tuning = self.loops = None  # for the sortie's aircraft 0, on the first call
        self._index = np.zeros(1, dtype=np.intp)
        self._table = np.empty((len(INSTRUMENT_ROWS), 1))  # aircraft 0's readings, by INSTRUMENT_ROWS
        self._commands = np.zeros((len(COMMAND_ROWS), 1))
        self._controls = np.zeros((1, 6))
        self._held_heading: float | None = None
        self._held_climb = 0.0  # m/s: the climb rate as the player let go of the elevator
        self.active: list[str] = []
        self.recovering = False
        self.assisted_ticks = 0  # ticks on which an assist changed the frame (the debrief's line)
        self.aim: tuple[float, float] | None = None

    def __call__(self, sortie: Sortie) -> ControlFrame:
        intent = self.pilot(sortie)
        # (at a gun the frame carries its aim)
        if not (self.settings.any or self.aim is not None) or sortie.world.seat != FLYING:
            self.active = []
            return intent
        return self.apply(intent, sortie)

    def apply(self, intent: ControlFrame, sortie: Sortie) -> ControlFrame:
        """The frame the assists make of `intent` this tick, quantised."""
        fleet, s = sortie.world.fleet, self.settings
        if fleet.crashed[0]:
            return intent.quantised()
        if self.tuning is None:
            self.tuning = tuning_for([fleet.specs[0]])
            self.loops = InnerLoops(self.tuning)
        table = self._table
        height = sense_with_height(0, fleet.quat, fleet.vel, fleet.pos, fleet.omega, fleet.specific_force,
                                   fleet.wind, fleet.terrain_now(), table)
        reading = table[:, 0].tolist()  # by INSTRUMENT_ROWS (_ROW)
        on_ground = bool(fleet.on_ground[0])
        self._command(intent, reading, on_ground, height)
        self.loops.run(self._index, table, self._commands, fleet, controls=self._controls)
        loop = self._controls[0, :3].tolist()
        aileron, elevator, rudder, throttle = intent.aileron, intent.elevator, intent.rudder, intent.throttle
        active = set()
        let_go = {"aileron": abs(aileron) < CENTRED, "elevator": abs(elevator) < CENTRED,
                  "rudder": abs(rudder) < CENTRED}
        if s.stability and not on_ground or let_go["aileron"] and s.takeoff_landing and on_ground:
            aileron = loop[0]
            active.add("stability" if not on_ground else "take-off/landing")
        if (s.stability and not on_ground and let_go["elevator"]
                or s.takeoff_landing and (on_ground or let_go["elevator"])):
            if elevator != loop[1]:
                active.add("stability" if not on_ground and height > CLIMB_OUT_HEIGHT else "take-off/landing")
            elevator = loop[1]
        if s.auto_rudder and let_go["rudder"]:
            rudder = loop[2]
            active.add("rudder")
        if self.aim is not None and not on_ground:
            aileron = loop[0] if let_go["aileron"] else aileron
            elevator = loop[1] if let_go["elevator"] else elevator
            rudder = loop[2] if let_go["rudder"] else rudder
            active.add(MOUSE_AIM)
        if s.stall_protection and not on_ground:
            if intent.elevator > loop[1] and not let_go["elevator"]:
                elevator = min(intent.elevator, loop[1])
                active.add("stall")
            self.recovering = (reading[_ROW["alpha"]] > self.tuning.stall_alpha[0]
                               and abs(reading[_ROW["r"]]) > SPIN_YAW_RATE)
            if self.recovering:
                aileron, elevator, throttle = 0.0, SPIN_ELEVATOR, 0.0
                rudder = -math.copysign(1.0, reading[_ROW["r"]])
                active.add("stall")
        else:
            self.recovering = False
        if elevator != loop[1]:  # the player (or the recovery) has the elevator: its integrator follows, no jump later
            self.loops.nz_integral[0] = elevator
        self.active = [name for name in _HUD_ORDER if name in active] if active else []
        self.assisted_ticks += bool(active)
        buttons = intent.buttons & ~BLIP if self.recovering else intent.buttons
        return ControlFrame.on_steps(aileron, elevator, rudder, throttle, intent.brake, buttons)

    def _command(self, intent: ControlFrame, reading: list[float], on_ground: bool, height: float) -> None:
        """The inner loops' commands for what the player means: the bank the stick asks for, the climb or descent
        he left (or the climb-out, the approach, the flare), the slip ball centred or the take-off heading held; while
        the player pulls, the hardest pull the angle-of-attack limit allows."""
        t, c = self.tuning, [0.0] * len(COMMAND_ROWS)  # a list, into the loops' table at the end: item by item
        c[_COMMAND["pitch"]] = c[_COMMAND["speed"]] = c[_COMMAND["heading"]] = math.nan  # costs 10x on an array
        c[_COMMAND["pitch_max"]] = math.inf
        c[_COMMAND["load_max"]] = 4.0
        c[_COMMAND["throttle"]] = intent.throttle
        near_ground = self.settings.takeoff_landing and height < CLIMB_OUT_HEIGHT
        floor = self.settings.stability or near_ground or self.aim is not None
        c[_COMMAND["min_speed"]] = t.climb_speed[0] if floor else 0.0
        if on_ground:
            if abs(intent.rudder) >= CENTRED or self._held_heading is None or reading[_ROW["eas"]] < 3.0:
                # taxiing or steering: the heading to hold is where she points
                self._held_heading = reading[_ROW["heading"]]
            c[_COMMAND["heading"]] = self._held_heading
            tail_down = reading[_ROW["eas"]] >= LIFT_OFF * t.stall_speed[0]
            c[_COMMAND["pitch"]] = t.three_point_pitch[0] - (0.0 if tail_down else TAIL_OFF_SKID)
            c[_COMMAND["climb_rate"]] = CLIMB_OUT
        else:
            self._held_heading = None
            if abs(intent.elevator) >= CENTRED:
                self._held_climb = min(max(reading[_ROW["climb_rate"]], -HELD_CLIMB), HELD_CLIMB)
            if self.settings.stability:
                c[_COMMAND["bank"]] = intent.aileron * BANK_PER_STICK
                c[_COMMAND["climb_rate"]] = self._held_climb
            if self.settings.takeoff_landing and height < APPROACH_HEIGHT:
                if intent.throttle < FLARE_THROTTLE:
                    if height < FLARE_HEIGHT:
                        c[_COMMAND["climb_rate"]] = FLARE_SINK
                        c[_COMMAND["pitch_max"]] = t.three_point_pitch[0]
                        c[_COMMAND["min_speed"]] = 0.0
                    else:
                        glide = self._held_climb if self.settings.stability else reading[_ROW["climb_rate"]]
                        c[_COMMAND["climb_rate"]] = max(glide, APPROACH_SINK)  # the approach, not too steep
                elif height < CLIMB_OUT_HEIGHT:
                    c[_COMMAND["climb_rate"]] = max(c[_COMMAND["climb_rate"]], CLIMB_OUT)
            if intent.elevator >= CENTRED and self.settings.stall_protection:
                c[_COMMAND["climb_rate"]] = PULL_CLIMB
            if self.aim is not None:
                heading, path = self.aim
                turn = math.remainder(heading - reading[_ROW["heading"]], 2.0 * math.pi)  # exact, no libm
                most = AIM_BANKS * t.bank_limit[0]
                c[_COMMAND["bank"]] = min(max(AIM_BANK_PER_RAD * turn, -most), most)
                climb = max(reading[_ROW["tas"]] * float(sin1(path)), -height / AIM_GROUND_S)  # never into the ground
                c[_COMMAND["climb_rate"]] = min(max(climb, -AIM_CLIMB_MAX), AIM_CLIMB_MAX)
        self._commands[:, 0] = c
