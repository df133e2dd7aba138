"""What the app draws and the HUD shows of Part 1 after a tick (WorldSnapshot.gate): copies of the gate's gun,
guards, prisoners, grenades, rounds and searchlights in one frozen record. Imports numpy only."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.sim.dynamics import DT
from flight.sim.world.combat.combat_snapshot import EVENT_TICKS, FLASH_TICKS, TRACER_BURN_TICKS
from flight.sim.world.seats.gate.gun import BARREL


@dataclass(frozen=True)
class GateSnapshot:
    """Part 1 after one tick. Positions NED m in the world's frame (z down, on the ground for men and prisoners),
    directions NED unit vectors, angles rad, ages in ticks. M guards, P prisoners, G grenades, T tracers, L lights,
    E events.

    The gun: the player's view sits at `gun_pos` (the trunnions, 0.6 m above the ground) looking along
    `gun_direction`; `gun_traverse` is measured from `gun_facing` (a compass bearing), + to the right (clockwise
    from above), within +-`traverse_limit`; `gun_elevation` + up, within `elevation_limits`.
    """
    tick: int
    gun_pos: np.ndarray  # (3,) the pivot
    gun_facing: float  # rad, compass bearing of the middle of the traverse
    gun_traverse: float  # rad from gun_facing, + right
    gun_elevation: float  # rad, + up
    gun_direction: np.ndarray  # (3,) along the bore
    muzzle_pos: np.ndarray  # (3,) where the flash and the rounds start
    traverse_limit: float  # rad either side of gun_facing
    elevation_limits: tuple[float, float]  # rad, low and high
    heat: float  # 0 cold .. 1 boiling: the gun stops there and restarts once it cools to 0.7
    rounds: int  # left in the belt (0 while the belt is changed)
    belt_rounds: int  # a full belt
    spare_belts: int  # full belts left
    reloading: bool
    reload_left_s: float  # of a belt change, 0 when none
    stoppage: bool  # stopped by heat
    flash: bool  # fired in the last FLASH_TICKS: draw the muzzle flash
    health: float  # the position's, 1 .. 0 fallen
    held: bool  # a searchlight holds the gun: Allison is lit
    men_pos: np.ndarray  # (M, 3) guards' feet
    men_heading: np.ndarray  # (M,) rad, compass: the way a man runs, or faces from cover
    # (M,) gate_guards.MAN_STATES index: 0 waiting (not out yet: draw nothing), 1 running, 2 cover (lying, or
    # crouched behind cover), 3 down (hit)
    men_state: np.ndarray
    men_throwing: np.ndarray  # (M,) bool: up on his knees with a grenade
    men_flash: np.ndarray  # (M,) bool: fired his rifle in the last FLASH_TICKS
    men_lit: np.ndarray  # (M,) bool: in a beam's pool of light (the gunner AI sees him; so should the player)
    prisoner_pos: np.ndarray  # (P, 3)
    # (P,) gate_prisoners.PRISONER_STATES index: 0 waiting (in his hut), 1 running, 2 arrived (at the bombers),
    # 3 fallen
    prisoner_state: np.ndarray
    grenade_pos: np.ndarray  # (G, 3) grenades in the air or lying on the ground, fizzing
    grenade_fuse: np.ndarray  # (G,) s until each bursts
    tracer_pos: np.ndarray  # (T, 3) the gun's burning tracers
    tracer_vel: np.ndarray  # (T, 3) m/s
    tracer_age: np.ndarray  # (T,) ticks since fired
    # (E,) flight.sim.world.combat.events.KINDS index: "hit" a man struck, "dust" a round into the ground, "explosion" a
    # grenade's burst
    event_kind: np.ndarray
    event_pos: np.ndarray  # (E, 3)
    event_age: np.ndarray  # (E,) ticks
    light_pos: np.ndarray  # (L, 3) the towers' lamps
    light_beam: np.ndarray  # (L, 3) from the lamp to the lit spot on the ground
    light_spot: np.ndarray  # (L, 3) the spot, on the ground
    light_on: np.ndarray  # (L,) bool: burning (a lamp can be shot out)
    through: int  # prisoners past the gate
    arrived: int  # prisoners at the bombers
    target: int  # arrivals that end the part
    prisoners: int  # in all
    done: bool
    # the ticks of the gun's and each guard's latest round, so the sound places every report on its tick
    gun_shot_tick: int = -1000
    men_shot_tick: np.ndarray | None = None  # (M,)


def gate_snapshot(gate, tick: int) -> GateSnapshot:
    g, m, p, b = gate, gate.guards, gate.prisoners, gate.bullets
    burning = b.tracer & ((tick - b.born) < TRACER_BURN_TICKS)
    kind, pos, age = g.events.recent(tick, EVENT_TICKS)
    direction = g.direction()
    beams = g.beams()
    spots = np.concatenate([g.light_aim, -g.ground(g.light_aim[:, 0], g.light_aim[:, 1])[:, None]], axis=1)
    prisoner_pos = np.concatenate([p.pos, -g.ground(p.pos[:, 0], p.pos[:, 1])[:, None]], axis=1)
    return GateSnapshot(
        tick=tick, gun_pos=g.pivot.copy(), gun_facing=float(g.facing), gun_traverse=float(g.traverse),
        gun_elevation=float(g.elevation), gun_direction=direction, muzzle_pos=g.pivot + BARREL * direction,
        traverse_limit=float(g.arc), elevation_limits=(float(g.low), float(g.high)), heat=min(float(g.heat), 1.0),
        rounds=int(g.rounds), belt_rounds=g.spec.belt_rounds, spare_belts=int(g.spares),
        reloading=g.reload_ticks > 0, reload_left_s=g.reload_ticks * DT if g.reload_ticks > 0 else 0.0,
        stoppage=bool(g.stopped), flash=tick - g.last_shot < FLASH_TICKS, health=float(g.health), held=g.held,
        men_pos=m.pos.copy(), men_heading=m.heading.copy(), men_state=m.state.copy(), men_throwing=m.throw > 0,
        men_flash=tick - m.last_shot < FLASH_TICKS, men_lit=g.lit(), prisoner_pos=prisoner_pos, prisoner_state=p.state.copy(),
        grenade_pos=m.grenade_pos.copy(), grenade_fuse=m.grenade_fuse.copy(), tracer_pos=b.pos[burning],
        tracer_vel=b.vel[burning], tracer_age=tick - b.born[burning], event_kind=kind, event_pos=pos,
        event_age=age, light_pos=g.light_pos.copy(), light_beam=beams, light_spot=spots, light_on=g.light_on.copy(),
        through=g.through, arrived=g.arrived, target=g.target, prisoners=len(p.state), done=g.done,
        gun_shot_tick=int(g.last_shot), men_shot_tick=m.last_shot.copy())
