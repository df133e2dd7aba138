"""What hits do to aircraft: the flight model's damage multipliers (wings, ailerons, elevator, rudder, engines),
the pilot's wounds, fuel leaks and fire, and who brought an aircraft down. All vectorised over the hits of a tick;
all chance from the world's generator. Imports numpy only (and flight.sim.dynamics/flight.sim.world constants).

Figures are judgement, after the memoirs: a fabric wing takes dozens of holes and flies on, a spar hit now and
then weakens it until it folds; an engine stops after a few hits; a holed tank leaks and sometimes catches fire;
a burning aircraft is lost within a quarter of a minute.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT, Fleet
from flight.sim.world.combat.hits import ENGINE, FIN, FUEL_TANK, FUSELAGE, LEFT_WING, PILOT, RIGHT_WING, TAILPLANE

AILERONS, ELEVATOR, RUDDER = 2, 3, 4  # columns of Fleet.damage (DAMAGE_PARTS)
WING_HOLE = (0.015, 0.035)  # lift lost per hole: at least, and up to this much more
SPAR_CHANCE, SPAR_LOSS = 0.04, 0.25
WING_FAILS = 0.3  # a wing this weak folds: its lift is gone
AILERON_CHANCE, AILERON_LOSS = 0.35, 0.15  # a hit on the outer half of a wing
TAIL_LOSS = (0.06, 0.2)
CABLE_CHANCE_TAIL, CABLE_CHANCE_FUSELAGE = 0.05, 0.02  # a control cable cut: the surface is lost
ENGINE_LOSS = (0.08, 0.22)
ENGINE_DEAD = 0.05
ENGINE_FIRE_CHANCE, TANK_FIRE_CHANCE = 0.02, 0.05
LEAK = (0.03, 0.07)  # kg/s per holed tank
LEAK_MAX = 0.5
WOUND = (0.15, 0.3)  # of the pilot's strength per hit
BURN_WING, BURN_PILOT = 0.045, 0.02  # per second while on fire
# a dead pilot slumps onto the stick: a little right roll, stick forward, some rudder
SLUMPED = np.array([0.05, -0.35, 0.25])
FIELDS = ("pilot", "leak", "burning", "hits_taken", "last_hit_by", "hits", "downed", "downed_by")


class Condition:
    """N aircraft's state beyond the flight model's, and the score.

    | field       | shape | unit | meaning                                                               |
    |-------------|-------|------|-----------------------------------------------------------------------|
    | pilot       | (N,)  | -    | 1 unhurt .. 0 killed                                                  |
    | leak        | (N,)  | kg/s | fuel running out of holed tanks                                       |
    | burning     | (N,)  | bool | on fire                                                               |
    | hits_taken  | (N,)  | -    | bullets and splinters that struck it                                  |
    | last_hit_by | (N,)  | -    | who hit it last: a fleet index, N + a ground unit's index, or -1       |
    | hits        | (N,)  | -    | hits its own guns scored on other aircraft                            |
    | downed      | (N,)  | bool | lost: pilot killed, a wing gone, on fire, or crashed after being hit  |
    | downed_by   | (N,)  | -    | `last_hit_by` when it was downed (-1: nobody, or not downed)          |
    """

    def __init__(self, n: int):
        self.n = n
        self.pilot = np.ones(n)
        self.leak = np.zeros(n)
        self.burning = np.zeros(n, dtype=bool)
        self.hits_taken = np.zeros(n, dtype=np.int32)
        self.last_hit_by = np.full(n, -1, dtype=np.int32)
        self.hits = np.zeros(n, dtype=np.int32)
        self.downed = np.zeros(n, dtype=bool)
        self.downed_by = np.full(n, -1, dtype=np.int32)

    def state(self) -> dict[str, np.ndarray]:
        return {name: getattr(self, name).copy() for name in FIELDS}

    def restore(self, state: dict[str, np.ndarray]) -> None:
        for name in FIELDS:
            setattr(self, name, np.array(state[name], dtype=getattr(self, name).dtype, copy=True))

    def strike(self, fleet: Fleet, rng: np.random.Generator, aircraft: np.ndarray, part: np.ndarray,
               engine: np.ndarray, outer: np.ndarray, shooter: np.ndarray, scored: np.ndarray | None = None) -> None:
        """Apply H hits: (H,) aircraft, part (hits.PARTS), engine (for engine hits), outer (a wing hit on its
        outer half), shooter (fleet index or N + ground unit); `scored` marks the hits that count in the score
        (one per bullet and aircraft; default all)."""
        if len(aircraft) == 0:
            return
        u = rng.random((len(aircraft), 3))
        a = aircraft
        loss = np.zeros((self.n, 5))
        wing = (part == LEFT_WING) | (part == RIGHT_WING)
        hole = WING_HOLE[0] + WING_HOLE[1] * u[:, 0] + np.where(u[:, 1] < SPAR_CHANCE, SPAR_LOSS, 0.0)
        np.add.at(loss, (a[wing], (part[wing] == RIGHT_WING).astype(np.intp)), hole[wing])
        aileron = wing & outer & (u[:, 2] < AILERON_CHANCE)
        np.add.at(loss[:, AILERONS], a[aileron], AILERON_LOSS)
        tail = (part == TAILPLANE) | (part == FIN)
        surface = np.where(part == TAILPLANE, ELEVATOR, np.where(part == FIN, RUDDER,
                                                                 np.where(u[:, 1] < 0.5, ELEVATOR, RUDDER)))
        cut = (tail & (u[:, 2] < CABLE_CHANCE_TAIL)) | ((part == FUSELAGE) & (u[:, 2] < CABLE_CHANCE_FUSELAGE))
        tail_loss = np.where(cut, 1.0, np.where(tail, TAIL_LOSS[0] + TAIL_LOSS[1] * u[:, 0], 0.0))
        np.add.at(loss, (a, surface), tail_loss)
        fleet.damage = np.maximum(fleet.damage - loss, 0.0)
        wings = fleet.damage[:, :2]
        wings[wings < WING_FAILS] = 0.0

        hit_engine = part == ENGINE
        engine_loss = np.zeros_like(fleet.damage_engine)
        np.add.at(engine_loss, (a[hit_engine], engine[hit_engine]), ENGINE_LOSS[0] + ENGINE_LOSS[1] * u[hit_engine, 0])
        health = np.maximum(fleet.damage_engine - engine_loss, 0.0)
        fleet.damage_engine = np.where(health < ENGINE_DEAD, 0.0, health)
        tank = part == FUEL_TANK
        np.add.at(self.leak, a[tank], LEAK[0] + LEAK[1] * u[tank, 0])
        self.leak = np.minimum(self.leak, LEAK_MAX)
        fire = (hit_engine & (u[:, 1] < ENGINE_FIRE_CHANCE)) | (tank & (u[:, 1] < TANK_FIRE_CHANCE))
        self.burning[a[fire]] = True
        wounded = part == PILOT
        wounds = np.zeros(self.n)
        np.add.at(wounds, a[wounded], WOUND[0] + WOUND[1] * u[wounded, 0])
        self.pilot = np.maximum(self.pilot - wounds, 0.0)

        scored = np.ones(len(a), dtype=bool) if scored is None else scored
        np.add.at(self.hits_taken, a[scored], 1)
        self.last_hit_by[a] = shooter
        by_aircraft = scored & (shooter < self.n)
        np.add.at(self.hits, shooter[by_aircraft], 1)

    def tick(self, fleet: Fleet) -> np.ndarray:
        """Leaks and fire for one tick, then who is newly downed (returned, (N,) bool)."""
        if self.leak.any():
            fleet.fuel = np.maximum(fleet.fuel - self.leak * DT, 0.0)
        if self.burning.any():
            burning = self.burning & ~fleet.crashed
            wings = np.maximum(fleet.damage[:, :2] - np.where(burning, BURN_WING * DT, 0.0)[:, None], 0.0)
            fleet.damage[:, :2] = np.where(wings < WING_FAILS, 0.0, wings)
            self.pilot = np.maximum(self.pilot - np.where(burning, BURN_PILOT * DT, 0.0), 0.0)
        lost = ((self.pilot <= 0.0) | (fleet.damage[:, :2].min(axis=1) <= 0.0) | self.burning
                | (fleet.crashed & (self.hits_taken > 0)))
        new = lost & ~self.downed
        if new.any():
            self.downed_by = np.where(new, self.last_hit_by, self.downed_by)
            self.downed |= new
        return new

    def steer(self, controls: np.ndarray, ai: np.ndarray) -> None:
        """The pilots' hands: a killed pilot's controls go slack on the stick, a wounded AI pilot's movements
        shrink with his strength. `ai` (N,) marks the aircraft the AI flies."""
        if self.pilot.min() >= 1.0:
            return
        killed = self.pilot <= 0.0
        weak = ai & ~killed & (self.pilot < 1.0)
        controls[weak, :3] *= (0.4 + 0.6 * self.pilot[weak])[:, None]
        controls[killed, :3] = SLUMPED
        controls[killed, 4:] = 0.0
