"""What hits do to aircraft: the flight model's damage multipliers (wings, ailerons, elevator, rudder, engines),
the pilot's wounds, fuel leaks and fire, and who brought an aircraft down: kernels over the hits of a tick, in
their order; all chance from the world's generator, drawn in Python and handed in. Imports numpy and numba only
(and flight.sim constants).

Figures are judgement, after the memoirs: a fabric wing takes dozens of holes and flies on, a spar hit now and
then weakens it until it folds; an engine stops after a few hits; a holed tank leaks and sometimes catches fire;
a burning aircraft is lost within a quarter of a minute.
"""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.dynamics import DT, Fleet
from flight.sim.dynamics.stablemath import maximum, minimum
from flight.sim.jit import KernelArgumentError, describe_arrays, kernel
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
SLUMPED = (0.05, -0.35, 0.25)
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
        h = len(aircraft)
        if h == 0:
            return
        u = rng.random((h, 3))
        scored = np.ones(h, dtype=bool) if scored is None else scored
        rows = [np.ascontiguousarray(a, dtype=t) for a, t in ((aircraft, np.intp), (part, np.intp), (engine, np.intp),
                                                              (outer, bool), (shooter, np.intp), (scored, bool))]
        _strike(*rows, u, h, fleet.damage, fleet.damage_engine, self.leak, self.burning, self.pilot, self.hits_taken,
                self.last_hit_by, self.hits)

    def tick(self, fleet: Fleet) -> None:
        """Leaks and fire for one tick, then who is newly downed."""
        try:
            _tick(fleet.fuel, fleet.damage, fleet.crashed, self.leak, self.burning, self.pilot, self.hits_taken,
                  self.last_hit_by, self.downed, self.downed_by)
        except TypeError:
            raise KernelArgumentError("Condition.tick: " + describe_arrays(dict(
                fuel=fleet.fuel, damage=fleet.damage, crashed=fleet.crashed, leak=self.leak, pilot=self.pilot))) from None

    def steer(self, controls: np.ndarray) -> None:
        """The pilots' hands: a killed pilot's controls go slack on the stick, a wounded AI pilot's movements
        shrink with his strength (the AI flies every aircraft but the first)."""
        try:
            _steer(controls, self.pilot)
        except TypeError:
            raise KernelArgumentError("Condition.steer: " + describe_arrays(dict(controls=controls, pilot=self.pilot))
                                      ) from None


_I, _F1, _F2, _B1, _I32 = types.intp[::1], types.float64[::1], types.float64[:, ::1], types.boolean[::1], types.int32[::1]


@kernel(types.void(_I, _I, _I, _B1, _I, _B1, _F2, types.intp, _F2, _F2, _F1, _B1, _F1, _I32, _I32, _I32))
def _strike(aircraft, part, engine, outer, shooter, scored, u, h, damage, damage_engine, leak, burning, pilot,
            hits_taken, last_hit_by, hits):
    """Condition.strike over its rows in order (the sums as np.add.at makes them)."""
    n = damage.shape[0]
    loss = np.zeros((n, 5))
    engine_loss = np.zeros(damage_engine.shape)
    wounds = np.zeros(n)
    for k in range(h):
        a, p = aircraft[k], part[k]
        if p == LEFT_WING or p == RIGHT_WING:
            loss[a, 1 if p == RIGHT_WING else 0] += (WING_HOLE[0] + WING_HOLE[1] * u[k, 0]) + (
                SPAR_LOSS if u[k, 1] < SPAR_CHANCE else 0.0)
            if outer[k] and u[k, 2] < AILERON_CHANCE:
                loss[a, AILERONS] += AILERON_LOSS
        tail = p == TAILPLANE or p == FIN
        surface = ELEVATOR if p == TAILPLANE else RUDDER if p == FIN else ELEVATOR if u[k, 1] < 0.5 else RUDDER
        cut = (tail and u[k, 2] < CABLE_CHANCE_TAIL) or (p == FUSELAGE and u[k, 2] < CABLE_CHANCE_FUSELAGE)
        loss[a, surface] += 1.0 if cut else (TAIL_LOSS[0] + TAIL_LOSS[1] * u[k, 0] if tail else 0.0)
        if p == ENGINE:
            engine_loss[a, engine[k]] += ENGINE_LOSS[0] + ENGINE_LOSS[1] * u[k, 0]
    for a in range(n):
        for j in range(5):
            damage[a, j] = maximum(damage[a, j] - loss[a, j], 0.0)
            if j < 2 and damage[a, j] < WING_FAILS:
                damage[a, j] = 0.0
        for e in range(damage_engine.shape[1]):
            health = maximum(damage_engine[a, e] - engine_loss[a, e], 0.0)
            damage_engine[a, e] = 0.0 if health < ENGINE_DEAD else health
    for k in range(h):
        if part[k] == FUEL_TANK:
            leak[aircraft[k]] += LEAK[0] + LEAK[1] * u[k, 0]
    for a in range(n):
        leak[a] = minimum(leak[a], LEAK_MAX)
    for k in range(h):
        a, p = aircraft[k], part[k]
        if (p == ENGINE and u[k, 1] < ENGINE_FIRE_CHANCE) or (p == FUEL_TANK and u[k, 1] < TANK_FIRE_CHANCE):
            burning[a] = True
        if p == PILOT:
            wounds[a] += WOUND[0] + WOUND[1] * u[k, 0]
    for a in range(n):
        pilot[a] = maximum(pilot[a] - wounds[a], 0.0)
    for k in range(h):
        if scored[k]:
            hits_taken[aircraft[k]] += 1
        last_hit_by[aircraft[k]] = shooter[k]
        if scored[k] and shooter[k] < n:
            hits[shooter[k]] += 1


@kernel(types.void(_F1, _F2, _B1, _F1, _B1, _F1, _I32, _I32, _B1, _I32))
def _tick(fuel, damage, crashed, leak, burning, pilot, hits_taken, last_hit_by, downed, downed_by):
    """Condition.tick; a step is taken only when some tank leaks or some aircraft burns, as the numpy code did."""
    n = fuel.size
    leaking = burnt = False
    for a in range(n):
        leaking |= leak[a] != 0.0
        burnt |= burning[a]
    for a in range(n):
        if leaking:
            fuel[a] = maximum(fuel[a] - leak[a] * DT, 0.0)
        if burnt:
            on_fire = burning[a] and not crashed[a]
            for j in range(2):
                wing = maximum(damage[a, j] - (BURN_WING * DT if on_fire else 0.0), 0.0)
                damage[a, j] = 0.0 if wing < WING_FAILS else wing
            pilot[a] = maximum(pilot[a] - (BURN_PILOT * DT if on_fire else 0.0), 0.0)
        lost = (pilot[a] <= 0.0 or minimum(damage[a, 0], damage[a, 1]) <= 0.0 or burning[a]
                or (crashed[a] and hits_taken[a] > 0))
        if lost and not downed[a]:
            downed_by[a] = last_hit_by[a]
            downed[a] = True


@kernel(types.void(_F2, _F1))
def _steer(controls, pilot):
    """Condition.steer: nothing while every pilot is unhurt (a NaN strength counts as hurt, as np.min has it)."""
    hurt = False
    for a in range(pilot.size):
        hurt |= not pilot[a] >= 1.0
    if not hurt:
        return
    for a in range(pilot.size):
        if pilot[a] <= 0.0:
            for j in range(3):
                controls[a, j] = SLUMPED[j]
            for j in range(4, controls.shape[1]):
                controls[a, j] = 0.0
        elif a > 0 and pilot[a] < 1.0:
            strength = 0.4 + 0.6 * pilot[a]
            for j in range(3):
                controls[a, j] *= strength
