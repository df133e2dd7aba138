"""The seat at the camp gate's Maxim (Part 1 of Level 2), offered by a level's `[gate]` table: the frame lays and
fires the gun while aircraft 0 stands parked, and the player starts here. Imports numpy only."""
from __future__ import annotations

from flight.sim.command import PARKED
from flight.sim.world.seats.gate.gate_snapshot import gate_snapshot
from flight.sim.world.seats.gate.gate_spec import GateSpec, gate_from_table
from flight.sim.world.seats.gate.gun import Gate
from flight.sim.world.seats.gate.gunner import GateGunner
from flight.sim.world.seats.seat import Seat


class GateSeat(Seat):
    name = "gate"
    table = "gate"
    in_aircraft = False
    aims_gun = True
    reloads = True
    starts_here = True
    gauges = frozenset({"messages", "objectives"})  # and its own; the aircraft's mean nothing at the gate's gun

    def __init__(self, gate: Gate):
        self.gate = gate

    @classmethod
    def read_table(cls, table: dict) -> GateSpec:
        return gate_from_table(table)

    @classmethod
    def of(cls, world, specs: dict) -> GateSeat | None:
        spec = specs.get(cls.table)
        return None if spec is None else cls(Gate(spec, world.terrain, world.rng))

    def take_frame(self, world, controls, buttons):
        """The frame lays the gun; aircraft 0 stands parked with no buttons pressed."""
        self.gate.tick(world, controls, buttons)
        return PARKED.to_array(), 0

    def snapshot_fields(self, tick: int, current: bool) -> dict:
        return {"gate": gate_snapshot(self.gate, tick)}

    def state(self):
        return self.gate.state()

    def restore(self, state) -> None:
        self.gate.restore(state)

    def auto_pilot(self) -> GateGunner:
        return GateGunner()

    def mission_view(self) -> Gate:
        """`m.gate`: `through`, `arrived`, `target`, `fallen`, `done`, `count`."""
        return self.gate
