"""Test driver: aircraft take off, fly the field's circuit under the AI pilot, land and stop, on a generated
terrain, all in one Fleet (a fleet-wide wind; each aircraft its own seeded start); what each did is measured."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from flight.sim.dynamics import DT, Fleet, load_aircraft
from flight.sim.world import generate_terrain
from flight.sim.world.ai import Airfield, Phase, Pilot

FIELD = Airfield(north=0.0, east=0.0, landing_heading=np.radians(270.0), radius=600.0)  # the training field


@dataclass(frozen=True)
class CircuitResult:
    aircraft: str
    outcome: str  # "landed" (stopped on the field), "crashed: <cause>", "stopped off the field", "still flying"
    takeoff_distance: float  # m rolled from the start to lift-off
    seconds: float  # from the order to stopped (or the end)
    touchdown_sink: float  # m/s, the worst sink rate at a wheel touch after flying
    go_arounds: int


def start_conditions(seed: int) -> tuple[float, tuple[float, float], np.ndarray]:
    """Seeded variation: start heading 270 +- 8 deg, start offset +- 40 m from the field's centre, and a westerly
    wind of 0-5 m/s from 230-310 deg (the fleet's, when this seed sets it)."""
    rng = np.random.default_rng(seed)
    heading = 270.0 + rng.uniform(-8.0, 8.0)
    offset = (float(rng.uniform(-40.0, 40.0)), float(rng.uniform(-40.0, 40.0)))
    wind_from, wind_speed = np.radians(rng.uniform(230.0, 310.0)), rng.uniform(0.0, 5.0)
    wind = -wind_speed * np.array([np.cos(wind_from), np.sin(wind_from), 0.0])
    return heading, offset, wind


def fly_circuits(types: list[str], seeds: list[int], wind_seed: int, height: float = 150.0,
                 max_seconds: float = 480.0, terrain_seed: int = 1) -> list[CircuitResult]:
    """Each aircraft `types[i]` starts as `seeds[i]` says and flies a circuit of FIELD from the ground, in the
    wind of `wind_seed`. Aircraft never collide, so they may share the field."""
    terrain = generate_terrain(terrain_seed)
    fleet = Fleet([load_aircraft(name) for name in types], ground=terrain.height_at)
    fleet.wind[:] = start_conditions(wind_seed)[2]
    for i, seed in enumerate(seeds):
        heading, (north, east), _ = start_conditions(seed)
        fleet.reset(i, on_ground=True, pos=(north, east, 0.0), heading=heading)
    start = fleet.pos[:, :2].copy()
    pilot = Pilot(fleet, range(fleet.n))
    pilot.circuit(range(fleet.n), FIELD, height=height)
    takeoff_distance = np.full(fleet.n, np.nan)
    sink, go_arounds, stopped_at = np.zeros(fleet.n), np.zeros(fleet.n, int), np.full(fleet.n, np.nan)
    flown = np.zeros(fleet.n, bool)
    ticks = round(max_seconds / DT)
    for tick in range(ticks):
        before, was_down = pilot.phase.copy(), fleet.on_ground.copy()
        sink_before = fleet.vel[:, 2].copy()
        pilot.update()
        fleet.step(fleet.controls, DT)
        phase = pilot.phase
        rolling = (phase == Phase.TAKEOFF_ROLL) & fleet.on_ground
        takeoff_distance[rolling] = np.hypot(*(fleet.pos[rolling, :2] - start[rolling]).T)
        flown |= phase == Phase.DOWNWIND
        touched = flown & fleet.on_ground & ~was_down
        sink[touched] = np.maximum(sink[touched], sink_before[touched])
        go_arounds += (phase == Phase.CLIMB_OUT) & (before != Phase.CLIMB_OUT) & flown
        newly_stopped = (phase == Phase.STOPPED) & np.isnan(stopped_at)
        stopped_at[newly_stopped] = (tick + 1) * DT
        if ((phase == Phase.STOPPED) | fleet.crashed).all():
            break
    return [CircuitResult(name, _outcome(fleet, i, stopped_at[i]), float(takeoff_distance[i]),
                          float(stopped_at[i]) if np.isfinite(stopped_at[i]) else (tick + 1) * DT,
                          float(sink[i]), int(go_arounds[i]))
            for i, name in enumerate(types)]


def _outcome(fleet: Fleet, i: int, stopped_at: float) -> str:
    if fleet.crashed[i]:
        return f"crashed: {fleet.crash_cause_name(i)}"
    if not np.isfinite(stopped_at):
        return "still flying"
    on_field = np.hypot(fleet.pos[i, 0] - FIELD.north, fleet.pos[i, 1] - FIELD.east) < FIELD.radius
    return "landed" if on_field else "stopped off the field"


if __name__ == "__main__":  # python -m tests.sim.world.circuits [seeds]: the acceptance measure, one fleet per seed
    import sys

    for seed in range(int(sys.argv[1]) if len(sys.argv) > 1 else 10):
        for r in fly_circuits(["camel", "fokker_d7", "gotha_g5"], [seed] * 3, wind_seed=seed):
            print(f"seed {seed} {r.aircraft:10s} {r.outcome:22s} takeoff {r.takeoff_distance:4.0f} m  "
                  f"circuit {r.seconds:4.0f} s  touchdown sink {r.touchdown_sink:4.2f} m/s  go-arounds {r.go_arounds}",
                  flush=True)
