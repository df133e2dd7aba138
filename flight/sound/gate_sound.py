"""Part 1 at the camp gate (WorldSnapshot.gate) as heard from Allison's gun: his Maxim's every round and its belt
changes, the guards' rifles, their grenades and the rounds striking, and the guards shouting as they run. Laid as
bursts where they happen (flight.sound.bursts). Imports numpy and flight.sim only."""
from __future__ import annotations

import numpy as np

from flight.sim.world.combat.events import EXPLOSION, HIT
from flight.sound.bursts import Bursts
from flight.sound.one_shots import blast, clank, gun_report, shout, thwack
from flight.sound.spatial import Listener

SHOUT_EVERY_TICKS = 420  # a running guard shouts about every 3.5 s (each on his own beat)
RUNNING = 1  # GateSnapshot.men_state: running


def gate_listener(gate) -> Listener:
    """Allison's ears behind his gun, facing along its bore (levelled)."""
    forward = np.array([gate.gun_direction[0], gate.gun_direction[1], 0.0])
    forward /= max(float(np.linalg.norm(forward)), 1e-9)
    right = np.array([-forward[1], forward[0], 0.0])
    return Listener(gate.gun_pos - 0.8 * forward, np.stack([forward, right, [0.0, 0.0, 1.0]], axis=1))


class GateSounds:
    """The gate fight's short sounds, made once from the mixer's seed."""

    def __init__(self, seed: int):
        self.maxim = [gun_report(seed + 31 + k) for k in range(4)]
        self.rifle = gun_report(seed + 41) * 0.7
        self.grenade = blast(seed=seed + 51)
        self.thwack = thwack(seed + 61) * 0.5
        self.shouts = [shout(seed + 71 + k) * 0.8 for k in range(6)]
        self.clank = clank(seed + 81)
        self.rounds = 0
        self.reloading = False  # the last block's: a new belt is heard going in

    def lay(self, gate, bursts: Bursts, listener: Listener, written: int, count: int, gap: int, volumes) -> None:
        """The bursts of the ticks since the last block (the snapshot after tick T holds ticks T - gap .. T - 1)."""
        first = gate.tick - gap

        def at(tick) -> int:
            return written + int((tick - first) * count / gap)

        if gate.reloading and not self.reloading:  # the empty belt out, the new one in, the handle worked
            for offset in (0.0, 0.9, 1.6):
                bursts.add(self.clank * volumes.guns, gate.gun_pos, written + int(offset * bursts.rate), listener)
        self.reloading = gate.reloading
        if gate.gun_shot_tick >= first:
            bursts.add(self.maxim[self.rounds % 4] * volumes.guns, gate.muzzle_pos, at(gate.gun_shot_tick), listener)
            self.rounds += 1
        if gate.men_shot_tick is not None:
            for i in np.nonzero(gate.men_shot_tick >= first)[0]:
                bursts.add(self.rifle * volumes.guns, gate.men_pos[i], at(gate.men_shot_tick[i]), listener)
        fresh = (gate.event_age >= 1) & (gate.event_age <= gap)
        for kind, pos, age in zip(gate.event_kind[fresh], gate.event_pos[fresh], gate.event_age[fresh]):
            if kind == EXPLOSION:
                bursts.add(self.grenade * (2.0 * volumes.guns), pos, at(gate.tick - age), listener)
            elif kind == HIT:
                bursts.add(self.thwack * volumes.guns, pos, at(gate.tick - age), listener)
        for i in np.nonzero(gate.men_state == RUNNING)[0]:
            beat = (gate.tick + 97 * i) % SHOUT_EVERY_TICKS  # each man's own moment in the cycle
            if beat < gap:
                bursts.add(self.shouts[i % len(self.shouts)] * volumes.ambience, gate.men_pos[i] - [0.0, 0.0, 1.6],
                           at(gate.tick - beat), listener)

