"""Anti-aircraft shells: a flak gun lays on the point where it predicts its target will be when the shell gets
there, sets the time fuse for it, and the shell bursts there (with the gunners' errors) into a sphere of
shrapnel whose hits thin out with the square of the distance. Shells are not flown: each is its burst point and
tick. Imports numpy only.

Figures: a 7.7 cm K-Flak or a British 13-pounder fired about 15 rounds a minute; a shell took 4-6 s to reach
2-3 km. Prediction was poor (speed and course by eye, height by a range-finder) and the fuse ran a little long or
short; both are the errors here, smaller when a searchlight holds the target, larger at night when none does.
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.world.combat.aiming import lead, normal, norm
from flight.sim.world.combat.ground_units import FLAK, GUN_HEIGHT, GroundUnits, Sky
from flight.sim.world.combat.hits import ENGINE, FIN, FUEL_TANK, FUSELAGE, LEFT_WING, PILOT, RIGHT_WING, TAILPLANE

INTERVAL = (3.2, 1.6)  # s between rounds: at least, and up to this much more
SHELL_SPEED = 480.0  # m/s, average over the flight
SPEED_ERROR = 0.15  # of the target's speed: the gunners' estimate of it
POINTING_ERROR = 0.012  # rad: laying the gun
FUSE_ERROR = 0.02  # of the range: where along its path the shell bursts
HELD_FACTOR, UNSEEN_FACTOR = 0.5, 2.5  # errors with a searchlight on the target; at night with none
FRAGMENTS = 150.0  # shrapnel balls and splinters of one burst fast enough to go through an aircraft
LETHAL_RADIUS = 60.0  # m: beyond this a burst does no harm
MIN_DISTANCE = 4.0  # m: the hits of a closer burst are counted as at this distance
MAX_HITS = 12
# where splinters strike, by share of the presented area: wings, tailplane, fin, fuselage, engine, tank, pilot
PART_SHARES = np.array([0.25, 0.25, 0.1, 0.05, 0.12, 0.1, 0.06, 0.07])
_SHARE_PARTS = np.array([LEFT_WING, RIGHT_WING, TAILPLANE, FIN, FUSELAGE, ENGINE, FUEL_TANK, PILOT], dtype=np.int8)
FIELDS = ("burst_tick", "burst_pos", "shooter")


class FlakShells:
    """Shells in flight: (S,) `burst_tick`, (S, 3) `burst_pos` NED, (S,) `shooter` (ground unit index)."""

    def __init__(self):
        self.burst_tick = np.zeros(0, dtype=np.int64)
        self.burst_pos = np.zeros((0, 3))
        self.shooter = np.zeros(0, dtype=np.int32)

    def state(self) -> dict[str, np.ndarray]:
        return {name: getattr(self, name).copy() for name in FIELDS}

    def restore(self, state: dict[str, np.ndarray]) -> None:
        for name in FIELDS:
            setattr(self, name, np.array(state[name], dtype=getattr(self, name).dtype, copy=True))

    def fire(self, units: GroundUnits, sky: Sky, rng: np.random.Generator, tick: int) -> None:
        """Guns that are ready and have a target fire one round each."""
        flak = (units.kind == FLAK) & units.active
        units.cooldown = np.where(flak, np.maximum(units.cooldown - DT, 0.0), units.cooldown)
        ready = np.flatnonzero(flak & (units.target >= 0) & (units.cooldown <= 0.0))
        if not ready.size:
            return
        k = len(ready)
        target = units.target[ready]
        origin = units.pos[ready] + np.array([0.0, 0.0, -GUN_HEIGHT])
        offset = sky.pos[target] - origin
        error = np.where(sky.held[target], HELD_FACTOR,
                         np.where(norm(offset) < units.sight, 1.0, UNSEEN_FACTOR))
        guessed = sky.vel[target] * (1.0 + SPEED_ERROR * error * normal(rng, k))[:, None]
        aim, time = lead(offset, guessed, np.full(k, SHELL_SPEED))
        distance = time * SHELL_SPEED
        # lead() aimed above for the drop; the shell's fuse is set for the predicted point itself
        point = origin + offset + guessed * time[:, None]
        across = normal(rng, (k, 3)) * (POINTING_ERROR * error * distance)[:, None]
        along = (aim * (FUSE_ERROR * error * distance * normal(rng, k))[:, None])
        self.burst_pos = np.concatenate([self.burst_pos, point + across + along])
        fuse = np.maximum(np.round(time / DT), 1).astype(np.int64)
        self.burst_tick = np.concatenate([self.burst_tick, tick + fuse])
        self.shooter = np.concatenate([self.shooter, ready.astype(np.int32)])
        units.cooldown[ready] = INTERVAL[0] + INTERVAL[1] * rng.random(k)
        units.last_shot[ready] = tick

    def burst(self, tick: int, pos: np.ndarray, alive: np.ndarray, area: np.ndarray, rng: np.random.Generator):
        """The shells whose fuses run out this tick burst. Returns (burst points (B, 3), and the splinter hits:
        aircraft (H,), part (H,) (hits.PARTS), outer (H,), shooter (H,) ground unit index)."""
        due = self.burst_tick <= tick
        if not due.any():
            return None
        points, shooters = self.burst_pos[due], self.shooter[due]
        self.burst_tick, self.burst_pos, self.shooter = (self.burst_tick[~due], self.burst_pos[~due],
                                                         self.shooter[~due])
        offset = pos[None, :, :] - points[:, None, :]
        distance = np.maximum(norm(offset), MIN_DISTANCE)  # (B, N)
        near = (distance < LETHAL_RADIUS) & alive[None, :]
        burst_index, aircraft = np.nonzero(near)
        if not len(aircraft):
            return points, None
        d = distance[burst_index, aircraft]
        expected = FRAGMENTS * area[aircraft] / (4.0 * np.pi * d * d)
        count = np.minimum(np.floor(expected + rng.random(len(d))), MAX_HITS).astype(np.intp)
        aircraft, shooter = np.repeat(aircraft, count), np.repeat(shooters[burst_index], count)
        draws = rng.random((len(aircraft), 2))
        part = np.searchsorted(np.cumsum(PART_SHARES), draws[:, 0] * PART_SHARES.sum(), side="right")
        part = _SHARE_PARTS[np.minimum(part, len(_SHARE_PARTS) - 1)]
        return points, (aircraft, part, draws[:, 1] < 0.5, shooter)

