"""The AI at the gate's gun (`--pilot auto` in Part 1 of Level 2): it lays the Maxim on the most dangerous guard
(a grenadier rising to throw, then grenadiers close in, then the nearest man dashing, then the nearest in cover),
leads him, fires bursts, changes belts when low and lets the barrel cool. It reads the world, never writes it, and
draws no random numbers; the caller quantises its ControlFrames like a player's. Its aim is one kernel a tick
(`lay`) with the numpy code's bits (DESIGN.md, Replays). Imports numpy and flight.sim only."""
from __future__ import annotations

import numpy as np
from numba import types

from flight.sim.command import FIRE, RELOAD, ControlFrame
from flight.sim.dynamics import DT
from flight.sim.dynamics.atmosphere import GRAVITY
from flight.sim.dynamics.stablemath import argmin, atan2_1, maximum, sin1
from flight.sim.jit import kernel
from flight.sim.world.combat.ground_units import MG_MUZZLE_VELOCITY
from flight.sim.world.seats.gate.gun import BARREL, bore, sees
from flight.sim.world.seats.gate.men import COVER, LYING, RUNNING, STANDING, is_out
from flight.sim.world.seats.gate.rushes import GRENADE_RANGE, RUSH_SPEED

REACH = 220.0  # m: men further off are left alone (at night, a target lying in cover out there is a waste)
DANGER_BONUS = {"throwing": 200.0, "grenadier": 60.0, "running": 25.0}  # m nearer than he is, for the choice
GRENADIER_WATCH = 2.0 * GRENADE_RANGE  # m: a grenadier inside this is dealt with first
STICKY = 30.0  # m: the man already engaged counts this much nearer, so the gun does not flit between two
BURST_S, PAUSE_S = 1.5, 0.5  # s: a burst, and the pause to see where it went
HOT, COOLED = 0.85, 0.55  # the barrel's heat at which he stops firing, and at which he starts again
LOW_BELT = 40  # rounds: he changes the belt when this few are left and nobody is close
CLOSE = 70.0  # m: a man this near keeps him firing with a low belt
ON_TARGET = 0.6  # of the man's half-width: the bore this near the line to him (or 2 mrad) and he fires
MEMORY_S = 8.0  # s: he keeps firing at the spot where he last saw a man lying still (to keep his head down)
REACTION_S = 0.6  # s from picking a new man to the first round at him
WOBBLE = 0.010  # rad: how far his laying wanders about the mark (a sine pattern: he draws no random numbers)
NEVER = -1_000_000_000  # the tick he last saw a man he has not seen
_THROWING, _GRENADIER, _RUNNING = DANGER_BONUS["throwing"], DANGER_BONUS["grenadier"], DANGER_BONUS["running"]


class GateGunner:
    """Call it with the sortie each tick (`frame` with the gate and the tick for a stand-alone gate)."""

    def __init__(self):
        self.target = -1
        self.engaged = 0  # ticks on the current target
        self.burst_ticks = 0  # fired in the current burst
        self.pause_ticks = 0  # left of a pause between bursts
        self.cooling = False
        self.last_seen: np.ndarray | None = None  # (M,) tick he last saw each guard
        self._score: np.ndarray | None = None  # (M,) scratch of `lay`

    def __call__(self, sortie) -> ControlFrame:
        return self.frame(sortie.world.seats["gate"].gate, sortie.world.tick_count)

    def frame(self, gate, tick: int) -> ControlFrame:
        """The frame for this tick: aim (absolute over the gun's arcs), FIRE and RELOAD."""
        m = gate.guards
        if self.last_seen is None:
            self.last_seen = np.full(len(m.state), NEVER, dtype=np.int64)
            self._score = np.empty(len(m.state))
        target, traverse, elevation, distance, error = lay(
            tick, self.target, gate.facing, gate.arc, gate.pivot, gate.floats, gate.light_aim, gate.light_on, m.pos,
            m.state, m.throw, m.sheltered, m.grenades, m.run_to, m.last_shot, self.last_seen, self._score)
        self.engaged = self.engaged + 1 if target == self.target else 0
        self.target = target
        if self.target < 0:
            self.burst_ticks = 0
            return ControlFrame(float(gate.traverse / gate.arc), self._elevator(gate, float(gate.elevation)),
                                buttons=self._reload(gate, near=False))
        aileron = min(max(traverse / gate.arc, -1.0), 1.0)
        buttons = self._reload(gate, near=distance < CLOSE)
        if self.engaged * DT >= REACTION_S and self._fires(gate, error, distance):
            buttons |= FIRE
        return ControlFrame(aileron, self._elevator(gate, elevation), buttons=buttons)

    def _fires(self, gate, error: float, distance: float) -> bool:
        """On target (the bore `error` from the wanted line), in a burst (or after its pause), the barrel not too
        hot, the gun able."""
        if gate.heat > HOT:
            self.cooling = True
        elif gate.heat < COOLED:
            self.cooling = False
        self.last_seen.fill(NEVER)  # he forgets whom he saw (as the gunner always has: the recordings hold it)
        on = error < max(ON_TARGET * 0.3 / max(distance, 1.0), 0.002)
        if self.pause_ticks > 0:
            self.pause_ticks -= 1
            return False
        if not on or self.cooling or gate.rounds == 0 or gate.stopped:
            self.burst_ticks = 0
            return False
        self.burst_ticks += 1
        if self.burst_ticks * DT >= BURST_S:
            self.burst_ticks, self.pause_ticks = 0, round(PAUSE_S / DT)
        return True

    @staticmethod
    def _reload(gate, near: bool) -> int:
        """RELOAD when the belt is empty, or low with nobody close."""
        if gate.reload_ticks > 0 or gate.spares == 0:
            return 0
        return RELOAD if gate.rounds == 0 or (gate.rounds < LOW_BELT and not near) else 0

    @staticmethod
    def _elevator(gate, elevation: float) -> float:
        return min(max(2.0 * (elevation - gate.low) / (gate.high - gate.low) - 1.0, -1.0), 1.0)


_F1, _F2, _I64 = types.float64[::1], types.float64[:, ::1], types.int64[::1]


@kernel
def _choose(tick, target, facing, arc, pivot, light_aim, light_on, pos, state, throw, sheltered, grenades, last_shot,
            last_seen, score):
    """The most dangerous man he can see (or remembers lying in cover) within REACH and the gun's arc, -1 none;
    notes whom he sees in `last_seen`. `score` (M,) is scratch."""
    for k in range(state.size):
        o0, o1 = pos[k, 0] - pivot[0], pos[k, 1] - pivot[1]
        distance = np.sqrt(o0 * o0 + o1 * o1)
        in_arc = abs((atan2_1(o1, o0) - facing + np.pi) % (2.0 * np.pi) - np.pi) <= arc
        if sees(tick, pivot, light_aim, light_on, pos, state, throw, sheltered, last_shot, k):
            last_seen[k] = tick
        remembered = is_out(state, k) and state[k] == COVER and (tick - last_seen[k]) * DT < MEMORY_S
        score[k] = (distance - (_THROWING if throw[k] > 0 else 0.0)
                    - (_GRENADIER if grenades[k] > 0 and distance < GRENADIER_WATCH else 0.0)
                    - (_RUNNING if state[k] == RUNNING else 0.0))
        if k == target:
            score[k] -= STICKY
        if not ((last_seen[k] == tick or remembered) and distance < REACH and in_arc):
            score[k] = np.inf
    best = argmin(score, state.size) if state.size else -1
    return best if best >= 0 and abs(score[best]) < np.inf else -1


@kernel
def _unit(x, y, z):
    length = maximum(np.sqrt((x * x + z * z) + y * y), 1e-12)  # numpy's einsum over 3: (x0 + x2) + x1
    return x / length, y / length, z / length


@kernel
def _lead(man, facing, pivot, floats, pos, state, throw, run_to):
    """Unit NED vector from the muzzle to where the man will be when the round gets there (combat.aiming.lead, two
    fixed-point steps on the flight time, then above the point by the drop), aimed at the middle of what shows."""
    upright = state[man] == RUNNING or throw[man] > 0
    v0, v1 = 0.0, 0.0
    if state[man] == RUNNING:
        w0, w1 = run_to[man, 0] - pos[man, 0], run_to[man, 1] - pos[man, 1]
        length = np.sqrt(w0 * w0 + w1 * w1)
        s = RUSH_SPEED / (1e-9 if 1e-9 > length else length)
        v0, v1 = w0 * s, w1 * s
    b = bore(facing, floats)
    o0 = (pos[man, 0] - 0.0) - (pivot[0] + BARREL * b[0])
    o1 = (pos[man, 1] - 0.0) - (pivot[1] + BARREL * b[1])
    o2 = (pos[man, 2] - 0.5 * (STANDING if upright else LYING)) - (pivot[2] + BARREL * b[2])
    time = np.sqrt((o0 * o0 + o2 * o2) + o1 * o1) / MG_MUZZLE_VELOCITY
    for _ in range(2):
        p0, p1, p2 = o0 + v0 * time, o1 + v1 * time, o2 + 0.0 * time
        time = np.sqrt((p0 * p0 + p2 * p2) + p1 * p1) / MG_MUZZLE_VELOCITY
    p0, p1, p2 = o0 + v0 * time, o1 + v1 * time, o2 + 0.0 * time
    return _unit(p0, p1, p2 - 0.5 * GRAVITY * time * time)


@kernel(types.Tuple((types.intp, types.float64, types.float64, types.float64, types.float64))(
    types.int64, types.int64, types.float64, types.float64, _F1, _F1, _F2, types.boolean[::1], _F2,
    types.int8[::1], types.int32[::1], types.boolean[::1], types.int32[::1], _F2, _I64, _I64, _F1))
def lay(tick, target, facing, arc, pivot, floats, light_aim, light_on, pos, state, throw, sheltered, grenades,
        run_to, last_shot, last_seen, score):
    """The gunner's aim this tick: (the man he picks, -1 none; then for him: the traverse and elevation to lay, rad,
    his distance, m, and how far the bore is off that line). He leads the man and wanders about the mark by
    WOBBLE, a slow sine of the tick (different for each man). `score` (M,) is scratch."""
    man = _choose(tick, target, facing, arc, pivot, light_aim, light_on, pos, state, throw, sheltered, grenades,
                  last_shot, last_seen, score)
    if man < 0:
        return man, 0.0, 0.0, 0.0, 0.0
    seconds = tick * DT
    a0, a1, a2 = _lead(man, facing, pivot, floats, pos, state, throw, run_to)
    w0, w1, w2 = _unit(a0 + WOBBLE * sin1(1.7 * seconds + 0.3 * man), a1 + WOBBLE * sin1(2.3 * seconds + 1.1 * man),
                       a2 + WOBBLE * sin1(0.9 * seconds))
    traverse = (atan2_1(w1, w0) - facing + np.pi) % (2.0 * np.pi) - np.pi
    elevation = atan2_1(-w2, np.sqrt(w0 * w0 + w1 * w1))
    d0, d1 = pos[man, 0] - pivot[0], pos[man, 1] - pivot[1]
    b = bore(facing, floats)
    e0, e1, e2 = b[0] - w0, b[1] - w1, b[2] - w2
    return man, traverse, elevation, np.sqrt(d0 * d0 + d1 * d1), np.sqrt((e0 * e0 + e2 * e2) + e1 * e1)
