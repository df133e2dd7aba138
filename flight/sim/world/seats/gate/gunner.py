"""The AI at the gate's gun (`--pilot auto` in Part 1 of Level 2): it lays the Maxim on the most dangerous guard
(a grenadier rising to throw, then grenadiers close in, then the nearest man dashing, then the nearest in cover),
leads him, fires bursts, changes belts when low and lets the barrel cool. It reads the world, never writes it, and
draws no random numbers; the caller quantises its ControlFrames like a player's. Imports no panda3d."""
from __future__ import annotations

import numpy as np

from flight.sim.command import FIRE, RELOAD, ControlFrame
from flight.sim.dynamics import DT
from flight.sim.dynamics.stablemath import atan2, sin
from flight.sim.world.combat.aiming import lead, norm, unit
from flight.sim.world.seats.gate.gun import BARREL
from flight.sim.world.seats.gate.guards import COVER, GRENADE_RANGE, LYING, RUNNING, RUSH_SPEED, STANDING
from flight.sim.world.combat.ground_units import MG_MUZZLE_VELOCITY

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


class GateGunner:
    """Call it with the sortie each tick (`frame` with the gate and the tick for a stand-alone gate)."""

    def __init__(self):
        self.target = -1
        self.engaged = 0  # ticks on the current target
        self.burst_ticks = 0  # fired in the current burst
        self.pause_ticks = 0  # left of a pause between bursts
        self.cooling = False
        self.last_seen: np.ndarray | None = None  # (M,) tick he last saw each guard

    def __call__(self, sortie) -> ControlFrame:
        return self.frame(sortie.world.seats["gate"].gate, sortie.world.tick_count)

    def frame(self, gate, tick: int) -> ControlFrame:
        """The frame for this tick: aim (absolute over the gun's arcs), FIRE and RELOAD."""
        target = self._choose(gate, tick)
        self.engaged = self.engaged + 1 if target == self.target else 0
        self.target = target
        if self.target < 0:
            self.burst_ticks = 0
            return ControlFrame(float(gate.traverse / gate.arc), self._elevator(gate, float(gate.elevation)),
                                buttons=self._reload(gate, near=False))
        wanted = unit(self._lead(gate, self.target) + self._wobble(tick))
        bearing, elevation = float(atan2(wanted[1:2], wanted[0:1])[0]), float(atan2(-wanted[2:3], norm(wanted[None, :2]))[0])
        traverse = (bearing - gate.facing + np.pi) % (2.0 * np.pi) - np.pi
        aileron = min(max(traverse / gate.arc, -1.0), 1.0)
        distance = float(norm(gate.guards.pos[self.target, :2] - gate.pivot[:2]))
        buttons = self._reload(gate, near=distance < CLOSE)
        if self.engaged * DT >= REACTION_S and self._fires(gate, wanted, distance):
            buttons |= FIRE
        return ControlFrame(aileron, self._elevator(gate, elevation), buttons=buttons)

    def _choose(self, gate, tick: int) -> int:
        """The most dangerous man he can see within REACH and the gun's arc, -1 none."""
        m = gate.guards
        offset = m.pos[:, :2] - gate.pivot[:2]
        distance = norm(offset)
        bearing = atan2(offset[:, 1], offset[:, 0])
        in_arc = np.abs((bearing - gate.facing + np.pi) % (2.0 * np.pi) - np.pi) <= gate.arc
        if self.last_seen is None:
            self.last_seen = np.full(len(m.state), -1_000_000_000, dtype=np.int64)
        self.last_seen[gate.seen(tick)] = tick
        remembered = m.out & (m.state == COVER) & ((tick - self.last_seen) * DT < MEMORY_S)
        able = ((self.last_seen == tick) | remembered) & (distance < REACH) & in_arc
        grenadier = (m.grenades > 0) & (distance < GRENADIER_WATCH)
        score = (distance - DANGER_BONUS["throwing"] * (m.throw > 0) - DANGER_BONUS["grenadier"] * grenadier
                 - DANGER_BONUS["running"] * (m.state == RUNNING))
        if self.target >= 0:
            score[self.target] -= STICKY
        score = np.where(able, score, np.inf)
        best = int(np.argmin(score)) if len(score) else -1
        return best if best >= 0 and np.isfinite(score[best]) else -1

    def _lead(self, gate, man: int) -> np.ndarray:
        """(3,) unit NED vector from the muzzle to where the man will be when the round gets there, aimed at the
        middle of what shows of him."""
        m = gate.guards
        upright = m.state[man] == RUNNING or m.throw[man] > 0
        aim_point = m.pos[man] - np.array([0.0, 0.0, 0.5 * (STANDING if upright else LYING)])
        velocity = np.zeros(3)
        if m.state[man] == RUNNING:
            way = m.run_to[man] - m.pos[man, :2]
            velocity[:2] = way * (RUSH_SPEED / max(float(norm(way[None, :])[0]), 1e-9))
        muzzle = gate.pivot + BARREL * gate.direction()
        direction, _ = lead((aim_point - muzzle)[None, :], velocity[None, :], np.array([MG_MUZZLE_VELOCITY]))
        return direction[0]

    def _wobble(self, tick: int) -> np.ndarray:
        """(3,) rad: the error of his laying this tick, a slow wander of about WOBBLE each way."""
        seconds = tick * DT
        phase = np.array([1.7 * seconds + 0.3 * self.target, 2.3 * seconds + 1.1 * self.target, 0.9 * seconds])
        return WOBBLE * sin(phase)

    def _fires(self, gate, wanted: np.ndarray, distance: float) -> bool:
        """On target, in a burst (or after its pause), the barrel not too hot, the gun able."""
        if gate.heat > HOT:
            self.cooling = True
        elif gate.heat < COOLED:
            self.cooling = False
        self.last_seen: np.ndarray | None = None  # (M,) tick he last saw each guard
        error = float(norm((gate.direction() - wanted)[None, :])[0])
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
