"""Fixed flights that exercise every path of `Fleet.step`, each reduced to state hashes: air and ground starts of
every type, taxiing with brakes and blip, stalls and spins, crashes, damage, bad controls, and a big mixed fleet
over hilly terrain in wind. The kernel tests compare their hashes (with and without the JIT, and against the
numpy code the kernels replaced: see `trace`).
"""
from __future__ import annotations

import numpy as np

from flight.sim.dynamics import DT, Fleet, known_aircraft, load_aircraft
from flight.sim.dynamics.stablemath import sin
from flight.sim.map.terrain import generate_terrain
from flight.sim.replay.arrays import digest


def _wobble(tick: int, n: int, period: float, amplitude: float) -> np.ndarray:
    """A smooth, reproducible stick input per aircraft (stablemath's sin: the same bits on every CPU)."""
    phase = np.arange(n) * 0.7 + tick * (2.0 * np.pi / period)
    return amplitude * sin(phase)


def _air(kind: str, ticks: int):
    fleet = Fleet([load_aircraft(kind)])
    fleet.reset(0, pos=(0.0, 0.0, -1500.0), speed=50.0, heading=30.0, pitch=2.0, roll=5.0, throttle=1.0)

    def controls(t, u):
        u[:, 0] = _wobble(t, 1, 400.0, 0.4)
        u[:, 1] = _wobble(t, 1, 700.0, 0.3) + 0.05
        u[:, 2] = _wobble(t, 1, 900.0, 0.2)
        u[:, 3] = 1.0 if t < 1500 else 0.6
        u[:, 5] = 1.0 if 1000 <= t < 1100 else 0.0  # blip
    return fleet, controls


def _ground(kind: str, ticks: int):
    """Idle, open up (chocks away), taxi with rudder and brake, blip, then take off."""
    fleet = Fleet([load_aircraft(kind)])
    fleet.reset(0, on_ground=True, pos=(0.0, 0.0, 0.0), heading=90.0)

    def controls(t, u):
        u[:] = 0.0
        if t < 200:
            u[:, 4] = 1.0
            return
        u[:, 3] = 0.6 if t < 1200 else 1.0
        u[:, 2] = 0.8 if 400 <= t < 700 else (-0.8 if 700 <= t < 900 else 0.0)
        u[:, 4] = 1.0 if 900 <= t < 1000 else 0.0
        u[:, 5] = 1.0 if 1000 <= t < 1060 else 0.0
        u[:, 1] = -0.3 if 1200 <= t < 1500 else (0.4 if t >= 1700 else 0.0)
    return fleet, controls


def _stall_spin(kind: str, ticks: int):
    fleet = Fleet([load_aircraft(kind)])
    fleet.reset(0, pos=(0.0, 0.0, -2000.0), speed=40.0, heading=0.0, throttle=0.3)

    def controls(t, u):
        u[:, 3] = 0.3
        u[:, 1] = min(1.0, t / 300.0)
        u[:, 2] = 1.0 if t >= 400 else 0.0
        u[:, 0] = -0.5 if t >= 400 else 0.0
    return fleet, controls


def _crashes(ticks: int):
    """A dive into the ground, a nose-over under hard brakes, a hard landing and a wing strike, together."""
    types = ["camel", "fokker_d7", "camel", "gotha_g5"]
    fleet = Fleet([load_aircraft(t) for t in types])
    fleet.reset(0, pos=(0.0, 0.0, -300.0), speed=60.0, pitch=-40.0, throttle=1.0)
    fleet.reset(1, on_ground=True, pos=(0.0, 100.0, 0.0))
    fleet.reset(2, pos=(0.0, 200.0, -20.0), speed=35.0, pitch=-15.0)
    fleet.reset(3, pos=(0.0, 300.0, -15.0), speed=40.0, roll=60.0, pitch=-10.0, throttle=0.5)

    def controls(t, u):
        u[1, 3] = 1.0 if t > 100 else 0.0
        u[1, 4] = 1.0 if t > 400 else 0.0
        u[1, 1] = -1.0 if t > 300 else 0.0
    return fleet, controls


def _damage(kind: str, ticks: int):
    fleet = Fleet([load_aircraft(kind)] * 3)
    for i in range(3):
        fleet.reset(i, pos=(0.0, 50.0 * i, -1200.0), speed=48.0, heading=10.0 * i, throttle=0.9)

    def controls(t, u):
        u[:, 3] = 0.9
        u[:, 1] = 0.1
        if t == 300:
            fleet.damage[0, 0] = 0.4  # left wing
            fleet.damage[1, 2:] = (0.5, 0.3, 0.0)  # ailerons, elevator, rudder
            fleet.damage_engine[2, 0] = 0.0
        if t == 900:
            fleet.damage[0, 1] = 0.0
    return fleet, controls


def _bad_controls(ticks: int):
    fleet = Fleet([load_aircraft("camel")] * 2)
    fleet.reset(0, pos=(0.0, 0.0, -1000.0), speed=45.0, throttle=0.8)
    fleet.reset(1, on_ground=True, pos=(100.0, 0.0, 0.0))

    def controls(t, u):
        u[:] = (0.2, 0.1, 0.0, 0.9, 0.0, 0.0)
        if t % 50 == 7:
            u[:, 1] = np.nan
            u[:, 3] = np.inf
        if t % 70 == 3:
            u[:, 0] = 5.0
            u[:, 2] = -np.inf
    return fleet, controls


def _many(n: int, ticks: int):
    """A mixed fleet over hilly terrain in a wind, some parked, some taking off, most in the air."""
    terrain = generate_terrain(seed=3)
    kinds = known_aircraft()
    fleet = Fleet([load_aircraft(kinds[i % len(kinds)]) for i in range(n)], ground=terrain.height_at)
    fleet.wind[:] = (3.0, -2.0, 0.0)
    for i in range(n):
        if i % 4 == 0:
            fleet.reset(i, on_ground=True, pos=(30.0 * i, 20.0 * i, 0.0), heading=7.0 * i)
        else:
            fleet.reset(i, pos=(40.0 * i - 2000.0, 500.0 - 35.0 * i, -150.0 - 8.0 * i), speed=40.0 + 0.3 * i,
                        heading=13.0 * i, pitch=-3.0 + 0.2 * i, throttle=0.9)

    def controls(t, u):
        u[:, 0] = _wobble(t, n, 300.0, 0.5)
        u[:, 1] = _wobble(t, n, 500.0, 0.4)
        u[:, 2] = _wobble(t, n, 800.0, 0.3)
        u[:, 3] = np.where(np.arange(n) % 4 == 0, 1.0 if t > 200 else 0.0, 0.85)
        u[:, 4] = np.where((np.arange(n) % 3 == 0) & (t % 600 < 50), 1.0, 0.0)
        u[:, 5] = np.where((np.arange(n) % 5 == 1) & (t % 900 < 40), 1.0, 0.0)
    return fleet, controls


def scenarios(ticks: int = 3000) -> dict:
    """name -> (fleet, controls(tick, u)): each a fresh Fleet, reset and ready to fly `ticks` ticks."""
    out = {}
    for kind in known_aircraft():
        out[f"air/{kind}"] = lambda kind=kind: _air(kind, ticks)
        out[f"ground/{kind}"] = lambda kind=kind: _ground(kind, ticks)
    out["stall_spin/camel"] = lambda: _stall_spin("camel", ticks)
    out["stall_spin/fokker_d7"] = lambda: _stall_spin("fokker_d7", ticks)
    out["stall_spin/fokker_dr1"] = lambda: _stall_spin("fokker_dr1", ticks)
    out["crashes"] = lambda: _crashes(ticks)
    out["damage/camel"] = lambda: _damage("camel", ticks)
    out["bad_controls"] = lambda: _bad_controls(ticks)
    out["many/9"] = lambda: _many(9, ticks)
    out["many/64"] = lambda: _many(64, ticks)
    return out


def trace(make, ticks: int, every: int = 1) -> list[str]:
    """Hex state digests after each `every` ticks of one scenario (the reset state first)."""
    fleet, controls = make()
    hashes = [digest(fleet.state()).hex()]
    u = fleet.controls
    for t in range(ticks):
        controls(t, u)
        fleet.step(u, DT)
        if (t + 1) % every == 0:
            hashes.append(digest(fleet.state()).hex())
    return hashes


if __name__ == "__main__":  # re-record tests/sim/dynamics/golden_600.json (review the diff): python -m ... 600
    import json
    import sys
    from pathlib import Path

    ticks = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    golden = {name: trace(make, ticks, every=ticks)[-1] for name, make in scenarios(ticks).items()}
    Path(__file__).with_name(f"golden_{ticks}.json").write_text(json.dumps(golden, indent=1, sort_keys=True) + "\n")
